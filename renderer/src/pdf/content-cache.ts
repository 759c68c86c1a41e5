import { call } from '../api.ts';

export interface FileContent {
  bytes: Uint8Array;
  mediaType: string;
}

const attachments = new Map<number, Promise<FileContent>>();

/** The stored bytes of an attachment (fetched once; stored files never change). */
export function attachmentContent(id: number): Promise<FileContent> {
  let content = attachments.get(id);
  if (!content) {
    content = call('attachments:content', { id }).then(({ bytes, mediaType }) => ({ bytes, mediaType }));
    content.catch(() => attachments.delete(id));
    attachments.set(id, content);
  }
  return content;
}

/** Whether Chromium shows this image kind in an <img> (TIFF it does not). */
export function isShownImage(mediaType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(mediaType);
}

import { UserFacingError } from '#shared/errors.ts';

const askAgain = '请向对方重新索取由卷宗导出的 .juanzong 文件。';

/** An archive refused before or while it was unpacked; nothing of it was kept. */
export class ArchiveError extends UserFacingError {
  constructor(
    code: string,
    readonly archive: string,
    readonly reason: string,
    advice = askAgain,
  ) {
    super(code, `无法导入「${archive}」：${reason}。卷宗没有导入其中任何内容${advice ? `；${advice}` : '。'}`);
    this.name = 'ArchiveError';
  }
}

/** Throws an `ArchiveError`; `advice` replaces "ask for the file again" where that is not the fix. */
export function refuse(code: string, archive: string, reason: string, advice?: string): never {
  throw new ArchiveError(code, archive, reason, advice);
}

/**
 * What a draft hands back beside the profile: the gaps a person must fill or decide, and the guide's words for
 * every drafted field (the profile's trace).
 */

/** Something the guide does not give or a person must decide, with the profile path it concerns. */
export interface DraftGap {
  /** The profile path, e.g. `materials.2` or `tracks.main.caps`. */
  path: string;
  /** What is missing and what to do, in Chinese. */
  message: string;
  /** True when the profile holds a stand-in value at `path` that must be replaced before use. */
  placeholder: boolean;
}

/** Marks a stand-in text so that nobody mistakes it for the guide's words. */
export const placeholderText = (what: string) => `【待填写】${what}`;

/** A stand-in date where the schema needs one; always listed in `gaps`. */
export const placeholderDate = '2000-01-01';

/** Collects the gaps and the trace of one draft as the mapping goes. */
export class DraftNotes {
  readonly gaps: DraftGap[] = [];
  private readonly traced = new Map<string, string[]>();

  /** A field the guide states: its quote goes into the trace. */
  quote(path: string, quote: string | undefined): void {
    if (!quote) return;
    const paths = this.traced.get(quote) ?? [];
    if (!paths.includes(path)) paths.push(path);
    this.traced.set(quote, paths);
  }

  /** A field a person must still decide; the value in the profile is a draft, not a stand-in. */
  decide(path: string, message: string): void {
    this.gaps.push({ path, message, placeholder: false });
  }

  /** A field the schema needs but the guide does not give: the profile holds a stand-in. */
  fill(path: string, message: string): void {
    this.gaps.push({ path, message, placeholder: true });
  }

  /** The trace: each quote once, with every path drafted from it. */
  trace(): { quote: string; encodedAt: string[] }[] {
    return [...this.traced].map(([quote, encodedAt]) => ({ quote, encodedAt }));
  }
}

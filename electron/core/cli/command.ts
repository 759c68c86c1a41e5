/** What every `juanzong` sub-command gets: its arguments and where to write. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext extends CliIo {
  /** The data folder (`--data DIR`, else $JUANZONG_DATA, else the platform default). */
  dataDir: string;
}

export interface CliCommand {
  /** The words that select it, e.g. `['applicants', 'list']` or `['check']`. */
  words: string[];
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run: (args: string[], ctx: CliContext) => Promise<number>;
}

/** A failure the user can fix: printed as is, exit code 2. */
export class UsageError extends Error {
  readonly exitCode: number = 2;
}

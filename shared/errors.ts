/**
 * An error the clerk can act on: a stable `code` for programs and a Chinese `message` that says
 * what is wrong and what to do. Anything else that escapes a service is reported as an internal error.
 */
export class UserFacingError extends Error {
  readonly userFacing = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function isUserFacing(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    (error as { userFacing?: unknown }).userFacing === true &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** For exhaustive switches: fails to compile when a case is missing. */
export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

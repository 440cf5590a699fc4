/** An error a user can act on: a stable code for logs and tests, and a one-line message for chat. */
export class DossierError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

/** The first line of an error's message, for a one-line warning. */
export function errorLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

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

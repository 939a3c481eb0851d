/** What kind of refusal a service error is; web maps it to a status, the CLI to an exit code. */
export type ServiceErrorKind = 'not-found' | 'conflict' | 'invalid' | 'too-large';

/** A refusal with a sentence for the editor that says what is wrong and what to do. */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

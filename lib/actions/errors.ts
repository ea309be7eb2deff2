/**
 * An error whose message is safe to show to the user: an i18n key such as
 * "errors.notFound". Any other error is logged and shown as a generic failure.
 */
export class SafeError extends Error {
  override name = "SafeError";
  constructor(
    message: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export class NotFoundError extends SafeError {
  constructor() {
    super("errors.notFound");
  }
}

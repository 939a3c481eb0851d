import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ServiceError, type ServiceErrorKind } from '../service/errors.js';
import { MAX_UPLOAD_FILES } from '../service/import-articles.js';

/** An error that carries the HTTP status and a sentence for the editor (after hono's HTTPException). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The HTTP status of each kind of service refusal. */
const STATUS_OF: Record<ServiceErrorKind, number> = { 'not-found': 404, conflict: 409, invalid: 422, 'too-large': 413 };

/** The catch-all for routes that matched nothing: a 404 page. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `There is no page at ${req.path}.`));
};

interface LibraryError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
  message?: string;
}

/** Turns service refusals and errors raised by body parsers, multer and csrf-sync into an HttpError with a sentence an editor can act on. */
function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof ServiceError) return new HttpError(STATUS_OF[err.kind], err.message);
  const e = (err ?? {}) as LibraryError;
  if (e.code === 'EBADCSRFTOKEN') {
    return new HttpError(403, 'This form has expired or did not come from Copydesk. Reload the page and submit it again.');
  }
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE' || e.code === 'LIMIT_FIELD_VALUE') {
    return new HttpError(413, 'What you sent is too large: articles are limited to 2 MB and glossary files to 32 MB. Split the file and try again.');
  }
  if (e.code === 'LIMIT_FILE_COUNT') {
    return new HttpError(413, `The form sent more files than it takes: an article import takes up to ${MAX_UPLOAD_FILES}, a glossary import one. Send fewer at a time.`);
  }
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new HttpError(400, `The upload was refused (${e.message ?? e.code}). Send it again from the form, with fewer fields or files.`);
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, e.expose && e.message ? e.message : 'The request could not be read. Reload the page and try again.');
  }
  return new HttpError(500, 'Something went wrong on our side. What you had saved is safe; try again, and tell the team if it persists.');
}

/** The error handler, registered last: renders the error page with the status; no stack traces leave the server. */
export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const httpError = toHttpError(err);
    if (httpError.status >= 500) log(err);
    if (res.headersSent) return;
    res.status(httpError.status);
    if (req.get('x-requested-with') === 'fetch' || !req.accepts('html')) {
      res.json({ error: httpError.message });
      return;
    }
    // The error may come before the locals middleware ran (a body too large to parse).
    res.render('errors/error', {
      title: httpError.status === 404 ? 'Not found' : 'Error',
      status: httpError.status,
      message: httpError.message,
      csrfToken: res.locals.csrfToken ?? '',
      author: res.locals.author ?? '',
      currentPath: res.locals.currentPath ?? '/',
    });
  };
}

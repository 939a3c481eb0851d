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

/** Longest piece of what was sent that a message quotes back. */
const MAX_QUOTED_CHARS = 80;

/** The catch-all for routes that matched nothing: a 404 page. */
export const notFound: RequestHandler = (req, _res, next) => {
  const path = req.path.length > MAX_QUOTED_CHARS ? `${req.path.slice(0, MAX_QUOTED_CHARS)}…` : req.path;
  next(new HttpError(404, `There is no page at ${path}.`));
};

interface LibraryError {
  name?: string;
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
  message?: string;
}

/** What each refusal of the body parsers (body-parser's error `type`) means, said for the person who sent it. */
const BODY_REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'The body is not well-formed JSON: check its quotes, commas and brackets, and send it again.',
  'parameters.too.many': 'The form has more fields than any Copydesk form (1,000 at most). Send it again from the page.',
  'charset.unsupported': 'The body is in a character set Copydesk does not read: send it as UTF-8.',
  'encoding.unsupported': 'The body is compressed in a way Copydesk does not read: send it uncompressed, or as gzip, deflate or br.',
  'request.aborted': 'The request was cut short before all of it arrived. Send it again.',
  'request.size.invalid': 'The request was not as long as it said it was. Send it again.',
  'querystring.parse.rangeError': 'The form is nested deeper than any Copydesk form. Send it again from the page.',
};

/** A library's own message is shown only when it reads as a sentence (http-errors exposes terse ones such as "too many parameters"). */
function isSentence(message: string): boolean {
  return /^[A-Z][^\n]* [^\n]*[.!?]$/u.test(message);
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
  // busboy's words for a multipart body it cannot read (no boundary, cut short, a bad part header).
  if (typeof e.message === 'string' && /^(Multipart: |Unexpected end of (form|file|multipart data)|Malformed part header|Malformed urlencoded form)/u.test(e.message)) {
    return new HttpError(400, 'The upload could not be read (it was cut short or is not a well-formed form). Send it again from the form.');
  }
  if (e.code === 'LIMIT_FILE_COUNT') {
    return new HttpError(413, `The form sent more files than it takes: an article import takes up to ${MAX_UPLOAD_FILES}, a glossary import one. Send fewer at a time.`);
  }
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new HttpError(400, `The upload was refused (${e.message ?? e.code}). Send it again from the form, with fewer fields or files.`);
  }
  // multer's other refusals: a part without a name (MISSING_FIELD_NAME), a name it cannot use (INVALID_FIELD_NAME).
  if (e.name === 'MulterError') {
    return new HttpError(400, 'The upload could not be read: a part of the form has no name, or one that cannot be used. Send it again from the form.');
  }
  const bodyRefusal = typeof e.type === 'string' ? BODY_REFUSALS[e.type] : undefined;
  if (bodyRefusal) return new HttpError(typeof e.status === 'number' && e.status < 500 ? e.status : 400, bodyRefusal);
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR…) for a body sent as gzip, deflate or br that is not.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new HttpError(400, 'The body says it is compressed but could not be decompressed. Send it again uncompressed.');
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, e.expose && e.message && isSentence(e.message) ? e.message : 'The request could not be read. Reload the page and try again.');
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
    // The API answers JSON whatever the client accepts: curl sends `Accept: */*`, which would
    // otherwise get the HTML page (docs/api.md promises {"error": sentence}).
    const isApi = req.originalUrl === '/api' || req.originalUrl.startsWith('/api/') || res.locals.isToken === true;
    if (isApi || req.get('x-requested-with') === 'fetch' || !req.accepts('html')) {
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

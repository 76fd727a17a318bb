/** Errors that become HTTP answers: `{ error: code, message, details? }`. */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new HttpError(400, 'bad_request', message, details);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
}

/** Map framework errors to clear messages; anything unknown is a 500 without internals. */
export function toHttpError(error: unknown, maxBodyBytes: number): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(
        413,
        'body_too_large',
        `request body is larger than the limit of ${maxBodyBytes} bytes`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'empty_body', 'request body is empty; expected JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'bad_content_length', 'Content-Length does not match the body');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpError(e.statusCode, 'bad_request', e.message);
  }
  return new HttpError(500, 'internal', 'internal error');
}

const MESSAGES: Record<number, string> = {
  400: 'Bad request: the body must be a JSON Bot Framework activity.',
  401: 'Unauthorized.',
  403: 'Forbidden.',
  404: 'Not found.',
  405: 'Method not allowed.',
  406: 'Not acceptable.',
  413: 'The body is too large.',
  415: 'Send the body as application/json.',
  429: 'Too many requests; wait a moment.',
};

/**
 * What an error answer says, chosen by status alone: parser messages and paths (restify's own texts) stay in the
 * logs, so no answer echoes internals or the caller's input back.
 */
export function publicErrorMessage(status: number): string {
  if (status >= 500) return 'Internal error.';
  return MESSAGES[status] ?? 'Request failed.';
}

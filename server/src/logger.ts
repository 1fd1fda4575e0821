import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Nothing that could carry a credential or a choice is ever passed to the
 * logger; the redaction list is a second line of defence for fields someone might add later.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'token',
        'key',
        'chairKey',
        'projectorKey',
        'adminToken',
        'marks',
        '*.token',
        '*.key',
        '*.marks',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

/** A path segment that could be a credential: 22 or more base64url characters (ours are 24). */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{22,}$/;

/**
 * A URL safe to log: never its query string, never a badge token, however the path is spelt
 * (`/D/…`, `/d//…`, `/%64/…`, `/x/../d/…`): the path is decoded and normalised first, anything
 * under /d/ is cut, and so is any other segment that looks like a credential.
 */
export function safeUrl(url: string): string {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // Malformed escapes: the raw path, normalised below all the same.
  }
  const segments: string[] = [];
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  if (segments[0]?.toLowerCase() === 'd') return '/d/[token]';
  return `/${segments.map((s) => (TOKEN_LIKE.test(s) ? '[token]' : s)).join('/')}`;
}

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

/** A URL safe to log: delegate tokens in paths and every query string are cut out. */
export function safeUrl(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path.replace(/^\/d\/[^/]+/, '/d/[token]');
}

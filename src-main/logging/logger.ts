import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Structured JSON logs (pino). Codes, tokens and passwords are never logged: callers log ids,
 * and the redact list is the safety net for fields that may carry them.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'casier-kiosk',
    level: options.level ?? process.env['CASIER_LOG_LEVEL'] ?? 'info',
    // Field names that carry secrets, at any depth we log. Generic `code` is left alone: error
    // codes (SQLITE_CORRUPT, ENOENT) are what an operator needs to read.
    redact: {
      paths: [
        'pickupCode',
        '*.pickupCode',
        '*.*.pickupCode',
        'pin',
        '*.pin',
        '*.*.pin',
        'password',
        '*.password',
        '*.*.password',
        'token',
        '*.token',
        '*.*.token',
      ],
      censor: '[redacted]',
    },
  });
}

/** For tests and tools that want no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

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
    redact: ['*.code', '*.pin', '*.password', '*.token', 'args.code', 'args.password'],
  });
}

/** For tests and tools that want no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

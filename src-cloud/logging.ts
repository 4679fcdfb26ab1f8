import { pino, type Logger, type LoggerOptions } from 'pino';

export type CloudLogger = Logger;

/**
 * The cloud's pino options. Requests are logged by the app's own onResponse hook (id, route,
 * status, duration) and never with headers or bodies: Authorization carries device credentials
 * and admin tokens, bodies carry enrolment codes and pickup codes. The redact list is the safety
 * net for anything that still names such a field.
 */
export function cloudLoggerOptions(overrides: LoggerOptions = {}): LoggerOptions {
  return {
    name: 'casier-cloud',
    level: process.env['CASIER_LOG_LEVEL'] ?? 'info',
    ...overrides,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'authorization',
        'body',
        'req.body',
        '*.credential',
        'credential',
        'enrolmentCode',
        '*.enrolmentCode',
        'adminToken',
        '*.adminToken',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}

/** A pino logger from the options the server was given (`false` is silent). */
export function createCloudLogger(options: LoggerOptions | false | undefined): CloudLogger {
  return options === false ? pino({ level: 'silent' }) : pino(cloudLoggerOptions(options));
}

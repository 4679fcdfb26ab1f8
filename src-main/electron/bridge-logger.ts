/**
 * The few logging calls the Electron layer makes. A pino logger (src-main/logging) fits it; tests
 * pass a recording fake.
 */
export interface BridgeLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

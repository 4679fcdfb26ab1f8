/**
 * The cloud server as a process. Environment: DATABASE_URL (PostgreSQL; embedded PGlite when
 * absent), CASIER_CLOUD_DATA_DIR (PGlite's folder; in memory when absent), HOST (default
 * 127.0.0.1), PORT (default 8080), SMTP_URL (the relay for emails), CASIER_EMAIL_FROM,
 * CASIER_PLATFORM_TOKEN (creates tenants; required unless --dev).
 *
 * `--dev`: without a platform token, one is generated and printed; without SMTP_URL, a local
 * mail catcher takes the emails and shows them at /mail. Prints `Cloud: <url>` once listening;
 * SIGINT or SIGTERM stops it cleanly.
 */
import { parseArgs } from 'node:util';
import { newSecret } from './auth/secret-hash.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher/mail-catcher.js';
import { startCloudServer } from './server.js';

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } } });
const env = process.env;
const optional = (name: string): string | undefined =>
  env[name] !== undefined && env[name] !== '' ? env[name] : undefined;

async function main(): Promise<void> {
  let platformToken = optional('CASIER_PLATFORM_TOKEN');
  if (platformToken === undefined) {
    if (!values.dev) {
      process.stderr.write(
        'CASIER_PLATFORM_TOKEN is required (or run with --dev).\n' +
          'CASIER_PLATFORM_TOKEN est obligatoire (ou lancez avec --dev).\n',
      );
      process.exitCode = 2;
      return;
    }
    platformToken = newSecret();
    process.stdout.write(`Platform token (dev): ${platformToken}\n`);
  }
  let smtpUrl = optional('SMTP_URL');
  let catcher: MailCatcher | null = null;
  if (smtpUrl === undefined && values.dev) {
    catcher = await startMailCatcher({});
    smtpUrl = catcher.smtpUrl;
  }
  const port = Number(optional('PORT') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not ${env['PORT']}.`);
  }
  const server = await startCloudServer({
    platformToken,
    port,
    host: optional('HOST') ?? '127.0.0.1',
    ...(optional('DATABASE_URL') !== undefined ? { databaseUrl: optional('DATABASE_URL') } : {}),
    ...(optional('CASIER_CLOUD_DATA_DIR') !== undefined
      ? { dataDir: optional('CASIER_CLOUD_DATA_DIR') }
      : {}),
    ...(smtpUrl !== undefined ? { smtpUrl } : {}),
    ...(optional('CASIER_EMAIL_FROM') !== undefined
      ? { emailFrom: optional('CASIER_EMAIL_FROM') }
      : {}),
    ...(catcher !== null ? { mailStore: catcher.store } : {}),
  });
  process.stdout.write(`Cloud: ${server.url}\n`);
  if (catcher !== null) {
    process.stdout.write(`Mail: ${server.url}/mail\n`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    void server
      .close()
      .then(() => catcher?.close())
      .then(
        () => {
          process.exitCode = 0;
        },
        (error: unknown) => {
          process.stderr.write(`Stopping failed: ${String(error)}\n`);
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The cloud server could not start: ${String(error)}\n`);
  process.exitCode = 1;
});

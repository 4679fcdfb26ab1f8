/**
 * The cloud server as its own process (src-cloud/cli.ts under tsx), so a test can SIGKILL it
 * mid-transaction and start it again on the same database and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findAppRoot } from '../../src-main/app-root.js';

export interface CloudChild {
  url: string;
  process: ChildProcess;
  /** Output so far (warnings and errors only: the log level is 'warn'). */
  output(): string;
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), then waits; fails if it does not end by itself within 20 s. */
  stop(): Promise<void>;
}

export interface CloudChildDatabase {
  databaseUrl?: string;
  /** PGlite's folder on disk. */
  dataDir?: string;
}

/** A loopback port free right now, so every cloud the test starts can listen on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

/** Starts the cloud process and waits (at most `deadlineMs`) for it to say it listens. */
export async function startCloudChild(options: {
  port: number;
  platformToken: string;
  database: CloudChildDatabase;
  deadlineMs?: number;
}): Promise<CloudChild> {
  const root = findAppRoot(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-cloud', 'cli.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      CASIER_PLATFORM_TOKEN: options.platformToken,
      DATABASE_URL: options.database.databaseUrl ?? '',
      CASIER_CLOUD_DATA_DIR: options.database.dataDir ?? '',
      SMTP_URL: '',
      CASIER_LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, 'exit');
  const listening = new Promise<string>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Cloud: (\S+)/.exec(line);
      if (match) {
        resolve(match[1]!);
      } else {
        output += `${line}\n`;
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    listening,
    exited.then(() => {
      throw new Error(`the cloud process ended before listening:\n${output}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the cloud process did not listen within the deadline:\n${output}`));
      }, options.deadlineMs ?? 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  return {
    url,
    process: child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code] = (await exited) as [number | null];
      clearTimeout(deadline);
      if (code !== 0) {
        throw new Error(`the cloud process did not stop cleanly (${code}):\n${output}`);
      }
    },
  };
}

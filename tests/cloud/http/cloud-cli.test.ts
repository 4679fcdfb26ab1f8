import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });

const cliPath = fileURLToPath(new URL('../../../src-cloud/cli.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  }
});

function runCli(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    env: { ...process.env, CASIER_PLATFORM_TOKEN: '', SMTP_URL: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function firstLineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the cli exited (${code}) first`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) {
        resolve(match);
      }
    });
  });
}

describe('the cloud cli', () => {
  it('refuses to start without a platform token outside --dev, in English and French', async () => {
    const child = runCli([], {});
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toContain('CASIER_PLATFORM_TOKEN is required');
    expect(stderr).toContain('CASIER_PLATFORM_TOKEN est obligatoire');
  });

  it('prints its URL, serves, and stops cleanly on SIGTERM', async () => {
    const child = runCli([], { CASIER_PLATFORM_TOKEN: 'cli-test-token', PORT: '0' });
    const [, url] = await firstLineMatching(child, /^Cloud: (http:\/\/127\.0\.0\.1:\d+)$/);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
  });
});

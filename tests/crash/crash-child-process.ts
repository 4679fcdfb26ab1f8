import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findAppRoot } from '../../src-main/app-root.js';

export interface ChildRun {
  /** The last step the child announced before it died. */
  lastStep: string;
  /** True when the parent killed it; false when it exited by itself (an error, or done). */
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs tests/crash/crash-child.ts on `dataDir` and SIGKILLs it as soon as it announces step
 * `killAtStep` (the child has moved on by then, so the kill lands somewhere in the next step).
 */
export async function runChildUntilKilled(options: {
  dataDir: string;
  seed: number;
  startMs: number;
  killAtStep: number;
  env?: Record<string, string>;
}): Promise<ChildRun> {
  const root = findAppRoot(import.meta.url);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tests', 'crash', 'crash-child.ts'),
      options.dataDir,
      String(options.seed),
      String(options.startMs),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let lastStep = '';
  let killed = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const match = /^step (\d+) /.exec(line);
    if (!match) {
      return;
    }
    lastStep = line;
    if (!killed && Number(match[1]) >= options.killAtStep) {
      killed = child.kill('SIGKILL');
    }
  });
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  return { lastStep, killed, exitCode, stderr };
}

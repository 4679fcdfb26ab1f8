import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findAppRoot } from '../../src-main/app-root.js';
import type { KillPlan } from './kill-point-adapter.js';

export interface KioskChildRun {
  /** `point <name>` when it killed itself there, else the last step it announced. */
  lastLine: string;
  lines: string[];
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  stderr: string;
  /** True when the deadline passed and the parent had to kill it. */
  timedOut: boolean;
}

/**
 * Runs tests/chaos/sync-kill-child.ts on `dataDir`: it kills itself at `plan`, or (no plan) the
 * parent SIGKILLs it once it announces step `killAtStep`. A child still alive after
 * `deadlineMs` is killed and reported as timed out, so no round waits forever.
 */
export async function runKioskChild(options: {
  dataDir: string;
  cloudUrl: string;
  enrolmentCode: string;
  seed: number;
  startMs: number;
  maxSteps: number;
  plan?: KillPlan;
  killAtStep?: number;
  deadlineMs?: number;
}): Promise<KioskChildRun> {
  const root = findAppRoot(import.meta.url);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tests', 'chaos', 'sync-kill-child.ts'),
      options.dataDir,
      options.cloudUrl,
      options.enrolmentCode,
      String(options.seed),
      String(options.startMs),
      String(options.maxSteps),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CASIER_SYNC_KILL: options.plan ? `${options.plan.point}:${options.plan.occurrence}` : '',
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    const step = /^step (\d+) /.exec(line);
    if (step && options.killAtStep !== undefined && Number(step[1]) >= options.killAtStep) {
      child.kill('SIGKILL');
    }
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.deadlineMs ?? 60_000);
  // 'close', not 'exit': the last lines may still be in the pipe when the process ends.
  const [exitCode, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { lastLine: lines.at(-1) ?? '', lines, signal, exitCode, stderr, timedOut };
}

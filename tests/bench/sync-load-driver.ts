import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withDeadline } from './harness.js';
import type { LoadChildMessage, LoadStepRequest, LoadStepResult } from './sync-load-protocol.js';

/** The fan-in bench's handle on its load generator process (sync-load-child.ts). */
export interface LoadDriver {
  runStep(request: Omit<LoadStepRequest, 'type'>): Promise<LoadStepResult>;
  close(): Promise<void>;
}

const childPath = fileURLToPath(new URL('./sync-load-child.ts', import.meta.url));
/** Time a step may take beyond its own window (the last syncs, closing long-polls). */
const stepGraceMs = 60_000;

export function startLoadChild(): LoadDriver {
  const child: ChildProcess = fork(childPath, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async runStep(request) {
      const answer = new Promise<LoadStepResult>((resolve, reject) => {
        const onMessage = (message: LoadChildMessage): void => {
          cleanUp();
          if (message.type === 'result') {
            resolve(message);
          } else {
            reject(new Error(`bench: the load generator failed: ${message.message}`));
          }
        };
        const onExit = (code: number | null): void => {
          cleanUp();
          reject(new Error(`bench: the load generator exited (${code}) during a step`));
        };
        const cleanUp = (): void => {
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
      });
      child.send({ type: 'step', ...request } satisfies LoadStepRequest);
      return withDeadline(
        answer,
        request.rampMs + request.measureMs + stepGraceMs,
        `end of a load step of ${request.banks.length} banks`,
      );
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect();
        await withDeadline(exited, 10_000, 'exit of the load generator').catch(() => {
          child.kill('SIGKILL');
        });
      }
    },
  };
}

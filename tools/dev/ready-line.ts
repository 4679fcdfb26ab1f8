import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Waits for the first JSON line on a child's stdout that has `"ready": true`, the convention of
 * our simulators and `npm start --ready-json`. Rejects if the child exits first or on timeout.
 * Other lines are ignored, and stdout keeps being drained so the child never blocks on a pipe.
 */
export function readReadyLine<T extends { ready: true }>(
  child: ChildProcess,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error('the child process has no stdout pipe'));
      return;
    }
    const timer = setTimeout(
      () => reject(new Error(`no ready line within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the process exited (code ${code}) before it was ready`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) {
        return;
      }
      try {
        const message = JSON.parse(line) as { ready?: unknown };
        if (message.ready === true) {
          clearTimeout(timer);
          resolve(message as T);
        }
      } catch {
        // A log line that happens to start with "{": keep reading.
      }
    });
  });
}

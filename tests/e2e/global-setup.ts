import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the real `npm start` path (tools/dev/start.ts) in browser mode on a fresh data folder:
 * socat, the board simulator process, the kiosk core and the host. The tests get the kiosk URL
 * and the simulator's control URL through the environment; teardown sends Ctrl+C and waits for
 * every child to be gone.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casier-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools', 'dev', 'start.ts'),
      '--skip-build',
      '--browser',
      '--ready-json',
      '--port',
      '0',
      '--close-after-ms',
      '1500',
      '--data-dir',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const ready = await new Promise<{ kioskUrl: string; simulatorControlUrl: string }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the demo system did not start within 30 s')),
        30_000,
      );
      void exited.then((code) => reject(new Error(`the demo system exited early (code ${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('{')) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { kioskUrl: string; simulatorControlUrl: string });
        }
      });
    },
  );
  process.env['CASIER_E2E_KIOSK_URL'] = ready.kioskUrl;
  process.env['CASIER_E2E_SIMULATOR_URL'] = ready.simulatorControlUrl;

  return async () => {
    child.kill('SIGINT');
    const code = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(`the demo system did not stop cleanly (exit code ${code})`);
    }
  };
}

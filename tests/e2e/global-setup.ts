import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReadyLine } from '../../tools/dev/ready-line.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface DemoReady {
  ready: true;
  kioskUrl: string;
  simulatorControlUrl: string;
  scannerControlUrl: string;
}

/** Processes whose command line mentions `text` (socat and the simulator name the data folder). */
function processesMentioning(text: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', text], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Runs the real `npm start` path (tools/dev/start.ts) in browser mode on a fresh data folder:
 * socat, the board simulator process, the kiosk core and the host. The tests get the kiosk URL
 * and the simulator's control URL through the environment. Teardown sends Ctrl+C (SIGINT) and
 * checks that it exited cleanly and left no socat or simulator process behind.
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
  const ready = await readReadyLine<DemoReady>(child, 30_000);
  process.env['CASIER_E2E_KIOSK_URL'] = ready.kioskUrl;
  process.env['CASIER_E2E_SIMULATOR_URL'] = ready.simulatorControlUrl;
  process.env['CASIER_E2E_SCANNER_URL'] = ready.scannerControlUrl;

  return async () => {
    child.kill('SIGINT');
    const code = await exited;
    const leftovers = processesMentioning(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(`the demo system did not stop cleanly (exit code ${code})`);
    }
    if (leftovers.length > 0) {
      throw new Error(`Ctrl+C left processes running:\n${leftovers.join('\n')}`);
    }
  };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
  mailboxFolder: string;
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
 * Sends Ctrl+C (SIGINT) and waits for the exit; SIGKILL if it has not exited within `graceMs`,
 * as tools/dev/stop-child.ts does with SIGTERM.
 */
async function stopWithCtrlC(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * SIGKILLs, by pid, the socat and simulator processes an `npm start` that had to be killed
 * could not stop itself (only ours: their command lines name this run's own data folder).
 */
function killProcessesMentioning(text: string): void {
  for (const line of processesMentioning(text)) {
    const pid = Number.parseInt(line, 10);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It exited between pgrep and now.
    }
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
      '--cloud-port',
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
  let ready: DemoReady;
  try {
    // The cloud on PGlite (its migrations) starts first now: some 40 s on a busy 2-CPU machine.
    ready = await readReadyLine<DemoReady>(child, 120_000);
  } catch (error) {
    // Without a teardown nobody would stop a half-started demo: Ctrl+C lets it stop its socat
    // and simulators; SIGKILL if it hangs (the data folder in their command lines finds them).
    await stopWithCtrlC(child);
    killProcessesMentioning(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env['CASIER_E2E_KIOSK_URL'] = ready.kioskUrl;
  process.env['CASIER_E2E_SIMULATOR_URL'] = ready.simulatorControlUrl;
  process.env['CASIER_E2E_SCANNER_URL'] = ready.scannerControlUrl;
  process.env['CASIER_E2E_MAILBOX'] = ready.mailboxFolder;

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

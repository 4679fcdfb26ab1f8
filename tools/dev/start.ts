/**
 * `npm start`: the whole system on one machine with simulated hardware: the cloud on PGlite with a
 * local mail catcher (tools/dev/demo-cloud.ts), the demo bank enrolled in it, and the kiosk. Builds, starts two socat
 * pty pairs, the board simulator (KR-CU16) and the serial bar code scanner simulator, then runs
 * the kiosk in Electron when its binary is installed, otherwise runs the kiosk core here and
 * serves the UI to a browser. It then prints where to go: "Kiosk:" (the URL to open in the
 * browser, or the Electron window's pid), "Board simulator control:" (its control API, e.g.
 * GET …/doors; tools/sim/README.md) and, in browser mode, "Scanner simulator:" (POST …/scan).
 * Ctrl+C stops every process it started.
 *
 * Options: --data-dir <folder> (default .casier/demo), --port <n> (default 5180; 0 = any free),
 * --cloud-port <n> (the demo cloud, default 5181),
 * --close-after-ms <n> (simulated doors swing shut after an unlock, default 4000),
 * --skip-build, --browser (never Electron), --ready-json (one JSON line when ready, for tests).
 */
import { mailboxFolder } from '../../src-main/notifications/file-mailbox.js';
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from '../../src-main/app-root.js';
import { createLogger } from '../../src-main/logging/logger.js';
import { startBrowserKiosk, startSimulatedBank, type SimulatedBank } from './demo-system.js';
import { demoSystemPackages, ensureSystemPackages } from '../system-packages.js';
import { electronBinary } from './electron-binary.js';
import { stopChild } from './stop-child.js';
import { startDemoCloud, type DemoCloud } from './demo-cloud.js';

const root = findAppRoot(import.meta.url);
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(root, '.casier', 'demo') },
    port: { type: 'string', default: '5180' },
    'cloud-port': { type: 'string', default: '5181' },
    'close-after-ms': { type: 'string', default: '4000' },
    'skip-build': { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    'ready-json': { type: 'boolean', default: false },
  },
});

function runNpmScript(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed`);
  }
}

let stopRequested = false;

/** Resolves on the first Ctrl+C / SIGTERM / SIGHUP; later ones are ignored while stopping. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (!stopRequested) {
          stopRequested = true;
          resolveSignal(signal);
        }
      });
    }
  });
}

async function main(): Promise<void> {
  const stopSignal = untilStopSignal();
  const dataDir = resolve(values['data-dir']);
  const port = Number(values.port);
  const logger = createLogger({ level: process.env['CASIER_LOG_LEVEL'] ?? 'warn' });
  const electron = values.browser ? undefined : electronBinary(root);
  ensureSystemPackages((line) => console.log(line), demoSystemPackages);
  if (!values['skip-build']) {
    runNpmScript(electron ? 'build' : 'build:renderer');
  }

  const cloud = await startDemoCloud({ dataDir, port: Number(values['cloud-port']) });
  let bank: SimulatedBank;
  try {
    bank = await startSimulatedBank({
      dataDir,
      closeAfterMs: Number(values['close-after-ms']),
    });
  } catch (error) {
    await cloud.stop();
    throw error;
  }
  let stopKiosk: () => Promise<void>;
  try {
    stopKiosk = electron
      ? startElectronKiosk(electron, dataDir, bank, cloud)
      : await startBrowserKioskOnFreePort(dataDir, port, bank, cloud, logger);
  } catch (error) {
    await bank.stop();
    await cloud.stop();
    throw error;
  }

  const signal = await stopSignal;
  console.log(`\n${signal}: stopping the kiosk, the simulators and socat…`);
  try {
    await stopKiosk();
  } finally {
    // Even when the kiosk fails to stop, socat and the simulators must not outlive Ctrl+C.
    await bank.stop();
    await cloud.stop();
  }
  console.log('Stopped.');
}

async function startBrowserKioskOnFreePort(
  dataDir: string,
  port: number,
  bank: SimulatedBank,
  cloud: DemoCloud,
  logger: ReturnType<typeof createLogger>,
): Promise<() => Promise<void>> {
  const options = {
    dataDir,
    serialPath: bank.serialPath,
    scannerSerialPath: bank.scannerSerialPath,
    logger,
    cloudUrl: cloud.cloudUrl,
    enrolmentCode: cloud.enrolmentCode,
  };
  const kiosk = await startBrowserKiosk({ ...options, port }).catch((error: unknown) => {
    if (port !== 0 && (error as { code?: unknown }).code === 'EADDRINUSE') {
      console.log(`Port ${port} is busy; using a free one.`);
      return startBrowserKiosk({ ...options, port: 0 });
    }
    throw error;
  });
  if (values['ready-json']) {
    console.log(
      JSON.stringify({
        ready: true,
        kioskUrl: kiosk.kioskUrl,
        simulatorControlUrl: bank.simulatorControlUrl,
        scannerControlUrl: bank.scannerControlUrl,
        mailboxFolder: kiosk.mailboxFolder,
        cloudUrl: cloud.cloudUrl,
        mailUrl: cloud.mailUrl,
        cloudAdminToken: cloud.adminToken,
        cloudBankId: cloud.bankId,
      }),
    );
  } else {
    console.log(`\nCasier demo bank: 2 boards, 24 compartments (simulated); data in ${dataDir}`);
    console.log(`Kiosk: ${kiosk.kioskUrl}`);
    printCloud(cloud);
    console.log(`Board simulator control: ${bank.simulatorControlUrl}/doors`);
    console.log(`Scanner simulator: POST ${bank.scannerControlUrl}/scan {"text":"1Z…"}`);
    console.log(
      `Mailbox (the kiosk's own copy of each notice, as .eml files): ${kiosk.mailboxFolder}`,
    );
    console.log('Staff sign-in: admin / casier-admin, mailroom / casier-mailroom (see README)');
    console.log('Press Ctrl+C to stop.\n');
  }
  return () => kiosk.stop();
}

/** The kiosk core then runs inside Electron's main process, on the simulated bank's pty. */
function startElectronKiosk(
  binary: string,
  dataDir: string,
  bank: SimulatedBank,
  cloud: DemoCloud,
): () => Promise<void> {
  const child = spawn(binary, [join(root, 'dist', 'main', 'src-main', 'electron', 'main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CASIER_DEMO: '1',
      CASIER_DATA_DIR: dataDir,
      CASIER_LOCK_DEVICE: bank.serialPath,
      CASIER_SCANNER_DEVICE: bank.scannerSerialPath,
      CASIER_CLOUD_URL: cloud.cloudUrl,
      ...(cloud.enrolmentCode === undefined ? {} : { CASIER_ENROLMENT_CODE: cloud.enrolmentCode }),
    },
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  // Closing the window ends the demo like Ctrl+C does.
  void exited.then(() => {
    if (!stopRequested) {
      process.kill(process.pid, 'SIGTERM');
    }
  });
  console.log(
    `\nKiosk: Electron window (pid ${child.pid}); board simulator control: ${bank.simulatorControlUrl}/doors`,
  );
  printCloud(cloud);
  console.log(
    `Mailbox (the kiosk's own copy of each notice, as .eml files): ${mailboxFolder(dataDir)}`,
  );
  // SIGTERM, then SIGKILL after a grace: a hung Electron must not make Ctrl+C wait forever.
  return () => stopChild(child);
}

function printCloud(cloud: DemoCloud): void {
  console.log(
    `Cloud: ${cloud.cloudUrl} (admin API token of the demo company: ${cloud.adminToken})`,
  );
  console.log(`Mail: ${cloud.mailUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

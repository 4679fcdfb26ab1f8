import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src-main/logging/logger.js';
import { startDemoCloud, type DemoCloud } from '../../../tools/dev/demo-cloud.js';
import {
  startBrowserKiosk,
  startSimulatedBank,
  type BrowserKiosk,
  type SimulatedBank,
} from '../../../tools/dev/demo-system.js';

/**
 * The whole `npm start` system (tools/dev/start.ts) built from the same functions, but inside the
 * Playwright worker, so a spec can stop the cloud and start it again while the kiosk keeps
 * running. `npm start` runs everything in one process too; only the child process and its
 * ready line are left out, since a test cannot reach into them to stop just the cloud.
 */
export interface CloudDemoSystem {
  kioskUrl: string;
  simulatorControlUrl: string;
  /** The kiosk's own copy of each notice (.eml), written even while the cloud is away. */
  mailboxFolder: string;
  /** Every message the mail catcher ever caught (.eml), across the cloud's restarts. */
  caughtMailFolder: string;
  /** The same address on every start: the kiosk's credential is for this address only. */
  cloudUrl: string;
  adminToken: string;
  bankId: string;
  cloudRunning(): boolean;
  stopCloud(): Promise<void>;
  /** Starts the cloud again on the same port and PGlite data; the kiosk stays enrolled. */
  startCloud(): Promise<void>;
  /** Stops everything and removes the data folder. */
  stop(): Promise<void>;
}

/** A port the system gave out a moment ago: the cloud must keep one port across restarts. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no TCP port for the cloud');
  }
  return address.port;
}

export async function startCloudDemoSystem(): Promise<CloudDemoSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casier-e2e-cloud-'));
  const logger = createLogger({ level: process.env['CASIER_LOG_LEVEL'] ?? 'error' });
  const port = await freeLoopbackPort();
  let cloud: DemoCloud | undefined;
  let bank: SimulatedBank | undefined;
  let kiosk: BrowserKiosk | undefined;

  const stopAll = async (): Promise<void> => {
    // Each step even when an earlier one fails: socat and the simulators must not outlive us.
    const steps = [() => kiosk?.stop(), () => bank?.stop(), () => cloud?.stop()];
    const errors: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    kiosk = undefined;
    bank = undefined;
    cloud = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    if (errors.length > 0) {
      throw new AggregateError(errors, 'the cloud demo system did not stop cleanly');
    }
  };

  try {
    cloud = await startDemoCloud({ dataDir, port });
    const cloudUrl = cloud.cloudUrl;
    bank = await startSimulatedBank({ dataDir, closeAfterMs: 1_500 });
    kiosk = await startBrowserKiosk({
      dataDir,
      port: 0,
      serialPath: bank.serialPath,
      scannerSerialPath: bank.scannerSerialPath,
      logger,
      cloudUrl,
      enrolmentCode: cloud.enrolmentCode,
    });
    const { adminToken, bankId } = cloud;
    return {
      kioskUrl: kiosk.kioskUrl,
      simulatorControlUrl: bank.simulatorControlUrl,
      mailboxFolder: kiosk.mailboxFolder,
      caughtMailFolder: join(dataDir, 'cloud', 'caught-mail'),
      cloudUrl,
      adminToken,
      bankId,
      cloudRunning: () => cloud !== undefined,
      stopCloud: async () => {
        const running = cloud;
        cloud = undefined;
        await running?.stop();
      },
      startCloud: async () => {
        if (cloud !== undefined) {
          throw new Error('the cloud is already running');
        }
        const started = await startDemoCloud({ dataDir, port });
        // startDemoCloud moves to any free port when its own is taken: the kiosk would then
        // never find its cloud again, and the test would wait for nothing.
        if (started.cloudUrl !== cloudUrl || started.enrolmentCode !== undefined) {
          await started.stop();
          throw new Error(`the cloud came back at ${started.cloudUrl}, not ${cloudUrl}`);
        }
        cloud = started;
      },
      stop: stopAll,
    };
  } catch (error) {
    try {
      await stopAll();
    } catch (stopError) {
      console.error(stopError instanceof Error ? stopError.message : stopError);
    }
    throw error;
  }
}

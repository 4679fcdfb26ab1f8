/**
 * The cloud half of `npm start`: the cloud server on PGlite in `<dataDir>/cloud`, a local mail
 * catcher its email worker sends to (shown at `<cloud>/mail`), and the demo bank created in it
 * and enrolled: on the first start the kiosk's seeded directory is published to the cloud and
 * the kiosk gets a one-time enrolment code; later starts reuse the bank (a new code only when the
 * kiosk has no credential for this cloud address, e.g. after the port changed).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudServer, type CloudServer } from '../../src-cloud/server.js';
import { startMailCatcher } from '../../src-cloud/mail-catcher/mail-catcher.js';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { openKioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { ensureSyncIdentity } from '../../src-main/db/queries/sync-device.js';
import { seedDemoBank } from '../../src-main/db/seed-demo-bank.js';
import { isCredentialFor, loadCloudCredential } from '../../src-main/sync/cloud-credential-home.js';
import { v7 as uuidv7 } from 'uuid';
import { adminClient, createCloudBankFor } from './cloud-demo-bank.js';

export interface DemoCloud {
  cloudUrl: string;
  mailUrl: string;
  /** For the kiosk's first start against this cloud; undefined when it is already enrolled. */
  enrolmentCode: string | undefined;
  /** Admin API token of the demo company (printed, for curl). */
  adminToken: string;
  bankId: string;
  stop(): Promise<void>;
}

interface DemoCloudState {
  platformToken: string;
  adminToken?: string;
  bankId?: string;
}

export async function startDemoCloud(options: {
  /** The kiosk's data folder: the cloud keeps its own in `cloud/` inside it. */
  dataDir: string;
  port: number;
}): Promise<DemoCloud> {
  const cloudDir = join(options.dataDir, 'cloud');
  mkdirSync(cloudDir, { recursive: true });
  const stateFile = join(cloudDir, 'demo-cloud.json');
  const state: DemoCloudState = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as DemoCloudState)
    : { platformToken: randomBytes(24).toString('base64url') };
  const catcher = await startMailCatcher({ folder: join(cloudDir, 'caught-mail') });
  let server: CloudServer | undefined;
  try {
    const start = (port: number) =>
      startCloudServer({
        dataDir: join(cloudDir, 'pglite'),
        port,
        smtpUrl: catcher.smtpUrl,
        mailStore: catcher.store,
        platformToken: state.platformToken,
        logger: { level: process.env['CASIER_LOG_LEVEL'] ?? 'warn' },
      });
    server = await start(options.port).catch((error: unknown) => {
      if (options.port !== 0 && (error as { code?: unknown }).code === 'EADDRINUSE') {
        console.log(`Port ${options.port} is busy; the cloud uses a free one.`);
        return start(0);
      }
      throw error;
    });
    const enrolment = await enrolmentFor(server.url, state, options.dataDir);
    writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
    const running = server;
    return {
      cloudUrl: running.url,
      mailUrl: `${running.url}/mail`,
      enrolmentCode: enrolment,
      adminToken: state.adminToken ?? '',
      bankId: state.bankId ?? '',
      stop: async () => {
        await running.close();
        await catcher.close();
      },
    };
  } catch (error) {
    await server?.close();
    await catcher.close();
    throw error;
  }
}

/** The code the kiosk needs, creating the demo bank in the cloud the first time. */
async function enrolmentFor(
  cloudUrl: string,
  state: DemoCloudState,
  kioskDataDir: string,
): Promise<string | undefined> {
  if (state.adminToken !== undefined && state.bankId !== undefined) {
    const credential = loadCloudCredential(kioskDataDir);
    if (credential !== undefined && isCredentialFor(credential, cloudUrl)) {
      return undefined;
    }
    const issued = await adminClient(cloudUrl, state.adminToken).post(
      `/v1/admin/banks/${state.bankId}/enrolment-code`,
      {},
    );
    return (issued.data as { enrolmentCode: string }).enrolmentCode;
  }
  // First start: seed the kiosk database now (the kiosk would on its own start) so the cloud
  // gets the same compartments and directory before the kiosk's first pull.
  mkdirSync(kioskDataDir, { recursive: true });
  const kiosk = openKioskDatabase({
    file: join(kioskDataDir, 'kiosk.sqlite'),
    migrationsFolder: kioskMigrationsFolder(),
  });
  try {
    ensureSyncIdentity(kiosk.db, `kiosk-${uuidv7()}`);
    seedDemoBank(kiosk.db, Date.now());
    const bank = await createCloudBankFor(cloudUrl, state.platformToken, kiosk.db, 'Demo bank');
    state.adminToken = bank.adminToken;
    state.bankId = bank.bankId;
    return bank.enrolmentCode;
  } finally {
    kiosk.close();
  }
}

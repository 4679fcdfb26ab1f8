import { eq } from 'drizzle-orm';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { recordAction } from '../../../src-main/db/queries/record-action.js';
import { readSyncProgress, type SyncIdentity } from '../../../src-main/db/queries/sync-device.js';
import { lockerBanks, syncDevice, syncOutbox } from '../../../src-main/db/schema.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { createCloudClient, type CloudClient } from '../../../src-main/sync/cloud-client.js';
import { saveCloudCredential } from '../../../src-main/sync/cloud-credential-home.js';
import type { ApplyServerOps, RebasePendingMutations } from '../../../src-main/sync/pull-apply.js';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineDependencies,
} from '../../../src-main/sync/sync-engine.js';
import type { PullOp } from '../../../src-shared/sync/pull.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { FakeCloud } from './fake-cloud.js';

export const cloudUrl = 'https://cloud.example.test';
export const bankId = 'bank-1';

/**
 * A stand-in for applyServerOps whose effect is easy to see: a `bank_profile` put renames the
 * kiosk's bank; an op with id `explode` throws (after earlier ops of the page were written).
 */
export class RecordingApplier {
  readonly contexts: { nowMs: number; serverOffsetMs: number }[] = [];
  readonly rebasedThrough: number[] = [];
  readonly apply: ApplyServerOps = (tx, ops, context) => {
    this.contexts.push({ nowMs: context.nowMs, serverOffsetMs: context.serverOffsetMs });
    let remoteOpens = 0;
    for (const op of ops) {
      if (op.op === 'clear') {
        continue;
      }
      if (op.id === 'explode') {
        throw new Error(`cannot apply ${op.kind} ${op.id}`);
      }
      if (op.op === 'put' && op.kind === 'bank_profile') {
        const { name } = op.value as { name: string };
        tx.update(lockerBanks).set({ name }).where(eq(lockerBanks.id, context.bankId)).run();
      }
      if (op.op === 'put' && op.kind === 'remote_open') {
        remoteOpens += 1;
      }
    }
    return { remoteOpens };
  };

  readonly rebase: RebasePendingMutations = (_tx, ackedThroughId) => {
    this.rebasedThrough.push(ackedThroughId);
  };
}

export function renameOp(name: string, id = 'bank-1'): PullOp {
  return { op: 'put', kind: 'bank_profile', id, value: { name } };
}

export interface SyncHarness {
  clock: ManualClock;
  cloud: FakeCloud;
  database: KioskDatabase;
  identity: SyncIdentity;
  applier: RecordingApplier;
  dataDir: string;
  logger: ReturnType<typeof silentLogger>;
  /** Writes `count` business actions (each an activity row and an outbox row). */
  writeFacts(count: number): void;
  client(): CloudClient;
  bankName(): string | undefined;
  ackedAt(): (number | null)[];
  progress(): ReturnType<typeof readSyncProgress>;
  /** Saves a credential as an earlier enrolment would have, and tells the cloud. */
  enrolled(): void;
  engine(overrides?: Partial<SyncEngineDependencies>): SyncEngine;
  close(): Promise<void>;
}

export function syncHarness(): SyncHarness {
  const folder = makeTempFolder('casier-sync-');
  const database = openTestKioskDatabase(folder.path);
  const { db } = database;
  db.insert(lockerBanks).values({ id: bankId, name: 'Lobby', createdAt: 1 }).run();
  const device = db.select().from(syncDevice).get();
  if (!device) {
    throw new Error('no sync identity');
  }
  const identity: SyncIdentity = { deviceId: device.deviceId, incarnationId: device.incarnationId };
  const clock = new ManualClock();
  const cloud = new FakeCloud(clock);
  const applier = new RecordingApplier();
  const logger = silentLogger();
  const engines: SyncEngine[] = [];
  let factNumber = 0;

  return {
    clock,
    cloud,
    database,
    identity,
    applier,
    dataDir: folder.path,
    logger,
    writeFacts: (count) => {
      for (let index = 0; index < count; index++) {
        factNumber += 1;
        db.transaction((tx) =>
          recordAction(
            tx,
            {
              bankId,
              type: 'door.closed',
              compartmentId: null,
              actor: 'door-sensor',
              details: { fact: factNumber, padding: 'x'.repeat(200) },
            },
            clock.now(),
          ),
        );
      }
    },
    client: () =>
      createCloudClient({ cloudUrl, credential: cloud.credential, adapter: cloud.adapter }),
    bankName: () => db.select().from(lockerBanks).get()?.name,
    ackedAt: () =>
      db
        .select({ ackedAt: syncOutbox.ackedAt })
        .from(syncOutbox)
        .orderBy(syncOutbox.id)
        .all()
        .map((row) => row.ackedAt),
    progress: () => readSyncProgress(db),
    enrolled: () => {
      saveCloudCredential(folder.path, {
        cloudUrl,
        tenantId: 'tenant-1',
        bankId: 'cloud-bank-1',
        credential: cloud.credential,
      });
      cloud.enrolled(identity.incarnationId);
    },
    engine: (overrides = {}) => {
      const engine = createSyncEngine({
        db,
        dataDir: folder.path,
        cloudUrl,
        identity,
        bankId,
        appVersion: '0.1.0',
        clock,
        logger,
        random: () => 0.5,
        adapter: cloud.adapter,
        applyServerOps: applier.apply,
        rebasePendingMutations: applier.rebase,
        ...overrides,
      });
      engines.push(engine);
      return engine;
    },
    close: async () => {
      for (const engine of engines) {
        await engine.stop();
      }
      database.close();
      folder.remove();
    },
  };
}

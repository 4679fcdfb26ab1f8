/**
 * Issue 6 "Chaos tests", in process: a kiosk doing drop-offs and pickups while the cloud's admin
 * writes contacts, reservations, out-of-service intents and remote opens, over a network that
 * drops requests, drops responses after the server committed, duplicates, reorders, answers 503,
 * times out, and partitions one way and both ways; the kiosk's clock jumps and the kiosk
 * restarts mid-way. After the network heals, every invariant of sync.md is checked, on PGlite
 * and on a real PostgreSQL server.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bankParcels, emailOutbox } from '../../src-cloud/db/schema.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { cloudDatabaseKinds } from '../helpers/cloud-database.js';
import { driveUntilQuiet, startChaosSystem, type ChaosSystem } from './chaos-system.js';
import { faultKinds, type Partition } from './faulty-adapter.js';
import { startKioskWorkload } from './kiosk-workload.js';
import { checkSyncInvariants } from './sync-invariants.js';

const steps = 48;
const partitions: readonly Partition[] = ['both_ways', 'bank_to_cloud', 'cloud_to_bank'];

/** Lets real I/O (the engine's HTTP round trips) happen between fake-clock steps. */
const breathe = (ms = 15): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function adminWrite(system: ChaosSystem, step: number): Promise<string> {
  const { admin, bankId } = system.bank;
  const compartments = system.reader
    .prepare(
      `SELECT c.id FROM compartment c WHERE NOT EXISTS
         (SELECT 1 FROM parcel p WHERE p.compartment_id = c.id AND p.state = 'in_locker')
        ORDER BY c.id`,
    )
    .all() as { id: string }[];
  const contact = system.reader
    .prepare('SELECT id FROM contact WHERE active = 1 ORDER BY id LIMIT 1 OFFSET ?')
    .get(step % 20) as { id: string };
  const compartment = compartments[step % Math.max(1, compartments.length)]?.id;
  switch (step % 5) {
    case 0:
      await admin.put('/v1/admin/entities', {
        writes: [
          {
            kind: 'contact',
            id: `chaos-contact-${step}`,
            value: {
              name: `Chaos Person ${step}`,
              email: `chaos.${step}@example.test`,
              phone: null,
              language: step % 2 === 0 ? 'en' : 'fr',
              personnelId: null,
              departmentId: null,
              accessibilityNeed: false,
              customFields: {},
              active: true,
            },
          },
        ],
      });
      return 'contact';
    case 1:
      await admin.post(`/v1/admin/banks/${bankId}/reservations`, {
        size: 'M',
        contactId: contact.id,
        expiresAt: Date.now() + 86_400_000,
      });
      return 'reservation';
    case 2:
      if (compartment === undefined) {
        return 'none';
      }
      await admin.post(`/v1/admin/banks/${bankId}/compartments/${compartment}/out-of-service`, {
        note: 'chaos',
      });
      return 'out of service';
    case 3:
      if (compartment === undefined) {
        return 'none';
      }
      await admin.post(`/v1/admin/banks/${bankId}/compartments/${compartment}/remote-open`, {
        reason: 'chaos',
        expiresInSeconds: 300,
      });
      return 'remote open';
    default:
      if (compartment === undefined) {
        return 'none';
      }
      await admin.post(`/v1/admin/banks/${bankId}/compartments/${compartment}/in-service`, {});
      return 'in service';
  }
}

describe.each(cloudDatabaseKinds)('sync under network faults (%s)', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  it(
    'converges with every invariant holding once the network heals',
    { timeout: 600_000 },
    async () => {
      const folder = makeTempFolder('casier-chaos-');
      cleanups.push(() => folder.remove());
      const system = await startChaosSystem({ kind, dataDir: folder.path, seed: 6 });
      cleanups.push(() => system.stop());
      await driveUntilQuiet(system);
      const enrolled = await checkSyncInvariants({
        kiosk: system.reader,
        cloud: system.cloud.database.db,
        tenantId: system.bank.tenantId,
        bankId: system.bank.bankId,
      });
      expect(enrolled.violations).toEqual([]);

      const weights = {
        deliver: 4,
        drop_request: 1,
        drop_response: 1,
        duplicate: 1,
        delay: 1,
        status_503: 1,
        timeout: 1,
      };
      system.network.heal();
      let workload = await startKioskWorkload({
        core: system.core,
        hardware: system.hardware,
        clock: system.clock,
        reader: system.reader,
        random: system.random,
        label: kind,
      });
      const done: string[] = [];
      for (let step = 0; step < steps; step++) {
        system.network.setWeights(weights);
        const partition = partitions[Math.floor(step / 8) % partitions.length]!;
        system.network.setPartition(step % 8 < 3 ? partition : 'none');
        if (step === 12) {
          // Whatever the dice said so far, every kind of fault happens at least once.
          system.network.forceNext(...faultKinds.filter((fault) => fault !== 'deliver'));
        }
        done.push(await workload.step());
        if (step % 3 === 0) {
          done.push(await adminWrite(system, step));
        }
        if (step === 20) {
          // The bank's clock jumps two hours ahead (NTP catching up after a dead battery).
          await system.clock.advance(2 * 3_600_000);
        }
        if (step === 30) {
          // The kiosk restarts mid-way, with rows unacked and pulls half done.
          await system.stopKiosk();
          await system.startKiosk();
          workload = await startKioskWorkload({
            core: system.core,
            hardware: system.hardware,
            clock: system.clock,
            reader: system.reader,
            random: system.random,
            label: `${kind}r`,
          });
        }
        await breathe();
      }
      const rounds = await driveUntilQuiet(system);
      // Remote opens pulled in the last round run after their page committed.
      await breathe(200);
      await driveUntilQuiet(system);

      const report = await checkSyncInvariants({
        kiosk: system.reader,
        cloud: system.cloud.database.db,
        tenantId: system.bank.tenantId,
        bankId: system.bank.bankId,
      });
      expect(report.violations).toEqual([]);
      // The run did real work, and every kind of fault really happened.
      expect(done.filter((what) => what === 'drop-off').length).toBeGreaterThan(10);
      expect(done.filter((what) => what === 'pickup').length).toBeGreaterThan(3);
      expect(report.counts.emails).toBeGreaterThan(10);
      const injected = new Set(system.network.log.map((entry) => entry.kind));
      for (const fault of [...faultKinds, 'partitioned'] as const) {
        expect(injected, fault).toContain(fault);
      }
      expect(rounds).toBeLessThan(300);

      // The checks can fail: an email lost and a parcel moved in the cloud are both caught.
      const db = system.cloud.database.db;
      const [email] = await db.select().from(emailOutbox).limit(1);
      await db.delete(emailOutbox).where(eq(emailOutbox.id, email!.id));
      const [parcel] = await db
        .select()
        .from(bankParcels)
        .where(eq(bankParcels.state, 'in_locker'))
        .limit(1);
      await db
        .update(bankParcels)
        .set({ compartmentId: 'nowhere' })
        .where(eq(bankParcels.parcelId, parcel!.parcelId));
      const tampered = await checkSyncInvariants({
        kiosk: system.reader,
        cloud: db,
        tenantId: system.bank.tenantId,
        bankId: system.bank.bankId,
      });
      expect(tampered.violations.map((violation) => violation.slice(0, 12))).toEqual([
        '2 notificati',
        '6 parcel in ',
      ]);
    },
  );
});

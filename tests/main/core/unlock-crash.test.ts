import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { createCompartmentService } from '../../../src-main/core/compartment-service.js';
import { findOnlyBank, listCompartments } from '../../../src-main/db/queries/compartments.js';
import { recordAction } from '../../../src-main/db/queries/record-action.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { activityLog, syncDevice, syncOutbox } from '../../../src-main/db/schema.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/**
 * A crash mid-unlock (architecture.md, "Unlock request and outcome are two transactions"): the
 * request is committed before the pulse, so it survives; the outcome is never made up.
 */
describe('an unlock that dies half way', () => {
  let harness: CoreHarness;

  beforeEach(async () => {
    harness = await startCoreHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it.each(['compartment.open', 'commissioning.pulse'] as const)(
    '%s: the request is committed before the pulse; a failed unlock leaves no observed row',
    async (method) => {
      const target = await harness.compartment('5');
      let committedAtPulse: string[] = [];
      harness.hardware.unlockAndObserve = () => {
        // What another connection (a restarted kiosk) would find if the power went now.
        committedAtPulse = harness.factTypes();
        return Promise.reject(new Error('serial adapter unplugged mid-pulse'));
      };

      const result = await harness.invoke(method, { compartmentId: target.id });

      expect(result.ok === false && result.error.code).toBe('internal_error');
      expect(committedAtPulse).toEqual(['compartment.unlock_requested']);
      const facts = harness.facts();
      expect(facts.map((fact) => fact.type)).toEqual(['compartment.unlock_requested']);
      expect(facts[0]?.outbox?.name).toBe('compartment.unlock_requested');
      expect(harness.rows('SELECT * FROM commissioning_check')).toEqual([]);
    },
  );
});

describe('recording an outcome is one transaction', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    seedDemoBank(database.db, Date.UTC(2026, 10, 25));
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('writes nothing of the outcome when door truth fails inside its transaction', async () => {
    const { db } = database;
    const bank = findOnlyBank(db)!;
    const compartment = listCompartments(db, bank.id)[0]!;
    const hardware = new FakeHardware();
    hardware.nextOutcome = 'jammed';
    const service = createCompartmentService({
      db,
      clock: new ManualClock(Date.UTC(2026, 10, 25, 9)),
      doors: hardware,
      unlockAndObserve: hardware.unlockAndObserve,
      unlockObserved: (tx, row, _outcome, nowMs) => {
        recordAction(
          tx,
          {
            bankId: row.bankId,
            type: 'compartment.taken_out_of_service',
            compartmentId: row.id,
            actor: 'system',
            details: {},
          },
          nowMs,
        );
        throw new Error('disk full');
      },
    });

    await expect(service.open(compartment.id, 'operator:test')).rejects.toThrow('disk full');

    expect(db.select({ type: activityLog.type }).from(activityLog).all()).toEqual([
      { type: 'compartment.unlock_requested' },
    ]);
    expect(db.select({ id: syncOutbox.id }).from(syncOutbox).all()).toEqual([{ id: 1 }]);
    // The mutation ids of the rolled-back facts are not used up: the next one is 2.
    expect(db.select().from(syncDevice).get()?.lastMutationId).toBe(1);
  });
});

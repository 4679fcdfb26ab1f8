import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoorSensing } from '../../../src-main/core/compartment-service.js';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { loadBankSettings, saveBankSettings } from '../../../src-main/db/queries/bank-settings.js';
import { findOnlyBank } from '../../../src-main/db/queries/compartments.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { buildAllocationBank } from '../../../src-main/flows/allocation-snapshot.js';
import {
  allocateCompartment,
  type AllocationBank,
  type AllocationParty,
  type AllocationPurpose,
  type AllocationResult,
} from '../../../src-shared/allocation/index.js';
import type { StoragePolicy } from '../../../src-shared/domain/bank-settings.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

/**
 * C6 through the kiosk's own snapshot: the compartments kept for deliveries come from the bank's
 * stored settings, so storage never takes the last free ones of a size while a parcel still can.
 * The demo bank has 12 S, 8 M and 4 L doors, some already holding or reserved for parcels.
 */
describe('storage quota (C6) on the demo bank', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  const now = Date.UTC(2026, 10, 25, 9, 0);
  const storer: AllocationParty = { kind: 'recipient', id: 'storage-user' };
  const parcelRecipient: AllocationParty = { kind: 'recipient', id: 'parcel-recipient' };

  const closedDoors: DoorSensing = {
    doorState: () => 'closed',
    itemPresent: () => undefined,
    hardwareStatus: 'ok',
  };

  function saveKept(keptForDeliveries: StoragePolicy['keptForDeliveries']): void {
    const settings = loadBankSettings(database.db, bankId);
    database.db.transaction((tx) =>
      saveBankSettings(
        tx,
        bankId,
        { ...settings, storage: { ...settings.storage, keptForDeliveries } },
        now,
      ),
    );
  }

  /**
   * The bank as the core builds it from the database. A compartment already handed out in this
   * test is passed as busy: like a door in use, it is no longer free for anyone.
   */
  function snapshot(taken: ReadonlySet<string> = new Set()): AllocationBank {
    return buildAllocationBank({
      reader: database.db,
      bankId,
      nowMs: now,
      doors: closedDoors,
      settings: loadBankSettings(database.db, bankId),
      busy: taken,
      dedications: new Map(),
    });
  }

  function ask(
    bank: AllocationBank,
    purpose: AllocationPurpose,
    size: CompartmentSize,
  ): AllocationResult {
    return allocateCompartment(bank, {
      purpose,
      party: purpose === 'storage' ? storer : parcelRecipient,
      accessibilityNeed: false,
      parcelSize: size,
      mode: { kind: 'size', size, allowUpsizing: false },
    });
  }

  function freeOfSize(bank: AllocationBank, size: CompartmentSize): string[] {
    return bank.compartments
      .filter(
        (compartment) =>
          compartment.size === size &&
          compartment.occupancy.state === 'free' &&
          compartment.fault === null &&
          compartment.service === 'in_service',
      )
      .map((compartment) => compartment.id);
  }

  function causeCodes(result: AllocationResult): string[] {
    return result.ok ? [] : result.refusal.causes.map((cause) => cause.code);
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    seedDemoBank(database.db, now);
    bankId = findOnlyBank(database.db)!.id;
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('takes the policy from the stored settings, and the defaults when none were saved', () => {
    expect(snapshot().policy.keptForDeliveries).toEqual({ S: 2, M: 1, L: 1 });
    saveKept({ S: 4, M: 0, L: 3 });
    expect(snapshot().policy.keptForDeliveries).toEqual({ S: 4, M: 0, L: 3 });
  });

  for (const size of ['S', 'M', 'L'] as const) {
    it(`lets storage fill ${size} doors only down to the kept ones, which deliveries still get`, () => {
      saveKept({ S: 2, M: 2, L: 1 });
      const kept = snapshot().policy.keptForDeliveries[size] ?? 0;
      const freeAtStart = freeOfSize(snapshot(), size).length;
      expect(freeAtStart).toBeGreaterThan(kept);

      const taken = new Set<string>();
      for (;;) {
        const result = ask(snapshot(taken), 'storage', size);
        if (!result.ok) {
          expect(causeCodes(result)).toContain('kept_for_deliveries');
          break;
        }
        expect(result.choice.size).toBe(size);
        expect(taken.has(result.choice.compartmentId)).toBe(false);
        taken.add(result.choice.compartmentId);
      }
      expect(taken.size).toBe(freeAtStart - kept);

      const left = freeOfSize(snapshot(taken), size);
      expect(left).toHaveLength(kept);
      // Every kept door still goes to a parcel, one after the other.
      for (let parcel = 0; parcel < kept; parcel++) {
        const delivery = ask(snapshot(taken), 'delivery', size);
        expect(delivery.ok && left.includes(delivery.choice.compartmentId)).toBe(true);
        if (delivery.ok) {
          taken.add(delivery.choice.compartmentId);
        }
      }
      expect(ask(snapshot(taken), 'delivery', size).ok).toBe(false);
    });
  }

  it('changes its answer when the setting changes', () => {
    const freeLarge = freeOfSize(snapshot(), 'L').length;
    expect(freeLarge).toBeGreaterThan(0);

    saveKept({ S: 2, M: 1, L: freeLarge });
    const refused = ask(snapshot(), 'storage', 'L');
    expect(refused.ok).toBe(false);
    expect(causeCodes(refused)).toContain('kept_for_deliveries');
    expect(ask(snapshot(), 'delivery', 'L').ok).toBe(true);

    saveKept({ S: 2, M: 1, L: freeLarge - 1 });
    const granted = ask(snapshot(), 'storage', 'L');
    expect(granted.ok && granted.choice.size).toBe('L');
  });

  it('never holds deliveries back, even when every free door is kept', () => {
    saveKept({ S: 500, M: 500, L: 500 });
    for (const size of ['S', 'M', 'L'] as const) {
      expect(ask(snapshot(), 'storage', size).ok).toBe(false);
      expect(ask(snapshot(), 'delivery', size).ok).toBe(true);
    }
  });
});

import {
  HardwareProfileDocument,
  type BankHardwareSettings,
  type CompartmentWiring,
} from '../../src-shared/domain/hardware-profile.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import {
  clearBankCommissioningChecks,
  clearCommissioningChecks,
} from '../db/queries/commissioning.js';
import { rewireCompartments } from '../db/queries/compartment-wiring.js';
import { loadHardwareProfile } from '../db/queries/hardware-profile.js';
import { writeHardwareSettings } from '../db/queries/hardware-settings.js';
import { recordAction } from '../db/queries/record-action.js';
import type { Logger } from '../logging/logger.js';
import { findProfileProblems } from '../../src-shared/domain/hardware-profile-problems.js';
import { InvalidHardwareProfileError, schemaProblems } from './invalid-hardware-profile-error.js';
import type { HardwareProfileService } from './services.js';

export interface HardwareProfileServiceDependencies {
  db: KioskDb;
  clock: Clock;
  bankId: string;
  /** Restarts the lock bus on the saved settings; called after they are committed. */
  applySettings: (settings: BankHardwareSettings) => Promise<void>;
  logger: Logger;
}

/**
 * The bank's hardware profile as data (X7). `save` validates everything first, then writes the
 * settings, the compartments' wiring and the 'hardware.profile_saved' fact in one transaction:
 * a refused profile changes nothing. Only then is the bus restarted on the new settings.
 */
export function createHardwareProfileService(
  deps: HardwareProfileServiceDependencies,
): HardwareProfileService {
  // Restarts run one after another in commit order, so the bus always ends on the last save.
  let applying: Promise<void> = Promise.resolve();

  function get(): HardwareProfileDocument {
    return loadHardwareProfile(deps.db, deps.bankId);
  }

  async function save(
    document: HardwareProfileDocument,
    actor: string,
  ): Promise<HardwareProfileDocument> {
    const parsed = HardwareProfileDocument.safeParse(document);
    if (!parsed.success) {
      throw new InvalidHardwareProfileError(schemaProblems(parsed.error));
    }
    const profile = parsed.data;
    const nowMs = deps.clock.now();
    deps.db.transaction((tx) => {
      const before = loadHardwareProfile(tx, deps.bankId);
      const problems = findProfileProblems(profile, before.compartments);
      if (problems.length > 0) {
        throw new InvalidHardwareProfileError(problems);
      }
      const changed = changedWiring(before.compartments, profile.compartments);
      writeHardwareSettings(tx, deps.bankId, profile.settings, nowMs);
      rewireCompartments(tx, deps.bankId, changed, nowMs);
      if (changesMeaningOfDoorBits(before.settings, profile.settings)) {
        clearBankCommissioningChecks(tx, deps.bankId);
      } else {
        clearCommissioningChecks(tx, movedLocks(before.compartments, changed));
      }
      recordAction(
        tx,
        {
          bankId: deps.bankId,
          type: 'hardware.profile_saved',
          compartmentId: null,
          actor,
          details: { settings: profile.settings, compartments: profile.compartments },
        },
        nowMs,
      );
    });
    // The profile is saved whatever the restart does: a restart that fails leaves the bank
    // without lock hardware, which its degraded status shows, so the save is not reported as
    // failed (the operator would retry a save that already happened).
    const applied = applying
      .then(() => deps.applySettings(profile.settings))
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'the lock bus did not restart on the saved profile');
      });
    applying = applied;
    await applied;
    return get();
  }

  return { get, save };
}

function changedWiring(
  before: readonly CompartmentWiring[],
  after: readonly CompartmentWiring[],
): CompartmentWiring[] {
  const byId = new Map(before.map((wiring) => [wiring.id, wiring]));
  return after.filter((wiring) => !sameWiring(byId.get(wiring.id), wiring));
}

function sameWiring(a: CompartmentWiring | undefined, b: CompartmentWiring): boolean {
  return (
    a !== undefined &&
    a.label === b.label &&
    a.size === b.size &&
    a.doorBottomCm === b.doorBottomCm &&
    a.doorTopCm === b.doorTopCm &&
    a.board === b.board &&
    a.channel === b.channel
  );
}

/** A commissioning result is about a lock: a compartment moved to another lock is unchecked. */
function movedLocks(
  before: readonly CompartmentWiring[],
  changed: readonly CompartmentWiring[],
): string[] {
  const byId = new Map(before.map((wiring) => [wiring.id, wiring]));
  return changed
    .filter((wiring) => {
      const old = byId.get(wiring.id);
      return old === undefined || old.board !== wiring.board || old.channel !== wiring.channel;
    })
    .map((wiring) => wiring.id);
}

/** Another protocol or polarity means every earlier "seen open" was read another way. */
function changesMeaningOfDoorBits(
  before: BankHardwareSettings,
  after: BankHardwareSettings,
): boolean {
  return (
    before.protocol !== after.protocol ||
    before.lockBitOpenValue !== after.lockBitOpenValue ||
    before.feedbackOpenValue !== after.feedbackOpenValue
  );
}

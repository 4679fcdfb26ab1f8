import {
  deleteBankSettings,
  hasBankSettings,
  saveBankSettings,
} from '../../db/queries/bank-settings.js';
import {
  deleteCompartmentIntent,
  listCompartmentIntentIds,
  upsertCompartmentIntent,
} from '../../db/queries/compartment-intents.js';
import { findCompartment, updateCompartmentConfig } from '../../db/queries/compartments.js';
import { renameLockerBank } from '../../db/queries/locker-bank.js';
import type { KioskTx } from '../../db/transaction.js';
import type { EntityAppliers } from './entity-applier.js';
import { requireReference } from './server-op-error.js';

/** The one row of the bank's settings: whatever id the cloud gives it, it is this bank's. */
const bankSettingsKey = 'bank';

/**
 * The bank's profile, settings and compartments as the console configures them. Bank-scoped:
 * they land on this kiosk's bank, whatever id the cloud gives the bank.
 */
export const bankAppliers: Pick<
  EntityAppliers,
  'bank_profile' | 'bank_settings' | 'compartment_config' | 'compartment_intent'
> = {
  bank_profile: {
    put(tx, _id, value, { bankId }) {
      renameLockerBank(tx, bankId, value.name);
    },
    // A bank keeps a name; there is nothing to delete on the kiosk.
    del: () => undefined,
    keys: () => [],
  },

  bank_settings: {
    keyOf: () => bankSettingsKey,
    // The Settings screen's storage path (parsed again, whole document) without its fact: the
    // cloud owns the settings now, and a fact would only echo its own change back to it.
    put(tx, _id, value, context) {
      saveBankSettings(tx, context.bankId, value, context.nowMs);
      context.outcome.settingsChanged = true;
    },
    del(tx, _key, context) {
      deleteBankSettings(tx, context.bankId);
      context.outcome.settingsChanged = true;
    },
    keys: (tx, { bankId }) => (hasBankSettings(tx, bankId) ? [bankSettingsKey] : []),
  },

  compartment_config: {
    put(tx, id, value, { bankId, nowMs }) {
      requireOwnCompartment(tx, id, bankId);
      // Label, size and door heights only: the wiring is commissioning's (hardware.md).
      updateCompartmentConfig(tx, id, value, nowMs);
    },
    // The compartment is hardware the bank has; the cloud cannot delete it from here.
    del: () => undefined,
    keys: () => [],
  },

  compartment_intent: {
    put(tx, id, value, { bankId, nowMs }) {
      requireOwnCompartment(tx, id, bankId);
      upsertCompartmentIntent(tx, id, value, nowMs);
    },
    del(tx, id) {
      deleteCompartmentIntent(tx, id);
    },
    keys: (tx, { bankId }) => listCompartmentIntentIds(tx, bankId),
  },
};

function requireOwnCompartment(tx: KioskTx, compartmentId: string, bankId: string): void {
  const compartment = findCompartment(tx, compartmentId);
  requireReference(
    compartment?.bankId === bankId ? compartment : undefined,
    'compartment',
    compartmentId,
  );
}

import { join } from 'node:path';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import { defaultBankSettings } from '../../src-shared/domain/bank-settings.js';
import type { RecipientRef } from '../../src-shared/api/drop-off-methods.js';
import type { Clock } from '../../src-shared/time/clock.js';
import { kioskMigrationsFolder } from '../../src-main/app-root.js';
import { loadKioskCodePepper } from '../../src-main/codes/code-pepper-home.js';
import { loadKioskPickupTokenKeys } from '../../src-main/codes/pickup-token-key-home.js';
import { openKioskDatabase, type KioskDatabase } from '../../src-main/db/open-kiosk-database.js';
import { findCompartment, findOnlyBank } from '../../src-main/db/queries/compartments.js';
import { insertExpectedParcel, recordDeposit } from '../../src-main/db/queries/parcels.js';
import { recordAction } from '../../src-main/db/queries/record-action.js';
import { accessCodeParcels } from '../../src-main/db/schema.js';
import { createKioskCodes } from '../../src-main/flows/kiosk-codes.js';
import { readyForPickupNotifier } from '../../src-main/flows/ready-for-pickup-notice.js';
import { resolveRecipient } from '../../src-main/flows/recipients.js';
import { silentLogger } from '../../src-main/logging/logger.js';

/**
 * A deliberately broken deposit, for proving the crash test can fail (CASIER_CRASH_SPLIT_DEPOSIT
 * in the child): the parcel goes in_locker in one transaction and its pickup code and notice in
 * a second one, as a careless refactoring of deposit-record.ts would do. A kill between the two
 * leaves a parcel nobody can collect, which the invariants must catch. Never used otherwise.
 */
export interface SplitDeposit {
  deposit(args: {
    compartmentId: string;
    recipient: RecipientRef;
    trackingNumber: string;
    between: () => void;
  }): void;
  close(): void;
}

export function openSplitDeposit(dataDir: string, clock: Clock): SplitDeposit {
  const database: KioskDatabase = openKioskDatabase({
    file: join(dataDir, 'kiosk.sqlite'),
    migrationsFolder: kioskMigrationsFolder(),
  });
  const { db } = database;
  const bank = findOnlyBank(db);
  if (!bank) {
    throw new Error('split deposit: no bank');
  }
  const codes = createKioskCodes({
    db,
    bankId: bank.id,
    clock,
    logger: silentLogger(),
    pepper: loadKioskCodePepper(dataDir),
    tokenKeys: loadKioskPickupTokenKeys(dataDir),
  });
  const notify = readyForPickupNotifier({
    bankId: bank.id,
    bankName: bank.name,
    settings: () => defaultBankSettings,
  });
  return {
    deposit: ({ compartmentId, recipient: ref, trackingNumber, between }) => {
      const compartment = findCompartment(db, compartmentId);
      if (!compartment) {
        throw new Error('split deposit: no compartment');
      }
      const recipient = resolveRecipient(db, ref);
      const size: CompartmentSize = compartment.size;
      const nowMs = clock.now();
      const parcelId = db.transaction((tx) => {
        const parcel = insertExpectedParcel(
          tx,
          {
            bankId: bank.id,
            trackingNumber,
            trackingCarrier: null,
            carrierId: null,
            recipient: recipient.contactId
              ? { contactId: recipient.contactId }
              : { departmentId: recipient.departmentId ?? '' },
            size,
          },
          nowMs,
        );
        recordDeposit(tx, parcel.id, { compartmentId, size }, nowMs);
        recordAction(
          tx,
          {
            bankId: bank.id,
            type: 'parcel.deposited',
            compartmentId,
            actor: 'crash-test',
            details: { parcelId: parcel.id, label: compartment.label },
          },
          nowMs,
        );
        return parcel.id;
      });
      between();
      db.transaction((tx) => {
        const issued = codes.issuerWithin(tx).issue({
          purpose: 'pickup',
          targetId: parcelId,
          expiresAtMs: nowMs + 72 * 3_600_000,
        });
        tx.insert(accessCodeParcels).values({ accessCodeId: issued.codeId, parcelId }).run();
        notify(
          tx,
          {
            parcelId,
            recipient,
            compartment,
            trackingNumber,
            codeId: issued.codeId,
            code: issued.code,
            pickupToken: codes.pickupToken(issued.codeId, issued.expiresAtMs),
            expiresAtMs: issued.expiresAtMs,
          },
          nowMs,
        );
      });
    },
    close: () => database.close(),
  };
}

import type { CommissioningCheck, LabelSheet } from '../../src-shared/api/contract.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { compartmentBarcodeText } from '../../src-shared/scanning/credentials.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { listCommissioningChecks, saveCommissioningCheck } from '../db/queries/commissioning.js';
import { listCompartmentWiring } from '../db/queries/compartment-wiring.js';
import { findCompartment } from '../db/queries/compartments.js';
import { findLockerBank } from '../db/queries/locker-bank.js';
import { recordAction } from '../db/queries/record-action.js';
import { renderLabelSheet } from '../labels/label-sheet-pdf.js';
import type { DoorSensing, UnlockAndObserve } from './compartment-service.js';
import { KioskError } from './kiosk-error.js';
import type { CommissioningService } from './services.js';

export interface CommissioningServiceDependencies {
  db: KioskDb;
  clock: Clock;
  bankId: string;
  /** Only `hardwareStatus` is read: no pulse is sent while the bus is degraded. */
  doors: Pick<DoorSensing, 'hardwareStatus'>;
  unlockAndObserve: UnlockAndObserve;
}

/**
 * The commissioning walk (issue 3) and the printed compartment labels (C1). A pulse is an
 * unlock like any other: 'compartment.unlock_requested' is committed before it (a crash
 * mid-pulse still leaves its record), and what the sensors saw is committed after it as
 * 'commissioning.checked' together with the compartment's latest result.
 */
export function createCommissioningService(
  deps: CommissioningServiceDependencies,
): CommissioningService {
  async function pulse(compartmentId: string, actor: string): Promise<CommissioningCheck> {
    const compartment = findCompartment(deps.db, compartmentId);
    if (!compartment || compartment.bankId !== deps.bankId) {
      throw new KioskError('not_found', { what: 'noun.compartment' });
    }
    if (deps.doors.hardwareStatus === 'degraded') {
      throw new KioskError('hardware_unavailable');
    }
    const lock = { board: compartment.board, channel: compartment.channel };
    const details = { label: compartment.label, ...lock };
    deps.db.transaction((tx) => {
      recordAction(
        tx,
        {
          bankId: deps.bankId,
          type: 'compartment.unlock_requested',
          compartmentId,
          actor,
          details: { ...details, purpose: 'commissioning' },
        },
        deps.clock.now(),
      );
    });
    const outcome = await deps.unlockAndObserve(lock);
    const checkedAt = deps.clock.now();
    deps.db.transaction((tx) => {
      const { activityId } = recordAction(
        tx,
        {
          bankId: deps.bankId,
          type: 'commissioning.checked',
          compartmentId,
          actor,
          details: { ...details, outcome },
        },
        checkedAt,
      );
      saveCommissioningCheck(tx, { compartmentId, outcome, actor, checkedAt, activityId });
    });
    return { compartmentId, label: compartment.label, outcome, checkedAt };
  }

  function results(): CommissioningCheck[] {
    return listCommissioningChecks(deps.db, deps.bankId);
  }

  async function labels(locale: Locale): Promise<LabelSheet> {
    const bank = findLockerBank(deps.db, deps.bankId);
    const bankName = bank?.name ?? deps.bankId;
    // In label order ("2" before "10"), the order they are stuck on the doors.
    const wiring = listCompartmentWiring(deps.db, deps.bankId).sort((a, b) =>
      a.label.localeCompare(b.label, locale, { numeric: true }),
    );
    const pdf = await renderLabelSheet({
      title: translate(locale, 'labels.document_title', { bank: bankName }),
      createdAt: new Date(deps.clock.now()),
      labels: wiring.map((compartment) => ({
        barcodeText: compartmentBarcodeText(compartment.id),
        label: compartment.label,
        caption: translate(locale, `compartment.size.${compartment.size}`),
      })),
    });
    return {
      fileName: `casier-labels-${fileNamePart(bankName, deps.bankId)}.pdf`,
      contentBase64: Buffer.from(pdf).toString('base64'),
    };
  }

  return { pulse, results, labels };
}

/** "Demo lobby bank" → "demo-lobby-bank": safe in every file system and download dialog. */
function fileNamePart(bankName: string, bankId: string): string {
  const slug = bankName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? bankId : slug;
}

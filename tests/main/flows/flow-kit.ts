import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DepositView,
  DropOffRequest,
  RecipientRef,
} from '../../../src-shared/api/drop-off-methods.js';
import type { ManagedCompartment } from '../../../src-shared/api/management-methods.js';
import type { PickupView } from '../../../src-shared/api/pickup-methods.js';
import type { BankSettings } from '../../../src-shared/domain/bank-settings.js';
import type { CompartmentSize, LockAddress } from '../../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../../src-shared/domain/door.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import {
  startCoreHarness,
  type CoreHarness,
  type CoreHarnessOptions,
} from '../core/core-harness.js';
import { decodeQrPng } from '../notifications/qr-image.js';

/**
 * What the issue-4 flow tests share: the core harness with every door's first reading learnt
 * (the engine never chooses a door whose state is unknown), and the steps a page takes —
 * deposit a parcel, read the recipient's notice, pick up — written once.
 */
export async function startFlowHarness(options: CoreHarnessOptions = {}): Promise<CoreHarness> {
  const harness = await startCoreHarness(options);
  await learnDoorsClosed(harness);
  return harness;
}

export async function learnDoorsClosed(harness: CoreHarness): Promise<void> {
  for (const compartment of await harness.compartments()) {
    harness.hardware.setDoor(compartment.lock, 'closed');
  }
  harness.events.length = 0;
}

export async function lockOfId(harness: CoreHarness, compartmentId: string): Promise<LockAddress> {
  const found = (await harness.compartments()).find((view) => view.id === compartmentId);
  if (!found) {
    throw new Error(`no compartment ${compartmentId}`);
  }
  return found.lock;
}

export async function idOfLabel(harness: CoreHarness, label: string): Promise<string> {
  return (await harness.compartment(label)).id;
}

/**
 * The last compartment of a size, in label order, that is available and held for nobody (G1, as
 * manage.compartments says): what a test takes when it needs a free one, whichever compartments
 * the demo seed fills (its expired parcel, its overstayed storage) or keeps (the Finance one).
 */
export async function lastAvailable(
  harness: CoreHarness,
  size: CompartmentSize,
): Promise<ManagedCompartment> {
  const found = (await harness.call('manage.compartments', {}))
    .filter((view) => view.size === size && view.use === 'available' && view.heldFor === null)
    .sort((a, b) => Number(a.label) - Number(b.label))
    .at(-1);
  if (!found) {
    throw new Error(`no available compartment of size ${size}`);
  }
  return found;
}

/** The bank's drop-off and pickup settings, changed through the API as the settings screen does. */
export async function changeSettings(
  harness: CoreHarness,
  change: (settings: BankSettings) => BankSettings,
): Promise<BankSettings> {
  const current = await harness.call('settings.get', {});
  return harness.call('settings.save', { settings: change(structuredClone(current)) });
}

function one(rows: Record<string, unknown>[], what: string): string {
  const id = rows[0]?.['id'];
  if (rows.length !== 1 || typeof id !== 'string') {
    throw new Error(`expected exactly one ${what}, found ${rows.length}`);
  }
  return id;
}

export function contactOf(harness: CoreHarness, personnelId: string): RecipientRef {
  return {
    kind: 'contact',
    id: one(harness.rows('SELECT id FROM contact WHERE personnel_id = ?', personnelId), 'contact'),
  };
}

export function contactNamed(harness: CoreHarness, name: string): RecipientRef {
  return {
    kind: 'contact',
    id: one(harness.rows('SELECT id FROM contact WHERE name = ?', name), name),
  };
}

export function departmentNamed(harness: CoreHarness, name: string): RecipientRef {
  return {
    kind: 'department',
    id: one(harness.rows('SELECT id FROM department WHERE name = ?', name), name),
  };
}

/** A drop-off where the engine chooses: what the page sends when the operator changes nothing. */
export function dropOffRequest(
  recipient: RecipientRef,
  changes: Partial<DropOffRequest> = {},
): DropOffRequest {
  return {
    recipient,
    trackingNumber: null,
    carrier: null,
    parcelSize: null,
    placement: { kind: 'engine' },
    expectedParcelId: null,
    reservationId: null,
    ...changes,
  };
}

/** The latest deposit.changed event of one deposit. */
export function lastDepositEvent(harness: CoreHarness, depositId: string): DepositView | undefined {
  return harness
    .eventsNamed('deposit.changed')
    .filter((view) => view.depositId === depositId)
    .at(-1);
}

/** The operator put the parcel in and closed the door: the deposit's door closes. */
export async function closeDepositDoor(
  harness: CoreHarness,
  started: DepositView,
): Promise<DepositView> {
  harness.hardware.setDoor(await lockOfId(harness, started.compartment.id), 'closed');
  const changed = lastDepositEvent(harness, started.depositId);
  if (!changed) {
    throw new Error('the deposit did not change when its door closed');
  }
  return changed;
}

/** A whole drop-off: start (the door opens), then the door closes on the parcel. */
export async function depositParcel(
  harness: CoreHarness,
  request: DropOffRequest,
  session?: string,
): Promise<DepositView> {
  const started = await harness.call('dropoff.start', {
    request,
    ...(session ? { session } : {}),
  });
  const done = await closeDepositDoor(harness, started);
  if (done.state !== 'completed') {
    throw new Error(`deposit ended ${done.state}`);
  }
  return done;
}

/** A ready-for-pickup notice as the recipient reads it: the digits, and the QR decoded. */
export interface Notice {
  fileName: string;
  toName: string;
  toAddress: string | null;
  subject: string;
  text: string;
  code: string;
  /** The `CSR1-PU-…` text the QR image carries; null when the notice has no QR. */
  qrText: string | null;
  language: Locale | null;
}

const codeLine = /^(?:Pickup code|Code de retrait)\u00a0?: (\d+)$/m;

/** Every notice in the mailbox, oldest first, once the relay has written what was queued. */
export async function readNotices(harness: CoreHarness): Promise<Notice[]> {
  await harness.core.mailboxSettled();
  const folder = harness.core.mailboxFolder;
  const fileNames = (await readdir(folder))
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .sort();
  const notices: Notice[] = [];
  for (const fileName of fileNames) {
    const mail = await simpleParser(await readFile(join(folder, fileName)));
    const text = mail.text ?? '';
    const code = codeLine.exec(text)?.[1];
    if (!code) {
      throw new Error(`no pickup code in ${fileName}`);
    }
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    const qr = mail.attachments.find((attachment) => attachment.contentType === 'image/png');
    const html = typeof mail.html === 'string' ? mail.html : '';
    const language = /<html lang="(en|fr)">/.exec(html)?.[1] as Locale | undefined;
    notices.push({
      fileName,
      toName: to?.value[0]?.name ?? '',
      toAddress: to?.value[0]?.address ?? null,
      subject: mail.subject ?? '',
      text,
      code,
      qrText: qr ? decodeQrPng(qr.content) : null,
      language: language ?? null,
    });
  }
  return notices;
}

/** The newest notice (the one the last deposit queued). */
export async function lastNotice(harness: CoreHarness): Promise<Notice> {
  const notice = (await readNotices(harness)).at(-1);
  if (!notice) {
    throw new Error('the mailbox is empty');
  }
  return notice;
}

/** A scan the page caught (keyboard wedge or camera), by the id the core gives it. */
export async function scanned(harness: CoreHarness, text: string): Promise<string> {
  return (await harness.call('scan.submit', { text, source: 'keyboard' })).scanId;
}

/** Opens these parcels' doors and closes every door that opened: the recipient took them. */
export async function takeParcels(
  harness: CoreHarness,
  pickup: PickupView,
  parcelIds: readonly string[],
): Promise<PickupView> {
  const opened = await harness.call('pickup.open', {
    pickupId: pickup.pickupId,
    parcelIds: [...parcelIds],
  });
  for (const parcel of opened.parcels.filter((item) => item.state === 'door_open')) {
    harness.hardware.setDoor(await lockOfId(harness, parcel.compartment.id), 'closed');
  }
  const changed = harness.eventsNamed('pickup.changed').at(-1);
  return changed?.pickupId === pickup.pickupId ? changed : opened;
}

export function parcelRow(harness: CoreHarness, parcelId: string): Record<string, unknown> {
  const row = harness.rows('SELECT * FROM parcel WHERE id = ?', parcelId)[0];
  if (!row) {
    throw new Error(`no parcel ${parcelId}`);
  }
  return row;
}

/**
 * The next unlocks answer these outcomes, one each, then the door opens as usual: one jammed
 * door in a drop-off, not every door of the bank.
 */
export function nextUnlocks(harness: CoreHarness, outcomes: readonly UnlockOutcome[]): void {
  const queue = [...outcomes];
  const hardware = harness.hardware;
  const opening = hardware.unlockAndObserve;
  hardware.unlockAndObserve = (lock) => {
    const outcome = queue.shift();
    if (outcome === undefined) {
      hardware.unlockAndObserve = opening;
      return opening(lock);
    }
    hardware.unlocked.push(lock);
    return Promise.resolve(outcome);
  };
}

/** Ids of the parcels in compartments now, oldest deposit first. */
export function inLocker(harness: CoreHarness): string[] {
  return harness
    .rows("SELECT id FROM parcel WHERE state = 'in_locker' ORDER BY deposited_at, id")
    .map((row) => row['id'] as string);
}

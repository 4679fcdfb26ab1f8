import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  HandoverDropView,
  HandoverKind,
  HandoverRequest,
} from '../../../src-shared/api/handover-methods.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { CoreHarness } from '../core/core-harness.js';
import { decodeQrPng } from '../notifications/qr-image.js';
import { lockOfId } from './flow-kit.js';

/**
 * What the return and exchange tests (D3, D4) share: a request as the mailroom's screen sends
 * it, the notices as their readers get them, and the drop at the kiosk.
 */
export function handoverRequest(
  kind: HandoverKind,
  senderContactId: string,
  changes: Partial<HandoverRequest> = {},
): HandoverRequest {
  return {
    kind,
    senderContactId,
    receiverContactId: null,
    size: 'S',
    trackingNumber: null,
    generateTrackingNumber: false,
    dropWithinDays: 3,
    ...changes,
  };
}

/** A hand-over notice: `kind` from its file name (`<outbox id>-<kind with hyphens>.eml`). */
export interface HandoverNotice {
  fileName: string;
  kind: string;
  toName: string;
  toAddress: string | null;
  subject: string;
  text: string;
  code: string;
  qrText: string | null;
  language: Locale | null;
}

const codeLine = /^(?:Drop-off code|Code de dépôt|Pickup code|Code de retrait)\u00a0?: (\d+)$/m;

/** Every notice in the mailbox, oldest first, once the relay has written what was queued. */
export async function readHandoverNotices(harness: CoreHarness): Promise<HandoverNotice[]> {
  await harness.core.mailboxSettled();
  const folder = harness.core.mailboxFolder;
  const fileNames = (await readdir(folder))
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .sort();
  const notices: HandoverNotice[] = [];
  for (const fileName of fileNames) {
    const mail = await simpleParser(await readFile(join(folder, fileName)));
    const text = mail.text ?? '';
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    const qr = mail.attachments.find((attachment) => attachment.contentType === 'image/png');
    const html = typeof mail.html === 'string' ? mail.html : '';
    notices.push({
      fileName,
      kind: (/^\d+-(.+)\.eml$/.exec(fileName)?.[1] ?? '').replace(/-/g, '_'),
      toName: to?.value[0]?.name ?? '',
      toAddress: to?.value[0]?.address ?? null,
      subject: mail.subject ?? '',
      text,
      code: codeLine.exec(text)?.[1] ?? '',
      qrText: qr ? decodeQrPng(qr.content) : null,
      language: (/<html lang="(en|fr)">/.exec(html)?.[1] as Locale | undefined) ?? null,
    });
  }
  return notices;
}

/** The newest notice of one kind ('return_code', 'exchange_drop_off_code', 'exchange_ready'). */
export async function lastNoticeOf(harness: CoreHarness, kind: string): Promise<HandoverNotice> {
  const notice = (await readHandoverNotices(harness)).filter((item) => item.kind === kind).at(-1);
  if (!notice) {
    throw new Error(`no ${kind} notice in the mailbox`);
  }
  return notice;
}

/** The latest handover.dropChanged event of one drop. */
export function lastDropEvent(harness: CoreHarness, dropId: string): HandoverDropView | undefined {
  return harness
    .eventsNamed('handover.dropChanged')
    .filter((view) => view.dropId === dropId)
    .at(-1);
}

/** The sender put the item in and closed the door. */
export async function closeDropDoor(
  harness: CoreHarness,
  started: HandoverDropView,
): Promise<HandoverDropView> {
  harness.hardware.setDoor(await lockOfId(harness, started.compartment.id), 'closed');
  const changed = lastDropEvent(harness, started.dropId);
  if (!changed) {
    throw new Error('the drop did not change when its door closed');
  }
  return changed;
}

/** A whole drop at the kiosk: the code opens a door, which closes on the item. */
export async function dropWithCode(harness: CoreHarness, code: string): Promise<HandoverDropView> {
  const started = await harness.call('handover.withCode', { code });
  const done = await closeDropDoor(harness, started);
  if (done.state !== 'completed') {
    throw new Error(`drop ended ${done.state}`);
  }
  return done;
}

export function handoverRow(harness: CoreHarness, handoverId: string): Record<string, unknown> {
  const row = harness.rows('SELECT * FROM handover WHERE id = ?', handoverId)[0];
  if (!row) {
    throw new Error(`no hand-over ${handoverId}`);
  }
  return row;
}

/** Row counts that a refused request must leave as they were. */
export function handoverFootprint(harness: CoreHarness): Record<string, unknown> {
  return {
    handovers: harness.rows('SELECT count(*) AS n FROM handover')[0]?.['n'],
    codes: harness.rows('SELECT count(*) AS n FROM access_code')[0]?.['n'],
    outbox: harness.rows('SELECT count(*) AS n FROM sync_outbox')[0]?.['n'],
    activity: harness.rows('SELECT count(*) AS n FROM activity_log')[0]?.['n'],
  };
}

import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { lockerBanks, syncOutbox } from '../db/schema.js';
import type { KioskReader } from '../db/transaction.js';
import { buildEml } from './eml-message.js';
import {
  notificationKinds,
  notificationMutationName,
  notificationMutationPrefix,
  notificationMutationVersion,
  QueuedNotificationArgs,
} from '../../src-shared/sync/queued-notification.js';

/**
 * The local file mailbox: the kiosk's own copy of every queued notification, written as an .eml
 * file a person can open in any mail client (the cloud sends the emails themselves).
 * The outbox stays the source of truth; the folder is only a view of it and can be deleted.
 */

export function mailboxFolder(dataDir: string): string {
  return join(dataDir, 'mailbox');
}

/** `0000000042-ready-for-pickup.eml` for outbox row 42: sorts in queue order. */
export function mailboxFileName(outboxId: number, mutationName: string): string {
  const kind = mutationName
    .slice(notificationMutationPrefix.length)
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();
  return `${String(outboxId).padStart(10, '0')}-${kind}.eml`;
}

/** Files being written start with a dot and end in `.partial`: never taken for a message. */
const partialSuffix = '.partial';

export interface RelayReport {
  /** File names written by this run. */
  written: string[];
  /** Rows this build cannot turn into a file (a newer version, unreadable arguments). */
  skipped: Array<{ outboxId: number; reason: 'unknown_version' | 'unreadable_args' }>;
}

/**
 * Writes a file for each `notification.*` outbox row that has none yet. Idempotent: a row's file
 * name is fixed by its id, and a file exists only once complete (written under a temporary name,
 * flushed, then renamed), so running again after a crash or at every start writes only what is
 * missing. Run it after each commit that queued a notification and once at start; runs on one
 * folder must not overlap (mailbox-relay.ts serialises them).
 */
export async function relayQueuedNotifications(
  db: KioskReader,
  folder: string,
): Promise<RelayReport> {
  await mkdir(folder, { recursive: true });
  const present = new Set(await readdir(folder));
  const rows = db
    .select()
    .from(syncOutbox)
    // By the kinds' names: the `notification.queued` activity fact shares the prefix.
    .where(inArray(syncOutbox.name, notificationKinds.map(notificationMutationName)))
    .orderBy(asc(syncOutbox.id))
    .all();
  const report: RelayReport = { written: [], skipped: [] };
  for (const row of rows) {
    const fileName = mailboxFileName(row.id, row.name);
    if (present.has(fileName)) {
      continue;
    }
    if (row.v !== notificationMutationVersion) {
      report.skipped.push({ outboxId: row.id, reason: 'unknown_version' });
      continue;
    }
    const args = QueuedNotificationArgs.safeParse(parseJson(row.args));
    if (!args.success) {
      report.skipped.push({ outboxId: row.id, reason: 'unreadable_args' });
      continue;
    }
    const bank = db
      .select({ name: lockerBanks.name })
      .from(lockerBanks)
      .where(eq(lockerBanks.id, args.data.bankId))
      .get();
    const eml = await buildEml({
      outboxId: row.id,
      wallTimeMs: row.wallTime,
      bankName: bank?.name ?? 'Casier',
      message: args.data.message,
    });
    await writeFileAtomically(folder, fileName, eml);
    report.written.push(fileName);
  }
  return report;
}

/**
 * Removes what a run interrupted by a crash left half-written. Only safe when no run is going
 * on in this folder, that is before the relay starts.
 */
export async function removePartialFiles(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return;
    }
    throw error;
  }
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith(partialSuffix)) {
      await rm(join(folder, name), { force: true });
    }
  }
}

async function writeFileAtomically(folder: string, fileName: string, content: Buffer) {
  const partialPath = join(folder, `.${fileName}.${randomUUID()}${partialSuffix}`);
  const file = await open(partialPath, 'wx');
  try {
    await file.writeFile(content);
    // On disk before the rename, so the name never points at a file the OS still buffers.
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(partialPath, join(folder, fileName));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

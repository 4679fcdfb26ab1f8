import { and, asc, eq } from 'drizzle-orm';
import { remoteCommands } from '../schema.js';
import type { KioskReader, KioskTx } from '../transaction.js';

export type RemoteCommand = typeof remoteCommands.$inferSelect;
export type RemoteCommandOutcome = Exclude<RemoteCommand['state'], 'pending'>;

export interface ReceivedRemoteOpen {
  compartmentId: string;
  /** Server time. */
  expiresAt: number;
  requestedBy: string;
  reason: string;
}

/**
 * Records a remote open as pulled, pending. A command id already recorded is left as it is,
 * whatever its state: a repeated put never runs it again (at most once, sync.md). True when
 * the command is new.
 */
export function recordRemoteOpen(
  tx: KioskTx,
  commandId: string,
  command: ReceivedRemoteOpen,
  serverOffsetMs: number,
  nowMs: number,
): boolean {
  const inserted = tx
    .insert(remoteCommands)
    .values({
      id: commandId,
      ...command,
      serverOffsetMs,
      state: 'pending',
      receivedAt: nowMs,
    })
    .onConflictDoNothing()
    .returning({ id: remoteCommands.id })
    .get();
  return inserted !== undefined;
}

/**
 * Settles a pending command: true only for the one caller that moved it out of `pending`, so
 * its outcome (and the door) happens once.
 */
export function settleRemoteCommand(
  tx: KioskTx,
  commandId: string,
  outcome: RemoteCommandOutcome,
  nowMs: number,
): boolean {
  const settled = tx
    .update(remoteCommands)
    .set({ state: outcome, doneAt: nowMs })
    .where(and(eq(remoteCommands.id, commandId), eq(remoteCommands.state, 'pending')))
    .returning({ id: remoteCommands.id })
    .get();
  return settled !== undefined;
}

/**
 * Every pull measures server time minus local time again: the commands still waiting take the
 * new offset, so one recorded by an earlier pull (or process) is not judged with an offset the
 * wall clock has since stepped away from.
 */
export function refreshPendingServerOffsets(tx: KioskTx, serverOffsetMs: number): void {
  tx.update(remoteCommands)
    .set({ serverOffsetMs })
    .where(eq(remoteCommands.state, 'pending'))
    .run();
}

/** Oldest first: commands run in the order they arrived. */
export function listPendingRemoteCommands(reader: KioskReader): RemoteCommand[] {
  return reader
    .select()
    .from(remoteCommands)
    .where(eq(remoteCommands.state, 'pending'))
    .orderBy(asc(remoteCommands.receivedAt), asc(remoteCommands.id))
    .all();
}

export function findRemoteCommand(
  reader: KioskReader,
  commandId: string,
): RemoteCommand | undefined {
  return reader.select().from(remoteCommands).where(eq(remoteCommands.id, commandId)).get();
}

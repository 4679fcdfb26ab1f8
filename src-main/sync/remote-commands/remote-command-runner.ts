import type { Clock } from '../../../src-shared/time/clock.js';
import type { CompartmentService } from '../../core/compartment-service.js';
import type { KioskDb } from '../../db/open-kiosk-database.js';
import { findCompartment, type CompartmentRow } from '../../db/queries/compartments.js';
import { recordAction } from '../../db/queries/record-action.js';
import {
  findRemoteCommand,
  listPendingRemoteCommands,
  settleRemoteCommand,
  type RemoteCommand,
} from '../../db/queries/remote-commands.js';
import type { KioskTx } from '../../db/transaction.js';
import type { Logger } from '../../logging/logger.js';

/**
 * G5 from the cloud (sync.md "Commands and clocks"): runs the remote open commands a pull
 * recorded, each at most once and never after its expiry in server time.
 *
 * At most once, not at least once: the command is marked `opened`, with its
 * `compartment.remote_opened` fact, in the very transaction that records the unlock request, and
 * the pulse follows that commit. A crash between the commit and the pulse loses the open; the
 * admin sees no door-opened fact and asks again. The other order could open a door twice, or
 * open it after the person it was meant for has gone: a lost open beats a double open.
 */
export interface RemoteCommandRunner {
  /** Runs every pending command once; concurrent calls queue behind each other. */
  runPending(): Promise<void>;
}

export interface RemoteCommandRunnerDependencies {
  db: KioskDb;
  clock: Clock;
  logger: Logger;
  bankId: string;
  /**
   * The G5 path (the core's CompartmentService): the unlock request is committed before the
   * pulse and door truth records what the sensor saw. While the lock bus is down it refuses
   * before committing anything, so the command waits for the next run (until it expires).
   */
  compartments: Pick<CompartmentService, 'open'>;
}

/** Thrown inside the unlock request's transaction when another run settled the command first. */
class AlreadySettled extends Error {}

/** Thrown inside the unlock request's transaction when the command's time ran out meanwhile. */
class ExpiredMeanwhile extends Error {}

/**
 * Past its expiry in server time (local time plus the offset the latest pull measured), or the
 * wall clock went back since it arrived: then no offset can be trusted, and a command that may
 * well have expired must not open a door.
 */
function hasExpired(command: RemoteCommand, nowMs: number): boolean {
  return nowMs < command.receivedAt || nowMs + command.serverOffsetMs >= command.expiresAt;
}

export function createRemoteCommandRunner(
  deps: RemoteCommandRunnerDependencies,
): RemoteCommandRunner {
  const { db, clock, logger, bankId } = deps;
  let queue: Promise<void> = Promise.resolve();

  function actorOf(command: RemoteCommand): string {
    return `cloud:${command.requestedBy}`;
  }

  function refuse(command: RemoteCommand): void {
    db.transaction((tx) => settleRemoteCommand(tx, command.id, 'refused', clock.now()));
    logger.warn(
      { commandId: command.id, compartmentId: command.compartmentId },
      'remote open refused: this bank has no such compartment',
    );
  }

  function expire(command: RemoteCommand, compartment: CompartmentRow): void {
    db.transaction((tx) => {
      const nowMs = clock.now();
      if (settleRemoteCommand(tx, command.id, 'expired', nowMs)) {
        recordAction(
          tx,
          {
            bankId,
            type: 'compartment.remote_open_expired',
            compartmentId: compartment.id,
            actor: actorOf(command),
            details: { commandId: command.id },
          },
          nowMs,
        );
      }
    });
    logger.warn(
      { commandId: command.id, label: compartment.label },
      'remote open not run: it expired before it could run',
    );
  }

  function claim(tx: KioskTx, nowMs: number, command: RemoteCommand, compartmentId: string): void {
    // Judged again as the door is committed to, with the row as it is now: time passed while
    // the request waited its turn, and a pull may have measured the offset again.
    const current = findRemoteCommand(tx, command.id);
    if (current?.state !== 'pending') {
      throw new AlreadySettled();
    }
    if (hasExpired(current, nowMs)) {
      throw new ExpiredMeanwhile();
    }
    if (!settleRemoteCommand(tx, command.id, 'opened', nowMs)) {
      throw new AlreadySettled();
    }
    recordAction(
      tx,
      {
        bankId,
        type: 'compartment.remote_opened',
        compartmentId,
        actor: actorOf(command),
        details: {
          commandId: command.id,
          requestedBy: command.requestedBy,
          reason: command.reason,
        },
      },
      nowMs,
    );
  }

  async function open(command: RemoteCommand, compartment: CompartmentRow): Promise<void> {
    try {
      const { outcome } = await deps.compartments.open(compartment.id, actorOf(command), {
        recordWithRequest: (tx, nowMs) => claim(tx, nowMs, command, compartment.id),
      });
      logger.info({ commandId: command.id, label: compartment.label, outcome }, 'remote open run');
    } catch (error) {
      if (error instanceof AlreadySettled) {
        return;
      }
      if (error instanceof ExpiredMeanwhile) {
        expire(command, compartment);
        return;
      }
      // Refused before the request committed (the lock bus is down): still pending, tried again
      // at the next run. Failed after it: the command is spent, as a crash there would leave it.
      logger.warn({ err: error, commandId: command.id }, 'remote open did not complete');
    }
  }

  async function runOne(command: RemoteCommand): Promise<void> {
    const compartment = findCompartment(db, command.compartmentId);
    if (compartment?.bankId !== bankId) {
      refuse(command);
      return;
    }
    if (hasExpired(command, clock.now())) {
      expire(command, compartment);
      return;
    }
    await open(command, compartment);
  }

  async function runAll(): Promise<void> {
    for (const command of listPendingRemoteCommands(db)) {
      try {
        await runOne(command);
      } catch (error) {
        // One command that cannot be settled must not keep the others from running.
        logger.error({ err: error, commandId: command.id }, 'running a remote command failed');
      }
    }
  }

  return {
    runPending(): Promise<void> {
      const run = queue.then(runAll);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

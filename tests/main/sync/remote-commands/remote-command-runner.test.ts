import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCompartmentService,
  type CompartmentService,
} from '../../../../src-main/core/compartment-service.js';
import { createDoorTruth } from '../../../../src-main/core/door-truth.js';
import { loadHardwareProfile } from '../../../../src-main/db/queries/hardware-profile.js';
import { silentLogger } from '../../../../src-main/logging/logger.js';
import {
  createRemoteCommandRunner,
  type RemoteCommandRunner,
} from '../../../../src-main/sync/remote-commands/remote-command-runner.js';
import type { Clock } from '../../../../src-shared/time/clock.js';
import { ManualClock } from '../../../../src-shared/time/manual-clock.js';
import { FakeHardware } from '../../../helpers/fake-hardware.js';
import { openApplyBench, put, startMs, type ApplyBench, type Row } from '../apply/apply-kit.js';

/**
 * G5 from the cloud (sync.md "Commands and clocks"): at most once, never after its expiry in
 * server time, through the same door path as an operator's open (door truth on fake hardware).
 */
describe('remote open commands', () => {
  let bench: ApplyBench;
  let clock: ManualClock;
  let hardware: FakeHardware;
  let runner: RemoteCommandRunner;
  let compartments: CompartmentService;
  /** A runner whose wall clock is `clock` minus `behindMs` (a step back, as NTP may make). */
  let runnerWith: (overrides: {
    behindMs?: number;
    compartments?: Pick<CompartmentService, 'open'>;
  }) => RemoteCommandRunner;
  let compartment: { id: string; board: number; channel: number };

  beforeEach(() => {
    bench = openApplyBench();
    clock = new ManualClock(startMs);
    hardware = new FakeHardware();
    const db = bench.database.db;
    compartment = bench.one(
      "SELECT id, board, channel FROM compartment WHERE size = 'L' ORDER BY CAST(label AS INTEGER) LIMIT 1",
    ) as typeof compartment;
    for (const row of bench.rows('SELECT board, channel FROM compartment')) {
      hardware.setDoor(
        { board: row['board'] as number, channel: row['channel'] as number },
        'closed',
      );
    }
    const logger = silentLogger();
    const doorTruth = createDoorTruth({
      hardware,
      db,
      clock,
      logger,
      settings: () => loadHardwareProfile(db, bench.bankId).settings,
    });
    compartments = createCompartmentService({
      db,
      clock,
      ...doorTruth.compartmentDependencies,
    });
    runner = createRemoteCommandRunner({ db, clock, logger, bankId: bench.bankId, compartments });
    runnerWith = (overrides) => {
      const stepped: Clock = {
        now: () => clock.now() - (overrides.behindMs ?? 0),
        setTimeout: (callback, delayMs) => clock.setTimeout(callback, delayMs),
        clearTimeout: (handle) => {
          clock.clearTimeout(handle);
        },
      };
      return createRemoteCommandRunner({
        db,
        clock: stepped,
        logger,
        bankId: bench.bankId,
        compartments: overrides.compartments ?? compartments,
      });
    };
  });
  afterEach(() => {
    bench.close();
  });

  /** The command as a pull brings it, `serverOffsetMs` measured at that pull. */
  function receive(
    commandId: string,
    expiresInMs: number,
    serverOffsetMs = 0,
    compartmentId = compartment.id,
  ) {
    bench.nowMs = clock.now();
    return bench.apply(
      [
        put('remote_open', commandId, {
          compartmentId,
          // Server time: the server's now plus how long the admin gave it.
          expiresAt: clock.now() + serverOffsetMs + expiresInMs,
          requestedBy: 'admin@example.org',
          reason: 'Courier locked out',
        }),
      ],
      serverOffsetMs,
    );
  }

  function command(commandId: string): Row {
    return bench.one('SELECT state, done_at FROM remote_command WHERE id = ?', commandId);
  }

  function facts(): Row[] {
    return bench
      .rows(
        `SELECT a.type, a.actor, a.details, o.name AS outbox FROM activity_log a
           LEFT JOIN sync_outbox o ON json_extract(o.args, '$.activityId') = a.id
          WHERE a.compartment_id = ? ORDER BY a.hlc`,
        compartment.id,
      )
      .map((row) => ({ ...row, details: JSON.parse(row['details'] as string) as unknown }));
  }

  it('a fresh command opens its door once, even if it runs twice at once and again later', async () => {
    expect(receive('cmd-1', 120_000).remoteOpens).toBe(1);
    await Promise.all([runner.runPending(), runner.runPending()]);
    await runner.runPending();

    expect(hardware.unlocked).toEqual([{ board: compartment.board, channel: compartment.channel }]);
    expect(command('cmd-1')).toEqual({ state: 'opened', done_at: clock.now() });
    const actor = 'cloud:admin@example.org';
    expect(facts()).toEqual([
      {
        type: 'compartment.remote_opened',
        actor,
        details: {
          commandId: 'cmd-1',
          requestedBy: 'admin@example.org',
          reason: 'Courier locked out',
        },
        outbox: 'compartment.remote_opened',
      },
      expect.objectContaining({ type: 'compartment.unlock_requested', actor }),
      expect.objectContaining({
        type: 'compartment.unlock_observed',
        actor,
        details: expect.objectContaining({ outcome: 'door_seen_open' }) as unknown,
      }),
    ]);

    // The same put again (a replayed page): not recorded again, not run again.
    expect(receive('cmd-1', 120_000).remoteOpens).toBe(0);
    await runner.runPending();
    expect(hardware.unlocked).toHaveLength(1);
  });

  it('a command that expired on arrival never opens; the expiry is recorded as a fact', async () => {
    // The server's clock is 5 minutes ahead of the kiosk's: its expiry is already past.
    receive('cmd-late', -1, 5 * 60_000);
    await runner.runPending();
    expect(hardware.unlocked).toEqual([]);
    expect(command('cmd-late')).toEqual({ state: 'expired', done_at: clock.now() });
    expect(facts()).toEqual([
      {
        type: 'compartment.remote_open_expired',
        actor: 'cloud:admin@example.org',
        details: { commandId: 'cmd-late' },
        outbox: 'compartment.remote_open_expired',
      },
    ]);
  });

  it('after an outage, a command whose expiry passed while it waited does not open', async () => {
    receive('cmd-1', 60_000, -30_000);
    // The kiosk was busy or down: by the time it runs, server time is past the expiry.
    await clock.advance(60_000);
    await runner.runPending();
    expect(hardware.unlocked).toEqual([]);
    expect(command('cmd-1')['state']).toBe('expired');

    // At the edge: still 1 ms before the expiry in server time, it runs.
    receive('cmd-2', 60_000, -30_000);
    await clock.advance(60_000 - 1);
    await runner.runPending();
    expect(command('cmd-2')['state']).toBe('opened');
    expect(hardware.unlocked).toHaveLength(1);
  });

  it('a wall clock that went back since the command arrived: expired, never opened', async () => {
    receive('cmd-1', 120_000);
    // The clock stepped back 10 minutes: local time plus the stored offset would look valid.
    await runnerWith({ behindMs: 10 * 60_000 }).runPending();

    expect(hardware.unlocked).toEqual([]);
    expect(command('cmd-1')['state']).toBe('expired');
    expect(facts().map((fact) => fact['type'])).toEqual(['compartment.remote_open_expired']);
  });

  it('a command whose time ran out while its open waited is judged again as the door is committed', async () => {
    receive('cmd-1', 60_000);
    const slow: Pick<CompartmentService, 'open'> = {
      open: async (...args) => {
        // Valid when picked, expired by the time the unlock request commits.
        await clock.advance(60_000);
        return compartments.open(...args);
      },
    };
    await runnerWith({ compartments: slow }).runPending();

    expect(hardware.unlocked).toEqual([]);
    expect(command('cmd-1')).toEqual({ state: 'expired', done_at: clock.now() });
    expect(facts().map((fact) => fact['type'])).toEqual(['compartment.remote_open_expired']);
  });

  it('a compartment this bank does not have: refused, nothing opened', async () => {
    receive('cmd-x', 120_000, 0, 'no-such-compartment');
    await runner.runPending();
    expect(command('cmd-x')).toEqual({ state: 'refused', done_at: clock.now() });
    expect(hardware.unlocked).toEqual([]);
  });

  it('while the lock bus is down the command waits, and runs once it is back (before its expiry)', async () => {
    hardware.setHardwareStatus('degraded');
    receive('cmd-1', 120_000);
    await runner.runPending();
    expect(command('cmd-1')).toEqual({ state: 'pending', done_at: null });
    expect(facts()).toEqual([]);

    hardware.setHardwareStatus('ok');
    await runner.runPending();
    expect(command('cmd-1')['state']).toBe('opened');
    expect(hardware.unlocked).toHaveLength(1);
  });

  it('a pulse that fails after the command was recorded is not retried: a lost open, never a double one', async () => {
    receive('cmd-1', 120_000);
    hardware.unlockAndObserve = () => Promise.reject(new Error('serial line closed'));
    await runner.runPending();
    expect(command('cmd-1')['state']).toBe('opened');
    expect(facts().map((fact) => fact['type'])).toEqual([
      'compartment.remote_opened',
      'compartment.unlock_requested',
    ]);

    hardware.unlockAndObserve = new FakeHardware().unlockAndObserve;
    await runner.runPending();
    expect(facts()).toHaveLength(2);
  });
});

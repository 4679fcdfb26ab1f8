import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startKioskCore, type KioskCore } from '../../../src-main/core/start-kiosk-core.js';
import { silentLogger } from '../../../src-main/logging/logger.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import type { BankOverview, OpenCompartmentResult } from '../../../src-shared/api/contract.js';
import { FakeHardware } from '../../helpers/fake-hardware.js';
import { demoAdminBadge, signInWithCredential } from '../../helpers/demo-session.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

interface Row {
  [column: string]: unknown;
}

describe('kiosk core (real SQLite file, in-memory hardware)', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let hardware: FakeHardware;
  let core: KioskCore;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 8, 0));

  async function overview(): Promise<BankOverview> {
    const result = await core.transport.invoke('bank.overview', {}, 'en');
    if (!result.ok) {
      throw new Error(result.error.message);
    }
    return result.value as BankOverview;
  }

  function rows(sql: string): Row[] {
    const reader = new Database(join(folder.path, 'kiosk.sqlite'), { readonly: true });
    try {
      return reader.prepare(sql).all() as Row[];
    } finally {
      reader.close();
    }
  }

  let session: string;

  beforeEach(async () => {
    folder = makeTempFolder();
    hardware = new FakeHardware();
    core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware,
      clock,
      logger: silentLogger(),
    });
    ({ session } = await signInWithCredential(core.transport, demoAdminBadge));
  });
  afterEach(async () => {
    await core.stop();
    folder.remove();
  });

  it('shows the seeded demo bank with live door states', async () => {
    expect(hardware.started).toBe(true);
    const before = await overview();
    expect(before.bank.name).toBe('Demo lobby bank');
    expect(before.compartments).toHaveLength(24);
    expect(before.compartments.every((compartment) => compartment.door === 'unknown')).toBe(true);
    hardware.setDoor({ board: 0, channel: 1 }, 'closed');
    const after = await overview();
    expect(after.compartments.find((compartment) => compartment.label === '1')?.door).toBe(
      'closed',
    );
  });

  it('opens a compartment: unlock request committed before the pulse, outcome after, both in the outbox', async () => {
    const target = (await overview()).compartments.find(
      (compartment) => compartment.label === '3',
    )!;
    hardware.setDoor(target.lock, 'closed');
    const result = await core.transport.invoke(
      'compartment.open',
      { session, compartmentId: target.id },
      'en',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        compartmentId: target.id,
        label: '3',
        outcome: 'door_seen_open',
      } satisfies OpenCompartmentResult,
    });
    expect(hardware.unlocked).toEqual([{ board: 0, channel: 3 }]);
    const activity = rows(
      "SELECT type, compartment_id AS compartmentId FROM activity_log WHERE type NOT LIKE 'session.%' ORDER BY hlc",
    );
    expect(activity.map((row) => row['type'])).toEqual([
      'compartment.unlock_requested',
      'door.opened',
      'compartment.unlock_observed',
    ]);
    const outbox = rows(
      "SELECT id, name FROM sync_outbox WHERE name NOT LIKE 'session.%' ORDER BY id",
    );
    expect(outbox).toEqual([
      // Id 1 is the sign-in of beforeEach.
      { id: 2, name: 'compartment.unlock_requested' },
      { id: 3, name: 'door.opened' },
      { id: 4, name: 'compartment.unlock_observed' },
    ]);
  });

  it('pushes door changes to subscribers and records movements (not first readings) as facts', async () => {
    const events: [string, unknown][] = [];
    core.transport.subscribe((event, payload) => events.push([event, payload]));
    hardware.setDoor({ board: 1, channel: 2 }, 'closed'); // first reading after start
    hardware.setDoor({ board: 1, channel: 2 }, 'open'); // nobody asked: X2 alarm
    hardware.setDoor({ board: 1, channel: 2 }, 'closed');
    const compartment = (await overview()).compartments.find(
      (c) => c.lock.board === 1 && c.lock.channel === 2,
    )!;
    expect(events.map(([event]) => event)).toEqual([
      'door.changed',
      'door.changed',
      'door.alarm',
      'compartment.changed',
      'door.changed',
    ]);
    expect(events.filter(([event]) => event === 'door.changed').map(([, p]) => p)).toEqual([
      { compartmentId: compartment.id, label: compartment.label, door: 'closed' },
      { compartmentId: compartment.id, label: compartment.label, door: 'open' },
      { compartmentId: compartment.id, label: compartment.label, door: 'closed' },
    ]);
    expect(events[2]![1]).toMatchObject({
      label: compartment.label,
      alarm: 'opened_without_command',
    });
    // Its content can no longer be trusted: out of service until an operator puts it back (G4).
    expect(compartment).toMatchObject({
      service: 'out_of_service',
      serviceReason: 'door_forced_open',
    });
    expect(
      rows(
        "SELECT type FROM activity_log WHERE actor IN ('door-sensor', 'system') ORDER BY hlc",
      ).map((row) => row['type']),
    ).toEqual([
      'door.opened',
      'door.opened_without_command',
      'compartment.taken_out_of_service',
      'door.closed',
    ]);
  });

  it('refuses to open when the lock bus is down, saying so in French, and records nothing', async () => {
    const target = (await overview()).compartments[0]!;
    hardware.setHardwareStatus('degraded');
    const result = await core.transport.invoke(
      'compartment.open',
      { session, compartmentId: target.id },
      'fr',
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'hardware_unavailable',
        message: 'Les cartes de serrures ne répondent pas. Veuillez appeler le service courrier.',
      },
    });
    expect(hardware.unlocked).toEqual([]);
    expect(rows("SELECT id FROM sync_outbox WHERE name NOT LIKE 'session.%'")).toEqual([]);
  });

  it('answers not_found for a compartment that does not exist', async () => {
    const result = await core.transport.invoke(
      'compartment.open',
      { session, compartmentId: 'nope' },
      'en',
    );
    expect(!result.ok && result.error.code).toBe('not_found');
    expect(hardware.unlocked).toEqual([]);
  });

  it('reports a jammed door as jammed, never as open', async () => {
    hardware.nextOutcome = 'jammed';
    const target = (await overview()).compartments[5]!;
    const result = await core.transport.invoke(
      'compartment.open',
      { session, compartmentId: target.id },
      'en',
    );
    expect(result.ok && (result.value as OpenCompartmentResult).outcome).toBe('jammed');
    expect(rows("SELECT type FROM activity_log WHERE type = 'door.opened'")).toEqual([]);
  });

  it('stops the hardware when the core stops', async () => {
    await core.stop();
    expect(hardware.stopped).toBe(true);
    core = await startKioskCore({
      dataDir: folder.path,
      demo: true,
      hardware: new FakeHardware(),
      clock,
      logger: silentLogger(),
    });
    expect((await overview()).compartments).toHaveLength(24);
  });

  it('tells the pages what kind of code was scanned, never a credential’s token', async () => {
    const events: [string, unknown][] = [];
    core.transport.subscribe((event, payload) => events.push([event, payload]));
    const pickup = await core.transport.invoke(
      'scan.submit',
      { text: 'CSR1-PU-secretToken123', source: 'keyboard' },
      'en',
    );
    const parcel = await core.transport.invoke(
      'scan.submit',
      { text: '1Z999AA10123456784', source: 'keyboard' },
      'en',
    );
    expect(pickup).toMatchObject({ ok: true, value: { kind: 'pickup_qr', text: '', value: null } });
    expect(parcel).toMatchObject({ ok: true, value: { kind: 'tracking_number', carrier: 'ups' } });
    const scans = events.filter(([event]) => event === 'scan.received').map(([, scan]) => scan);
    expect(scans).toMatchObject([
      { kind: 'pickup_qr', text: '', value: null },
      { kind: 'tracking_number', value: '1Z999AA10123456784' },
    ]);
    expect(JSON.stringify(events)).not.toContain('secretToken123');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialHash } from '../../../../src-main/db/queries/credential-hash.js';
import { demoCarrier } from '../../../../src-main/db/seed-demo-credentials.js';
import { defaultBankSettings } from '../../../../src-shared/domain/bank-settings.js';
import type { PullOp } from '../../../../src-shared/sync/pull.js';
import {
  carrierValue,
  clear,
  compartmentIds,
  contactValue,
  openApplyBench,
  operatorValue,
  put,
  type ApplyBench,
} from './apply-kit.js';

/**
 * A stale cookie gets `clear` and a full snapshot (sync.md "Pull"): the snapshot replaces every
 * server-owned row. Here it lands on the demo seed, as on a kiosk enrolled after `npm start`.
 */
describe('applyServerOps: clear and snapshot', () => {
  let bench: ApplyBench;
  let snapshot: PullOp[];

  beforeEach(() => {
    bench = openApplyBench();
    const [small] = compartmentIds(bench, 'S');
    // Things the snapshot will not carry: an intent, a pending remote command.
    bench.apply([
      put('compartment_intent', small ?? '', { outOfService: true, note: null }),
      put('remote_open', 'cmd-stale', {
        compartmentId: small ?? '',
        expiresAt: bench.nowMs + 60_000,
        requestedBy: 'admin',
        reason: '',
      }),
    ]);
    // The cloud's directory takes over names and codes the seed's rows hold.
    snapshot = [
      clear,
      put('bank_profile', 'bank', { name: 'Hall B' }),
      put('bank_settings', 'bank', defaultBankSettings),
      put('department', 'd-fin', { name: 'FINANCE', keyContactId: 'c-1', active: true }),
      put('contact', 'c-1', contactValue({ personnelId: 'P10001', departmentId: 'd-fin' })),
      put('operator', 'op-1', operatorValue(bench, { userName: 'admin', role: 'admin' })),
      put('carrier', 'car-1', carrierValue({ codeHash: credentialHash(demoCarrier.code) })),
      put('badge', 'b-1', {
        valueHash: credentialHash('EMP-P10001'),
        ownerKind: 'contact',
        operatorId: null,
        contactId: 'c-1',
        active: true,
      }),
    ];
  });
  afterEach(() => {
    bench.close();
  });

  function count(sql: string, ...params: unknown[]): number {
    return Number(bench.one(`SELECT count(*) AS n FROM (${sql})`, ...params)['n']);
  }

  it('retires what the snapshot does not carry: referenced rows deactivated, the rest deleted', () => {
    const inLocker = count("SELECT id FROM parcel WHERE state = 'in_locker'");

    bench.apply(snapshot);

    // The seed's contacts: those parcels, reservations or hand-overs point at stay, inactive.
    expect(bench.rows('SELECT id, active FROM contact WHERE active = 1')).toEqual([
      { id: 'c-1', active: 1 },
    ]);
    const referenced = count(
      `SELECT contact_id FROM parcel UNION SELECT contact_id FROM delivery_reservation
        UNION SELECT contact_id FROM storage_reservation UNION SELECT sender_contact_id FROM handover
        UNION SELECT receiver_contact_id FROM handover UNION SELECT contact_id FROM compartment_dedication
        UNION SELECT key_contact_id FROM department WHERE id <> 'd-fin'
        EXCEPT SELECT NULL`,
    );
    expect(referenced).toBeGreaterThan(0);
    expect(count('SELECT id FROM contact WHERE id <> ?', 'c-1')).toBe(referenced);
    // Nothing physical moved: the parcels are where they were.
    expect(count("SELECT id FROM parcel WHERE state = 'in_locker'")).toBe(inLocker);
    // Only the cloud's directory is active, holding the names and codes it gave.
    expect(bench.rows('SELECT id, name FROM department WHERE active = 1')).toEqual([
      { id: 'd-fin', name: 'FINANCE' },
    ]);
    expect(bench.one('SELECT key_contact_id FROM department WHERE id = ?', 'd-fin')).toEqual({
      key_contact_id: 'c-1',
    });
    expect(bench.rows('SELECT id, user_name FROM operator WHERE active = 1')).toEqual([
      { id: 'op-1', user_name: 'admin' },
    ]);
    expect(bench.rows('SELECT id FROM carrier WHERE active = 1')).toEqual([{ id: 'car-1' }]);
    expect(bench.rows('SELECT id FROM badge WHERE active = 1')).toEqual([{ id: 'b-1' }]);
    expect(count('SELECT * FROM department_delegate')).toBe(0);
    // The seed's reservations are the bank's own (D2): a snapshot without them leaves them be.
    expect(count("SELECT id FROM delivery_reservation WHERE state = 'active'")).toBe(2);
    expect(count('SELECT * FROM compartment_intent')).toBe(0);
    expect(bench.one('SELECT state FROM remote_command WHERE id = ?', 'cmd-stale')).toEqual({
      state: 'refused',
    });
    expect(bench.one('SELECT name FROM locker_bank')).toEqual({ name: 'Hall B' });
  });

  it('is idempotent: the same snapshot again changes nothing', () => {
    bench.apply(snapshot);
    const tables = [
      'contact',
      'department',
      'operator',
      'carrier',
      'badge',
      'delivery_reservation',
    ];
    const before = tables.map((table) => bench.rows(`SELECT * FROM ${table} ORDER BY id`));
    bench.apply(snapshot);
    expect(tables.map((table) => bench.rows(`SELECT * FROM ${table} ORDER BY id`))).toEqual(before);
  });

  it('a snapshot without settings takes the bank back to the defaults', () => {
    bench.apply([
      put('bank_settings', 'bank', { ...defaultBankSettings, oneParcelPerCompartment: true }),
    ]);
    const applied = bench.apply(
      snapshot.filter((op) => op.op !== 'put' || op.kind !== 'bank_settings'),
    );
    expect(applied.settingsChanged).toBe(true);
    expect(bench.rows('SELECT * FROM bank_settings')).toEqual([]);
  });
});

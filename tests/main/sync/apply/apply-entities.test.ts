import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBankSettings } from '../../../../src-main/db/queries/bank-settings.js';
import { searchContacts } from '../../../../src-main/db/queries/contacts.js';
import { credentialHash } from '../../../../src-main/db/queries/credential-hash.js';
import { defaultBankSettings } from '../../../../src-shared/domain/bank-settings.js';
import {
  carrierValue,
  compartmentIds,
  contactValue,
  del,
  openApplyBench,
  operatorValue,
  put,
  reservationValue,
  type ApplyBench,
} from './apply-kit.js';

/** Each kind of server-owned entity, put and deleted, lands in the kiosk's own tables. */
describe('applyServerOps: puts and deletes', () => {
  let bench: ApplyBench;

  beforeEach(() => {
    bench = openApplyBench();
  });
  afterEach(() => {
    bench.close();
  });

  it('contact: upserted with the search column the kiosk computes; deleted when nothing points at it', () => {
    bench.apply([put('contact', 'c-1', contactValue())]);
    expect(bench.one('SELECT name, email, active FROM contact WHERE id = ?', 'c-1')).toEqual({
      name: 'Zoé Lefèvre',
      email: 'zoe.lefevre@example.org',
      active: 1,
    });
    // Accent- and case-insensitive search works on it, as on a contact the kiosk wrote.
    expect(searchContacts(bench.database.db, { text: 'zoe LEFEVRE' }).map((c) => c.id)).toEqual([
      'c-1',
    ]);

    bench.apply([put('contact', 'c-1', contactValue({ name: 'Zoé Martin' }))]);
    expect(searchContacts(bench.database.db, { text: 'martin zoe' }).map((c) => c.id)).toEqual([
      'c-1',
    ]);

    bench.apply([del('contact', 'c-1')]);
    expect(bench.rows('SELECT id FROM contact WHERE id = ?', 'c-1')).toEqual([]);
  });

  it('contact: many in one page go in together; PersonnelIDs move between contacts', () => {
    const people = Array.from({ length: 1_200 }, (_, index) =>
      put(
        'contact',
        `c-${index}`,
        contactValue({ name: `Person ${index}`, personnelId: `X${index}`, email: null }),
      ),
    );
    bench.apply(people);
    expect(bench.one("SELECT count(*) AS n FROM contact WHERE id LIKE 'c-%'")).toEqual({
      n: 1_200,
    });
    // A seeded contact holds P10001; the cloud gives it to c-0, and c-1 and c-2 swap theirs.
    const seeded = bench.one("SELECT id FROM contact WHERE personnel_id = 'P10001'")['id'];
    bench.apply([
      ...people.slice(3),
      put('contact', 'c-0', contactValue({ name: 'Person 0', personnelId: 'P10001', email: null })),
      put('contact', 'c-1', contactValue({ name: 'Person 1', personnelId: 'X2', email: null })),
      put('contact', 'c-2', contactValue({ name: 'Person 2', personnelId: 'X1', email: null })),
    ]);
    expect(
      bench.rows(
        "SELECT id, personnel_id FROM contact WHERE id IN ('c-0', 'c-1', 'c-2', ?) ORDER BY id",
        seeded,
      ),
    ).toEqual(
      [
        { id: 'c-0', personnel_id: 'P10001' },
        { id: 'c-1', personnel_id: 'X2' },
        { id: 'c-2', personnel_id: 'X1' },
        { id: seeded, personnel_id: null },
      ].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
  });

  it('contact: a deleted contact with parcels is deactivated, not deleted', () => {
    const withParcels = bench.one(
      "SELECT contact_id AS id FROM parcel WHERE contact_id IS NOT NULL AND state = 'in_locker' LIMIT 1",
    )['id'] as string;
    bench.apply([del('contact', withParcels)]);
    expect(bench.one('SELECT active FROM contact WHERE id = ?', withParcels)).toEqual({
      active: 0,
    });
  });

  it('department: its key contact may be a contact put later in the same page', () => {
    bench.apply([
      // Page order is the server's; departments still go first and get their key contact last.
      put('contact', 'c-key', contactValue({ departmentId: 'd-1' })),
      put('department', 'd-1', { name: 'Réception', keyContactId: 'c-key', active: true }),
    ]);
    expect(
      bench.one('SELECT name, search_name, key_contact_id FROM department WHERE id = ?', 'd-1'),
    ).toEqual({ name: 'Réception', search_name: 'reception', key_contact_id: 'c-key' });
    expect(bench.one('SELECT department_id FROM contact WHERE id = ?', 'c-key')).toEqual({
      department_id: 'd-1',
    });

    // Still referenced by its member: deactivated.
    bench.apply([del('department', 'd-1')]);
    expect(bench.one('SELECT active FROM department WHERE id = ?', 'd-1')).toEqual({ active: 0 });
  });

  it('department_delegate: the pair is added, and deleted by its `<departmentId>:<contactId>` id', () => {
    bench.apply([
      put('department', 'd-1', { name: 'Archives', keyContactId: null, active: true }),
      put('contact', 'c-1', contactValue()),
      put('department_delegate', 'd-1:c-1', { departmentId: 'd-1', contactId: 'c-1' }),
    ]);
    expect(
      bench.rows(
        'SELECT department_id, contact_id FROM department_delegate WHERE department_id = ?',
        'd-1',
      ),
    ).toEqual([{ department_id: 'd-1', contact_id: 'c-1' }]);
    bench.apply([del('department_delegate', 'd-1:c-1')]);
    expect(bench.rows('SELECT * FROM department_delegate WHERE department_id = ?', 'd-1')).toEqual(
      [],
    );
  });

  it('operator and badge: upserted; a deleted operator with a badge is deactivated, a badge deleted', () => {
    bench.apply([
      put('operator', 'op-1', operatorValue(bench)),
      put('badge', 'b-1', {
        valueHash: credentialHash('CSR1-OP-cloud-1'),
        ownerKind: 'operator',
        operatorId: 'op-1',
        contactId: null,
        active: true,
      }),
    ]);
    expect(bench.one('SELECT user_name, role, active FROM operator WHERE id = ?', 'op-1')).toEqual({
      user_name: 'cloud.operator',
      role: 'mailroom_operator',
      active: 1,
    });
    expect(bench.one('SELECT operator_id, active FROM badge WHERE id = ?', 'b-1')).toEqual({
      operator_id: 'op-1',
      active: 1,
    });

    bench.apply([
      put('operator', 'op-1', operatorValue(bench, { role: 'admin' })),
      del('operator', 'op-1'),
    ]);
    // The last op of an entity in a page is the one that counts: deleted, but its badge holds it.
    expect(bench.one('SELECT active FROM operator WHERE id = ?', 'op-1')).toEqual({ active: 0 });

    bench.apply([del('badge', 'b-1'), del('operator', 'op-1')]);
    expect(bench.rows('SELECT id FROM badge WHERE id = ?', 'b-1')).toEqual([]);
    expect(bench.rows('SELECT id FROM operator WHERE id = ?', 'op-1')).toEqual([]);
  });

  it('carrier: upserted and deleted', () => {
    bench.apply([put('carrier', 'car-1', carrierValue())]);
    expect(bench.one('SELECT name, active FROM carrier WHERE id = ?', 'car-1')).toEqual({
      name: 'Swift Couriers',
      active: 1,
    });
    bench.apply([put('carrier', 'car-1', carrierValue({ active: false }))]);
    expect(bench.one('SELECT active FROM carrier WHERE id = ?', 'car-1')).toEqual({ active: 0 });
    bench.apply([del('carrier', 'car-1')]);
    expect(bench.rows('SELECT id FROM carrier WHERE id = ?', 'car-1')).toEqual([]);
  });

  it('bank_profile and bank_settings land on this bank, whatever id the cloud gives it', () => {
    const settings = { ...defaultBankSettings, oneParcelPerCompartment: true };
    const applied = bench.apply([
      put('bank_profile', 'cloud-bank-7', { name: 'Hall B' }),
      put('bank_settings', 'cloud-bank-7', settings),
    ]);
    expect(applied).toEqual({ remoteOpens: 0, settingsChanged: true, skipped: [] });
    expect(bench.one('SELECT name FROM locker_bank')).toEqual({ name: 'Hall B' });
    const stored = readBankSettings(bench.database.db, bench.bankId);
    expect(stored.state === 'stored' && stored.settings.oneParcelPerCompartment).toBe(true);
    // Stored without a kiosk fact: the cloud owns them, and a fact would only echo them back.
    expect(bench.rows("SELECT id FROM sync_outbox WHERE name = 'bank.settings_saved'")).toEqual([]);

    expect(bench.apply([del('bank_settings', 'cloud-bank-7')]).settingsChanged).toBe(true);
    expect(readBankSettings(bench.database.db, bench.bankId).state).toBe('missing');
  });

  it('compartment_config changes label, size and doors, never the wiring or the service state', () => {
    const [id] = compartmentIds(bench, 'S');
    const before = bench.one(
      'SELECT board, channel, service_state FROM compartment WHERE id = ?',
      id,
    );
    bench.apply([
      put('compartment_config', id ?? '', {
        label: 'A1',
        size: 'M',
        doorBottomCm: 40,
        doorTopCm: 80,
      }),
    ]);
    expect(
      bench.one(
        'SELECT label, size, door_bottom_cm, door_top_cm, board, channel, service_state FROM compartment WHERE id = ?',
        id,
      ),
    ).toEqual({ label: 'A1', size: 'M', door_bottom_cm: 40, door_top_cm: 80, ...before });
    // Deleting a compartment's configuration cannot remove hardware: nothing changes.
    bench.apply([del('compartment_config', id ?? '')]);
    expect(bench.one('SELECT label FROM compartment WHERE id = ?', id)).toEqual({ label: 'A1' });
  });

  it('compartment_intent: stored apart from the service state, and withdrawn by a delete', () => {
    const [id] = compartmentIds(bench, 'M');
    bench.apply([put('compartment_intent', id ?? '', { outOfService: true, note: 'Water leak' })]);
    expect(
      bench.one('SELECT out_of_service, note FROM compartment_intent WHERE compartment_id = ?', id),
    ).toEqual({
      out_of_service: 1,
      note: 'Water leak',
    });
    expect(bench.one('SELECT service_state FROM compartment WHERE id = ?', id)).toEqual({
      service_state: 'in_service',
    });
    bench.apply([del('compartment_intent', id ?? '')]);
    expect(bench.rows('SELECT * FROM compartment_intent WHERE compartment_id = ?', id)).toEqual([]);
  });

  it('delivery_reservation: late binding (no compartment), a preference kept; a cancellation and a delete cancel it', () => {
    const [preferred] = compartmentIds(bench, 'M');
    bench.apply([
      put('contact', 'c-1', contactValue()),
      put(
        'delivery_reservation',
        'r-1',
        reservationValue({
          contactId: 'c-1',
          size: 'M',
          preferredCompartmentId: preferred ?? null,
        }),
      ),
      put('delivery_reservation', 'r-2', reservationValue({ contactId: 'c-1' })),
    ]);
    expect(
      bench.one(
        'SELECT bank_id, state, size, compartment_id, preferred_compartment_id, closed_at FROM delivery_reservation WHERE id = ?',
        'r-1',
      ),
    ).toEqual({
      bank_id: bench.bankId,
      state: 'active',
      size: 'M',
      compartment_id: null,
      preferred_compartment_id: preferred,
      closed_at: null,
    });

    bench.nowMs += 60_000;
    bench.apply([
      put(
        'delivery_reservation',
        'r-1',
        reservationValue({ contactId: 'c-1', state: 'cancelled' }),
      ),
      del('delivery_reservation', 'r-2'),
    ]);
    expect(
      bench.rows(
        "SELECT id, state, closed_at FROM delivery_reservation WHERE id IN ('r-1', 'r-2') ORDER BY id",
      ),
    ).toEqual([
      { id: 'r-1', state: 'cancelled', closed_at: bench.nowMs },
      { id: 'r-2', state: 'cancelled', closed_at: bench.nowMs },
    ]);
  });

  it('remote_open: recorded pending with the server offset; the same command again is never reset', () => {
    const [id] = compartmentIds(bench, 'L');
    const command = {
      compartmentId: id ?? '',
      expiresAt: bench.nowMs + 120_000,
      requestedBy: 'admin@example.org',
      reason: 'Courier locked out',
    };
    expect(bench.apply([put('remote_open', 'cmd-1', command)], 2_500)).toEqual({
      remoteOpens: 1,
      settingsChanged: false,
      skipped: [],
    });
    expect(
      bench.one(
        'SELECT state, server_offset_ms, received_at, expires_at FROM remote_command WHERE id = ?',
        'cmd-1',
      ),
    ).toEqual({
      state: 'pending',
      server_offset_ms: 2_500,
      received_at: bench.nowMs,
      expires_at: bench.nowMs + 120_000,
    });
    bench.database.sqlite
      .prepare("UPDATE remote_command SET state = 'opened', done_at = 1 WHERE id = 'cmd-1'")
      .run();
    // A page replayed after a crash, or the same put again: the command stays as it ran.
    expect(bench.apply([put('remote_open', 'cmd-1', command)]).remoteOpens).toBe(0);
    expect(bench.one('SELECT state FROM remote_command WHERE id = ?', 'cmd-1')).toEqual({
      state: 'opened',
    });

    // Withdrawn before it ran: never runs. One that ran keeps its outcome.
    bench.apply([put('remote_open', 'cmd-2', command)]);
    bench.apply([del('remote_open', 'cmd-2'), del('remote_open', 'cmd-1')]);
    expect(bench.rows('SELECT id, state FROM remote_command ORDER BY id')).toEqual([
      { id: 'cmd-1', state: 'opened' },
      { id: 'cmd-2', state: 'refused' },
    ]);
  });
});

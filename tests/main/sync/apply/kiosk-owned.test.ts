import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compartmentIds,
  clear,
  contactValue,
  del,
  openApplyBench,
  operatorValue,
  put,
  reservationValue,
  type ApplyBench,
} from './apply-kit.js';

/** What the bank owns stays the bank's, whatever a put says (sync.md "Who owns what"). */
describe('applyServerOps: kiosk-owned columns', () => {
  let bench: ApplyBench;

  beforeEach(() => {
    bench = openApplyBench();
  });
  afterEach(() => {
    bench.close();
  });

  it("an operator's failed sign-ins and lock (A8) survive the cloud's put", () => {
    const { id } = bench.one("SELECT id FROM operator WHERE user_name = 'mailroom'");
    const lockedUntil = bench.nowMs + 15 * 60_000;
    bench.database.sqlite
      .prepare(
        'UPDATE operator SET failed_sign_in_count = 5, last_failed_sign_in_at = ?, locked_until = ? WHERE id = ?',
      )
      .run(bench.nowMs, lockedUntil, id);
    bench.apply([
      put(
        'operator',
        id as string,
        operatorValue(bench, { userName: 'mailroom', displayName: 'C. Roy' }),
      ),
    ]);
    expect(
      bench.one(
        'SELECT display_name, failed_sign_in_count, last_failed_sign_in_at, locked_until FROM operator WHERE id = ?',
        id,
      ),
    ).toEqual({
      display_name: 'C. Roy',
      failed_sign_in_count: 5,
      last_failed_sign_in_at: bench.nowMs,
      locked_until: lockedUntil,
    });
  });

  it('a reservation the bank fulfilled or let expire keeps its state through puts, deletes and a clear', () => {
    const [used] = compartmentIds(bench, 'S');
    bench.apply([
      put('contact', 'c-1', contactValue()),
      put('delivery_reservation', 'r-used', reservationValue({ contactId: 'c-1' })),
      put('delivery_reservation', 'r-lapsed', reservationValue({ contactId: 'c-1' })),
    ]);
    // The bank's facts: one deposit used it, the other ran out.
    bench.database.sqlite
      .prepare(
        "UPDATE delivery_reservation SET state = 'fulfilled', compartment_id = ?, closed_at = ? WHERE id = 'r-used'",
      )
      .run(used, bench.nowMs);
    bench.database.sqlite
      .prepare(
        "UPDATE delivery_reservation SET state = 'expired', closed_at = ? WHERE id = 'r-lapsed'",
      )
      .run(bench.nowMs);
    const before = bench.rows(
      "SELECT * FROM delivery_reservation WHERE id IN ('r-used', 'r-lapsed') ORDER BY id",
    );

    bench.nowMs += 60_000;
    bench.apply([
      put('delivery_reservation', 'r-used', reservationValue({ contactId: 'c-1', size: 'L' })),
      put(
        'delivery_reservation',
        'r-lapsed',
        reservationValue({ contactId: 'c-1', state: 'cancelled' }),
      ),
    ]);
    bench.apply([del('delivery_reservation', 'r-used'), del('delivery_reservation', 'r-lapsed')]);
    bench.apply([clear, put('contact', 'c-1', contactValue())]);
    expect(
      bench.rows(
        "SELECT * FROM delivery_reservation WHERE id IN ('r-used', 'r-lapsed') ORDER BY id",
      ),
    ).toEqual(before);
    expect(before.map((row) => [row['state'], row['compartment_id']])).toEqual([
      ['expired', null],
      ['fulfilled', used],
    ]);
  });

  it("a compartment's wiring and service state (G4, X2) survive its configuration and intents", () => {
    const [id] = compartmentIds(bench, 'M');
    bench.database.sqlite
      .prepare(
        "UPDATE compartment SET service_state = 'out_of_service', service_reason = 'door_failed_to_open' WHERE id = ?",
      )
      .run(id);
    const owned =
      'SELECT board, channel, service_state, service_reason FROM compartment WHERE id = ?';
    const before = bench.one(owned, id);
    bench.apply([
      put('compartment_config', id ?? '', {
        label: 'M-1',
        size: 'M',
        doorBottomCm: 50,
        doorTopCm: 90,
      }),
      put('compartment_intent', id ?? '', { outOfService: false, note: null }),
    ]);
    bench.apply([del('compartment_intent', id ?? ''), clear]);
    expect(bench.one(owned, id)).toEqual(before);
    expect(before).toMatchObject({
      service_state: 'out_of_service',
      service_reason: 'door_failed_to_open',
    });
  });
});

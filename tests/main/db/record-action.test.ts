import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { recordAction, type BusinessAction } from '../../../src-main/db/queries/record-action.js';
import { seedDemoBank } from '../../../src-main/db/seed-demo-bank.js';
import { findOnlyBank, listCompartments } from '../../../src-main/db/queries/compartments.js';
import { activityLog, syncDevice, syncOutbox } from '../../../src-main/db/schema.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('recordAction (activity row + outbox row in one transaction)', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let action: BusinessAction;
  const now = Date.UTC(2026, 10, 25, 9, 0);

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    seedDemoBank(database.db, now);
    const bank = findOnlyBank(database.db)!;
    const compartment = listCompartments(database.db, bank.id)[0]!;
    action = {
      bankId: bank.id,
      type: 'compartment.unlock_requested',
      compartmentId: compartment.id,
      actor: 'operator:test',
      details: { label: compartment.label },
    };
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('issues mutation ids that go up by exactly one and never reuses them', () => {
    const ids: number[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push(database.db.transaction((tx) => recordAction(tx, action, now + index)).mutationId);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(database.db.select().from(syncDevice).get()?.lastMutationId).toBe(5);
  });

  it('writes the activity row and the outbox row together, with the same HLC', () => {
    const recorded = database.db.transaction((tx) => recordAction(tx, action, now));
    const activity = database.db.select().from(activityLog).all();
    const outbox = database.db.select().from(syncOutbox).all();
    expect(activity).toHaveLength(1);
    expect(outbox).toHaveLength(1);
    expect(activity[0]!.hlc).toBe(outbox[0]!.hlc);
    expect(outbox[0]).toMatchObject({
      id: recorded.mutationId,
      name: action.type,
      v: 1,
      wallTime: now,
    });
    const args = JSON.parse(outbox[0]!.args) as Record<string, unknown>;
    expect(args['activityId']).toBe(recorded.activityId);
    const expectedHash = createHash('sha256')
      .update(canonicalize({ name: action.type, v: 1, args })!)
      .digest('hex');
    expect(outbox[0]!.argsHash).toBe(expectedHash);
  });

  it('leaves neither row nor a used id behind when the business transaction fails', () => {
    expect(() =>
      database.db.transaction((tx) => {
        recordAction(tx, action, now);
        throw new Error('the door write failed');
      }),
    ).toThrow('the door write failed');
    expect(database.db.select().from(activityLog).all()).toHaveLength(0);
    expect(database.db.select().from(syncOutbox).all()).toHaveLength(0);
    expect(database.db.transaction((tx) => recordAction(tx, action, now)).mutationId).toBe(1);
  });

  it('keeps HLC stamps increasing when the wall clock goes backwards', () => {
    const first = database.db.transaction((tx) => recordAction(tx, action, now));
    const second = database.db.transaction((tx) => recordAction(tx, action, now - 60_000));
    expect(second.hlc > first.hlc).toBe(true);
  });
});

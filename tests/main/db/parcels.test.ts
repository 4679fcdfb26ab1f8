import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskDatabase } from '../../../src-main/db/open-kiosk-database.js';
import { insertContact } from '../../../src-main/db/queries/contacts.js';
import { insertDepartment } from '../../../src-main/db/queries/departments.js';
import {
  findParcel,
  findParcelsByTrackingNumber,
  insertExpectedParcel,
  listParcelsInCompartment,
  listParcelsOfContact,
  listParcelsOfDepartment,
  recordDeposit,
  recordPickup,
  recordRemoval,
  recordReturn,
  type ParcelDraft,
} from '../../../src-main/db/queries/parcels.js';
import type { Carrier } from '../../../src-shared/domain/scan.js';
import { openTestKioskDatabase } from '../../helpers/kiosk-database.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import { contactDraft, insertBankWithCompartments } from './directory-fixtures.js';

describe('parcels: recorded once, moved only from the state they are in', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let database: KioskDatabase;
  let bankId: string;
  let compartmentIds: [string, string];
  let contactId: string;
  let departmentId: string;

  function draft(overrides: Partial<ParcelDraft> = {}): ParcelDraft {
    return {
      bankId,
      trackingNumber: '1Z999AA10123456784',
      trackingCarrier: 'ups',
      recipient: { contactId },
      ...overrides,
    };
  }

  beforeEach(() => {
    folder = makeTempFolder();
    database = openTestKioskDatabase(folder.path);
    ({ bankId, compartmentIds } = insertBankWithCompartments(database));
    database.db.transaction((tx) => {
      contactId = insertContact(tx, contactDraft({ name: 'Recipient' }), 1).id;
      departmentId = insertDepartment(tx, { name: 'Finance' }, 1).id;
    });
  });
  afterEach(() => {
    database.close();
    folder.remove();
  });

  it('walks a parcel from expected to in the locker to picked up, once', () => {
    const parcel = database.db.transaction((tx) => insertExpectedParcel(tx, draft(), 10));
    expect(parcel).toMatchObject({
      state: 'expected',
      compartmentId: null,
      size: null,
      receivedAt: 10,
      contactId,
      departmentId: null,
    });
    const [compartmentId] = compartmentIds;
    const deposited = database.db.transaction((tx) =>
      recordDeposit(tx, parcel.id, { compartmentId, size: 'M' }, 20),
    );
    expect(deposited).toMatchObject({ state: 'in_locker', compartmentId, depositedAt: 20 });
    // A replayed deposit changes nothing and says so.
    expect(
      database.db.transaction((tx) =>
        recordDeposit(tx, parcel.id, { compartmentId: compartmentIds[1], size: 'L' }, 21),
      ),
    ).toBeUndefined();
    expect(listParcelsInCompartment(database.db, compartmentId).map((row) => row.id)).toEqual([
      parcel.id,
    ]);
    expect(listParcelsOfContact(database.db, contactId).map((row) => row.id)).toEqual([parcel.id]);

    expect(database.db.transaction((tx) => recordPickup(tx, parcel.id, 30))).toMatchObject({
      state: 'picked_up',
      pickedUpAt: 30,
      compartmentId,
    });
    expect(database.db.transaction((tx) => recordPickup(tx, parcel.id, 31))).toBeUndefined();
    expect(database.db.transaction((tx) => recordRemoval(tx, parcel.id, 31))).toBeUndefined();
    expect(listParcelsInCompartment(database.db, compartmentId)).toEqual([]);
    expect(listParcelsOfContact(database.db, contactId)).toEqual([]);
    expect(
      listParcelsOfContact(database.db, contactId, ['picked_up']).map((row) => row.id),
    ).toEqual([parcel.id]);
  });

  it('keeps several parcels of one recipient in one compartment (D6), in deposit order', () => {
    const [compartmentId] = compartmentIds;
    const ids = database.db.transaction((tx) =>
      [1, 2].map((index) => {
        const parcel = insertExpectedParcel(tx, draft({ trackingNumber: `T-${index}` }), index);
        recordDeposit(tx, parcel.id, { compartmentId, size: 'S' }, 10 - index);
        return parcel.id;
      }),
    );
    expect(listParcelsInCompartment(database.db, compartmentId).map((row) => row.id)).toEqual(
      [...ids].reverse(),
    );
    database.db.transaction((tx) => recordRemoval(tx, ids[0]!, 40));
    expect(findParcel(database.db, ids[0]!)).toMatchObject({ state: 'removed', removedAt: 40 });
    expect(listParcelsInCompartment(database.db, compartmentId).map((row) => row.id)).toEqual([
      ids[1],
    ]);
  });

  it('addresses parcels to a department, and finds them by tracking number (D9)', () => {
    const parcel = database.db.transaction((tx) =>
      insertExpectedParcel(
        tx,
        draft({
          recipient: { departmentId },
          trackingNumber: ' 00340434161094042557 ',
          trackingCarrier: 'sscc',
        }),
        5,
      ),
    );
    expect(parcel).toMatchObject({
      contactId: null,
      departmentId,
      trackingNumber: '00340434161094042557',
    });
    expect(
      listParcelsOfDepartment(database.db, departmentId, ['expected']).map((row) => row.id),
    ).toEqual([parcel.id]);
    expect(
      findParcelsByTrackingNumber(database.db, bankId, '00340434161094042557').map((row) => row.id),
    ).toEqual([parcel.id]);
    expect(database.db.transaction((tx) => recordReturn(tx, parcel.id, 6))).toMatchObject({
      state: 'returned',
      returnedAt: 6,
    });
  });

  it('accepts a parcel without a label (D7) and refuses an unknown carrier', () => {
    const unlabelled = database.db.transaction((tx) =>
      insertExpectedParcel(tx, draft({ trackingNumber: '  ', trackingCarrier: null }), 5),
    );
    expect(unlabelled.trackingNumber).toBeNull();
    expect(() =>
      database.db.transaction((tx) =>
        insertExpectedParcel(tx, draft({ trackingCarrier: 'pigeon' as Carrier }), 5),
      ),
    ).toThrow();
  });
});

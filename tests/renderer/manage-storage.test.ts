import { describe, expect, it } from 'vitest';
import type {
  CompartmentUse,
  ManagedCompartment,
  ManagedStorage,
} from '../../src-shared/api/management-methods.js';
import { managementMethods } from '../../src-shared/api/management-methods.js';
import { rolePermissions } from '../../src-shared/domain/permissions.js';
import { parcelKinds } from '../../src-shared/domain/parcel.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { compartmentActions, hasAnyAction } from '../../src-renderer/manage/manage-actions.js';
import { emptyStorageOutcome } from '../../src-renderer/manage/manage-outcome.js';
import {
  emptyReasonLength,
  emptyStorageTexts,
  isEmptyReasonValid,
  storageLines,
  useTextKey,
} from '../../src-renderer/manage/manage-storage.js';
import { parcelPartyKeys } from '../../src-renderer/manage/parcel-kind.js';

/** G1, G3 for personal storage on the status grid, and D3/D4 parcels' wording. */
const ends = Date.UTC(2026, 10, 25, 14);

function storage(overrides: Partial<ManagedStorage> = {}): ManagedStorage {
  return {
    storageId: 'storage-1',
    ownerName: 'Léa',
    startedAtMs: Date.UTC(2026, 10, 24, 14),
    endsAtMs: ends,
    expired: false,
    ...overrides,
  };
}

function compartment(
  use: CompartmentUse,
  held: ManagedStorage | null,
  overrides: Partial<ManagedCompartment> = {},
): ManagedCompartment {
  return {
    id: 'c-7',
    label: '7',
    size: 'M',
    doorBottomCm: 40,
    doorTopCm: 80,
    lock: { board: 0, channel: 7 },
    service: 'in_service',
    serviceReason: null,
    door: 'closed',
    items: true,
    use,
    heldFor: null,
    storage: held,
    parcels: [],
    ...overrides,
  };
}

const time = (epochMs: number): string => `@${epochMs}`;

describe('storage tiles (G1)', () => {
  it('names a storage as such, and an overstayed one as overdue, not as expired parcels', () => {
    expect(useTextKey(compartment('occupied', storage()))).toBe('management_screen.use.storage');
    expect(useTextKey(compartment('expired', storage({ expired: true })))).toBe(
      'management_screen.use.expired_storage',
    );
    expect(useTextKey(compartment('expired', null))).toBe('management_screen.use.expired');
    expect(useTextKey(compartment('available', null))).toBe('management_screen.use.available');
  });

  it('shows the owner, or a walk-up with a code, and the end', () => {
    const owned = storageLines(storage(), time);
    expect(translate('en', owned.owner.key, owned.owner.params)).toBe('Storage of Léa');
    expect(translate('en', owned.end.key, owned.end.params)).toBe(`Ends @${ends}`);
    expect(translate('fr', owned.end.key, owned.end.params)).toBe(`Fin\u00a0: @${ends}`);

    const walkUp = storageLines(storage({ ownerName: null }), time);
    expect(translate('en', walkUp.owner.key, walkUp.owner.params)).toBe('Walk-up storage (code)');

    const overdue = storageLines(storage({ expired: true }), time);
    expect(translate('en', overdue.end.key, overdue.end.params)).toBe(
      `Ended @${ends}, not emptied`,
    );
    const openEnded = storageLines(storage({ endsAtMs: null }), time);
    expect(translate('fr', openEnded.end.key, openEnded.end.params)).toBe('Sans limite de durée');
  });

  it('words a return and an exchange by who they are for (D3, D4)', () => {
    expect(translate('en', parcelPartyKeys.return, { name: 'Ada' })).toBe('Return from Ada');
    expect(translate('en', parcelPartyKeys.exchange, { name: 'Ada' })).toBe('Exchange for Ada');
    expect(translate('fr', parcelPartyKeys.exchange, { name: 'Ada' })).toBe('Échange pour Ada');
    for (const kind of parcelKinds) {
      expect(translate('fr', parcelPartyKeys[kind], { name: 'Ada' })).toContain('Ada');
    }
  });
});

describe('emptying a storage (G3, X6)', () => {
  const operator = rolePermissions.mailroom_operator;

  it('offers "empty" (not "remove expired parcels") for an overstayed storage', () => {
    expect(
      compartmentActions(compartment('expired', storage({ expired: true })), operator),
    ).toEqual({ open: true, changeService: true, removeExpired: false, emptyStorage: true });
    expect(compartmentActions(compartment('expired', null), operator)).toMatchObject({
      removeExpired: true,
      emptyStorage: false,
    });
  });

  it('offers it for a running storage too: one without end never overstays, and codes get lost', () => {
    for (const held of [storage(), storage({ endsAtMs: null })]) {
      expect(compartmentActions(compartment('occupied', held), operator)).toEqual({
        open: true,
        changeService: true,
        removeExpired: false,
        emptyStorage: true,
      });
    }
  });

  it('offers it whatever the compartment’s use, out of service included, and never without a storage', () => {
    const uses: CompartmentUse[] = [
      'available',
      'reserved',
      'occupied',
      'expired',
      'out_of_service',
    ];
    for (const use of uses) {
      const outOfService = { service: 'out_of_service' as const };
      expect(
        compartmentActions(compartment(use, storage(), outOfService), operator).emptyStorage,
        use,
      ).toBe(true);
      expect(compartmentActions(compartment(use, null), operator).emptyStorage, use).toBe(false);
    }
    // "Remove expired parcels" stays for expired parcels only.
    expect(
      compartmentActions(compartment('out_of_service', storage({ expired: true })), operator)
        .removeExpired,
    ).toBe(false);
  });

  it('words an overstayed storage as emptying the compartment, a running one as ending it early', () => {
    const overdue = emptyStorageTexts(storage({ expired: true }));
    expect(translate('en', overdue.button)).toBe('Empty this compartment');
    expect(translate('en', overdue.question, { label: '7' })).toBe(
      'Why are you emptying compartment 7?',
    );
    const running = emptyStorageTexts(storage());
    expect(translate('en', running.button)).toBe('End this storage and empty it');
    expect(translate('en', running.question, { label: '7' })).toContain('its code stops working');
    expect(translate('fr', running.question, { label: '7' })).toContain('stockage du casier 7');
  });

  it('says in the reason’s hint that it is logged, with examples', () => {
    const params = { min: emptyReasonLength.min, max: emptyReasonLength.max };
    expect(translate('en', 'management_screen.empty_storage.reason_hint', params)).toBe(
      'The reason is kept in the log with your name (3 to 200 characters), for example “overstayed” or “owner lost their code”.',
    );
    expect(translate('fr', 'management_screen.empty_storage.reason_hint', params)).toContain(
      '«\u00a0durée dépassée\u00a0»',
    );
  });

  it('offers it only with the storage.empty permission', () => {
    const overdue = compartment('expired', storage({ expired: true }));
    const actions = compartmentActions(overdue, ['compartment.view_all', 'parcel.remove_expired']);
    expect(actions).toEqual({
      open: false,
      changeService: false,
      removeExpired: false,
      emptyStorage: false,
    });
    expect(hasAnyAction(actions)).toBe(false);
    expect(
      compartmentActions(overdue, ['compartment.view_all', 'storage.empty']).emptyStorage,
    ).toBe(true);
  });

  it('takes a reason of 3 to 200 characters, as the contract does', () => {
    const reasonSchema = managementMethods['manage.emptyStorage'].args.shape.reason;
    for (const reason of ['', 'ab', '  ab  ', 'abc', 'x'.repeat(200), 'x'.repeat(201)]) {
      expect(isEmptyReasonValid(reason), JSON.stringify(reason)).toBe(
        reasonSchema.safeParse(reason).success,
      );
    }
    expect(emptyReasonLength).toEqual({ min: 3, max: 200 });
  });

  it('tells the operator to take the things out once the door is seen open, else to check it', () => {
    const open = emptyStorageOutcome(compartment('expired', storage(), { door: 'open' }));
    expect(open.tone).toBe('done');
    expect(translate('en', open.key, open.params)).toContain('compartment 7 is open');
    for (const door of ['closed', 'unknown'] as const) {
      const outcome = emptyStorageOutcome(compartment('expired', storage(), { door }));
      expect(outcome.tone).toBe('check');
      expect(translate('fr', outcome.key, outcome.params)).toContain('casier 7');
    }
  });
});

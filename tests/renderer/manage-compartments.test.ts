import { describe, expect, it } from 'vitest';
import {
  countByFilter,
  manageFilters,
  matchesFilter,
} from '../../src-renderer/manage/manage-filters.js';
import { rolePermissions } from '../../src-shared/domain/permissions.js';
import { compartmentActions, hasAnyAction } from '../../src-renderer/manage/manage-actions.js';
import { unlockOutcomes } from '../../src-shared/domain/door.js';
import { translate } from '../../src-shared/i18n/translate.js';
import {
  openOutcome,
  removeExpiredOutcome,
  serviceOutcome,
} from '../../src-renderer/manage/manage-outcome.js';
import type {
  CompartmentUse,
  ManagedCompartment,
} from '../../src-shared/api/management-methods.js';

/** G1–G5: the management screen's pure logic (filters, permitted actions, outcome texts). */
describe('management screen filters', () => {
  const bank = [
    managedCompartment('1', 'available'),
    managedCompartment('2', 'available'),
    managedCompartment('3', 'occupied'),
    managedCompartment('4', 'expired'),
    managedCompartment('5', 'reserved'),
    managedCompartment('6', 'out_of_service'),
  ];

  it('counts the compartments under each filter', () => {
    expect(countByFilter(bank)).toEqual({
      all: 6,
      available: 2,
      occupied: 1,
      expired: 1,
      out_of_service: 1,
    });
    expect(countByFilter([])).toEqual({
      all: 0,
      available: 0,
      occupied: 0,
      expired: 0,
      out_of_service: 0,
    });
  });

  it('shows each compartment under "all" and under its own use only', () => {
    const shownUnder = (label: string) =>
      manageFilters.filter((filter) =>
        matchesFilter(
          bank.find((compartment) => compartment.label === label)!,
          filter,
        ),
      );
    expect(shownUnder('3')).toEqual(['all', 'occupied']);
    expect(shownUnder('6')).toEqual(['all', 'out_of_service']);
    expect(shownUnder('5')).toEqual(['all']);
  });

  it('agrees with its counts', () => {
    const counts = countByFilter(bank);
    for (const filter of manageFilters) {
      expect(bank.filter((compartment) => matchesFilter(compartment, filter))).toHaveLength(
        counts[filter],
      );
    }
  });
});

describe('management screen actions', () => {
  it('offers a mailroom operator every action, removal only for expired parcels', () => {
    const operator = rolePermissions.mailroom_operator;
    expect(compartmentActions(managedCompartment('1', 'expired'), operator)).toEqual({
      open: true,
      changeService: true,
      removeExpired: true,
      emptyStorage: false,
    });
    expect(compartmentActions(managedCompartment('2', 'occupied'), operator)).toEqual({
      open: true,
      changeService: true,
      removeExpired: false,
      emptyStorage: false,
    });
  });

  it('offers only what the permissions allow', () => {
    expect(
      compartmentActions(managedCompartment('1', 'expired'), ['compartment.view_all']),
    ).toEqual({ open: false, changeService: false, removeExpired: false, emptyStorage: false });
    expect(
      compartmentActions(managedCompartment('1', 'expired'), [
        'compartment.view_all',
        'parcel.remove_expired',
      ]),
    ).toEqual({ open: false, changeService: false, removeExpired: true, emptyStorage: false });
    expect(
      compartmentActions(managedCompartment('1', 'available'), rolePermissions.carrier),
    ).toEqual({ open: false, changeService: false, removeExpired: false, emptyStorage: false });
  });

  it('says when there is nothing to offer', () => {
    expect(
      hasAnyAction({
        open: false,
        changeService: false,
        removeExpired: false,
        emptyStorage: false,
      }),
    ).toBe(false);
    expect(
      hasAnyAction({ open: false, changeService: true, removeExpired: false, emptyStorage: false }),
    ).toBe(true);
  });
});

describe('management screen outcomes', () => {
  it('words every unlock outcome in both languages, never calling a pulse an opening', () => {
    for (const outcome of unlockOutcomes) {
      const message = openOutcome('A7', outcome);
      for (const locale of ['en', 'fr'] as const) {
        const text = translate(locale, message.key, message.params);
        expect(text).toContain('A7');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(openOutcome('A7', 'door_seen_open').tone).toBe('done');
    expect(openOutcome('A7', 'door_already_open').tone).toBe('done');
    expect(openOutcome('A7', 'jammed').tone).toBe('check');
    expect(openOutcome('A7', 'outcome_unknown').tone).toBe('check');
    expect(translate('en', openOutcome('A7', 'outcome_unknown').key, { label: 'A7' })).toMatch(
      /Check the door/,
    );
  });

  it('tells the operator to take the parcels out and close the door once it is seen open', () => {
    const open = removeExpiredOutcome(managedCompartment('4', 'expired', { door: 'open' }));
    expect(open.tone).toBe('done');
    expect(translate('en', open.key, open.params)).toBe(
      'The door of compartment 4 is open. Take the expired parcels out, then close the door.',
    );
    expect(translate('fr', open.key, open.params)).toBe(
      'La porte du casier 4 est ouverte. Retirez les colis expirés, puis refermez la porte.',
    );
  });

  it('asks to check the door when the removal did not show it open', () => {
    for (const door of ['closed', 'unknown'] as const) {
      const outcome = removeExpiredOutcome(managedCompartment('4', 'expired', { door }));
      expect(outcome.tone).toBe('check');
      expect(outcome.key).toBe('management_screen.remove_outcome.not_seen_open');
    }
  });

  it('confirms a service change with the state the core answered', () => {
    expect(translate('en', serviceOutcome('9', 'out_of_service').key, { label: '9' })).toBe(
      'Compartment 9 is out of service: nothing new will be put in it.',
    );
    expect(translate('en', serviceOutcome('9', 'in_service').key, { label: '9' })).toBe(
      'Compartment 9 is back in service.',
    );
  });
});

/** A managed compartment with the given use; parcels only where the use implies some. */
function managedCompartment(
  label: string,
  use: CompartmentUse,
  overrides: Partial<ManagedCompartment> = {},
): ManagedCompartment {
  const holdsParcels = use === 'occupied' || use === 'expired';
  return {
    id: `c-${label}`,
    label,
    size: 'M',
    doorBottomCm: 40,
    doorTopCm: 80,
    lock: { board: 0, channel: Number(label) || 1 },
    service: use === 'out_of_service' ? 'out_of_service' : 'in_service',
    serviceReason: use === 'out_of_service' ? 'operator_request' : null,
    door: 'closed',
    items: null,
    use,
    heldFor: use === 'reserved' ? 'Accounting' : null,
    storage: null,
    parcels: holdsParcels
      ? [
          {
            parcelId: `p-${label}`,
            kind: 'delivery',
            trackingNumber: '1Z999AA10123456784',
            recipientName: 'Ada Lovelace',
            depositedAtMs: Date.UTC(2026, 10, 20, 9),
            expiresAtMs: Date.UTC(2026, 10, 23, 9),
          },
        ]
      : [],
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import type { RecipientMatch, ReservationView } from '../../src-shared/api/drop-off-methods.js';
import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import { defaultBankSettings } from '../../src-shared/domain/bank-settings.js';
import {
  draftFromIdentified,
  emptyDraft,
  firstPlacementChoice,
  stepAfterLabel,
} from '../../src-renderer/dropoff/drop-off-state.js';
import { handChoiceCompartments } from '../../src-renderer/dropoff/hand-choice.js';

const kept: RecipientMatch = {
  kind: 'contact',
  id: 'contact-kept',
  name: 'Kept Person',
  detail: null,
  personnelId: null,
  departmentName: null,
  accessibilityNeed: false,
};
const finance: RecipientMatch = {
  ...kept,
  kind: 'department',
  id: 'dept-finance',
  name: 'Finance',
};
const reservation: ReservationView = {
  id: 'res-1',
  recipient: finance,
  trackingNumber: null,
  size: 'S',
  compartmentLabel: null,
  designatedName: 'Courier',
  expiresAtMs: 0,
};

describe('drop-off draft', () => {
  it('lets what the label names win over a recipient kept from the last parcel', () => {
    const keptDraft = emptyDraft(kept);
    const base = { trackingNumber: 'T1', carrier: null, expectedParcelId: null };
    expect(
      draftFromIdentified(keptDraft, { ...base, recipient: null, reservation: null }).recipient,
    ).toEqual(kept);
    expect(
      draftFromIdentified(keptDraft, { ...base, recipient: finance, reservation: null }).recipient,
    ).toEqual(finance);
    const reserved = draftFromIdentified(keptDraft, { ...base, recipient: null, reservation });
    expect(reserved).toMatchObject({ recipient: finance, parcelSize: 'S', trackingNumber: 'T1' });
  });

  it('goes to the first step still needed', () => {
    expect(stepAfterLabel(emptyDraft(kept))).toBe('label');
    expect(stepAfterLabel({ ...emptyDraft(), labelDone: true })).toBe('recipient');
    expect(stepAfterLabel({ ...emptyDraft(kept), labelDone: true })).toBe('placement');
  });

  it('starts placement with the engine unless the bank wants the size from the operator', () => {
    const engine = defaultBankSettings.dropOff;
    const operator = { ...engine, sizeChoice: 'operator' as const };
    expect(firstPlacementChoice(emptyDraft(kept), engine)).toEqual({ kind: 'engine' });
    expect(firstPlacementChoice(emptyDraft(kept), operator)).toBeUndefined();
    expect(firstPlacementChoice({ ...emptyDraft(kept), parcelSize: 'L' }, operator)).toEqual({
      kind: 'size',
      size: 'L',
    });
    expect(firstPlacementChoice({ ...emptyDraft(kept), reservation }, operator)).toEqual({
      kind: 'engine',
    });
  });
});

describe('hand choice list', () => {
  function compartment(
    label: string,
    use: ManagedCompartment['use'],
    service: ManagedCompartment['service'] = 'in_service',
  ): ManagedCompartment {
    return {
      id: `c-${label}`,
      label,
      size: 'M',
      doorBottomCm: 40,
      doorTopCm: 80,
      lock: { board: 0, channel: 1 },
      service,
      serviceReason: null,
      door: 'closed',
      items: false,
      use,
      parcels: [],
      heldFor: null,
      storage: null,
    };
  }

  it('lists only free compartments in service, in reading order', () => {
    const list = handChoiceCompartments([
      compartment('B1', 'available'),
      compartment('A10', 'available'),
      compartment('A2', 'available'),
      compartment('A3', 'reserved'),
      compartment('A4', 'occupied'),
      compartment('A5', 'available', 'out_of_service'),
    ]);
    expect(list).toEqual([
      { id: 'c-A2', label: 'A2', size: 'M', doorBottomCm: 40, doorTopCm: 80 },
      { id: 'c-A10', label: 'A10', size: 'M', doorBottomCm: 40, doorTopCm: 80 },
      { id: 'c-B1', label: 'B1', size: 'M', doorBottomCm: 40, doorTopCm: 80 },
    ]);
  });
});

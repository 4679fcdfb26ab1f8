import { describe, expect, it } from 'vitest';
import type {
  CompartmentBrief,
  DepositView,
  IdentifiedParcel,
  RecipientMatch,
  ReservationView,
} from '../../src-shared/api/drop-off-methods.js';
import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import type { SignedInPerson } from '../../src-shared/api/session-methods.js';
import {
  defaultBankSettings,
  type BankSettings,
  type DropOffSettings,
} from '../../src-shared/domain/bank-settings.js';
import { ManualClock } from '../../src-shared/time/manual-clock.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { DropOffFlow } from '../../src-renderer/dropoff/drop-off-flow.js';
import { recipientSearchDelayMs } from '../../src-renderer/dropoff/recipient-search.js';
import { FakeTransport, settle } from './fakes.js';

const session = 'session-token-0123456789';

const operator: SignedInPerson = {
  kind: 'operator',
  id: 'op-1',
  displayName: 'Mailroom',
  role: 'mailroom_operator',
  permissions: ['parcel.drop_off', 'parcel.choose_compartment', 'compartment.view_all'],
};

const carrier: SignedInPerson = {
  kind: 'carrier',
  id: 'car-1',
  displayName: 'Courier',
  role: 'carrier',
  permissions: ['parcel.drop_off'],
};

const elodie: RecipientMatch = {
  kind: 'contact',
  id: 'contact-elodie',
  name: 'Élodie Lefèvre',
  detail: 'elodie.lefevre@example.org',
  personnelId: 'P1001',
  departmentName: 'Finance',
  accessibilityNeed: false,
};

const marc: RecipientMatch = { ...elodie, id: 'contact-marc', name: 'Marc Dubois' };

const a3: CompartmentBrief = {
  id: 'c-a3',
  label: 'A3',
  size: 'M',
  doorBottomCm: 80,
  doorTopCm: 120,
};
const b1: CompartmentBrief = {
  id: 'c-b1',
  label: 'B1',
  size: 'L',
  doorBottomCm: 40,
  doorTopCm: 120,
};

const reservation: ReservationView = {
  id: 'res-1',
  recipient: marc,
  trackingNumber: '1Z999AA10123456784',
  size: 'L',
  compartmentLabel: 'B1',
  designatedName: null,
  expiresAtMs: Date.UTC(2026, 0, 2),
};

function identified(overrides: Partial<IdentifiedParcel> = {}): IdentifiedParcel {
  return {
    trackingNumber: '1Z999AA10123456784',
    carrier: 'ups',
    expectedParcelId: null,
    recipient: null,
    reservation: null,
    ...overrides,
  };
}

function deposit(overrides: Partial<DepositView> = {}): DepositView {
  return {
    depositId: 'dep-1',
    state: 'door_open',
    compartment: a3,
    reasons: [],
    recipientName: elodie.name,
    trackingNumber: '1Z999AA10123456784',
    skipped: [],
    parcelId: null,
    ...overrides,
  };
}

function managed(brief: CompartmentBrief, use: ManagedCompartment['use']): ManagedCompartment {
  return {
    ...brief,
    lock: { board: 0, channel: 1 },
    service: 'in_service',
    serviceReason: null,
    door: 'closed',
    items: false,
    use,
    parcels: [],
    heldFor: null,
    storage: null,
  };
}

/** A flow on a fake transport whose calls wait until the test answers them. */
function harness(person: SignedInPerson = operator) {
  const transport = new FakeTransport();
  const clock = new ManualClock();
  const client = createKioskClient(transport, () => 'en');
  const flow = new DropOffFlow({ client, session, person, clock });
  const answered = new Set<number>();

  /** The oldest call to `method` not answered yet. */
  function pending(method: string) {
    const index = transport.invokes.findIndex(
      (invoke, position) => invoke.method === method && !answered.has(position),
    );
    if (index < 0) {
      throw new Error(`no pending ${method} call (made: ${calls().join(', ')})`);
    }
    answered.add(index);
    return transport.invokes[index]!;
  }

  function calls(): string[] {
    return transport.invokes.map((invoke) => invoke.method);
  }

  async function answer(method: string, value: unknown): Promise<unknown> {
    await settle();
    const call = pending(method);
    call.answer({ ok: true, value });
    await settle();
    return call.args;
  }

  async function refuse(method: string, message: string): Promise<unknown> {
    await settle();
    const call = pending(method);
    call.answer({ ok: false, error: { code: 'no_compartment_available', message } });
    await settle();
    return call.args;
  }

  async function startWith(dropOff: Partial<DropOffSettings> = {}): Promise<void> {
    flow.start();
    const settings: BankSettings = {
      ...defaultBankSettings,
      dropOff: { ...defaultBankSettings.dropOff, ...dropOff },
    };
    await answer('settings.get', settings);
    await answer('dropoff.reservations', [reservation]);
  }

  function scan(kind: 'tracking_number' | 'unknown' | 'operator_badge', text: string): void {
    transport.push('scan.received', {
      source: 'serial',
      aimId: null,
      text,
      kind,
      carrier: kind === 'tracking_number' ? 'ups' : null,
      value: kind === 'tracking_number' ? text : null,
      scanId: 'scan-1',
    });
  }

  /** Label scanned, recipient chosen, engine proposal A3 shown. */
  async function atPlacement(): Promise<void> {
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    await answer('dropoff.identify', identified({ recipient: elodie }));
    await answer('dropoff.propose', { ok: true, compartment: a3, reasons: ['Smallest fit'] });
  }

  /** …and the door of A3 seen open. */
  async function atOpenDoor(): Promise<void> {
    await atPlacement();
    void flow.open();
    await answer('dropoff.start', deposit());
  }

  return {
    transport,
    clock,
    flow,
    calls,
    answer,
    refuse,
    startWith,
    scan,
    atPlacement,
    atOpenDoor,
  };
}

describe('drop-off flow: start and label', () => {
  it('loads the settings and reservations, then asks for the label', async () => {
    const { flow, startWith, transport } = harness();
    expect(flow.state.step).toBe('loading');
    await startWith();
    expect(flow.state.step).toBe('label');
    expect(flow.state.reservations).toEqual([reservation]);
    expect(flow.state.settings).toEqual(defaultBankSettings.dropOff);
    expect(transport.call(0).args).toEqual({ session });
  });

  it('stays on loading with a retry when the settings are refused', async () => {
    const { flow, refuse, answer } = harness();
    flow.start();
    await refuse('settings.get', 'Please sign in to continue.');
    await answer('dropoff.reservations', []);
    expect(flow.state.step).toBe('loading');
    expect(flow.state.problem).toEqual({ message: 'Please sign in to continue.', hint: 'load' });

    void flow.load();
    await answer('settings.get', defaultBankSettings);
    await answer('dropoff.reservations', []);
    expect(flow.state.step).toBe('label');
    expect(flow.state.problem).toBeUndefined();
  });

  it('identifies a scanned label and asks for the recipient when the label does not name one', async () => {
    const { flow, startWith, scan, answer } = harness();
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    expect(flow.state.busy).toBe('identifying');
    const args = await answer('dropoff.identify', identified());
    expect(args).toEqual({ session, text: '1Z999AA10123456784' });
    expect(flow.state.step).toBe('recipient');
    expect(flow.state.draft).toMatchObject({
      labelDone: true,
      trackingNumber: '1Z999AA10123456784',
      carrier: 'ups',
      recipient: null,
    });
  });

  it('treats an unknown scan as a possible label', async () => {
    const { flow, startWith, scan, answer } = harness();
    await startWith();
    scan('unknown', 'PARCEL-42');
    expect(await answer('dropoff.identify', identified({ trackingNumber: 'PARCEL-42' }))).toEqual({
      session,
      text: 'PARCEL-42',
    });
    expect(flow.state.draft.trackingNumber).toBe('PARCEL-42');
  });

  it('D9: an inbound parcel prefills its recipient and goes straight to placement', async () => {
    const { flow, startWith, scan, answer } = harness();
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    await answer(
      'dropoff.identify',
      identified({ expectedParcelId: 'parcel-77', recipient: elodie }),
    );
    expect(flow.state.step).toBe('placement');
    const args = await answer('dropoff.propose', { ok: true, compartment: a3, reasons: [] });
    expect(args).toEqual({
      session,
      request: {
        recipient: { kind: 'contact', id: elodie.id },
        trackingNumber: '1Z999AA10123456784',
        carrier: 'ups',
        parcelSize: null,
        placement: { kind: 'engine' },
        expectedParcelId: 'parcel-77',
        reservationId: null,
      },
    });
    expect(flow.state.placement.proposal).toEqual({ ok: true, compartment: a3, reasons: [] });
  });

  it('D2: a reservation for the scanned parcel prefills recipient, size and reservation', async () => {
    const { flow, startWith, scan, answer } = harness();
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    await answer('dropoff.identify', identified({ reservation }));
    const args = (await answer('dropoff.propose', { ok: true, compartment: b1, reasons: [] })) as {
      request: unknown;
    };
    expect(args.request).toMatchObject({
      recipient: { kind: 'contact', id: marc.id },
      parcelSize: 'L',
      placement: { kind: 'engine' },
      reservationId: 'res-1',
    });
    expect(flow.state.draft.recipient).toEqual(marc);
  });

  it('says a scan that is not a label is not one, without asking the core', async () => {
    const { flow, startWith, scan, calls } = harness();
    await startWith();
    const before = calls().length;
    scan('operator_badge', 'CASIER-OP-1');
    await settle();
    expect(calls().length).toBe(before);
    expect(flow.state.problem).toEqual({ message: undefined, hint: 'scan_not_label' });
  });

  it('shows a refused identification with what to do next, and stays on the label', async () => {
    const { flow, startWith, refuse } = harness();
    await startWith();
    void flow.identify('???');
    await refuse('dropoff.identify', 'That scan cannot be used here.');
    expect(flow.state.step).toBe('label');
    expect(flow.state.busy).toBeUndefined();
    expect(flow.state.problem).toEqual({
      message: 'That scan cannot be used here.',
      hint: 'identify',
    });
  });

  it('D7: a typed tracking number is identified like a scan, trimmed', async () => {
    const { flow, startWith, answer } = harness();
    await startWith();
    void flow.identify('  1Z999AA10123456784 ');
    expect(await answer('dropoff.identify', identified())).toEqual({
      session,
      text: '1Z999AA10123456784',
    });
  });

  it('a tapped reservation with its tracking number goes to placement; without, waits for the label', async () => {
    const withNumber = harness();
    await withNumber.startWith();
    withNumber.flow.chooseReservation(reservation);
    expect(withNumber.flow.state.step).toBe('placement');
    expect(withNumber.flow.state.draft.trackingNumber).toBe(reservation.trackingNumber);

    const withoutNumber = harness();
    await withoutNumber.startWith();
    withoutNumber.flow.chooseReservation({ ...reservation, trackingNumber: null });
    expect(withoutNumber.flow.state.step).toBe('label');
    expect(withoutNumber.flow.state.draft.reservation?.id).toBe('res-1');
    withoutNumber.scan('tracking_number', 'JD014600006281234567');
    await withoutNumber.answer(
      'dropoff.identify',
      identified({ trackingNumber: 'JD014600006281234567', carrier: 'dhl' }),
    );
    expect(withoutNumber.flow.state.step).toBe('placement');
    expect(withoutNumber.flow.state.draft).toMatchObject({
      recipient: marc,
      trackingNumber: 'JD014600006281234567',
      reservation: { id: 'res-1' },
    });
  });

  it('lets a parcel go without a label only where the bank allows it', async () => {
    const required = harness();
    await required.startWith({ labelScan: 'required' });
    expect(required.flow.canSkipLabel).toBe(false);
    required.flow.skipLabel();
    expect(required.flow.state.step).toBe('label');

    const optional = harness();
    await optional.startWith({ labelScan: 'optional' });
    optional.flow.skipLabel();
    expect(optional.flow.state.step).toBe('recipient');
    expect(optional.flow.state.draft).toMatchObject({ labelDone: true, trackingNumber: null });
  });
});

describe('drop-off flow: recipient search', () => {
  async function atRecipient() {
    const setup = harness();
    await setup.startWith();
    setup.flow.skipLabel();
    return setup;
  }

  it('waits for a pause in the typing before searching', async () => {
    const { flow, clock, calls, answer } = await atRecipient();
    flow.search('é');
    await clock.advance(100);
    flow.search('él');
    await clock.advance(100);
    flow.search('élo');
    await clock.advance(recipientSearchDelayMs - 1);
    expect(calls()).not.toContain('directory.search');
    await clock.advance(1);
    expect(calls().filter((method) => method === 'directory.search')).toHaveLength(1);
    expect(await answer('directory.search', [elodie])).toEqual({ session, query: 'élo' });
    expect(flow.state.search).toEqual({
      query: 'élo',
      results: [elodie],
      answeredQuery: 'élo',
      searching: false,
    });
  });

  it('ignores an answer to a query that was typed over', async () => {
    const { flow, clock, transport } = await atRecipient();
    flow.search('ma');
    await clock.advance(recipientSearchDelayMs);
    flow.search('el');
    await clock.advance(recipientSearchDelayMs);
    const searches = transport.invokes.filter((invoke) => invoke.method === 'directory.search');
    expect(searches.map((invoke) => invoke.args)).toEqual([
      { session, query: 'ma' },
      { session, query: 'el' },
    ]);

    searches[1]!.answer({ ok: true, value: [elodie] });
    await settle();
    searches[0]!.answer({ ok: true, value: [marc] });
    await settle();
    expect(flow.state.search.results).toEqual([elodie]);
    expect(flow.state.search.answeredQuery).toBe('el');
  });

  it('clears the list at once when the box is emptied', async () => {
    const { flow, clock, answer, calls } = await atRecipient();
    flow.search('el');
    await clock.advance(recipientSearchDelayMs);
    await answer('directory.search', [elodie]);
    flow.search('');
    await clock.advance(recipientSearchDelayMs);
    expect(flow.state.search.results).toEqual([]);
    expect(calls().filter((method) => method === 'directory.search')).toHaveLength(1);
  });

  it('shows a refused search, then chooses a recipient and proposes a door', async () => {
    const { flow, clock, refuse, answer } = await atRecipient();
    flow.search('el');
    await clock.advance(recipientSearchDelayMs);
    await refuse('directory.search', 'Something went wrong on the kiosk.');
    expect(flow.state.problem?.hint).toBe('search');
    expect(flow.state.search.searching).toBe(false);

    flow.chooseRecipient(elodie);
    expect(flow.state.step).toBe('placement');
    const args = (await answer('dropoff.propose', { ok: true, compartment: a3, reasons: [] })) as {
      request: unknown;
    };
    expect(args.request).toMatchObject({ recipient: { kind: 'contact', id: elodie.id } });
  });
});

describe('drop-off flow: placement', () => {
  it('C2: waits for the operator to say the size when the bank asks for it', async () => {
    const { flow, startWith, scan, answer, calls } = harness();
    await startWith({ sizeChoice: 'operator' });
    scan('tracking_number', '1Z999AA10123456784');
    await answer('dropoff.identify', identified({ recipient: elodie }));
    expect(flow.state.step).toBe('placement');
    expect(flow.state.placement.choice).toBeUndefined();
    expect(calls()).not.toContain('dropoff.propose');

    flow.chooseEngine();
    expect(calls()).not.toContain('dropoff.propose');

    flow.chooseSize('M');
    const args = (await answer('dropoff.propose', { ok: true, compartment: a3, reasons: [] })) as {
      request: unknown;
    };
    expect(args.request).toMatchObject({ parcelSize: 'M', placement: { kind: 'size', size: 'M' } });
  });

  it('shows only the proposal for the latest choice', async () => {
    const { flow, atPlacement, transport } = harness();
    await atPlacement();
    flow.chooseSize('S');
    flow.chooseSize('L');
    await settle();
    const proposals = transport.invokes.filter((invoke) => invoke.method === 'dropoff.propose');
    const [, small, large] = proposals;
    large!.answer({ ok: true, value: { ok: true, compartment: b1, reasons: [] } });
    await settle();
    small!.answer({
      ok: true,
      value: { ok: false, message: 'No compartment is currently available', causes: [] },
    });
    await settle();
    expect(flow.state.placement.proposal).toEqual({ ok: true, compartment: b1, reasons: [] });
    expect(flow.state.placement.choice).toEqual({ kind: 'size', size: 'L' });
  });

  it('keeps a refusal and its causes for the screen, and offers no door to open', async () => {
    const { flow, startWith, scan, answer, calls } = harness();
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    await answer('dropoff.identify', identified({ recipient: elodie }));
    const refusal = {
      ok: false,
      message: 'No compartment is currently available in the selected locker',
      causes: ['This recipient needs an accessible door.'],
    };
    await answer('dropoff.propose', refusal);
    expect(flow.state.placement.proposal).toEqual(refusal);
    await flow.open();
    expect(calls()).not.toContain('dropoff.start');
  });

  it('D8: lists the free compartments by label and proposes the one chosen', async () => {
    const { flow, atPlacement, answer } = harness();
    await atPlacement();
    expect(flow.canChooseByHand).toBe(true);
    void flow.showHandChoice();
    expect(flow.state.placement.handChoiceLoading).toBe(true);
    await answer('manage.compartments', [
      managed({ ...a3, id: 'c-a10', label: 'A10' }, 'available'),
      managed(a3, 'occupied'),
      managed({ ...a3, id: 'c-a2', label: 'A2' }, 'available'),
    ]);
    expect(flow.state.placement.handChoice?.map((compartment) => compartment.label)).toEqual([
      'A2',
      'A10',
    ]);

    flow.chooseCompartment({ ...a3, id: 'c-a2', label: 'A2' });
    expect(flow.state.placement.handChoice).toBeUndefined();
    const args = (await answer('dropoff.propose', {
      ok: true,
      compartment: { ...a3, id: 'c-a2', label: 'A2' },
      reasons: [],
    })) as { request: unknown };
    expect(args.request).toMatchObject({
      placement: { kind: 'compartment', compartmentId: 'c-a2' },
    });
  });

  it('D8: offers no hand choice without the permission or when the bank turns it off', async () => {
    const withoutPermission = harness(carrier);
    await withoutPermission.startWith();
    expect(withoutPermission.flow.canChooseByHand).toBe(false);

    const turnedOff = harness();
    await turnedOff.startWith({ handChoice: false });
    expect(turnedOff.flow.canChooseByHand).toBe(false);
    turnedOff.flow.skipLabel();
    turnedOff.flow.chooseRecipient(elodie);
    await turnedOff.flow.showHandChoice();
    expect(turnedOff.calls()).not.toContain('manage.compartments');
  });

  it('changing the recipient drops the prefilled reservation', async () => {
    const { flow, startWith, scan, answer } = harness();
    await startWith();
    scan('tracking_number', '1Z999AA10123456784');
    await answer('dropoff.identify', identified({ reservation }));
    flow.changeRecipient();
    expect(flow.state.step).toBe('recipient');
    expect(flow.state.draft).toMatchObject({
      recipient: null,
      reservation: null,
      parcelSize: null,
      trackingNumber: '1Z999AA10123456784',
    });
  });
});

describe('drop-off flow: the door', () => {
  it('opens the proposed door with the same request, showing progress meanwhile', async () => {
    const { flow, atPlacement, answer } = harness();
    await atPlacement();
    void flow.open();
    expect(flow.state.busy).toBe('opening');
    const args = (await answer(
      'dropoff.start',
      deposit({ skipped: [{ label: 'A2', outcome: 'jammed' }] }),
    )) as { request: unknown };
    expect(args.request).toMatchObject({
      recipient: { kind: 'contact', id: elodie.id },
      placement: { kind: 'engine' },
    });
    expect(flow.state.step).toBe('deposit');
    expect(flow.state.busy).toBeUndefined();
    expect(flow.state.deposit?.skipped).toEqual([{ label: 'A2', outcome: 'jammed' }]);
  });

  it('after a refused start, shows why and asks for a new proposal', async () => {
    const { flow, atPlacement, refuse, answer } = harness();
    await atPlacement();
    void flow.open();
    await refuse('dropoff.start', 'The lock boards are not answering.');
    expect(flow.state.step).toBe('placement');
    expect(flow.state.problem).toEqual({
      message: 'The lock boards are not answering.',
      hint: 'start',
    });
    await answer('dropoff.propose', { ok: true, compartment: b1, reasons: [] });
    expect(flow.state.placement.proposal).toMatchObject({ compartment: { label: 'B1' } });
    expect(flow.state.problem?.hint).toBe('start');
  });

  it('follows its own deposit and ignores the others', async () => {
    const { flow, atOpenDoor, transport } = harness();
    await atOpenDoor();
    transport.push('deposit.changed', deposit({ depositId: 'dep-other', state: 'completed' }));
    expect(flow.state.deposit?.state).toBe('door_open');
    transport.push('deposit.changed', deposit({ state: 'completed', parcelId: 'parcel-1' }));
    expect(flow.state.deposit).toMatchObject({ state: 'completed', parcelId: 'parcel-1' });
  });

  it('X5: a bigger door opens and the old one may be closed empty', async () => {
    const { flow, atOpenDoor, answer } = harness();
    await atOpenDoor();
    void flow.biggerDoor();
    expect(flow.state.busy).toBe('bigger_door');
    expect(await answer('dropoff.biggerDoor', deposit({ compartment: b1 }))).toEqual({
      session,
      depositId: 'dep-1',
    });
    expect(flow.state.deposit?.compartment.label).toBe('B1');
    expect(flow.state.leftEmptyLabel).toBe('A3');
    expect(flow.state.busy).toBeUndefined();
  });

  it('X5: a refused bigger door keeps the open door and says what to do', async () => {
    const { flow, atOpenDoor, refuse } = harness();
    await atOpenDoor();
    void flow.biggerDoor();
    await refuse('dropoff.biggerDoor', 'No bigger compartment is free.');
    expect(flow.state.deposit?.compartment.label).toBe('A3');
    expect(flow.state.problem).toEqual({
      message: 'No bigger compartment is free.',
      hint: 'bigger_door',
    });
  });

  it('cancels, then tries the same parcel again from placement', async () => {
    const { flow, atOpenDoor, answer } = harness();
    await atOpenDoor();
    void flow.cancel();
    expect(await answer('dropoff.cancel', deposit({ state: 'cancelled' }))).toEqual({
      session,
      depositId: 'dep-1',
    });
    expect(flow.state.deposit?.state).toBe('cancelled');

    flow.retryParcel();
    expect(flow.state.step).toBe('placement');
    expect(flow.state.deposit).toBeUndefined();
    const args = (await answer('dropoff.propose', { ok: true, compartment: a3, reasons: [] })) as {
      request: unknown;
    };
    expect(args.request).toMatchObject({
      recipient: { id: elodie.id },
      trackingNumber: '1Z999AA10123456784',
    });
  });

  it('check_empty: opens the same door again', async () => {
    const { flow, atOpenDoor, transport, answer } = harness();
    await atOpenDoor();
    transport.push('deposit.changed', deposit({ state: 'check_empty' }));
    await flow.biggerDoor();
    expect(flow.state.busy).toBeUndefined();
    void flow.reopen();
    expect(flow.state.busy).toBe('reopening');
    await answer('dropoff.reopen', deposit());
    expect(flow.state.deposit?.state).toBe('door_open');
  });

  it('does not start another parcel while a door stands open', async () => {
    const { flow, atOpenDoor } = harness();
    await atOpenDoor();
    flow.nextParcel();
    flow.startOver();
    expect(flow.state.step).toBe('deposit');
  });
});

describe('drop-off flow: parcel after parcel', () => {
  async function completed() {
    const setup = harness();
    await setup.atOpenDoor();
    setup.transport.push('deposit.changed', deposit({ state: 'completed', parcelId: 'p-1' }));
    return setup;
  }

  it('next parcel: back to the label with nothing kept, reservations reloaded', async () => {
    const { flow, answer } = await completed();
    flow.nextParcel();
    expect(flow.state.step).toBe('label');
    expect(flow.state.draft.recipient).toBeNull();
    expect(flow.state.deposit).toBeUndefined();
    await answer('dropoff.reservations', []);
    expect(flow.state.reservations).toEqual([]);
  });

  it('another parcel for the same recipient skips the search', async () => {
    const { flow, scan, answer } = await completed();
    flow.sameRecipient();
    expect(flow.state.step).toBe('label');
    expect(flow.state.draft.recipient).toEqual(elodie);
    expect(flow.state.draft.trackingNumber).toBeNull();
    scan('tracking_number', '1Z999AA10123456791');
    await answer('dropoff.identify', identified({ trackingNumber: '1Z999AA10123456791' }));
    expect(flow.state.step).toBe('placement');
    expect(flow.state.draft).toMatchObject({
      recipient: elodie,
      trackingNumber: '1Z999AA10123456791',
    });
  });

  it('a label scanned on the finished deposit starts the next parcel', async () => {
    const { flow, scan, answer } = await completed();
    scan('tracking_number', '1Z999AA10123456791');
    expect(flow.state.step).toBe('label');
    expect(flow.state.busy).toBe('identifying');
    expect(await answer('dropoff.identify', identified())).toEqual({
      session,
      text: '1Z999AA10123456791',
    });
    expect(flow.state.step).toBe('recipient');
  });

  it('start over drops a half-done parcel and a late answer about it', async () => {
    const { flow, startWith, transport } = harness();
    await startWith();
    void flow.identify('1Z999AA10123456784');
    await settle();
    const identify = transport.invokes.find((invoke) => invoke.method === 'dropoff.identify')!;
    // Busy: start over waits until the answer is in.
    flow.startOver();
    identify.answer({ ok: true, value: identified({ recipient: elodie }) });
    await settle();
    expect(flow.state.step).toBe('placement');
    flow.startOver();
    expect(flow.state.step).toBe('label');
    expect(flow.state.draft.recipient).toBeNull();
    expect(flow.state.placement.proposal).toBeUndefined();
  });

  it('stop stops listening and drops answers still on their way', async () => {
    const { flow, startWith, transport } = harness();
    await startWith();
    expect(transport.listenerCount).toBe(2);
    void flow.identify('1Z999AA10123456784');
    await settle();
    flow.stop();
    expect(transport.listenerCount).toBe(0);
    transport.invokes
      .find((invoke) => invoke.method === 'dropoff.identify')!
      .answer({ ok: true, value: identified({ recipient: elodie }) });
    await settle();
    expect(flow.state.step).toBe('label');
  });
});

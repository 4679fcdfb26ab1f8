import { describe, expect, it } from 'vitest';
import type { PickupParcel, PickupView } from '../../src-shared/api/pickup-methods.js';
import { failure } from '../../src-shared/api/result.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { parcelAction, parcelsToOpenAll } from '../../src-renderer/pickup/parcel-actions.js';
import { PickupFlow, type PickupSnapshot } from '../../src-renderer/pickup/pickup-flow.js';
import { FakeTransport, settle } from './fakes.js';

const pickupId = 'pickup-0123456789abcdef';

function parcel(
  label: string,
  state: PickupParcel['state'] = 'waiting',
  reopenUntilMs: number | null = null,
): PickupParcel {
  return {
    parcelId: `parcel-${label}`,
    compartment: { id: `c-${label}`, label, size: 'M', doorBottomCm: 40, doorTopCm: 80 },
    trackingNumber: null,
    departmentName: null,
    state,
    reopenUntilMs,
  };
}

function view(parcels: PickupParcel[], openMode: PickupView['openMode'] = 'one_at_a_time') {
  return { pickupId, greetingName: 'Léa', openMode, parcels } satisfies PickupView;
}

function setUp(initial = view([parcel('A3'), parcel('B1')])) {
  const transport = new FakeTransport();
  const snapshots: PickupSnapshot[] = [];
  const flow = new PickupFlow(
    createKioskClient(transport, () => 'en'),
    initial,
    (snapshot) => {
      snapshots.push(snapshot);
    },
  );
  return { transport, flow, snapshots };
}

describe('what each parcel offers', () => {
  const now = Date.UTC(2026, 0, 1);

  it('offers Open per waiting parcel one at a time, and nothing per parcel all at once', () => {
    const oneByOne = view([parcel('A3')]);
    expect(parcelAction(oneByOne, parcel('A3'), now)).toEqual({ kind: 'open' });
    const allAtOnce = view([parcel('A3'), parcel('B1', 'taken')], 'all_at_once');
    expect(parcelAction(allAtOnce, parcel('A3'), now)).toEqual({ kind: 'none' });
    expect(parcelsToOpenAll(allAtOnce)).toEqual(['parcel-A3']);
    expect(parcelsToOpenAll(oneByOne)).toEqual([]);
  });

  it('offers Open again with the seconds left until the grace ends (X4), then nothing', () => {
    const taken = parcel('A3', 'taken', now + 42_300);
    expect(parcelAction(view([taken]), taken, now)).toEqual({ kind: 'reopen', secondsLeft: 43 });
    expect(parcelAction(view([taken]), taken, now + 42_300)).toEqual({ kind: 'none' });
    const noGrace = parcel('A3', 'taken', null);
    expect(parcelAction(view([noGrace]), noGrace, now)).toEqual({ kind: 'none' });
  });

  it('offers nothing for an open or a failed door', () => {
    for (const state of ['door_open', 'door_failed'] as const) {
      expect(parcelAction(view([parcel('A3', state)]), parcel('A3', state), now)).toEqual({
        kind: 'none',
      });
    }
  });
});

describe('pickup flow', () => {
  it('shows the door opening while the call runs, then the core’s answer', async () => {
    const { transport, flow } = setUp();
    const opening = flow.open(['parcel-A3']);
    await settle();
    expect(flow.snapshot.opening).toEqual(['parcel-A3']);
    expect(transport.call(0)).toMatchObject({
      method: 'pickup.open',
      args: { pickupId, parcelIds: ['parcel-A3'] },
    });
    transport.call(0).answer({ ok: true, value: view([parcel('A3', 'door_open'), parcel('B1')]) });
    await opening;
    expect(flow.snapshot.opening).toEqual([]);
    expect(flow.snapshot.view.parcels[0]?.state).toBe('door_open');
  });

  it('runs one opening at a time', async () => {
    const { transport, flow } = setUp();
    void flow.open(['parcel-A3']);
    void flow.open(['parcel-B1']);
    await settle();
    expect(transport.invokes).toHaveLength(1);
  });

  it('shows a refusal in the core’s words and lets the person try another door', async () => {
    const { transport, flow } = setUp();
    const opening = flow.open(['parcel-A3']);
    await settle();
    transport.call(0).answer(failure('reopen_window_over', 'The door can no longer be opened.'));
    await opening;
    expect(flow.snapshot.error).toBe('The door can no longer be opened.');
    void flow.open(['parcel-B1']);
    await settle();
    expect(transport.invokes).toHaveLength(2);
    expect(flow.snapshot.error).toBeUndefined();
  });

  it('follows pickup.changed for its own pickup only', () => {
    const { transport, flow } = setUp();
    const stop = flow.follow();
    transport.push('pickup.changed', {
      ...view([parcel('Z9', 'door_open')]),
      pickupId: 'another-pickup-0123456',
    });
    expect(flow.snapshot.view.parcels[0]?.compartment.label).toBe('A3');
    transport.push('pickup.changed', view([parcel('A3', 'taken', 1), parcel('B1')]));
    expect(flow.snapshot.view.parcels[0]?.state).toBe('taken');
    stop();
    expect(transport.listenerCount).toBe(0);
  });

  it('finishes once, and opens nothing after', async () => {
    const { transport, flow } = setUp();
    void flow.finish();
    void flow.finish();
    await flow.open(['parcel-A3']);
    await settle();
    expect(transport.invokes.map((invoke) => invoke.method)).toEqual(['pickup.finish']);
    expect(transport.call(0).args).toEqual({ pickupId });
    expect(flow.snapshot.finished).toBe(true);
  });
});

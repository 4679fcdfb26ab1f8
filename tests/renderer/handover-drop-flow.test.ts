import { describe, expect, it } from 'vitest';
import type { HandoverDropView } from '../../src-shared/api/handover-methods.js';
import { failure } from '../../src-shared/api/result.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import {
  HandoverDropFlow,
  isDropDoorOpen,
  type HandoverDropSnapshot,
} from '../../src-renderer/handovers/handover-drop-flow.js';
import { FakeTransport, settle } from './fakes.js';

const dropId = 'drop-0123456789abcdef';

function dropView(change: Partial<HandoverDropView> = {}): HandoverDropView {
  return {
    dropId,
    kind: 'return',
    state: 'door_open',
    compartment: { id: 'c-7', label: '7', size: 'M', doorBottomCm: 60, doorTopCm: 100 },
    receiverFirstName: null,
    trackingNumber: null,
    skipped: [],
    ...change,
  };
}

function setUp(initial: HandoverDropView = dropView()) {
  const transport = new FakeTransport();
  const snapshots: HandoverDropSnapshot[] = [];
  const flow = new HandoverDropFlow(
    createKioskClient(transport, () => 'fr'),
    initial,
    (s) => {
      snapshots.push(s);
    },
  );
  return { transport, flow, snapshots };
}

describe('a sender’s drop at the kiosk (D3, D4)', () => {
  it('follows handover.dropChanged for its own drop only, until the item is in', () => {
    const { transport, flow } = setUp();
    const stop = flow.follow();
    transport.push(
      'handover.dropChanged',
      dropView({ dropId: 'drop-somebody-else-0123', state: 'completed' }),
    );
    expect(flow.snapshot.view.state).toBe('door_open');
    transport.push('handover.dropChanged', dropView({ state: 'completed' }));
    expect(flow.snapshot.view.state).toBe('completed');
    stop();
    expect(transport.listenerCount).toBe(0);
  });

  it('opens the same door again from check_empty, one call at a time', async () => {
    const { transport, flow } = setUp(dropView({ state: 'check_empty' }));
    const reopening = flow.reopen();
    void flow.reopen();
    void flow.cancel();
    await settle();
    expect(transport.invokes).toHaveLength(1);
    expect(transport.call(0)).toMatchObject({ method: 'handover.reopen', args: { dropId } });
    expect(flow.snapshot.busy).toBe('reopening');
    transport.call(0).answer({ ok: true, value: dropView({ state: 'door_open' }) });
    await reopening;
    expect(flow.snapshot).toMatchObject({ busy: undefined, view: { state: 'door_open' } });
  });

  it('does not ask for the door again while it is still open', async () => {
    const { transport, flow } = setUp();
    await flow.reopen();
    expect(transport.invokes).toHaveLength(0);
  });

  it('shows a refusal in the core’s words and keeps the drop as it was', async () => {
    const { transport, flow } = setUp(dropView({ state: 'check_empty' }));
    const reopening = flow.reopen();
    await settle();
    transport.call(0).answer(failure('handover_refused', 'Le casier ne répond pas.'));
    await reopening;
    expect(flow.snapshot).toMatchObject({
      busy: undefined,
      error: 'Le casier ne répond pas.',
      view: { state: 'check_empty' },
    });
  });

  it('cancels a drop, and a late answer never brings back a door that already closed', async () => {
    const { transport, flow } = setUp(dropView({ state: 'check_empty' }));
    flow.follow();
    const reopening = flow.reopen();
    await settle();
    transport.push('handover.dropChanged', dropView({ state: 'completed' }));
    transport.call(0).answer({ ok: true, value: dropView({ state: 'door_open' }) });
    await reopening;
    expect(flow.snapshot.view.state).toBe('completed');
    await flow.cancel();
    expect(transport.invokes).toHaveLength(1);
  });

  it('cancels an empty drop when the screen goes away, but leaves an open door to the core', async () => {
    const open = setUp();
    await open.flow.leave();
    expect(open.transport.invokes).toHaveLength(0);

    const empty = setUp(dropView({ state: 'check_empty' }));
    const leaving = empty.flow.leave();
    await settle();
    expect(empty.transport.call(0)).toMatchObject({
      method: 'handover.cancelDrop',
      args: { dropId },
    });
    empty.transport.call(0).answer({ ok: true, value: dropView({ state: 'cancelled' }) });
    await leaving;
    expect(empty.flow.snapshot.view.state).toBe('cancelled');
  });

  it('never cancels while the door is open: the item may be inside (the core refuses it too)', async () => {
    const { transport, flow } = setUp();
    flow.follow();
    await flow.cancel();
    await flow.leave();
    expect(transport.invokes).toHaveLength(0);
    expect(flow.snapshot).toMatchObject({ busy: undefined, view: { state: 'door_open' } });

    // Once the door closed on nothing, the sender may cancel.
    transport.push('handover.dropChanged', dropView({ state: 'check_empty' }));
    const cancelling = flow.cancel();
    await settle();
    expect(transport.call(0)).toMatchObject({ method: 'handover.cancelDrop', args: { dropId } });
    transport.call(0).answer({ ok: true, value: dropView({ state: 'cancelled' }) });
    await cancelling;
    expect(flow.snapshot.view.state).toBe('cancelled');
  });

  it('holds the home timer only while the door stands open (C8)', () => {
    expect(isDropDoorOpen(dropView({ state: 'door_open' }))).toBe(true);
    for (const state of ['check_empty', 'completed', 'cancelled'] as const) {
      expect(isDropDoorOpen(dropView({ state })), state).toBe(false);
    }
  });
});

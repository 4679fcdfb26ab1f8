import { describe, expect, it } from 'vitest';
import type { HandoverView } from '../../src-shared/api/handover-methods.js';
import { failure } from '../../src-shared/api/result.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { HandoverBoard } from '../../src-renderer/handovers/handover-board.js';
import { FakeTransport, settle } from './fakes.js';

const session = 's'.repeat(43);

function handoverView(change: Partial<HandoverView> = {}): HandoverView {
  return {
    handoverId: 'h-1',
    kind: 'return',
    state: 'awaiting_drop',
    size: 'M',
    senderName: 'Zoé Tremblay',
    receiverName: null,
    trackingNumber: null,
    createdAtMs: Date.UTC(2026, 0, 1),
    dropByMs: Date.UTC(2026, 0, 8),
    droppedAtMs: null,
    compartment: null,
    noticeQueued: true,
    ...change,
  };
}

const inLocker = handoverView({
  state: 'in_locker',
  droppedAtMs: Date.UTC(2026, 0, 2),
  compartment: { id: 'c-7', label: '7', size: 'M', doorBottomCm: 60, doorTopCm: 100 },
});

function setUp() {
  const transport = new FakeTransport();
  const board = new HandoverBoard(
    createKioskClient(transport, () => 'en'),
    session,
    () => {
      // The snapshot is read from the board.
    },
  );
  return { transport, board };
}

/** Answers every list call still waiting with `list`. */
function answerLists(transport: FakeTransport, list: HandoverView[], from = 0): void {
  transport.invokes.slice(from).forEach((invoke) => {
    if (invoke.method === 'handover.list') {
      invoke.answer({ ok: true, value: list });
    }
  });
}

describe('the mailroom’s returns and exchanges (D3, D4)', () => {
  it('loads the open ones, and reads them again when the core says one changed', async () => {
    const { transport, board } = setUp();
    const stop = board.start();
    await settle();
    expect(transport.call(0)).toMatchObject({ method: 'handover.list', args: { session } });
    transport.call(0).answer({ ok: true, value: [handoverView()] });
    await settle();
    expect(board.snapshot.handovers).toHaveLength(1);

    transport.push('handover.changed', inLocker);
    await settle();
    expect(transport.call(1).method).toBe('handover.list');
    stop();
    expect(transport.listenerCount).toBe(0);
  });

  it('folds a burst of changes during a load into one more load', async () => {
    const { transport, board } = setUp();
    board.start();
    await settle();
    transport.push('handover.changed', inLocker);
    transport.push('handover.changed', inLocker);
    transport.push('handover.changed', inLocker);
    transport.call(0).answer({ ok: true, value: [] });
    await settle();
    expect(transport.invokes).toHaveLength(2);
    transport.call(1).answer({ ok: true, value: [inLocker] });
    await settle();
    expect(transport.invokes).toHaveLength(2);
    expect(board.snapshot.handovers).toEqual([inLocker]);
  });

  it('keeps the last list and shows the refusal when a load fails', async () => {
    const { transport, board } = setUp();
    board.start();
    await settle();
    transport.call(0).answer({ ok: true, value: [handoverView()] });
    await settle();
    const reloading = board.reload();
    await settle();
    transport.call(1).answer(failure('not_signed_in', 'Please sign in to continue.'));
    await reloading;
    expect(board.snapshot.handovers).toHaveLength(1);
    expect(board.snapshot.loadError).toBe('Please sign in to continue.');
  });

  it('cancels one still awaited and says the sender’s code no longer works', async () => {
    const { transport, board } = setUp();
    const cancelling = board.cancel('h-1');
    await settle();
    expect(board.snapshot.busy).toEqual({ handoverId: 'h-1', action: 'cancel' });
    expect(transport.call(0)).toMatchObject({
      method: 'handover.cancel',
      args: { session, handoverId: 'h-1' },
    });
    transport.call(0).answer({ ok: true, value: handoverView({ state: 'cancelled' }) });
    await settle();
    answerLists(transport, []);
    await cancelling;
    expect(board.snapshot).toMatchObject({
      busy: undefined,
      outcome: { kind: 'cancelled', handover: { state: 'cancelled' } },
      handovers: [],
    });
  });

  it('collects a return: the door opens, and it counts once the core says it was collected', async () => {
    const { transport, board } = setUp();
    board.start();
    await settle();
    transport.call(0).answer({ ok: true, value: [inLocker] });
    await settle();

    const collecting = board.collect('h-1');
    void board.cancel('h-1');
    await settle();
    expect(transport.invokes.filter((i) => i.method !== 'handover.list')).toHaveLength(1);
    expect(transport.call(1)).toMatchObject({
      method: 'handover.collect',
      args: { handoverId: 'h-1' },
    });
    transport.call(1).answer({ ok: true, value: inLocker });
    await settle();
    answerLists(transport, [inLocker], 2);
    await collecting;
    expect(board.snapshot.outcome).toMatchObject({
      kind: 'collecting',
      handover: { compartment: { label: '7' } },
    });

    // Another hand-over changing says nothing about this one.
    transport.push('handover.changed', { ...inLocker, handoverId: 'h-2', state: 'collected' });
    expect(board.snapshot.outcome?.kind).toBe('collecting');
    transport.push('handover.changed', { ...inLocker, state: 'collected' });
    expect(board.snapshot.outcome?.kind).toBe('collected');
    await settle();
    answerLists(transport, [], 3);
    await settle();
    expect(board.snapshot.handovers).toEqual([]);
  });

  it('shows a refused collect in the core’s words, and the next action clears it', async () => {
    const { transport, board } = setUp();
    const collecting = board.collect('h-1');
    await settle();
    transport.call(0).answer(failure('handover_refused', 'The lock boards are not answering.'));
    await settle();
    answerLists(transport, [inLocker]);
    await collecting;
    expect(board.snapshot).toMatchObject({
      busy: undefined,
      outcome: undefined,
      actionError: 'The lock boards are not answering.',
    });
    board.created();
    expect(board.snapshot.actionError).toBeUndefined();
  });
});

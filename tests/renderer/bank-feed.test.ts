import { describe, expect, it } from 'vitest';
import type { BankOverview } from '../../src-shared/api/contract.js';
import { failure } from '../../src-shared/api/result.js';
import { createKioskClient } from '../../src-renderer/kiosk-client.js';
import { startBankFeed } from '../../src-renderer/state/bank-feed.js';
import type { ConnectionState } from '../../src-renderer/transport/renderer-transport.js';
import { FakeConnection, FakeTransport, sampleOverview, settle } from './fakes.js';

function feedWith(initialState: ConnectionState = 'connecting') {
  const transport = new FakeTransport();
  const connection = new FakeConnection();
  connection.connectionState = initialState;
  const overviews: BankOverview[] = [];
  const errors: string[] = [];
  const states: ConnectionState[] = [];
  const bankFeed = startBankFeed(
    createKioskClient(transport, () => 'en'),
    connection,
    {
      overview: (overview) => overviews.push(overview),
      loadFailed: (message) => errors.push(message),
      connection: (state) => states.push(state),
    },
  );
  const doors = () => overviews.at(-1)?.compartments.map((compartment) => compartment.door);
  const stop = () => {
    bankFeed.stop();
  };
  return { transport, connection, overviews, errors, states, stop, bankFeed, doors };
}

describe('bank feed', () => {
  it('waits for the connection, then loads the overview', async () => {
    const feed = feedWith('connecting');
    await settle();
    expect(feed.transport.invokes).toHaveLength(0);
    expect(feed.states).toEqual(['connecting']);

    feed.connection.change('connected');
    await settle();
    expect(feed.transport.call(0).method).toBe('bank.overview');
    feed.transport.call(0).answer({ ok: true, value: sampleOverview() });
    await settle();
    expect(feed.overviews).toEqual([sampleOverview()]);
    expect(feed.states).toEqual(['connecting', 'connected']);
  });

  it('loads at once when already connected (Electron)', async () => {
    const feed = feedWith('connected');
    await settle();
    expect(feed.transport.invokes).toHaveLength(1);
  });

  it('applies door and hardware events to the loaded overview', async () => {
    const feed = feedWith('connected');
    await settle();
    feed.transport.call(0).answer({ ok: true, value: sampleOverview() });
    await settle();

    feed.transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'open' });
    expect(feed.doors()).toEqual(['open', 'unknown']);
    feed.transport.push('hardware.changed', { hardware: 'degraded' });
    expect(feed.overviews.at(-1)?.hardware).toBe('degraded');
    feed.transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'closed' });
    expect(feed.doors()).toEqual(['closed', 'unknown']);
    // An event that changes nothing does not redraw.
    const count = feed.overviews.length;
    feed.transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'closed' });
    expect(feed.overviews).toHaveLength(count);
  });

  it('replays events that arrive while the overview is on its way', async () => {
    const feed = feedWith('connected');
    await settle();
    feed.transport.push('door.changed', { compartmentId: 'c1', label: '1', door: 'open' });
    expect(feed.overviews).toEqual([]);

    feed.transport.call(0).answer({ ok: true, value: sampleOverview() });
    await settle();
    expect(feed.doors()).toEqual(['open', 'unknown']);
  });

  it('fetches the overview again after a reconnect and shows only the newest answer', async () => {
    const feed = feedWith('connected');
    await settle();
    feed.transport.call(0).answer({ ok: true, value: sampleOverview() });
    await settle();

    feed.connection.change('disconnected');
    feed.connection.change('connected');
    await settle();
    feed.connection.change('disconnected');
    feed.connection.change('connected');
    await settle();
    expect(feed.transport.invokes).toHaveLength(3);

    const fresh = sampleOverview();
    fresh.compartments[1]!.door = 'open';
    feed.transport.call(2).answer({ ok: true, value: fresh });
    await settle();
    // The older request answers last, with a state from before: it must not win.
    feed.transport.call(1).answer({ ok: true, value: sampleOverview() });
    await settle();
    expect(feed.doors()).toEqual(['closed', 'open']);
  });

  it('reports a failed load with the core’s message', async () => {
    const feed = feedWith('connected');
    await settle();
    feed.transport.call(0).answer(failure('hardware_unavailable', 'Boards are down.'));
    await settle();
    expect(feed.errors).toEqual(['Boards are down.']);
    expect(feed.overviews).toEqual([]);
  });

  it('stops listening when stopped', async () => {
    const feed = feedWith('connected');
    await settle();
    feed.stop();
    feed.transport.call(0).answer({ ok: true, value: sampleOverview() });
    await settle();
    feed.connection.change('connected');
    await settle();
    expect(feed.overviews).toEqual([]);
    expect(feed.transport.invokes).toHaveLength(1);
    expect(feed.transport.listenerCount).toBe(0);
  });
});

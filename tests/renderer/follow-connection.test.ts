import { describe, expect, it } from 'vitest';
import { followConnection } from '../../src-renderer/transport/follow-connection.js';
import type { ConnectionState } from '../../src-renderer/transport/renderer-transport.js';

function fakeSource(initial: ConnectionState) {
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    connectionState: initial,
    onConnectionChange(listener: (state: ConnectionState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(state: ConnectionState) {
      this.connectionState = state;
      for (const listener of listeners) {
        listener(state);
      }
    },
  };
}

describe('followConnection', () => {
  it('runs at once when connected, and again on each reconnection only', () => {
    const source = fakeSource('connected');
    let runs = 0;
    const stop = followConnection(source, () => runs++);
    expect(runs).toBe(1);
    source.change('disconnected');
    expect(runs).toBe(1);
    source.change('connected');
    expect(runs).toBe(2);
    stop();
    source.change('disconnected');
    source.change('connected');
    expect(runs).toBe(2);
  });

  it('waits for the first connection', () => {
    const source = fakeSource('connecting');
    let runs = 0;
    followConnection(source, () => runs++);
    expect(runs).toBe(0);
    source.change('connected');
    expect(runs).toBe(1);
  });
});

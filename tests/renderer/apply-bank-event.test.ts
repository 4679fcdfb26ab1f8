import { describe, expect, it } from 'vitest';
import { applyBankEvent, applyBankEvents } from '../../src-renderer/state/apply-bank-event.js';
import { sampleOverview } from './fakes.js';

describe('applying pushed events to the bank overview', () => {
  it('changes the door of the compartment with that id, and only that one', () => {
    const overview = sampleOverview();
    const next = applyBankEvent(overview, {
      event: 'door.changed',
      payload: { compartmentId: 'c1', label: '1', door: 'open' },
    });
    expect(next).not.toBe(overview);
    expect(next.compartments.map((compartment) => compartment.door)).toEqual(['open', 'unknown']);
    expect(next.compartments[1]).toBe(overview.compartments[1]);
    // The overview it came from is left as it was (raw state is replaced, never mutated).
    expect(overview.compartments[0]!.door).toBe('closed');
  });

  it('matches by id, not by label', () => {
    const overview = sampleOverview();
    const next = applyBankEvent(overview, {
      event: 'door.changed',
      payload: { compartmentId: 'c2', label: '1', door: 'closed' },
    });
    expect(next.compartments.map((compartment) => compartment.door)).toEqual(['closed', 'closed']);
  });

  it('returns the same overview when nothing changes', () => {
    const overview = sampleOverview();
    expect(
      applyBankEvent(overview, {
        event: 'door.changed',
        payload: { compartmentId: 'elsewhere', label: '9', door: 'open' },
      }),
    ).toBe(overview);
    expect(
      applyBankEvent(overview, {
        event: 'door.changed',
        payload: { compartmentId: 'c1', label: '1', door: 'closed' },
      }),
    ).toBe(overview);
    expect(
      applyBankEvent(overview, { event: 'hardware.changed', payload: { hardware: 'ok' } }),
    ).toBe(overview);
  });

  it('follows the lock boards’ status', () => {
    const next = applyBankEvent(sampleOverview(), {
      event: 'hardware.changed',
      payload: { hardware: 'degraded' },
    });
    expect(next.hardware).toBe('degraded');
  });

  it('replays events in arrival order, so the last one wins', () => {
    const next = applyBankEvents(sampleOverview(), [
      { event: 'door.changed', payload: { compartmentId: 'c1', label: '1', door: 'open' } },
      { event: 'hardware.changed', payload: { hardware: 'degraded' } },
      { event: 'door.changed', payload: { compartmentId: 'c1', label: '1', door: 'closed' } },
      { event: 'door.changed', payload: { compartmentId: 'c2', label: '2', door: 'open' } },
    ]);
    expect(next.hardware).toBe('degraded');
    expect(next.compartments.map((compartment) => compartment.door)).toEqual(['closed', 'open']);
  });
});

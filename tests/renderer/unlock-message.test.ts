import { describe, expect, it } from 'vitest';
import { failure, ok } from '../../src-shared/api/result.js';
import { unlockOutcomes } from '../../src-shared/domain/door.js';
import { en } from '../../src-shared/i18n/en.js';
import {
  isDoorOpenOutcome,
  outcomeMessageKey,
  unlockMessageFor,
} from '../../src-renderer/state/unlock-message.js';

describe('unlock message', () => {
  it('keeps an outcome as data, to be translated when shown', () => {
    expect(
      unlockMessageFor(ok({ compartmentId: 'c1', label: '1', outcome: 'jammed' as const })),
    ).toEqual({ kind: 'outcome', outcome: 'jammed', label: '1' });
  });

  it('shows a refusal with the core’s translated text', () => {
    expect(unlockMessageFor(failure('compartment_out_of_service', 'Out of service.'))).toEqual({
      kind: 'error',
      text: 'Out of service.',
    });
  });

  it('has a catalogue text for every outcome', () => {
    for (const outcome of unlockOutcomes) {
      expect(Object.hasOwn(en, outcomeMessageKey(outcome)), outcome).toBe(true);
    }
  });

  it('calls only a door seen open (or already open) a success', () => {
    expect(unlockOutcomes.filter(isDoorOpenOutcome)).toEqual([
      'door_seen_open',
      'door_already_open',
    ]);
  });
});

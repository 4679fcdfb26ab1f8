import type { OpenCompartmentResult } from '../../src-shared/api/contract.js';
import type { Result } from '../../src-shared/api/result.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';

/**
 * What the operator screen says after an open request. An outcome is kept as data and translated
 * when shown, so it follows a language switch; a refusal arrives already translated by the core.
 */
export type UnlockMessage =
  { kind: 'outcome'; outcome: UnlockOutcome; label: string } | { kind: 'error'; text: string };

export function unlockMessageFor(result: Result<OpenCompartmentResult>): UnlockMessage {
  if (!result.ok) {
    return { kind: 'error', text: result.error.message };
  }
  return { kind: 'outcome', outcome: result.value.outcome, label: result.value.label };
}

export function outcomeMessageKey(outcome: UnlockOutcome): MessageKey {
  return `unlock.${outcome}`;
}

/** Whether the door is now open as asked; anything else needs a person to look (X2). */
export function isDoorOpenOutcome(outcome: UnlockOutcome): boolean {
  return outcome === 'door_seen_open' || outcome === 'door_already_open';
}

import type { ManagedCompartment } from '../../src-shared/api/management-methods.js';
import type { ServiceState } from '../../src-shared/domain/compartment.js';
import type { UnlockOutcome } from '../../src-shared/domain/door.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/** What the operator reads after an action, and whether it went as asked. */
export interface ActionOutcome {
  tone: 'done' | 'check';
  key: MessageKey;
  params: MessageParams;
}

/** G5: the door sensor's word, never "pulse sent" as "open" (X2). */
export function openOutcome(label: string, outcome: UnlockOutcome): ActionOutcome {
  const tone = outcome === 'door_seen_open' || outcome === 'door_already_open' ? 'done' : 'check';
  return { tone, key: `management_screen.outcome.${outcome}`, params: { label } };
}

export function serviceOutcome(label: string, service: ServiceState): ActionOutcome {
  return {
    tone: 'done',
    key:
      service === 'out_of_service'
        ? 'management_screen.service_outcome.out_of_service'
        : 'management_screen.service_outcome.in_service',
    params: { label },
  };
}

/**
 * G3: the parcels count as removed once the door closes again, so the operator is told to take
 * them out and close it; a door the sensor does not show open is something to check instead.
 */
export function removeExpiredOutcome(compartment: ManagedCompartment): ActionOutcome {
  return compartment.door === 'open'
    ? {
        tone: 'done',
        key: 'management_screen.remove_outcome.open',
        params: { label: compartment.label },
      }
    : {
        tone: 'check',
        key: 'management_screen.remove_outcome.not_seen_open',
        params: { label: compartment.label },
      };
}

/**
 * G3: an overstayed storage counts as emptied once its door closes again, so the operator is
 * told to take the things out and close it; a door not seen open is something to check.
 */
export function emptyStorageOutcome(compartment: ManagedCompartment): ActionOutcome {
  const params = { label: compartment.label };
  return compartment.door === 'open'
    ? { tone: 'done', key: 'management_screen.empty_outcome.open', params }
    : { tone: 'check', key: 'management_screen.empty_outcome.not_seen_open', params };
}

import type {
  ManagedCompartment,
  ManagedStorage,
} from '../../src-shared/api/management-methods.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/**
 * The words of a compartment's use on the grid (G1). The use itself stays the core's five
 * (filters, colours, `data-use`); a storage says so, since "expired parcels" would send the
 * operator looking for parcels that are not there (G3).
 */
export function useTextKey(compartment: Pick<ManagedCompartment, 'use' | 'storage'>): MessageKey {
  if (compartment.storage !== null) {
    if (compartment.use === 'expired' && compartment.storage.expired) {
      return 'management_screen.use.expired_storage';
    }
    if (compartment.use === 'occupied') {
      return 'management_screen.use.storage';
    }
  }
  return `management_screen.use.${compartment.use}`;
}

/** A line to translate: its key and parameters (times already written by the caller's format). */
export interface StorageLine {
  key: MessageKey;
  params: MessageParams;
}

/**
 * Who a storage belongs to and when it ends (G1): the owner's name, or a walk-up with a code;
 * past its end, when it ended (G3).
 */
export function storageLines(
  storage: Pick<ManagedStorage, 'ownerName' | 'endsAtMs' | 'expired'>,
  formatTime: (epochMs: number) => string,
): { owner: StorageLine; end: StorageLine } {
  const owner: StorageLine =
    storage.ownerName === null
      ? { key: 'management_screen.storage.walk_up', params: {} }
      : { key: 'management_screen.storage.owner', params: { name: storage.ownerName } };
  let end: StorageLine;
  if (storage.endsAtMs === null) {
    end = { key: 'management_screen.storage.no_end', params: {} };
  } else {
    end = {
      key: storage.expired ? 'management_screen.storage.ended' : 'management_screen.storage.ends',
      params: { time: formatTime(storage.endsAtMs) },
    };
  }
  return { owner, end };
}

/** G3: the reason an operator gives for emptying a storage, as `manage.emptyStorage` takes it. */
export const emptyReasonLength = { min: 3, max: 200 } as const;

export function isEmptyReasonValid(reason: string): boolean {
  const length = reason.trim().length;
  return length >= emptyReasonLength.min && length <= emptyReasonLength.max;
}

/** The words of "empty this storage" in the detail panel: its button and the form's question. */
export interface EmptyStorageTexts {
  button: MessageKey;
  question: MessageKey;
}

/**
 * G3, X6: an overstayed storage's compartment is simply emptied; a running one (no end time,
 * or an owner who lost their code) ends early, so the question says its code stops working.
 */
export function emptyStorageTexts(storage: Pick<ManagedStorage, 'expired'>): EmptyStorageTexts {
  return storage.expired
    ? {
        button: 'management_screen.empty_storage',
        question: 'management_screen.empty_storage.question',
      }
    : {
        button: 'management_screen.empty_storage.running',
        question: 'management_screen.empty_storage.question_running',
      };
}

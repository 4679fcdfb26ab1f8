import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { StorageScreenState } from './storage-state.js';

/** The screen's title for where the person is: what they are doing, in a few words. */
export function storageHeadingKey(
  state: Pick<StorageScreenState, 'page' | 'visit' | 'newCode'>,
): MessageKey {
  switch (state.page) {
    case 'size':
      return 'storage_screen.size.heading';
    case 'duration':
      return 'storage_screen.duration.heading';
    case 'badge':
      return 'storage_screen.badge.heading';
    case 'visit':
      break;
    default:
      return 'storage_screen.heading';
  }
  switch (state.visit?.step) {
    case 'ready':
      return state.newCode !== undefined
        ? 'storage_screen.new_code.heading'
        : 'storage_screen.running.heading';
    case 'ended':
      return 'storage_screen.ended.heading';
    default:
      return 'storage_screen.heading';
  }
}

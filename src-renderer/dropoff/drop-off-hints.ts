import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { DropOffHint } from './drop-off-state.js';

/** What to do next after each kind of refusal, in the person's language. */
export const dropOffHintKeys: Record<DropOffHint, MessageKey> = {
  load: 'drop_off_screen.hint.load',
  reservations: 'drop_off_screen.hint.reservations',
  identify: 'drop_off_screen.hint.identify',
  scan_not_label: 'drop_off_screen.hint.scan_not_label',
  search: 'drop_off_screen.hint.search',
  propose: 'drop_off_screen.hint.propose',
  hand_choice: 'drop_off_screen.hint.hand_choice',
  start: 'drop_off_screen.hint.start',
  bigger_door: 'drop_off_screen.hint.bigger_door',
  reopen: 'drop_off_screen.hint.reopen',
  cancel: 'drop_off_screen.hint.cancel',
};

import { defineMessages } from '../define-messages.js';

/** The return and exchange screens (D3, D4): the drop at the kiosk and the mailroom's list. */
export const handoverScreenMessages = defineMessages({
  en: {},
  fr: {},
});

import type { ParcelKind } from '../../src-shared/domain/parcel.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';

/**
 * Who a parcel's name is, by kind (D3, D4): a delivery is for its recipient, a return comes
 * from the person who brought it, an exchange waits for its pick-up party.
 */
export const parcelPartyKeys: Readonly<Record<ParcelKind, MessageKey>> = {
  delivery: 'management_screen.parcel.recipient',
  return: 'management_screen.parcel.return',
  exchange: 'management_screen.parcel.exchange',
};

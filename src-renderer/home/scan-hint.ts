import type { PublicKioskSettings } from '../../src-shared/domain/bank-settings.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';

/** C3: the home screen names only the scanned ways of picking up this bank takes. */
export function scanHintKey(methods: PublicKioskSettings['pickupMethods']): MessageKey | undefined {
  if (methods.qr && methods.badge) {
    return 'home.scan.qr_badge';
  }
  if (methods.qr) {
    return 'home.scan.qr';
  }
  return methods.badge ? 'home.scan.badge' : undefined;
}

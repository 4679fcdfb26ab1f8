import type { ScanKind } from '../../src-shared/domain/scan.js';
import type { PublicKioskSettings } from '../../src-shared/domain/bank-settings.js';

/** The screens that act on a scan by themselves; every other screen handles its own scans. */
export type ScanningScreen = 'home' | 'pickup_code' | 'sign_in';

export type ScanRoute = 'pickup' | 'sign_in' | 'ignore';

/**
 * What a scan on a recipient's or the sign-in screen means (E1, E4, C5, D10). A pickup QR and
 * an operator badge always go to the core, which says plainly when the bank has that way turned
 * off. An `unknown` code counts as a recipient's badge (EMP-P10001…) only where the bank takes
 * badges: otherwise a stray barcode would answer with a refusal nobody asked for.
 */
export function routeScan(
  kind: ScanKind,
  screen: ScanningScreen,
  settings: PublicKioskSettings | undefined,
): ScanRoute {
  const recipientScreen = screen === 'home' || screen === 'pickup_code';
  const signInScreen = screen === 'home' || screen === 'sign_in';
  switch (kind) {
    case 'pickup_qr':
      return recipientScreen ? 'pickup' : 'ignore';
    case 'unknown':
      return recipientScreen && settings?.pickupMethods.badge === true ? 'pickup' : 'ignore';
    case 'operator_badge':
    case 'carrier_qr':
      return signInScreen ? 'sign_in' : 'ignore';
    case 'tracking_number':
    case 'compartment_barcode':
      return 'ignore';
  }
}

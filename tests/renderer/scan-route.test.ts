import { describe, expect, it } from 'vitest';
import type { PublicKioskSettings } from '../../src-shared/domain/bank-settings.js';
import { defaultKeyboardWedgeSettings } from '../../src-shared/domain/hardware-profile.js';
import { scanHintKey } from '../../src-renderer/home/scan-hint.js';
import { firstSection, menuItems } from '../../src-renderer/shell/operator-menu.js';
import { routeScan } from '../../src-renderer/state/scan-route.js';

function settings(methods: PublicKioskSettings['pickupMethods']): PublicKioskSettings {
  return {
    pickupMethods: methods,
    contactlessSignIn: true,
    returnHomeSeconds: 15,
    inactivitySeconds: 60,
    keyboardWedge: defaultKeyboardWedgeSettings,
  };
}

const allOn = settings({ code: true, qr: true, badge: true });
const noBadge = settings({ code: true, qr: true, badge: false });

describe('scan routing on the screens anyone sees', () => {
  it('picks up with a pickup QR, or an unknown code as a badge where badges are on', () => {
    expect(routeScan('pickup_qr', 'home', allOn)).toBe('pickup');
    expect(routeScan('pickup_qr', 'pickup_code', noBadge)).toBe('pickup');
    expect(routeScan('unknown', 'home', allOn)).toBe('pickup');
    expect(routeScan('unknown', 'home', noBadge)).toBe('ignore');
    expect(routeScan('unknown', 'home', undefined)).toBe('ignore');
  });

  it('signs in with a staff badge or a carrier QR on home and sign-in only', () => {
    expect(routeScan('operator_badge', 'home', allOn)).toBe('sign_in');
    expect(routeScan('carrier_qr', 'sign_in', allOn)).toBe('sign_in');
    expect(routeScan('carrier_qr', 'pickup_code', allOn)).toBe('ignore');
    expect(routeScan('pickup_qr', 'sign_in', allOn)).toBe('ignore');
  });

  it('leaves parcel and compartment labels to the screens that want them', () => {
    expect(routeScan('tracking_number', 'home', allOn)).toBe('ignore');
    expect(routeScan('compartment_barcode', 'home', allOn)).toBe('ignore');
  });
});

describe('home screen scan hint (C3)', () => {
  it('names only the scanned methods that are on', () => {
    expect(scanHintKey(allOn.pickupMethods)).toBe('home.scan.qr_badge');
    expect(scanHintKey(noBadge.pickupMethods)).toBe('home.scan.qr');
    expect(scanHintKey({ code: true, qr: false, badge: true })).toBe('home.scan.badge');
    expect(scanHintKey({ code: true, qr: false, badge: false })).toBeUndefined();
  });
});

describe('operator menu', () => {
  it('shows only what the permissions allow, in a fixed order', () => {
    expect(
      menuItems(['hardware.commission', 'parcel.drop_off']).map((item) => item.testId),
    ).toEqual(['menu-dropoff', 'menu-commissioning']);
    expect(
      menuItems(['compartment.view_all', 'settings.edit']).map((item) => item.section),
    ).toEqual(['manage', 'settings']);
    expect(menuItems([])).toEqual([]);
  });

  it('sends a carrier straight to drop-off and staff to the menu', () => {
    const person = {
      id: 'p1',
      displayName: 'Sam',
      permissions: ['parcel.drop_off' as const],
    };
    expect(firstSection({ ...person, kind: 'carrier', role: 'carrier' })).toBe('dropoff');
    expect(firstSection({ ...person, kind: 'operator', role: 'mailroom_operator' })).toBe('menu');
  });
});

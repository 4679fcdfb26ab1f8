import { expect, test } from '@playwright/test';
import { demoCarrier } from '../../src-main/db/seed-demo-credentials.js';
import { isAccessibleDoor } from './support/demo-bank.js';
import { expectDropOffStep, openAndDeposit, proposedDoor } from './support/drop-off.js';
import { demoSimulator, openKiosk, scanWithSerialScanner } from './support/kiosk-page.js';
import { nextPickupCode, noticesFor } from './support/mailbox.js';
import { PersonAtLocker } from './support/person-at-locker.js';

/**
 * D10 on a portrait screen: a carrier signs in by showing its QR code to the scanner (no
 * password, no menu), finds the reservation waiting for it (D2), and delivers into the door the
 * engine chose after scanning the parcel's label; the recipient's notice goes out. Leaving drop-off signs the carrier out.
 */

const person = new PersonAtLocker(demoSimulator());
const carrierQr = `CSR1-CR-${demoCarrier.code}`;
/** A UPS number with a valid check digit that inbound tracking has never heard of. */
const parcelLabel = '1Z12345E6605272234';

test.use({ viewport: { width: 1080, height: 1920 } });

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('a carrier signs in with its QR code and delivers the parcel reserved for it', async ({
  page,
}) => {
  const grace = 'Grace Whitfield';
  const graceHad = (await noticesFor(grace)).length;

  await scanWithSerialScanner(carrierQr);
  // Straight to drop-off: a carrier has nothing else to do at the kiosk.
  await expect(page.getByTestId('dropoff-screen')).toBeVisible();
  await expect(page.getByTestId('operator-menu')).toHaveCount(0);
  await expect(page.getByTestId('sign-out')).toBeVisible();

  const reservation = page.getByTestId('dropoff-reservation-0');
  await expect(reservation).toContainText(grace);
  await reservation.click();
  await expect(page.getByTestId('dropoff-reservation-chosen')).toContainText(grace);
  // The parcel's label, scanned with the kiosk's scanner, completes the reservation.
  await scanWithSerialScanner(parcelLabel);
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-recipient')).toContainText(grace);
  await expect(page.getByTestId('dropoff-tracking-number')).toContainText(parcelLabel);
  // Grace needs an accessible door (B5), and the reservation is for a small one.
  const door = await proposedDoor(page);
  expect(isAccessibleDoor(door.bottomCm, door.topCm)).toBe(true);
  expect(await openAndDeposit(page, person)).toBe(door.label);
  await expect(page.getByTestId('dropoff-completed')).toContainText(grace);

  // The reservation is filled: the code went out, and leaving signs the carrier out.
  expect(await nextPickupCode(grace, graceHad)).toMatch(/^\d{6,}$/u);
  await page.getByTestId('dropoff-done').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await expect(page.getByTestId('sign-out')).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { demoInboundParcels } from '../../src-main/db/seed-demo-parcels.js';
import { expectDropOffStep, openAndDeposit } from './support/drop-off.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { typeOnScreenKeyboard } from './support/on-screen-keyboard.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { signInTo } from './support/sign-in.js';

/**
 * D7 and D9: a label too damaged to scan is typed in on the on-screen keyboard; the kiosk
 * recognises the parcel received in inbound tracking and fills in its recipient, so the operator
 * goes straight to the door.
 */

const person = new PersonAtLocker(demoSimulator());
const [inbound] = demoInboundParcels;

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('a damaged barcode typed in finds the inbound parcel and prefills its recipient', async ({
  page,
}) => {
  expect(inbound.trackingNumber).toBe('1Z999AA10123456784');
  await signInTo(page, 'mailroom', 'dropoff');
  await expectDropOffStep(page, 'label');
  await page.getByTestId('dropoff-type-label').click();
  await typeOnScreenKeyboard(page, inbound.trackingNumber);
  await expect(page.getByTestId('dropoff-label-input')).toHaveValue(inbound.trackingNumber);
  await page.getByTestId('dropoff-label-submit').click();

  // The recipient step is skipped: James O'Connor is already known for this parcel.
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-recipient')).toContainText("James O'Connor");
  await expect(page.getByTestId('dropoff-tracking-number')).toContainText(inbound.trackingNumber);
  await openAndDeposit(page, person);
  await expect(page.getByTestId('dropoff-completed')).toContainText("James O'Connor");
});

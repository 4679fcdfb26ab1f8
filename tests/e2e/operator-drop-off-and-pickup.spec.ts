import { expect, test } from '@playwright/test';
import { isAccessibleDoor } from './support/demo-bank.js';
import {
  chooseRecipient,
  expectDropOffStep,
  openAndDeposit,
  proposedDoor,
  skipLabel,
} from './support/drop-off.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { nextPickupCode, noticesFor } from './support/mailbox.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { takeParcelsFrom, typePickupCode } from './support/pickup.js';
import { signInTo, signOut } from './support/sign-in.js';

/**
 * Issue 4, the heart of the product in Chromium against the simulated bank, on a landscape
 * screen: an operator signs in with the on-screen keyboard and drops three parcels for two
 * recipients, one of whom needs an accessible door (B5); each deposit counts when the door is
 * seen closed on the parcel; then each recipient picks up with the code from their notice.
 */

const person = new PersonAtLocker(demoSimulator());

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('an operator drops three parcels for two recipients, and each picks them up with their code', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const elodie = 'Élodie Lefèvre';
  const elodieHad = (await noticesFor(elodie)).length;

  await signInTo(page, 'mailroom', 'dropoff');

  // Élodie needs an accessible door: the proposal shows one between 38 and 122 cm.
  await skipLabel(page);
  expect(await chooseRecipient(page, 'élodie lef')).toEqual({ name: elodie, accessible: true });
  const accessibleDoor = await proposedDoor(page);
  expect(isAccessibleDoor(accessibleDoor.bottomCm, accessibleDoor.topCm)).toBe(true);
  const firstLabel = await openAndDeposit(page, person);
  expect(firstLabel).toBe(accessibleDoor.label);

  // A second parcel for her: "Same recipient" keeps her, and her door stays accessible.
  await page.getByTestId('dropoff-same-recipient').click();
  await expectDropOffStep(page, 'label');
  await page.getByTestId('dropoff-no-label').click();
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-recipient')).toContainText(elodie);
  const secondDoor = await proposedDoor(page);
  expect(isAccessibleDoor(secondDoor.bottomCm, secondDoor.topCm)).toBe(true);
  const secondLabel = await openAndDeposit(page, person);

  // A third parcel, for someone else (found by Personnel ID).
  await page.getByTestId('dropoff-next').click();
  await skipLabel(page);
  const { name: other, accessible } = await chooseRecipient(page, 'p10010');
  expect(accessible).toBe(false);
  const otherHad = (await noticesFor(other)).length;
  await proposedDoor(page);
  const thirdLabel = await openAndDeposit(page, person);
  await page.getByTestId('dropoff-done').click();
  await expect(page.getByTestId('operator-menu')).toBeVisible();
  await signOut(page);

  // Each recipient types the code of their notice on the keypad; every door of theirs opens.
  const elodieCode = await nextPickupCode(elodie, elodieHad + 1);
  await typePickupCode(page, elodieCode);
  await expect(page.getByTestId('pickup-greeting')).toContainText('Élodie');
  await takeParcelsFrom(page, person, [firstLabel, secondLabel]);
  await page.getByTestId('pickup-home').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  const otherCode = await nextPickupCode(other, otherHad);
  await typePickupCode(page, otherCode);
  await expect(page.getByTestId('pickup-greeting')).toContainText(other.split(' ')[0] ?? '');
  await takeParcelsFrom(page, person, [thirdLabel]);
});

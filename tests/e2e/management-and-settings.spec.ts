import { expect, test, type Page } from '@playwright/test';
import { demoExpiredParcel } from '../../src-main/db/seed-demo-parcels.js';
import { chooseRecipient, openAndDeposit, skipLabel } from './support/drop-off.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { signInTo, signOut } from './support/sign-in.js';

/**
 * G3 and C8 at the kiosk: an expired parcel is taken out through the Compartments screen, and
 * the bank's pickup window is changed on the Settings screen and applies to the next deposit.
 *
 * The demo bank starts with one parcel whose window is over (compartment 24, seeded four days
 * ago): a parcel deposited here cannot expire during a test, since the shortest pickup window
 * the settings allow is one hour and the kiosk's clock cannot be moved from outside.
 */

const person = new PersonAtLocker(demoSimulator());

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('an expired parcel is removed: its door opens, and once closed the compartment is free', async ({
  page,
}) => {
  const label = demoExpiredParcel.compartmentLabel;
  await signInTo(page, 'admin', 'manage');
  const tile = page.getByTestId(`manage-tile-${label}`);
  await expect(tile).toHaveAttribute('data-use', 'expired');
  await expect(tile).toContainText(demoExpiredParcel.trackingNumber);
  await page.getByTestId('manage-filter-expired').click();
  await tile.click();

  const detail = page.getByTestId('manage-detail');
  await expect(detail).toHaveAttribute('data-use', 'expired');
  await page.getByTestId('manage-remove-expired').click();
  await expect(page.getByTestId('manage-outcome')).toHaveAttribute('data-tone', 'done');
  await expect.poll(() => person.isOpen(label)).toBe(true);
  await expect(tile).toHaveAttribute('data-door', 'open');

  await person.emptyAndClose(label);
  await expect(detail).toHaveAttribute('data-use', 'available');
  await page.getByTestId('manage-close').click();
  await page.getByTestId('manage-filter-all').click();
  await expect(tile).toHaveAttribute('data-use', 'available');
  await expect(tile).toHaveAttribute('data-door', 'closed');
});

/** Minutes since midnight of a "25 Nov, 2:03 PM" or "25 nov., 14:03" text. */
function minutesOfDay(text: string): number {
  const match = /(\d{1,2}):(\d{2})\s*([AP]M)?/u.exec(text);
  if (!match?.[1] || !match[2]) {
    throw new Error(`no time of day in ${JSON.stringify(text)}`);
  }
  const hours = match[3]
    ? (Number(match[1]) % 12) + (match[3] === 'PM' ? 12 : 0)
    : Number(match[1]);
  return hours * 60 + Number(match[2]);
}

async function setPickupWindow(page: Page, taps: string[]): Promise<void> {
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  for (const tap of taps) {
    await page.getByTestId(`settings-pickup-window-${tap}`).click();
  }
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
}

test('a shorter pickup window saved on the settings screen applies to the next deposit', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInTo(page, 'admin', 'settings');
  const field = page.getByTestId('settings-pickup-window');
  await expect(field).toHaveValue('72');
  // To the shortest window: 72 → 48 → 24 → 1 (the steppers stop at the minimum).
  await setPickupWindow(page, ['down-24', 'down-24', 'down-24']);
  await expect(field).toHaveValue('1');
  await expect(page.getByTestId('settings-pickup-window-down-1')).toBeDisabled();

  try {
    // Stored: the screen shows it again after leaving.
    await page.getByTestId('settings-exit').click();
    await page.getByTestId('menu-settings').click();
    await expect(field).toHaveValue('1');
    await page.getByTestId('settings-exit').click();

    // Applies: a parcel deposited now must be picked up within the hour.
    await page.getByTestId('menu-dropoff').click();
    await skipLabel(page);
    await chooseRecipient(page, 'p10014');
    const label = await openAndDeposit(page, person);
    await page.getByTestId('dropoff-done').click();
    await page.getByTestId('menu-manage').click();
    const parcel = page.getByTestId(`manage-tile-${label}`).locator('.parcel').first();
    const texts = await parcel.locator('span').allInnerTexts();
    const deposited = texts.find((text) => text.startsWith('Dropped off')) ?? '';
    const deadline = texts.find((text) => text.startsWith('Pickup deadline')) ?? '';
    const windowMinutes = (minutesOfDay(deadline) - minutesOfDay(deposited) + 24 * 60) % (24 * 60);
    expect(windowMinutes).toBe(60);
    await page.getByTestId('manage-exit').click();
  } finally {
    // The demo bank is shared by every spec: its usual window comes back (1 + 3 × 24 − 1).
    await page.getByTestId('menu-settings').click();
    await setPickupWindow(page, ['up-24', 'up-24', 'up-24', 'down-1']);
    await expect(page.getByTestId('settings-pickup-window')).toHaveValue('72');
  }
  await page.getByTestId('settings-exit').click();
  await signOut(page);
});

import { expect, type Page } from '@playwright/test';
import { pressEnterOnScreenKeyboard, typeOnScreenKeyboard } from './on-screen-keyboard.js';
import type { PersonAtLocker } from './person-at-locker.js';

/** From the home screen: "Pick up a parcel", and the code typed on the keypad. */
export async function typePickupCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('home-pickup').click();
  await expect(page.getByTestId('pickup-code-screen')).toBeVisible();
  await enterCodeOnKeypad(page, code);
}

/** On the code screen: the digits on the keypad, then its enter key. */
export async function enterCodeOnKeypad(page: Page, code: string): Promise<void> {
  await typeOnScreenKeyboard(page, code);
  await expect(page.getByTestId('code-input')).toHaveValue(code);
  await pressEnterOnScreenKeyboard(page);
}

/**
 * On the pickup screen: each door in turn is opened on screen, seen open by the simulator,
 * emptied and closed by the person, and shown taken; then "Done".
 */
export async function takeParcelsFrom(
  page: Page,
  person: PersonAtLocker,
  labels: readonly string[],
): Promise<void> {
  await expect(page.getByTestId('pickup-screen')).toBeVisible();
  for (const label of new Set(labels)) {
    // Several parcels behind one door are one card each, opened together.
    const cards = page.getByTestId(`pickup-parcel-${label}`);
    await page.getByTestId(`pickup-open-${label}`).first().click();
    await expect(cards.first()).toHaveAttribute('data-state', 'door_open');
    await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
    await person.emptyAndClose(label);
    for (const card of await cards.all()) {
      await expect(card).toHaveAttribute('data-state', 'taken');
    }
  }
  await page.getByTestId('pickup-done').click();
  await expect(page.getByTestId('pickup-finished')).toBeVisible();
}

import { expect, type Page } from '@playwright/test';
import { demoOverstayedStorage } from '../../../src-main/db/seed-demo-parcels.js';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { lockOf } from './demo-bank.js';
import { demoSimulator } from './kiosk-page.js';
import type { PersonAtLocker } from './person-at-locker.js';
import { typeOnScreenKeyboard } from './on-screen-keyboard.js';
import { enterCodeOnKeypad } from './pickup.js';
import { signInTo, signOut } from './sign-in.js';

/**
 * The demo's overstayed storage (seed-demo-parcels.ts): compartment 20, its day over since
 * before the kiosk started, for P10007 of the generated directory (seed-demo-directory.ts,
 * the same names every time), whose name the status grid shows (G1, G3).
 */
export const overstayedStorage = { ...demoOverstayedStorage, ownerName: 'Marie-Ève Roy' } as const;

/** From the home screen: "Store something" and its start page. */
export async function openStorage(page: Page): Promise<void> {
  await page.getByTestId('home-storage').click();
  await expect(page.getByTestId('storage-screen')).toHaveAttribute('data-page', 'start');
}

/**
 * F1 from the storage start page: a size, the hours when the policy asks for them, "continue
 * with a code", and the door the core opened (seen open by the simulator). Returns its label.
 */
export async function startWalkUpStorage(
  page: Page,
  person: PersonAtLocker,
  size: CompartmentSize,
  hours?: number,
): Promise<string> {
  await page.getByTestId('storage-new').click();
  await page.getByTestId(`storage-size-${size}`).click();
  if (hours !== undefined) {
    await page.getByTestId(`storage-hours-${hours}`).click();
  }
  await expect(page.getByTestId('storage-badge-step')).toBeVisible();
  await page.getByTestId('storage-continue').click();
  const door = page.getByTestId('storage-door');
  await expect(door).toHaveAttribute('data-step', 'filling');
  const label = (await door.getAttribute('data-label')) ?? '';
  await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
  return label;
}

/** The person puts their things in and closes the door; the screen shows the code once. */
export async function fillAndReadCode(
  page: Page,
  person: PersonAtLocker,
  label: string,
): Promise<string> {
  await person.depositAndClose(label);
  const code = page.getByTestId('storage-new-code');
  await expect(code).toBeVisible();
  return (await code.innerText()).trim();
}

/** From the home screen: "I already have a storage" and the code on the keypad. */
export async function comeBackWithCode(page: Page, code: string): Promise<void> {
  await openStorage(page);
  await page.getByTestId('storage-existing').click();
  await expect(page.getByTestId('storage-code-screen')).toBeVisible();
  await enterCodeOnKeypad(page, code);
  await expect(page.getByTestId('storage-running')).toBeVisible();
}

/** F4 from the running storage: the door opens, the person takes everything and closes it. */
export async function endAndEmpty(
  page: Page,
  person: PersonAtLocker,
  label: string,
): Promise<void> {
  await page.getByTestId('storage-end').click();
  await expect(page.getByTestId('storage-door')).toHaveAttribute('data-step', 'emptying');
  await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
  await person.emptyAndClose(label);
  await expect(page.getByTestId('storage-ended')).toBeVisible();
}

/**
 * C6 on the settings screen, as an admin: the storage time fixed, chosen by the person (up to
 * the hours the fixed time had), or without end. Back on the home screen afterwards.
 */
export async function setStorageDuration(
  page: Page,
  kind: 'fixed' | 'flexible' | 'open_ended',
): Promise<void> {
  await signInTo(page, 'admin', 'settings');
  const choice = page.getByTestId('settings-storage-duration');
  await expect(choice).toBeVisible();
  if ((await choice.getAttribute('data-value')) !== kind) {
    await page.getByTestId(`settings-storage-duration-${kind}`).click();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
  }
  await expect(choice).toHaveAttribute('data-value', kind);
  await page.getByTestId('settings-exit').click();
  await signOut(page);
}

/** The status grid's tile of compartment `label`, signed in as the mailroom. */
export async function storageTileOf(page: Page, label: string) {
  await signInTo(page, 'mailroom', 'manage');
  return page.getByTestId(`manage-tile-${label}`);
}

/** The person shuts the door of `label` without changing what is inside (F3, or things left). */
export async function closeWithoutChange(label: string): Promise<void> {
  const { board, channel } = lockOf(label);
  await demoSimulator().closeByHand(board, channel);
}

/**
 * G3 from the status grid's detail of an overstayed storage: "Empty this compartment", the
 * reason typed on the on-screen keyboard, and "Open and empty"; the core opens the door.
 */
export async function emptyOverstayedStorage(page: Page, reason: string): Promise<void> {
  await page.getByTestId('manage-empty-storage').click();
  const form = page.getByTestId('manage-empty-form');
  await expect(form).toBeVisible();
  // Too short a reason cannot be confirmed (the core would refuse it too).
  await expect(page.getByTestId('manage-empty-confirm')).toBeDisabled();
  await typeOnScreenKeyboard(page, reason);
  await expect(page.getByTestId('manage-empty-reason')).toHaveValue(reason);
  await expect(page.getByTestId('manage-empty-reason-hint')).toHaveAttribute('data-valid', 'true');
  await page.getByTestId('manage-empty-confirm').click();
  await expect(form).toHaveCount(0);
}

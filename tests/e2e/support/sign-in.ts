import { expect, type Page } from '@playwright/test';
import { demoOperators } from '../../../src-main/db/seed-demo-credentials.js';
import { pressEnterOnScreenKeyboard, typeOnScreenKeyboard } from './on-screen-keyboard.js';

export type DemoUserName = 'admin' | 'mailroom' | 'relief';

/** The demo's public password of an operator (seed-demo-credentials.ts). */
export function demoPassword(userName: DemoUserName): string {
  const operator = demoOperators.find((candidate) => candidate.userName === userName);
  if (!operator) {
    throw new Error(`no demo operator ${userName}`);
  }
  return operator.password;
}

/** The name the kiosk shows for a demo operator. */
export function demoDisplayName(userName: DemoUserName): string {
  return demoOperators.find((candidate) => candidate.userName === userName)?.displayName ?? '';
}

/**
 * From the home screen: "Staff sign-in", the user name and password typed on the on-screen
 * keyboard (enter moves from one field to the next, then signs in), and the operator menu.
 */
export async function signInWithPassword(page: Page, userName: DemoUserName): Promise<void> {
  await page.getByTestId('home-staff-sign-in').click();
  await expect(page.getByTestId('signin-screen')).toBeVisible();
  await typeOnScreenKeyboard(page, userName);
  await expect(page.getByTestId('signin-user')).toHaveValue(userName);
  await pressEnterOnScreenKeyboard(page);
  await expect(page.getByTestId('signin-password')).toBeFocused();
  await typeOnScreenKeyboard(page, demoPassword(userName));
  await pressEnterOnScreenKeyboard(page);
  await expect(page.getByTestId('operator-menu')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText(demoDisplayName(userName));
}

/** Signs in and opens one section of the operator menu. */
export async function signInTo(
  page: Page,
  userName: DemoUserName,
  section: 'dropoff' | 'manage' | 'settings' | 'commissioning',
): Promise<void> {
  await signInWithPassword(page, userName);
  await page.getByTestId(`menu-${section}`).click();
}

/** "Sign out" in the kiosk bar, back to the recipients' home screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

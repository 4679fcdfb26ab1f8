import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { signInTo } from './support/sign-in.js';

/**
 * Issue 3, X7 and C1 in Chromium against the simulated bank: the hardware profile as stored,
 * a refused profile that changes nothing, the commissioning walk seeing doors open through the
 * simulator, and the printable label sheet. Commissioning is an admin's screen (issue 4): the
 * admin signs in first.
 */

const simulator = demoSimulator();

test.beforeEach(async ({ page }) => {
  await simulator.resetFaults();
  await openKiosk(page);
  await signInTo(page, 'admin', 'commissioning');
  await expect(page.getByTestId('commissioning-screen')).toBeVisible();
  await expect(page.getByTestId('profile-protocol')).toHaveValue('kerong-cu16');
});

test('the stored profile shows the demo bank’s boards and serial device', async ({ page }) => {
  await expect(page.getByTestId('profile-boards')).toHaveValue('0, 1');
  await expect(page.getByTestId('profile-serial-path')).toHaveValue(/kiosk-tty$/);
  await expect(page.getByTestId('wiring-14').getByTestId('wiring-board')).toHaveValue('1');
  await expect(page.getByTestId('wiring-14').getByTestId('wiring-channel')).toHaveValue('2');
});

test('a profile with a mistake is refused with the field named, in French too, and nothing changes', async ({
  page,
}) => {
  // Compartment 2 wired to the lock of compartment 1: two doors on one lock.
  const row = page.getByTestId('wiring-2');
  await row.getByTestId('wiring-channel').fill('1');
  await expect(page.getByTestId('profile-hints')).toContainText(
    'compartments 1 and 2 are both wired to board 0, lock 1',
  );
  await page.getByTestId('language-switch').click();
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('commissioning-error')).toContainText(
    'Le profil matériel n’a pas été enregistré.',
  );
  await expect(page.getByTestId('commissioning-error')).toContainText('1 et 2');
  await page.getByTestId('language-switch').click();
  // Back from the menu, the stored profile is unchanged.
  await page.getByTestId('commissioning-exit').click();
  await page.getByTestId('menu-commissioning').click();
  await expect(page.getByTestId('wiring-2').getByTestId('wiring-channel')).not.toHaveValue('1');
});

test('pulsing a door sends its unlock frame and records that it was seen open', async ({
  page,
}) => {
  const row = page.getByTestId('wiring-9');
  // Compartment 9 is board 0, lock 9: ADDR 0x08. Earlier specs may have opened it already.
  const unlockFrames = async () =>
    (await simulator.log()).frames.filter((frame) => frame.hex === '02 08 31 03 3E').length;
  const before = await unlockFrames();
  await page.getByTestId('pulse-9').click();
  await expect(row).toHaveAttribute('data-check', 'door_seen_open');
  await expect(row).toContainText('Seen open');
  expect(await unlockFrames()).toBe(before + 1);
});

test('the label sheet downloads as a PDF named after the bank', async ({ page }) => {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('print-labels').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('casier-labels-demo-lobby-bank.pdf');
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

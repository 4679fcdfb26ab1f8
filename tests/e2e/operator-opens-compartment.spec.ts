import { expect, test, type Page } from '@playwright/test';
import { en, fr } from '../../src-shared/i18n/index.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { signInTo } from './support/sign-in.js';

/**
 * The thin slice of issue 2, end to end, now behind the operator's Compartments screen (G5):
 * Chromium → kiosk page → WebSocket → kiosk core → real serial bytes over a socat pty → board
 * simulator process, and the door's movement back.
 */

const simulator = demoSimulator();

test.beforeEach(async ({ page }) => {
  await simulator.resetFaults();
  await openKiosk(page);
  await signInTo(page, 'admin', 'manage');
  await expect(page.getByTestId('manage-screen')).toBeVisible();
});

/** G5: the tile, "Open this door", and the confirmation a second tap gives. */
async function openFromDetail(page: Page, label: string): Promise<void> {
  await page.getByTestId(`manage-tile-${label}`).click();
  await page.getByTestId('manage-open').click();
  await page.getByTestId('manage-open-confirm').click();
}

test('opening compartment 3 pulses its lock, and the tile follows the door open and shut again', async ({
  page,
}) => {
  const tile = page.getByTestId('manage-tile-3');
  await expect(tile).toHaveAttribute('data-door', 'closed');
  expect((await simulator.lock(0, 3)).door).toBe('closed');
  // Board 0, lock 3; earlier specs may have opened it for a parcel already.
  const unlockFrames = async () =>
    (await simulator.log()).frames.filter((frame) => frame.hex === '02 02 31 03 38').length;
  const before = await unlockFrames();

  await openFromDetail(page, '3');

  await expect(page.getByTestId('manage-outcome')).toContainText(
    translate('en', 'management_screen.outcome.door_seen_open', { label: '3' }),
  );
  await expect(tile).toHaveAttribute('data-door', 'open');
  // The simulator received exactly one KR-CU16 unlock frame for board 0, lock 3.
  expect(await unlockFrames()).toBe(before + 1);
  // The simulated door swings shut by itself (1.5 s in this run) and the tile follows.
  await expect.poll(async () => (await simulator.lock(0, 3)).door).toBe('closed');
  await expect(tile).toHaveAttribute('data-door', 'closed');
});

test('a door opened without a command raises an alarm and takes its compartment out of service', async ({
  page,
}) => {
  // Board 1, lock 2 is compartment 14 in the demo bank (labels run column by column).
  const tile = page.getByTestId('manage-tile-14');
  await expect(tile).toHaveAttribute('data-door', 'closed');
  await simulator.openByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'open');
  const alarm = page.locator('[data-testid="door-alarm"][data-label="14"]');
  await expect(alarm).toHaveAttribute('data-alarm', 'opened_without_command');
  await expect(alarm).toContainText('The door of compartment 14 opened without a command.');
  // X2: its content can no longer be trusted, so it is out of service, with the reason shown.
  await expect(tile).toHaveAttribute('data-use', 'out_of_service');
  await expect(tile).toContainText(en['compartment.reason.door_forced_open']);
  await simulator.closeByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'closed');
  // An operator who has checked it puts it back (G4).
  await tile.click();
  await expect(page.getByTestId('manage-service')).toHaveAttribute('data-action', 'in_service');
  await page.getByTestId('manage-service').click();
  await expect(page.getByTestId('manage-outcome')).toContainText(
    translate('en', 'management_screen.service_outcome.in_service', { label: '14' }),
  );
  await expect(tile).not.toHaveAttribute('data-use', 'out_of_service');
});

test('the whole screen switches between English and French', async ({ page }) => {
  await expect(page.getByRole('heading', { name: en['management_screen.heading'] })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Casiers', exact: true })).toBeVisible();
  await expect(page.getByTestId('manage-filter-all')).toContainText(
    fr['management_screen.filter.all'],
  );
  await expect(page.getByTestId('sign-out')).toHaveText('Se déconnecter');

  await openFromDetail(page, '5');
  await expect(page.getByTestId('manage-outcome')).toContainText(
    'La porte du casier 5 est ouverte.',
  );

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('manage-outcome')).toContainText(
    'The door of compartment 5 is open.',
  );
});

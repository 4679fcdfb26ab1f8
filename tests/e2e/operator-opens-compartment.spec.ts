import { expect, test } from '@playwright/test';
import { en, fr } from '../../src-shared/i18n/index.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';

/**
 * The thin slice of issue 2, end to end: Chromium → kiosk page → WebSocket → kiosk core →
 * real serial bytes over a socat pty → board simulator process, and the door's movement back.
 */

const simulator = demoSimulator();

test.beforeEach(async ({ page }) => {
  await openKiosk(page);
});

test('opening compartment 3 pulses its lock, and the grid follows the door open and shut again', async ({
  page,
}) => {
  const tile = page.getByTestId('compartment-3');
  await expect(tile).toHaveAttribute('data-door', 'closed');
  expect((await simulator.lock(0, 3)).door).toBe('closed');

  await page.getByTestId('open-3').click();

  await expect(page.getByTestId('unlock-message')).toHaveText('Compartment 3 is open.');
  await expect(tile).toHaveAttribute('data-door', 'open');
  // The simulator received exactly the KR-CU16 unlock frame for board 0, lock 3.
  const log = await simulator.log();
  expect(log.frames.filter((frame) => frame.hex === '02 02 31 03 38')).toHaveLength(1);
  // The simulated door swings shut by itself (1.5 s in this run) and the grid follows.
  await expect.poll(async () => (await simulator.lock(0, 3)).door).toBe('closed');
  await expect(tile).toHaveAttribute('data-door', 'closed');
});

test('a door opened without a command raises an alarm and takes its compartment out of service', async ({
  page,
}) => {
  // Board 1, lock 2 is compartment 14 in the demo bank (labels run column by column).
  const tile = page.getByTestId('compartment-14');
  await expect(tile).toHaveAttribute('data-door', 'closed');
  await simulator.openByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'open');
  const alarm = page.locator('[data-testid="door-alarm"][data-label="14"]');
  await expect(alarm).toHaveAttribute('data-alarm', 'opened_without_command');
  await expect(alarm).toContainText('The door of compartment 14 opened without a command.');
  // X2: its content can no longer be trusted, so it is out of service, with the reason shown.
  await expect(tile).toHaveAttribute('data-service', 'out_of_service');
  await expect(page.getByTestId('service-reason-14')).toHaveText(
    'The door was opened without a command',
  );
  await simulator.closeByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'closed');
  // An operator who has checked it puts it back (G4).
  await page.getByTestId('service-14').click();
  await expect(tile).toHaveAttribute('data-service', 'in_service');
});

test('the whole screen switches between English and French', async ({ page }) => {
  await expect(page.getByText(en['operator.banner'])).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByText(fr['operator.banner'])).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Casiers de Demo lobby bank' })).toBeVisible();
  await expect(page.getByTestId('open-5')).toHaveText('Ouvrir 5');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByTestId('open-5').click();
  await expect(page.getByTestId('unlock-message')).toHaveText('Le casier 5 est ouvert.');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('open-5')).toHaveText('Open 5');
});

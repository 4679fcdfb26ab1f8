import { expect, test } from '@playwright/test';
import { en, fr } from '../../src-shared/i18n/index.js';
import { simulatorControl } from '../helpers/board-simulator.js';

/**
 * The thin slice of issue 2, end to end: Chromium → kiosk page → WebSocket → kiosk core →
 * real serial bytes over a socat pty → board simulator process, and the door's movement back.
 */

function kioskUrl(): string {
  const url = process.env['CASIER_E2E_KIOSK_URL'];
  if (!url) {
    throw new Error('global-setup did not start the demo system');
  }
  return url;
}

const simulator = simulatorControl(process.env['CASIER_E2E_SIMULATOR_URL'] ?? '');

test.beforeEach(async ({ page }) => {
  await page.goto(kioskUrl());
  await expect(page.getByTestId('connection-status')).toHaveAttribute(
    'data-connection',
    'connected',
  );
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
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

test('a door opened by hand at the bank shows on the grid, and its closing too', async ({
  page,
}) => {
  // Board 1, lock 2 is compartment 14 in the demo bank (labels run column by column).
  const tile = page.getByTestId('compartment-14');
  await expect(tile).toHaveAttribute('data-door', 'closed');
  await simulator.openByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'open');
  await simulator.closeByHand(1, 2);
  await expect(tile).toHaveAttribute('data-door', 'closed');
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

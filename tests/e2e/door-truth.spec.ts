import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src-shared/i18n/index.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { signInTo } from './support/sign-in.js';

/**
 * X2 in Chromium against the simulator process, from the operator's Compartments screen: a
 * jammed door is reported as not opened and, after the profile's three failures in a row, taken
 * out of service with the reason shown; a line that stops answering shows the bank degraded and
 * door commands refused, until it heals.
 */

const simulator = demoSimulator();

test.beforeEach(async ({ page }) => {
  await simulator.resetFaults();
  await openKiosk(page);
  await signInTo(page, 'admin', 'manage');
  await expect(page.getByTestId('manage-screen')).toBeVisible();
});

test.afterEach(async () => {
  await simulator.resetFaults();
});

/** "Open this door" in the open detail panel, confirmed. */
async function openDoor(page: Page): Promise<void> {
  await page.getByTestId('manage-open').click();
  await page.getByTestId('manage-open-confirm').click();
}

test('a jammed door is never reported open, and three failures take it out of service', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Compartment 6 is board 0, lock 6.
  await simulator.setDoorFaults(0, 6, { jammed: true });
  const pulses = async () =>
    (await simulator.log()).frames.filter((frame) => frame.hex === '02 05 31 03 3B').length;
  const pulsesBefore = await pulses();
  const tile = page.getByTestId('manage-tile-6');
  await tile.click();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await openDoor(page);
    await expect.poll(pulses).toBe(pulsesBefore + attempt);
    await expect(page.getByTestId('manage-outcome')).toContainText(
      translate('en', 'management_screen.outcome.jammed', { label: '6' }),
    );
    await expect(page.getByTestId('manage-outcome')).toHaveAttribute('data-tone', 'check');
    await expect(page.getByTestId('manage-open')).toBeEnabled();
    expect((await simulator.lock(0, 6)).door).toBe('closed');
  }
  await expect(tile).toHaveAttribute('data-use', 'out_of_service');
  await expect(page.getByTestId('manage-detail')).toContainText(
    en['compartment.reason.door_failed_to_open'],
  );
  await expect(page.locator('[data-testid="door-alarm"][data-label="6"]')).toHaveAttribute(
    'data-alarm',
    'failed_to_open',
  );
  // Each attempt was exactly one pulse: an unlock is never resent (hardware.md).
  expect(await pulses()).toBe(pulsesBefore + 3);

  await simulator.resetFaults();
  await page.getByTestId('manage-service').click();
  await expect(tile).not.toHaveAttribute('data-use', 'out_of_service');
});

test('boards that stop answering show the bank degraded and refuse doors, until they answer again', async ({
  page,
}) => {
  await simulator.setLineFaults({ noReply: true });
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'degraded');
  await page.getByTestId('manage-tile-8').click();
  await openDoor(page);
  await expect(page.getByTestId('manage-error')).toHaveText(en['error.hardware_unavailable']);
  expect((await simulator.lock(0, 8)).door).toBe('closed');

  await simulator.resetFaults();
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
});

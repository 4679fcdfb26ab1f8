import { expect, test } from '@playwright/test';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';

/**
 * X2 in Chromium against the simulator process: a jammed door is reported as not opened and,
 * after the profile's three failures in a row, taken out of service with the reason shown; a
 * line that stops answering shows the bank degraded and door commands refused, until it heals.
 */

const simulator = demoSimulator();

test.beforeEach(async ({ page }) => {
  await simulator.resetFaults();
  await openKiosk(page);
});

test.afterEach(async () => {
  await simulator.resetFaults();
});

test('a jammed door is never reported open, and three failures take it out of service', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Compartment 6 is board 0, lock 6.
  await simulator.setDoorFaults(0, 6, { jammed: true });
  const tile = page.getByTestId('compartment-6');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByTestId('open-6').click();
    await expect(page.getByTestId('unlock-message')).toHaveText(
      'Compartment 6 did not open. Please call the mailroom.',
    );
    await expect(page.getByTestId('open-6')).toBeEnabled();
    expect((await simulator.lock(0, 6)).door).toBe('closed');
  }
  await expect(tile).toHaveAttribute('data-service', 'out_of_service');
  await expect(tile).toHaveAttribute('data-service-reason', 'door_failed_to_open');
  await expect(page.getByTestId('service-reason-6')).toHaveText(
    'The door failed to open several times in a row',
  );
  await expect(page.locator('[data-testid="door-alarm"][data-label="6"]')).toHaveAttribute(
    'data-alarm',
    'failed_to_open',
  );
  // Each attempt was exactly one pulse: an unlock is never resent (hardware.md).
  const pulses = (await simulator.log()).frames.filter((frame) => frame.hex === '02 05 31 03 3B');
  expect(pulses).toHaveLength(3);

  await simulator.resetFaults();
  await page.getByTestId('service-6').click();
  await expect(tile).toHaveAttribute('data-service', 'in_service');
});

test('boards that stop answering show the bank degraded and refuse doors, until they answer again', async ({
  page,
}) => {
  await simulator.setLineFaults({ noReply: true });
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'degraded');
  await page.getByTestId('open-8').click();
  await expect(page.getByTestId('unlock-message')).toHaveText(
    'The lock boards are not answering. Please call the mailroom.',
  );
  expect((await simulator.lock(0, 8)).door).toBe('closed');

  await simulator.resetFaults();
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
});

import { expect, type Page } from '@playwright/test';
import { simulatorControl, type SimulatorControl } from '../../helpers/board-simulator.js';

/** The demo system global-setup started: the kiosk page's address. */
export function kioskUrl(): string {
  const url = process.env['CASIER_E2E_KIOSK_URL'];
  if (!url) {
    throw new Error('global-setup did not start the demo system');
  }
  return url;
}

/** The board simulator process behind the demo bank's pty. */
export function demoSimulator(): SimulatorControl {
  return simulatorControl(process.env['CASIER_E2E_SIMULATOR_URL'] ?? '');
}

/** Opens the kiosk page and waits until it is connected to the core and the boards answer. */
export async function openKiosk(page: Page): Promise<void> {
  await page.goto(kioskUrl());
  await expect(page.getByTestId('connection-status')).toHaveAttribute(
    'data-connection',
    'connected',
  );
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
}

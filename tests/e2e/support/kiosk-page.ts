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

/**
 * Opens the kiosk page and waits until it is connected to the core and the boards answer; the
 * global demo system's kiosk unless a spec runs its own (offline-then-online.spec.ts).
 */
export async function openKiosk(page: Page, url: string = kioskUrl()): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute(
    'data-connection',
    'connected',
  );
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
}

/** Makes the serial scanner simulator (a USB CDC scanner on its own pty) scan `text`. */
export async function scanWithSerialScanner(text: string): Promise<void> {
  const url = process.env['CASIER_E2E_SCANNER_URL'];
  if (!url) {
    throw new Error('global-setup did not start the scanner simulator');
  }
  const response = await fetch(`${url}/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) {
    throw new Error(`the scanner simulator refused the scan: ${await response.text()}`);
  }
}

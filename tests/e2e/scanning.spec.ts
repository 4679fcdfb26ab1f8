import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeQrCodeVideo } from './fake-camera.js';
import { chromiumArgs, chromiumPath } from './support/chromium.js';
import { openKiosk, scanWithSerialScanner } from './support/kiosk-page.js';

/**
 * Issue 3's scanner paths in Chromium, all into the core's one decoder: the serial scanner
 * simulator over a real pty, a keyboard-wedge scanner typing into the page (never into the
 * focused field), and the camera decoding a QR code from Chromium's fake camera.
 */

// A UPS number with a valid check digit, as printed on a label.
const upsNumber = '1Z999AA10123456784';

const cameraVideo = join(mkdtempSync(join(tmpdir(), 'casier-camera-')), 'qr.y4m');
writeQrCodeVideo(cameraVideo, upsNumber);

test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraVideo}`,
    ],
  },
});

test.beforeEach(async ({ page }) => {
  await openKiosk(page);
});

test('a scan from the serial scanner is classified by the core and shown', async ({ page }) => {
  await scanWithSerialScanner(upsNumber);
  const panel = page.getByTestId('last-scan');
  await expect(panel).toHaveAttribute('data-source', 'serial');
  await expect(panel).toHaveAttribute('data-kind', 'tracking_number');
  await expect(panel).toHaveAttribute('data-carrier', 'ups');
  await expect(page.getByTestId('last-scan-value')).toHaveText(`Number: ${upsNumber}`);
});

test('a keyboard-wedge scan is caught by the page, with the bank’s thresholds, and never types into the focused field', async ({
  page,
}) => {
  // The thresholds are the bank's (commissioning screen). Generous ones here: a loaded CI
  // machine delays synthetic keys, and the person below types far slower anyway.
  await page.getByTestId('nav-commissioning').click();
  await page.getByTestId('profile-wedge-gap').fill('150');
  await page.getByTestId('profile-wedge-silence').fill('400');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('commissioning-saved')).toBeVisible();
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');

  const field = page.getByTestId('profile-serial-path');
  const before = await field.inputValue();
  expect(before).not.toBe('');
  await field.focus();
  // A scanner types far faster than a person, and ends with Enter.
  await page.keyboard.type(`${upsNumber}\n`);
  await expect(field).toHaveValue(before);
  await page.getByTestId('nav-compartments').click();
  const panel = page.getByTestId('last-scan');
  await expect(panel).toHaveAttribute('data-source', 'keyboard');
  await expect(panel).toHaveAttribute('data-carrier', 'ups');
  // A person typing at a person's pace is left alone.
  await page.getByTestId('nav-commissioning').click();
  await field.focus();
  await field.press('End');
  await page.keyboard.type('-xyz', { delay: 500 });
  await expect(field).toHaveValue(`${before}-xyz`);
});

test('the camera decodes a QR code and the core classifies it', async ({ page }) => {
  await page.getByTestId('camera-toggle').click();
  const panel = page.getByTestId('last-scan');
  await expect(panel).toHaveAttribute('data-source', 'camera', { timeout: 20_000 });
  await expect(panel).toHaveAttribute('data-carrier', 'ups');
  await expect(page.getByTestId('last-scan-value')).toHaveText(`Number: ${upsNumber}`);
  await page.getByTestId('camera-toggle').click();
  await expect(page.getByTestId('camera-toggle')).toHaveAttribute('data-camera', 'off');
});

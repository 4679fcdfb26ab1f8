import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoCarrier } from '../../src-main/db/seed-demo-credentials.js';
import { demoInboundParcels } from '../../src-main/db/seed-demo-parcels.js';
import { writeQrCodeVideo } from './fake-camera.js';
import { chromiumArgs, chromiumPath } from './support/chromium.js';
import { expectDropOffStep } from './support/drop-off.js';
import { openKiosk, scanWithSerialScanner } from './support/kiosk-page.js';
import { signInTo, signOut } from './support/sign-in.js';

/**
 * Issue 3's scanner paths in Chromium, all into the core's one decoder, as the issue 4 screens
 * use them: the serial scanner simulator over a real pty and a keyboard-wedge scanner typing
 * into the page (never into the focused field) both read a parcel label at drop-off, and the
 * home screen's camera reads a carrier's sign-in QR code from Chromium's fake camera.
 */

// Received in inbound tracking for the Facilities department (seed-demo-parcels.ts): a label
// the kiosk recognises, identified only (no deposit), so every run finds it as seeded.
const facilitiesParcel = demoInboundParcels[1];
const carrierQr = `CSR1-CR-${demoCarrier.code}`;

const cameraVideo = join(mkdtempSync(join(tmpdir(), 'casier-camera-')), 'qr.y4m');
writeQrCodeVideo(cameraVideo, carrierQr);

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

test('a label scanned with the serial scanner is recognised by the core at drop-off', async ({
  page,
}) => {
  await signInTo(page, 'mailroom', 'dropoff');
  await expectDropOffStep(page, 'label');
  await scanWithSerialScanner(facilitiesParcel.trackingNumber);
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-tracking-number')).toContainText(
    facilitiesParcel.trackingNumber,
  );
  await expect(page.getByTestId('dropoff-recipient')).toContainText(facilitiesParcel.department);
  await page.getByTestId('dropoff-start-over').click();
  await expectDropOffStep(page, 'label');
});

test('a keyboard-wedge scan is caught by the page, with the bank’s thresholds, and never types into the focused field', async ({
  page,
}) => {
  // The thresholds are the bank's (commissioning screen). Generous ones here: a loaded CI
  // machine delays synthetic keys, and the person below types far slower anyway.
  await signInTo(page, 'admin', 'commissioning');
  await page.getByTestId('profile-wedge-gap').fill('150');
  await page.getByTestId('profile-wedge-silence').fill('400');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('commissioning-saved')).toBeVisible();
  await expect(page.getByTestId('hardware-status')).toHaveAttribute('data-hardware', 'ok');
  await page.getByTestId('commissioning-exit').click();
  await page.getByTestId('menu-dropoff').click();

  // A person typing at a person's pace into the tracking number field is left alone.
  await page.getByTestId('dropoff-type-label').click();
  const field = page.getByTestId('dropoff-label-input');
  await field.focus();
  await page.keyboard.type('ee1', { delay: 500 });
  await expect(field).toHaveValue('ee1');
  await field.fill('');

  // A scanner types far faster than a person, and ends with Enter: the page takes it as a scan.
  await page.keyboard.type(`${facilitiesParcel.trackingNumber}\n`);
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-tracking-number')).toContainText(
    facilitiesParcel.trackingNumber,
  );
  await expect(page.getByTestId('dropoff-recipient')).toContainText(facilitiesParcel.department);
  await page.getByTestId('dropoff-start-over').click();
  await expectDropOffStep(page, 'label');
  await page.getByTestId('dropoff-type-label').click();
  await expect(page.getByTestId('dropoff-label-input')).toHaveValue('');
});

test('the home screen’s camera reads a carrier’s QR code and signs the carrier in', async ({
  page,
}) => {
  await page.getByTestId('camera-toggle').click();
  await expect(page.getByTestId('dropoff-screen')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('operator-menu')).toHaveCount(0);
  await signOut(page);
  await expect(page.getByTestId('camera-toggle')).toHaveAttribute('data-camera', 'off');
});

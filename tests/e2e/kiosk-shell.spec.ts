import { expect, test, type Locator, type Page } from '@playwright/test';
import { openKiosk } from './support/kiosk-page.js';
import { signInWithPassword, signOut } from './support/sign-in.js';

/**
 * What every screen shares: the EN/FR switch (each screen checked in French, with its French
 * text) and the accessible mode (larger type, high contrast, every control in the lower part of
 * the screen), in portrait and landscape.
 */

test.beforeEach(async ({ page }) => {
  await openKiosk(page);
});

/** Switches to French, checks the screen's French text, and switches back. */
async function expectFrench(page: Page, testId: string, french: string): Promise<void> {
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId(testId)).toContainText(french);
  await expect(page.getByTestId('language-switch')).toHaveText('English');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('every screen switches to French and back', async ({ page }) => {
  test.setTimeout(60_000);
  await expectFrench(page, 'home-screen', 'Retirer un colis');

  await page.getByTestId('home-pickup').click();
  await expectFrench(page, 'pickup-code-screen', 'Saisissez votre code de retrait');
  await page.getByTestId('code-back').click();

  await page.getByTestId('home-staff-sign-in').click();
  await expectFrench(page, 'signin-screen', 'Nom d’utilisateur');
  await page.getByTestId('signin-back').click();

  await signInWithPassword(page, 'admin');
  await expectFrench(page, 'operator-menu', 'Que souhaitez-vous faire ?');

  await page.getByTestId('menu-dropoff').click();
  await expectFrench(page, 'dropoff-screen', 'Déposer des colis');
  await page.getByTestId('dropoff-exit').click();

  await page.getByTestId('menu-manage').click();
  await expectFrench(page, 'manage-screen', 'Casiers');
  await page.getByTestId('manage-exit').click();

  await page.getByTestId('menu-settings').click();
  await expectFrench(page, 'settings-screen', 'Réglages de la consigne');
  await page.getByTestId('settings-exit').click();

  await page.getByTestId('menu-commissioning').click();
  await expectFrench(page, 'commissioning-screen', 'Mise en service');
  await page.getByTestId('commissioning-exit').click();
  await signOut(page);
});

/** The control's middle is in the lower half of the window, within a seated person's reach. */
async function expectInLowerPart(page: Page, element: Locator): Promise<void> {
  const height = page.viewportSize()?.height ?? 0;
  const box = await element.boundingBox();
  expect(box, 'the control is shown').not.toBeNull();
  const middle = (box?.y ?? 0) + (box?.height ?? 0) / 2;
  expect(middle, `the middle of ${element.toString()}`).toBeGreaterThanOrEqual(height / 2);
}

for (const viewport of [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
]) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the accessible mode brings every control down within reach, for one visit', async ({
      page,
    }) => {
      const root = page.locator('html');
      await expect(root).not.toHaveClass(/\baccessible\b/u);
      await page.getByTestId('accessible-toggle').click();
      await expect(root).toHaveClass(/\baccessible\b/u);
      await expect(page.getByTestId('accessible-toggle')).toHaveAttribute('aria-pressed', 'true');
      for (const testId of [
        'home-pickup',
        'home-staff-sign-in',
        'language-switch',
        'accessible-toggle',
      ]) {
        await expectInLowerPart(page, page.getByTestId(testId));
      }

      // The code screen: the keypad (its top row too) and the buttons. The field it types into
      // only shows the digits: nobody needs to reach it.
      await page.getByTestId('home-pickup').click();
      for (const testId of ['osk-key-1', 'osk-key-enter', 'code-submit', 'code-back']) {
        await expectInLowerPart(page, page.getByTestId(testId));
      }

      // Back home, the next person finds the usual screen.
      await page.getByTestId('code-back').click();
      await expect(root).not.toHaveClass(/\baccessible\b/u);
      await expect(page.getByTestId('accessible-toggle')).toHaveAttribute('aria-pressed', 'false');
    });
  });
}

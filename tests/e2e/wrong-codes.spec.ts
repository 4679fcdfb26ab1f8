import { expect, test } from '@playwright/test';
import { chooseRecipient, openAndDeposit, skipLabel } from './support/drop-off.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { nextPickupCode, noticesFor } from './support/mailbox.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { enterCodeOnKeypad, takeParcelsFrom } from './support/pickup.js';
import { signInTo, signOut } from './support/sign-in.js';

/**
 * X3 at the keypad: five wrong codes make the keypad wait (nothing is locked: the wait cannot
 * be stretched by pressing more keys), and once it is over another recipient's code still
 * opens their door at once. The first wait is 30 s (attempt-limiter.ts): the test waits it out
 * on the screen's own countdown, the kiosk's clock cannot be moved from outside.
 */

const person = new PersonAtLocker(demoSimulator());

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

/** Six-digit codes that are none of the codes sent so far. */
function wrongCodes(rightCode: string, count: number): string[] {
  const codes: string[] = [];
  for (let shift = 1; codes.length < count; shift++) {
    codes.push(
      [...rightCode].map((digit, index) => String((Number(digit) + shift + index) % 10)).join(''),
    );
  }
  return codes.filter((code) => code !== rightCode);
}

test('five wrong codes make the keypad wait, and another recipient’s code still works', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInTo(page, 'mailroom', 'dropoff');
  await skipLabel(page);
  const { name } = await chooseRecipient(page, 'p10011');
  const had = (await noticesFor(name)).length;
  const label = await openAndDeposit(page, person);
  await page.getByTestId('dropoff-done').click();
  await signOut(page);
  const rightCode = await nextPickupCode(name, had);

  // Someone else tries codes at the keypad.
  await page.getByTestId('home-pickup').click();
  const codes = wrongCodes(rightCode, 5);
  for (const [index, code] of codes.entries()) {
    await enterCodeOnKeypad(page, code);
    await expect(page.getByTestId('code-error')).toBeVisible();
    if (index < codes.length - 1) {
      // Each refusal empties the field for the next try.
      await expect(page.getByTestId('code-input')).toHaveValue('');
    }
  }
  // The fifth failure starts the keypad's wait, and its refusal already says so; the keypad
  // counts it down and takes no code meanwhile.
  await expect(page.getByTestId('code-error')).toContainText('Too many wrong codes');
  const locked = page.getByTestId('code-locked');
  await expect(locked).toBeVisible();
  await expect(locked).toContainText(/\d+ s/u);
  await expect(page.getByTestId('code-submit')).toBeDisabled();
  await expect(page.getByTestId('osk-key-1')).toBeDisabled();

  // Once the wait is over, the recipient's own code opens their door at once.
  await expect(locked).toHaveCount(0, { timeout: 45_000 });
  await page.getByTestId('code-input').fill('');
  await enterCodeOnKeypad(page, rightCode);
  await takeParcelsFrom(page, person, [label]);
});

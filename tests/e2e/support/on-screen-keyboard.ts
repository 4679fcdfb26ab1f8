import type { Page } from '@playwright/test';

/**
 * Types `text` on the kiosk's on-screen keyboard, one tap per key as a person does: a capital
 * is shift then its letter (shift lasts one letter), a space is the space bar. The keys are
 * found by what they type, so the same call works on the English and the French layout.
 */
export async function typeOnScreenKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('osk');
  for (const character of text) {
    if (character === ' ') {
      await keyboard.getByTestId('osk-key-space').click();
      continue;
    }
    const lower = character.toLocaleLowerCase();
    if (lower !== character) {
      await keyboard.getByTestId('osk-key-shift').click();
    }
    await keyboard.getByTestId(`osk-key-${lower}`).click();
  }
}

/** The enter key of the on-screen keyboard (or keypad). */
export async function pressEnterOnScreenKeyboard(page: Page): Promise<void> {
  await page.getByTestId('osk').getByTestId('osk-key-enter').click();
}

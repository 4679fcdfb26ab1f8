import { expect, type Page } from '@playwright/test';
import type { SyncState } from '../../../src-shared/api/sync-methods.js';
import { locales } from '../../../src-shared/i18n/locales.js';
import { translate } from '../../../src-shared/i18n/translate.js';

/** "Nothing waiting to send" in whichever language the kiosk shows. */
const nothingWaiting = new RegExp(
  locales.map((locale) => escapeRegExp(translate(locale, 'sync.queue_empty'))).join('|'),
  'u',
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The sync indicator of the screen shown (home screen or operator menu) says `state`, in its
 * attribute and in its words (the state's own word, as a person reads it).
 */
export async function expectSyncState(
  page: Page,
  state: SyncState,
  options: { timeout?: number; message?: string } = {},
): Promise<void> {
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator, options.message).toHaveAttribute('data-sync-state', state, {
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  const words = locales.map((locale) => translate(locale, `sync.state.${state}`));
  await expect(indicator.locator('strong')).toHaveText(
    new RegExp(`^(${words.map(escapeRegExp).join('|')})$`, 'u'),
  );
}

/** The indicator says "Nothing waiting to send" (or that something is, when `empty` is false). */
export async function expectSyncQueueEmpty(
  page: Page,
  empty: boolean,
  options: { timeout?: number } = {},
): Promise<void> {
  const indicator = page.getByTestId('sync-indicator');
  if (empty) {
    await expect(indicator).toContainText(nothingWaiting, options);
  } else {
    await expect(indicator).not.toContainText(nothingWaiting, options);
  }
}

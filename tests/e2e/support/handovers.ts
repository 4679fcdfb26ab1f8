import { expect, type Page } from '@playwright/test';
import type { CompartmentSize } from '../../../src-shared/domain/compartment.js';
import { locales, type Locale } from '../../../src-shared/i18n/locales.js';
import { translate } from '../../../src-shared/i18n/translate.js';
import type { MailboxEntry } from '../../../src-main/notifications/read-mailbox.js';
import { noticesFor } from './mailbox.js';
import { typeOnScreenKeyboard } from './on-screen-keyboard.js';
import type { PersonAtLocker } from './person-at-locker.js';
import { enterCodeOnKeypad } from './pickup.js';
import { signInWithPassword } from './sign-in.js';

/** Signed in as the mailroom operator, on "Returns and exchanges" (D3, D4). */
export async function openHandovers(page: Page): Promise<void> {
  await signInWithPassword(page, 'mailroom');
  await page.getByTestId('menu-handovers').click();
  await expect(page.getByTestId('handover-screen')).toBeVisible();
}

export interface NewHandover {
  kind: 'return' | 'exchange';
  /** Typed on the on-screen keyboard; the first person found is chosen. */
  senderQuery: string;
  receiverQuery?: string;
  size: CompartmentSize;
  tracking: { kind: 'none' } | { kind: 'generate' } | { kind: 'typed'; number: string };
}

export interface CreatedHandover {
  handoverId: string;
  senderName: string;
  receiverName: string | null;
}

/** Picks the first person the picker `testId` finds for `query`; answers their name. */
async function pickContact(page: Page, testId: string, query: string): Promise<string> {
  const picker = page.getByTestId(testId);
  await expect(picker).toBeVisible();
  await typeOnScreenKeyboard(page, query);
  // The results of the whole query, not of the letters typed before its last one.
  await expect(picker).toHaveAttribute('data-answered', query);
  const first = picker.getByTestId('dropoff-result-0');
  await expect(first).toBeVisible();
  const name = (await first.locator('.name').innerText()).trim();
  await first.click();
  return name;
}

/**
 * From the list: "New return" or "New exchange", the form filled in as an operator does, and
 * "Create": the screen says who was sent the code (never the code itself).
 */
export async function createHandover(page: Page, handover: NewHandover): Promise<CreatedHandover> {
  await page.getByTestId(`handover-new-${handover.kind}`).click();
  const form = page.getByTestId('handover-form');
  await expect(form).toHaveAttribute('data-step', 'sender');
  const senderName = await pickContact(page, 'handover-sender', handover.senderQuery);
  let receiverName: string | null = null;
  if (handover.kind === 'exchange') {
    await expect(form).toHaveAttribute('data-step', 'receiver');
    receiverName = await pickContact(page, 'handover-receiver', handover.receiverQuery ?? '');
  }
  await expect(form).toHaveAttribute('data-step', 'details');
  await page.getByTestId(`handover-size-${handover.size}`).click();
  await page.getByTestId(`handover-tracking-${handover.tracking.kind}`).click();
  if (handover.tracking.kind === 'typed') {
    await typeOnScreenKeyboard(page, handover.tracking.number);
  }
  await expect(page.getByTestId('handover-days')).toContainText('7');
  await page.getByTestId('handover-create').click();

  const created = page.getByTestId('handover-created');
  await expect(created).toHaveAttribute('data-kind', handover.kind);
  await expect(page.getByTestId('handover-created-sent')).toContainText(senderName);
  const handoverId = (await created.getAttribute('data-handover-id')) ?? '';
  await page.getByTestId('handover-created-back').click();
  await expect(page.getByTestId(`handover-${handoverId}`)).toHaveAttribute(
    'data-state',
    'awaiting_drop',
  );
  return { handoverId, senderName, receiverName };
}

export interface DropCode {
  code: string;
  /** The language the notice was written in (the sender's, A6). */
  locale: Locale;
  notice: MailboxEntry;
}

/** The code on a notice's "Drop-off code: 123456" line, and the language of that line. */
function dropCodeIn(notice: MailboxEntry): DropCode | undefined {
  for (const locale of locales) {
    const label = translate(locale, 'handovers.notice.drop_code');
    for (const line of notice.text.split('\n')) {
      const code = line.startsWith(label) ? /(\d{6,})\s*$/u.exec(line)?.[1] : undefined;
      if (code) {
        return { code, locale, notice };
      }
    }
  }
  return undefined;
}

/** The drop-off code notices `senderName` got so far, oldest first. */
export async function dropNoticesFor(senderName: string): Promise<DropCode[]> {
  return (await noticesFor(senderName)).flatMap((notice) => dropCodeIn(notice) ?? []);
}

/** Waits for `senderName`'s next drop-off code notice after the `alreadyHad` they had. */
export async function nextDropCode(senderName: string, alreadyHad: number): Promise<DropCode> {
  await expect
    .poll(async () => (await dropNoticesFor(senderName)).length, {
      message: `a drop-off code notice for ${senderName}`,
    })
    .toBeGreaterThan(alreadyHad);
  const newest = (await dropNoticesFor(senderName)).at(-1);
  if (!newest) {
    throw new Error(`no drop-off code notice for ${senderName}`);
  }
  return newest;
}

/**
 * At the kiosk, nobody signed in: "Drop off a return or exchange", the code on the keypad, the
 * door opens; the person puts the item in and closes it; the screen thanks them. Answers the
 * label of the door.
 */
export async function dropWithCode(
  page: Page,
  person: PersonAtLocker,
  code: string,
): Promise<string> {
  await page.getByTestId('home-handover').click();
  await expect(page.getByTestId('handover-code-screen')).toBeVisible();
  await enterCodeOnKeypad(page, code);
  const doorOpen = page.getByTestId('handover-door-open');
  await expect(doorOpen).toBeVisible();
  const label = (await doorOpen.getAttribute('data-label')) ?? '';
  await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
  await person.depositAndClose(label);
  await expect(page.getByTestId('handover-drop-completed')).toBeVisible();
  return label;
}

/**
 * On the list: "Collect" on a return in its compartment; the door opens, the operator takes the
 * item out and closes it; the return is collected and leaves the list.
 */
export async function collectReturn(
  page: Page,
  person: PersonAtLocker,
  handoverId: string,
  label: string,
): Promise<void> {
  const card = page.getByTestId(`handover-${handoverId}`);
  await expect(card).toHaveAttribute('data-state', 'in_locker');
  await card.getByTestId('handover-collect').click();
  const outcome = page.getByTestId('handover-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'collecting');
  await expect(outcome).toHaveAttribute('data-label', label);
  await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
  await person.emptyAndClose(label);
  await expect(outcome).toHaveAttribute('data-outcome', 'collected');
  await expect(card).toHaveCount(0);
}

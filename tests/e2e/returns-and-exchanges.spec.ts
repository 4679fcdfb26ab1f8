import { expect, test } from '@playwright/test';
import { translate } from '../../src-shared/i18n/translate.js';
import {
  collectReturn,
  createHandover,
  dropNoticesFor,
  dropWithCode,
  nextDropCode,
  openHandovers,
} from './support/handovers.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { nextPickupCode, noticesFor } from './support/mailbox.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { takeParcelsFrom, typePickupCode } from './support/pickup.js';
import { signOut } from './support/sign-in.js';

/**
 * Issue 5, returns (D3) and exchanges (D4) end to end in Chromium against the simulated bank:
 * the mailroom reserves a size, the sender's code arrives in the mailbox, the sender drops the
 * item at the kiosk without signing in, and the mailroom collects a return or the receiver picks
 * an exchange up with their own code (E1). People nobody else's spec uses (demo directory):
 * André Bérubé (P10086, reads French), Henry Miller (P10083, English), Manon Bérubé (P10085,
 * French). Every door used is emptied again by the end.
 */

const person = new PersonAtLocker(demoSimulator());

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('a return: the mailroom asks for it, the sender drops it with their code, the mailroom collects it (D3)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openHandovers(page);
  const sender = 'André Bérubé';
  const hadCodes = (await dropNoticesFor(sender)).length;
  const created = await createHandover(page, {
    kind: 'return',
    senderQuery: 'p10086',
    size: 'S',
    tracking: { kind: 'typed', number: 'RMA4421' },
  });
  expect(created).toMatchObject({ senderName: sender, receiverName: null });
  await expect(page.getByTestId(`handover-${created.handoverId}`)).toContainText('RMA4421');
  await signOut(page);

  // The code is only in the message, written in the sender's language (A6).
  const { code, locale, notice } = await nextDropCode(sender, hadCodes);
  expect(locale).toBe('fr');
  expect(notice.subject).toContain(
    translate('fr', 'handovers.notice.return.subject', { bank: '' }).trim(),
  );

  const label = await dropWithCode(page, person, code);
  await expect(page.getByTestId('handover-drop-completed')).toHaveText(
    translate('en', 'handover_screen.completed.return'),
  );
  await page.getByTestId('handover-drop-home').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  await openHandovers(page);
  await expect(page.getByTestId(`handover-${created.handoverId}`)).toContainText(label);
  await collectReturn(page, person, created.handoverId, label);
  await page.getByTestId('handover-exit').click();
  await signOut(page);
});

test('an exchange with a generated tracking number: dropped with one code, picked up with another (D4, E1)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openHandovers(page);
  const sender = 'Henry Miller';
  const receiver = 'Manon Bérubé';
  const hadCodes = (await dropNoticesFor(sender)).length;
  const receiverHad = (await noticesFor(receiver)).length;
  const created = await createHandover(page, {
    kind: 'exchange',
    senderQuery: 'p10083',
    receiverQuery: 'p10085',
    size: 'M',
    tracking: { kind: 'generate' },
  });
  expect(created).toMatchObject({ senderName: sender, receiverName: receiver });
  const card = page.getByTestId(`handover-${created.handoverId}`);
  await expect(card).toHaveAttribute('data-kind', 'exchange');
  const tracking = (await card.getByTestId('handover-tracking').innerText()).trim();
  expect(tracking).not.toBe(translate('en', 'handover_screen.item.no_tracking'));
  await signOut(page);

  const { code, locale } = await nextDropCode(sender, hadCodes);
  expect(locale).toBe('en');
  const label = await dropWithCode(page, person, code);
  await expect(page.getByTestId('handover-drop-completed')).toHaveText(
    translate('en', 'handover_screen.completed.exchange', { name: 'Manon' }),
  );
  await page.getByTestId('handover-drop-home').click();

  // The receiver's own notice, with their pickup code, once the item is in.
  const pickupCode = await nextPickupCode(receiver, receiverHad);
  expect(pickupCode).not.toBe(code);
  await typePickupCode(page, pickupCode);
  await expect(page.getByTestId('pickup-greeting')).toContainText('Manon');
  await takeParcelsFrom(page, person, [label]);
  await page.getByTestId('pickup-home').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  // Picked up: the exchange is no longer open.
  await openHandovers(page);
  await expect(page.getByTestId(`handover-${created.handoverId}`)).toHaveCount(0);
  await signOut(page);
});

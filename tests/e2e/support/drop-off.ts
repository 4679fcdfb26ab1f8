import { expect, type Page } from '@playwright/test';
import { doorHeightIn } from './demo-bank.js';
import { typeOnScreenKeyboard } from './on-screen-keyboard.js';
import type { PersonAtLocker } from './person-at-locker.js';

export interface ShownDoor {
  label: string;
  bottomCm: number;
  topCm: number;
}

/** The drop-off screen's step (`data-step`). */
export async function expectDropOffStep(
  page: Page,
  step: 'label' | 'recipient' | 'placement' | 'deposit',
): Promise<void> {
  await expect(page.getByTestId('dropoff-screen')).toHaveAttribute('data-step', step);
}

/** Label step: the parcel has no label ("No label"), so the recipient is asked next. */
export async function skipLabel(page: Page): Promise<void> {
  await expectDropOffStep(page, 'label');
  await page.getByTestId('dropoff-no-label').click();
  await expectDropOffStep(page, 'recipient');
}

export interface ChosenRecipient {
  name: string;
  /** The match carried the accessible-door badge (B5). */
  accessible: boolean;
}

/**
 * Recipient step: types `query` on the on-screen keyboard and taps the first match; answers
 * what the kiosk showed for it.
 */
export async function chooseRecipient(page: Page, query: string): Promise<ChosenRecipient> {
  await expectDropOffStep(page, 'recipient');
  await typeOnScreenKeyboard(page, query);
  // The results of the whole query, not of the letters typed before the last one.
  await expect(page.getByTestId('dropoff-results')).toHaveAttribute('data-answered', query);
  const first = page.getByTestId('dropoff-result-0');
  await expect(first).toBeVisible();
  const name = (await first.locator('.name').innerText()).trim();
  const accessible = (await first.getByTestId('dropoff-accessible-badge').count()) > 0;
  await first.click();
  await expectDropOffStep(page, 'placement');
  await expect(page.getByTestId('dropoff-recipient')).toContainText(name);
  return { name, accessible };
}

/** Placement step: the door the engine proposes, as shown (its label and height). */
export async function proposedDoor(page: Page): Promise<ShownDoor> {
  const proposal = page.getByTestId('dropoff-proposal');
  await expect(proposal).toBeVisible();
  const label = (await proposal.getAttribute('data-label')) ?? '';
  return { label, ...doorHeightIn(await proposal.innerText()) };
}

/**
 * The door is open on screen and at the locker: the person puts the parcel in and closes it,
 * and the screen says the parcel is in. Answers the label of the door that opened.
 */
export async function depositInOpenDoor(page: Page, person: PersonAtLocker): Promise<string> {
  const doorOpen = page.getByTestId('dropoff-door-open');
  await expect(doorOpen).toBeVisible();
  const label = (await doorOpen.getAttribute('data-label')) ?? '';
  await expect.poll(() => person.isOpen(label), { message: `door ${label} open` }).toBe(true);
  await person.depositAndClose(label);
  await expect(page.getByTestId('dropoff-completed')).toHaveAttribute('data-label', label);
  return label;
}

/** Placement step: "Open" on the proposed door, then the deposit as above. */
export async function openAndDeposit(page: Page, person: PersonAtLocker): Promise<string> {
  await page.getByTestId('dropoff-open').click();
  return depositInOpenDoor(page, person);
}

import { expect, test } from '@playwright/test';
import { lockOf } from './support/demo-bank.js';
import { chooseRecipient, depositInOpenDoor, proposedDoor, skipLabel } from './support/drop-off.js';
import { demoSimulator, openKiosk } from './support/kiosk-page.js';
import { PersonAtLocker } from './support/person-at-locker.js';
import { signInTo } from './support/sign-in.js';

/**
 * Issue 4, item 4: a door that does not open during a drop-off sends the operator to another
 * compartment by itself, and the screen says which door did not open.
 */

const simulator = demoSimulator();
const person = new PersonAtLocker(simulator);

test.beforeEach(async ({ page }) => {
  await person.holdDoorsOpen();
  await openKiosk(page);
});

test.afterEach(async () => {
  await person.letDoorsSwingShut();
});

test('a jammed door during drop-off sends the parcel to another compartment', async ({ page }) => {
  await signInTo(page, 'mailroom', 'dropoff');
  await skipLabel(page);
  await chooseRecipient(page, 'p10013');
  const proposed = await proposedDoor(page);
  await person.jam(proposed.label);

  await page.getByTestId('dropoff-open').click();
  const skipped = page.getByTestId('dropoff-skipped-0');
  await expect(skipped).toHaveAttribute('data-label', proposed.label);
  await expect(skipped).toContainText(proposed.label);
  await expect(skipped).toContainText('did not open');
  const used = await depositInOpenDoor(page, person);
  expect(used).not.toBe(proposed.label);
  await expect(skipped).toHaveCount(0);
  // The jammed door never opened.
  const { board, channel } = lockOf(proposed.label);
  expect((await simulator.lock(board, channel)).door).toBe('closed');
});

import { accessibleDoorRange } from '../../../src-shared/allocation/accessibility.js';
import { demoBoards } from '../../../src-main/db/seed-demo-bank.js';

/**
 * What the demo bank (src-main/db/seed-demo-bank.ts) is made of, seen from outside: 24
 * compartments labelled 1–24 column by column, twelve locks per KR-CU16 board (boards 0 and 1).
 */
export const demoLocksPerBoard = 12;

export interface DemoLock {
  board: number;
  channel: number;
}

/** The board and lock behind a compartment label of the demo bank. */
export function lockOf(label: string): DemoLock {
  const index = Number.parseInt(label, 10) - 1;
  if (!Number.isInteger(index) || index < 0 || index >= demoBoards * demoLocksPerBoard) {
    throw new Error(`the demo bank has no compartment labelled ${JSON.stringify(label)}`);
  }
  return { board: Math.floor(index / demoLocksPerBoard), channel: (index % demoLocksPerBoard) + 1 };
}

/** Every lock of the demo bank. */
export function allDemoLocks(): DemoLock[] {
  return Array.from({ length: demoBoards * demoLocksPerBoard }, (_, index) =>
    lockOf(String(index + 1)),
  );
}

/** B5: the whole door between 38 and 122 cm above the floor. */
export function isAccessibleDoor(bottomCm: number, topCm: number): boolean {
  return bottomCm >= accessibleDoorRange.minCm && topCm <= accessibleDoorRange.maxCm;
}

/**
 * The door height as the screens write it ("85–110 cm from the floor", "à 85–110 cm du sol"):
 * the first two numbers of the text.
 */
export function doorHeightIn(text: string): { bottomCm: number; topCm: number } {
  const match = /(\d+)\s*[–-]\s*(\d+)\s*cm/u.exec(text);
  if (!match?.[1] || !match[2]) {
    throw new Error(`no door height in ${JSON.stringify(text)}`);
  }
  return { bottomCm: Number(match[1]), topCm: Number(match[2]) };
}

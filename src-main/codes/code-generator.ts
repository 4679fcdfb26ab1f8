import { randomInt } from 'node:crypto';
import type { CodeAudience } from './code-purpose.js';

/**
 * How many digits each audience's codes have. Recipients type theirs on a touch keypad, so the
 * floor is 6 (10^6 values); carriers' codes open deliveries into any free compartment and are
 * entered by professionals, so they get 8 (security.md, X3).
 */
export interface CodeLengths {
  recipient: number;
  carrier: number;
}

export const minimumCodeLengths: Readonly<CodeLengths> = { recipient: 6, carrier: 8 };
export const defaultCodeLengths: Readonly<CodeLengths> = minimumCodeLengths;
/** 10^12 stays far below randomInt's 2^48 range limit, so one draw covers the whole code. */
export const maximumCodeLength = 12;

/** A uniform integer in [0, maxExclusive). Production uses node:crypto's CSPRNG. */
export type RandomInt = (maxExclusive: number) => number;

export const cryptoRandomInt: RandomInt = (maxExclusive) => randomInt(maxExclusive);

export function checkCodeLengths(lengths: CodeLengths): void {
  for (const audience of ['recipient', 'carrier'] as const) {
    const length = lengths[audience];
    const minimum = minimumCodeLengths[audience];
    if (!Number.isInteger(length) || length < minimum || length > maximumCodeLength) {
      throw new RangeError(
        `${audience} codes must have ${minimum} to ${maximumCodeLength} digits, not ${length}`,
      );
    }
  }
}

/**
 * A code of exactly `length` digits, leading zeros included: one draw over the whole space is
 * uniform, where drawing digit by digit with a first digit of 1–9 would shrink it by a tenth.
 */
export function generateCode(
  audience: CodeAudience,
  lengths: CodeLengths,
  random: RandomInt = cryptoRandomInt,
): string {
  const length = lengths[audience];
  const space = 10 ** length;
  const value = random(space);
  if (!Number.isInteger(value) || value < 0 || value >= space) {
    // A broken random source must not turn into short or overlong codes.
    throw new RangeError(`the random source answered ${value} outside [0, ${space})`);
  }
  return String(value).padStart(length, '0');
}

export function looksLikeCode(text: string): boolean {
  return /^[0-9]+$/.test(text) && text.length <= maximumCodeLength;
}

import {
  defaultBaudRate,
  type HardwareProfileDocument,
  type LockProtocol,
} from '../../src-shared/domain/hardware-profile.js';
import { findProfileProblems } from '../../src-shared/domain/hardware-profile-problems.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/** Board addresses as the operator types them: "0, 1" or "0 1". */
export function boardsToText(boards: readonly number[]): string {
  return boards.join(', ');
}

/**
 * The typed list back to numbers. Something that is not a number stays in as NaN rather than
 * being dropped, so the core refuses the profile and names the field instead of saving a
 * silently shorter list.
 */
export function textToBoards(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((token) => token !== '')
    .map((token) => (/^\d+$/.test(token) ? Number(token) : Number.NaN));
}

/**
 * A new protocol brings its own usual baud rate (19200 for KR-CU16, 9600 for the 0x8A board),
 * unless the operator had already set a rate of their own.
 */
export function baudRateAfterProtocolChange(
  previous: LockProtocol,
  next: LockProtocol,
  baudRate: number,
): number {
  return baudRate === defaultBaudRate[previous] ? defaultBaudRate[next] : baudRate;
}

export interface ProfileHint {
  key: MessageKey;
  params: MessageParams;
}

/**
 * The core's own checks, run while the operator types: the same rules and messages the save
 * will apply (hardware-profile-problems.ts), minus the check that the compartments are the
 * bank's (the draft is made from them). Only hints: the core decides at save.
 */
export function profileHints(document: HardwareProfileDocument): ProfileHint[] {
  return findProfileProblems(document, document.compartments).map(({ key, params }) => ({
    key,
    params,
  }));
}

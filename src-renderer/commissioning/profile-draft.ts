import {
  defaultBaudRate,
  type HardwareProfileDocument,
  type LockProtocol,
} from '../../src-shared/domain/hardware-profile.js';
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
 * Mistakes worth pointing out while typing. Only hints: saving is still allowed, and the core's
 * validation decides (it also knows what the hints cannot, such as each protocol's ranges).
 */
export function profileHints(document: HardwareProfileDocument): ProfileHint[] {
  const hints: ProfileHint[] = [];
  const labels = new Set<string>();
  const locks = new Map<string, string>();
  const boards = new Set(document.settings.boards);
  for (const compartment of document.compartments) {
    const { label, board, channel, doorBottomCm: bottom, doorTopCm: top } = compartment;
    if (labels.has(label)) {
      hints.push({ key: 'profile.field.label_duplicate', params: { label } });
    }
    labels.add(label);
    if (typeof top === 'number' && typeof bottom === 'number' && top <= bottom) {
      hints.push({
        key: 'profile.field.door_top_not_above_bottom',
        params: { label, top, bottom },
      });
    }
    if (typeof board === 'number' && !boards.has(board)) {
      hints.push({ key: 'profile.field.board_not_listed', params: { label, board } });
    }
    const lock = `${board}/${channel}`;
    const other = locks.get(lock);
    if (other !== undefined) {
      hints.push({
        key: 'profile.field.lock_duplicate',
        params: { other, label, board, channel },
      });
    } else {
      locks.set(lock, label);
    }
  }
  return hints;
}

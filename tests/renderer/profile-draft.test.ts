import { describe, expect, it } from 'vitest';
import {
  baudRateAfterProtocolChange,
  boardsToText,
  textToBoards,
} from '../../src-renderer/commissioning/profile-draft.js';

describe('the commissioning form’s board list', () => {
  it('reads what an operator types, with commas, spaces or semicolons', () => {
    expect(textToBoards('0, 1')).toEqual([0, 1]);
    expect(textToBoards(' 3 4;5 ')).toEqual([3, 4, 5]);
    expect(textToBoards('')).toEqual([]);
    expect(boardsToText([0, 1, 2])).toBe('0, 1, 2');
  });

  it('keeps a mistyped address as NaN, so the core refuses it by name instead of dropping it', () => {
    const boards = textToBoards('0, l, 2');
    expect(boards).toHaveLength(3);
    expect(boards[1]).toBeNaN();
  });
});

describe('the baud rate when the protocol changes', () => {
  it('follows the protocol’s usual rate unless the operator set another', () => {
    expect(baudRateAfterProtocolChange('kerong-cu16', 'xor-8a', 19200)).toBe(9600);
    expect(baudRateAfterProtocolChange('xor-8a', 'kerong-cu16', 9600)).toBe(19200);
    expect(baudRateAfterProtocolChange('kerong-cu16', 'xor-8a', 38400)).toBe(38400);
  });
});

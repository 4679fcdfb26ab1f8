import { expect } from 'vitest';
import {
  allocateCompartment,
  type AllocationCompartment,
  type AllocationPolicy,
  type AllocationRequest,
  type AllocationResult,
  type ChoiceReasonCode,
  type RefusalCauseCode,
  type RefusalCode,
} from '../../../src-shared/allocation/index.js';
import { bank, request } from './fixtures.js';

/** One row of an allocation table: a bank, a request, and what the engine must answer. */
export interface AllocationRow {
  name: string;
  compartments: AllocationCompartment[];
  policy?: Partial<AllocationPolicy>;
  request?: Partial<AllocationRequest>;
  expected:
    | { chosen: string; reasons: ChoiceReasonCode[] }
    | { refused: RefusalCode; causes: RefusalCauseCode[] };
}

/** Runs a row and checks the label chosen (or the refusal) and every reason code, in order. */
export function checkRow(row: AllocationRow): AllocationResult {
  const result = allocateCompartment(bank(row.compartments, row.policy), request(row.request));
  const { expected } = row;
  if ('chosen' in expected) {
    expect(result.ok ? null : result.refusal, 'refused').toBeNull();
    if (result.ok) {
      expect(result.choice.label).toBe(expected.chosen);
      expect(result.choice.reasons.map((reason) => reason.code)).toEqual(expected.reasons);
    }
  } else {
    expect(result.ok ? result.choice.label : null, 'chose').toBeNull();
    if (!result.ok) {
      expect(result.refusal.code).toBe(expected.refused);
      expect(result.refusal.causes.map((cause) => cause.code)).toEqual(expected.causes);
    }
  }
  return result;
}

import { describe, expect, it } from 'vitest';
import {
  allocateCompartment,
  choiceReasonCodes,
  compartmentFaults,
  describeChoiceReason,
  describeRefusal,
  describeRefusalCause,
  refusalCauseCodes,
  refusalCodes,
  type ChoiceReason,
  type RefusalCause,
} from '../../../src-shared/allocation/index.js';
import { en, fr, locales } from '../../../src-shared/i18n/index.js';
import { bank, compartment, high, request } from './fixtures.js';

/** Placeholders a catalogue text expects. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

/** A sample value for each parameter name the reasons use. */
const sampleParams: Record<string, string | number> = {
  label: 'B7',
  previousLabel: 'B6',
  labels: 'B6, B7',
  size: 'M',
  requestedSize: 'S',
  requiredSize: 'L',
  bottom: 130,
  top: 160,
  minCm: 38,
  maxCm: 122,
  fault: 'failed_to_open',
};

function sampled(key: keyof typeof en): Record<string, string | number> {
  return Object.fromEntries(placeholders(en[key]).map((name) => [name, sampleParams[name]!]));
}

describe('allocation reasons in English and French', () => {
  it('says B5’s exact sentence when no compartment is available', () => {
    const result = allocateCompartment(
      bank([compartment('A1', high)]),
      request({ accessibilityNeed: true }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(describeRefusal('en', result.refusal)).toEqual({
        headline: 'No compartment is currently available in the selected locker',
        causes: [
          'This recipient needs an accessible door, entirely between 38 and 122 cm from the floor, and no free compartment of a fitting size has one.',
        ],
      });
      expect(describeRefusal('fr', result.refusal).headline).toBe(
        'Aucun casier n’est actuellement disponible dans la consigne sélectionnée',
      );
    }
  });

  it('has a text for every code, in both languages, every parameter filled', () => {
    const keys = [
      ...choiceReasonCodes.map((code) => `allocation.choice.${code}` as const),
      ...refusalCauseCodes.map((code) => `allocation.cause.${code}` as const),
      ...refusalCodes.map((code) => `allocation.refusal.${code}` as const),
    ];
    for (const key of keys) {
      expect(Object.hasOwn(en, key), key).toBe(true);
      for (const name of placeholders(en[key])) {
        expect(sampleParams[name], `${key}: {${name}}`).toBeDefined();
      }
    }
    for (const locale of locales) {
      for (const code of choiceReasonCodes) {
        const params = sampled(`allocation.choice.${code}`);
        const text = describeChoiceReason(locale, { code, params } as unknown as ChoiceReason);
        expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}/);
      }
      for (const code of refusalCauseCodes) {
        const params = sampled(`allocation.cause.${code}`);
        const text = describeRefusalCause(locale, { code, params } as unknown as RefusalCause);
        expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('has a text for every fault, in both languages', () => {
    for (const fault of compartmentFaults) {
      expect(en[`allocation.fault.${fault}`]).toBeTruthy();
      expect(fr[`allocation.fault.${fault}`]).toBeTruthy();
    }
  });

  it('translates sizes and faults rather than showing their codes', () => {
    const upsized: ChoiceReason = {
      code: 'upsized',
      params: { label: 'B7', size: 'M', requestedSize: 'S' },
    };
    expect(describeChoiceReason('en', upsized)).toBe(
      'No compartment of size Small was free, so compartment B7 (Medium) was used.',
    );
    expect(describeChoiceReason('fr', upsized)).toBe(
      'Aucun casier de taille Petit n’était libre : le casier B7 (Moyen) a été utilisé.',
    );
    const faulty: RefusalCause = {
      code: 'compartment_faulty',
      params: { label: 'B7', fault: 'failed_to_open' },
    };
    expect(describeRefusalCause('en', faulty)).toBe(
      'Compartment B7 has a fault: its door failed to open.',
    );
    expect(describeRefusalCause('fr', faulty)).toBe(
      'Le casier B7 est en panne : sa porte ne s’est pas ouverte.',
    );
  });

  it('names the compartment in a hand-choice refusal headline', () => {
    const result = allocateCompartment(
      bank([compartment('B7', { service: 'out_of_service' })]),
      request({ mode: { kind: 'compartment', compartmentId: 'id-B7' } }),
    );
    expect(!result.ok && describeRefusal('fr', result.refusal)).toEqual({
      headline: 'Le casier B7 ne peut pas être utilisé.',
      causes: ['Le casier B7 est hors service.'],
    });
  });
});

import { compartmentSizes, type CompartmentSize } from '../domain/compartment.js';
import { translate, type Locale, type MessageParams } from '../i18n/index.js';
import { compartmentFaults, type CompartmentFault } from './allocation-input.js';
import type { AllocationRefusal } from './allocation-result.js';
import type { ChoiceReason, RefusalCause } from './reasons.js';

/**
 * Reasons in the operator's language. Shared so the kiosk screens and the console word them
 * alike. Parameters that are codes (sizes, faults) are translated too: "Small", not "S".
 */
export function describeChoiceReason(locale: Locale, reason: ChoiceReason): string {
  return translate(locale, `allocation.choice.${reason.code}`, localized(locale, reason.params));
}

export function describeRefusalCause(locale: Locale, cause: RefusalCause): string {
  return translate(locale, `allocation.cause.${cause.code}`, localized(locale, cause.params));
}

/** The headline (B5's exact sentence when nothing is free) and one line per cause. */
export function describeRefusal(
  locale: Locale,
  refusal: AllocationRefusal,
): { headline: string; causes: string[] } {
  return {
    headline: translate(
      locale,
      `allocation.refusal.${refusal.code}`,
      localized(locale, refusal.params),
    ),
    causes: refusal.causes.map((cause) => describeRefusalCause(locale, cause)),
  };
}

function localized(
  locale: Locale,
  params: Readonly<Record<string, string | number>>,
): MessageParams {
  const result: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    result[name] = localizedValue(locale, name, value);
  }
  return result;
}

function localizedValue(locale: Locale, name: string, value: string | number): string | number {
  if ((name === 'size' || name.endsWith('Size')) && isCompartmentSize(value)) {
    return translate(locale, `compartment.size.${value}`);
  }
  if (name === 'fault' && isCompartmentFault(value)) {
    return translate(locale, `allocation.fault.${value}`);
  }
  return value;
}

function isCompartmentSize(value: unknown): value is CompartmentSize {
  return (compartmentSizes as readonly unknown[]).includes(value);
}

function isCompartmentFault(value: unknown): value is CompartmentFault {
  return (compartmentFaults as readonly unknown[]).includes(value);
}

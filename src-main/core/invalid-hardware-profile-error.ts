import type { z } from 'zod';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import type { ProfileProblem } from '../../src-shared/domain/hardware-profile-problems.js';
import { KioskError } from './kiosk-error.js';

/** A long list helps nobody at a kiosk screen: the first few, then how many more. */
const maxListedProblems = 8;

/**
 * A refused hardware profile. Its `{detail}` names every wrong field, and must be written in the
 * caller's language, which the service does not know: `localizedParams(locale)` builds it for
 * the dispatcher. `params` carries the English text for logs and for a dispatcher that does not
 * ask.
 */
export class InvalidHardwareProfileError extends KioskError {
  readonly problems: readonly ProfileProblem[];

  constructor(problems: readonly ProfileProblem[]) {
    super('invalid_hardware_profile', { detail: describeProfileProblems(problems, 'en') });
    this.name = 'InvalidHardwareProfileError';
    this.problems = problems;
  }

  override localizedParams(locale: Locale): MessageParams {
    return { detail: describeProfileProblems(this.problems, locale) };
  }
}

/** "settings.serialPath: the serial path is empty…; compartments.3.channel: …". */
export function describeProfileProblems(
  problems: readonly ProfileProblem[],
  locale: Locale,
): string {
  const listed = problems
    .slice(0, maxListedProblems)
    .map((problem) => `${problem.field}: ${translate(locale, problem.key, problem.params)}`);
  const remaining = problems.length - maxListedProblems;
  if (remaining > 0) {
    listed.push(translate(locale, 'profile.field.more_problems', { count: remaining }));
  }
  return `${listed.join('; ')}.`;
}

/**
 * Schema failures become problems too, naming the field and never echoing its value (a value
 * typed by a person stays out of messages and logs, as for `invalid_argument`).
 */
export function schemaProblems(error: z.ZodError): ProfileProblem[] {
  const fields = new Set<string>();
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      fields.add(path.length > 0 ? path.map(String).join('.') : '(profile)');
    }
  }
  return [...fields].map((field) => ({ field, key: 'profile.field.invalid_value', params: {} }));
}

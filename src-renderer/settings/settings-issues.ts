import type { z } from 'zod';
import { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

export interface SettingIssue {
  key: MessageKey;
  params: MessageParams;
}

/**
 * The schema's objections to a draft, one per field (the first: a person fixes one thing at a
 * time), keyed by dotted path and worded for a person. The same schema the core applies at save,
 * so the screen warns about exactly what would be refused.
 */
export function settingIssues(draft: BankSettings): ReadonlyMap<string, SettingIssue> {
  const parsed = BankSettings.safeParse(draft);
  const issues = new Map<string, SettingIssue>();
  if (parsed.success) {
    return issues;
  }
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (!issues.has(path)) {
      issues.set(path, describeIssue(issue));
    }
  }
  return issues;
}

function describeIssue(issue: z.core.$ZodIssue): SettingIssue {
  switch (issue.code) {
    case 'custom':
      return describeRuleIssue(issue);
    case 'too_small':
      return { key: 'settings_screen.issue.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'settings_screen.issue.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { key: 'settings_screen.issue.whole_number', params: {} };
    default:
      return { key: 'settings_screen.issue.not_allowed', params: {} };
  }
}

/** The schema's own rules across fields, by the code each refinement gives as its message. */
function describeRuleIssue(issue: z.core.$ZodIssueCustom): SettingIssue {
  switch (issue.message) {
    case 'at_least_one_pickup_method':
      return { key: 'settings_screen.issue.at_least_one_pickup_method', params: {} };
    case 'extension_without_end_time':
      return { key: 'settings_screen.issue.extension_without_end_time', params: {} };
    case 'extension_shorter_than_stay':
      return {
        key: 'settings_screen.issue.extension_shorter_than_stay',
        params: { hours: Number(issue.params?.['hours']) },
      };
    default:
      return { key: 'settings_screen.issue.not_allowed', params: {} };
  }
}

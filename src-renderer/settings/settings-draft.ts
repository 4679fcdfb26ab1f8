import type { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { SettingPath } from './settings-fields.js';
import { withStorageDurationKind } from './storage-duration-draft.js';

/**
 * The settings being edited, changed one field at a time. Drafts are replaced, never changed in
 * place, so the screen can compare them with what is stored and keep the stored copy intact.
 */

export type SettingValue = string | number | boolean;

export function readSetting(settings: BankSettings, path: SettingPath): SettingValue {
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), settings);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  throw new Error(`${path} is not a setting of this document`);
}

export function withSetting(
  settings: BankSettings,
  path: SettingPath,
  value: SettingValue,
): BankSettings {
  if (path === 'storage.duration.kind') {
    return withStorageDurationKind(settings, String(value));
  }
  const copy = structuredClone(settings);
  const keys = path.split('.');
  const leaf = keys.pop();
  const parent = keys.reduce<unknown>(
    (node, key) => (isRecord(node) ? node[key] : undefined),
    copy,
  );
  if (leaf === undefined || !isRecord(parent) || !(leaf in parent)) {
    throw new Error(`${path} is not a setting of this document`);
  }
  parent[leaf] = value;
  return copy;
}

/**
 * A stepper's next value: kept within the bounds, and a value that is not a number yet (the
 * field was emptied) starts again from the nearest bound.
 */
export function steppedValue(current: number, delta: number, min: number, max: number): number {
  const start = Number.isFinite(current)
    ? Math.round(current)
    : delta > 0
      ? min - delta
      : max - delta;
  return Math.min(max, Math.max(min, start + delta));
}

/** What the person typed, as a number; anything else is NaN so the schema names the problem. */
export function typedNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Dotted paths of the fields that differ from the stored settings. */
export function changedSettingPaths(stored: BankSettings, draft: BankSettings): string[] {
  return leafPaths(stored, draft, '');
}

function leafPaths(before: unknown, after: unknown, prefix: string): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      leafPaths(before[key], after[key], prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return Object.is(before, after) ? [] : [prefix];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

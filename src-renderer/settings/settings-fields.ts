import {
  BankSettings,
  FixedStorageDuration,
  FlexibleStorageDuration,
  StoragePolicy,
  storageDurationKinds,
  type StorageDurationKind,
} from '../../src-shared/domain/bank-settings.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import { changedSettingPaths } from './settings-draft.js';

/**
 * Every field of BankSettings as the settings screen shows it: its control, its texts and, for
 * numbers, the steps of its buttons. Bounds come from the schema itself, so the steppers can
 * never offer a value the core would refuse.
 */

export type ChoicePath =
  'dropOff.labelScan' | 'dropOff.sizeChoice' | 'pickup.openMode' | 'storage.duration.kind';
export type TogglePath =
  | 'dropOff.handChoice'
  | 'oneParcelPerCompartment'
  | 'pickup.methods.code'
  | 'pickup.methods.qr'
  | 'pickup.methods.badge'
  | 'contactlessSignIn'
  | 'storage.extension.allowed';
export type NumberPath =
  | 'pickup.pickupWindowHours'
  | 'timers.reopenGraceSeconds'
  | 'timers.returnHomeSeconds'
  | 'timers.inactivitySeconds'
  | 'timers.operatorIdleMinutes'
  | 'timers.operatorSessionHours'
  | 'storage.duration.hours'
  | 'storage.duration.maxHours'
  | 'storage.extension.maxTotalHours'
  | 'storage.keptForDeliveries.S'
  | 'storage.keptForDeliveries.M'
  | 'storage.keptForDeliveries.L';
export type SettingPath = ChoicePath | TogglePath | NumberPath;

export type SettingUnit = 'hours' | 'minutes' | 'seconds' | 'compartments';

interface FieldBase {
  testId: string;
  label: MessageKey;
  help: MessageKey;
  /**
   * Only some documents have this field (a fixed storage time has hours, a chosen one a
   * maximum); without this, every document has it.
   */
  shownWhen?: (settings: BankSettings) => boolean;
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  path: ChoicePath;
  options: readonly { value: string; label: MessageKey }[];
}

export interface ToggleField extends FieldBase {
  kind: 'toggle';
  path: TogglePath;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  path: NumberPath;
  unit: SettingUnit;
  min: number;
  max: number;
  /** One pair of −/+ buttons per step, small first (an hour, and a day for the pickup window). */
  steps: readonly number[];
}

export type SettingField = ChoiceField | ToggleField | NumberField;

export interface SettingSection {
  heading: MessageKey;
  /** A path the schema checks as a whole (its issue shows above the section's fields). */
  groupPath?: string;
  fields: readonly SettingField[];
}

const { dropOff, pickup, timers } = BankSettings.shape;
const { extension, keptForDeliveries } = StoragePolicy.shape;

function whenStorageDurationIs(kind: StorageDurationKind): (settings: BankSettings) => boolean {
  return (settings) => settings.storage.duration.kind === kind;
}

function bounds(schema: { minValue: number | null; maxValue: number | null }): {
  min: number;
  max: number;
} {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function toggle(path: TogglePath, testId: string, key: string): ToggleField {
  return {
    kind: 'toggle',
    path,
    testId,
    label: `settings_screen.${key}.label` as MessageKey,
    help: `settings_screen.${key}.help` as MessageKey,
  };
}

function choice(
  path: ChoicePath,
  testId: string,
  key: string,
  values: readonly string[],
): ChoiceField {
  return {
    kind: 'choice',
    path,
    testId,
    label: `settings_screen.${key}.label` as MessageKey,
    help: `settings_screen.${key}.help` as MessageKey,
    options: values.map((value) => ({
      value,
      label: `settings_screen.${key}.${value}` as MessageKey,
    })),
  };
}

function number(
  path: NumberPath,
  testId: string,
  key: string,
  unit: SettingUnit,
  schema: { minValue: number | null; maxValue: number | null },
  steps: readonly number[],
): NumberField {
  return {
    kind: 'number',
    path,
    testId,
    unit,
    steps,
    ...bounds(schema),
    label: `settings_screen.${key}.label` as MessageKey,
    help: `settings_screen.${key}.help` as MessageKey,
  };
}

export const settingSections: readonly SettingSection[] = [
  {
    heading: 'settings_screen.section.drop_off',
    fields: [
      choice(
        'dropOff.labelScan',
        'settings-label-scan',
        'label_scan',
        dropOff.shape.labelScan.options,
      ),
      choice(
        'dropOff.sizeChoice',
        'settings-size-choice',
        'size_choice',
        dropOff.shape.sizeChoice.options,
      ),
      toggle('dropOff.handChoice', 'settings-hand-choice', 'hand_choice'),
      toggle('oneParcelPerCompartment', 'settings-one-parcel', 'one_parcel'),
    ],
  },
  {
    heading: 'settings_screen.section.pickup_methods',
    groupPath: 'pickup.methods',
    fields: [
      toggle('pickup.methods.code', 'settings-pickup-code', 'pickup_code'),
      toggle('pickup.methods.qr', 'settings-pickup-qr', 'pickup_qr'),
      toggle('pickup.methods.badge', 'settings-pickup-badge', 'pickup_badge'),
    ],
  },
  {
    heading: 'settings_screen.section.pickup',
    fields: [
      choice('pickup.openMode', 'settings-open-mode', 'open_mode', pickup.shape.openMode.options),
      number(
        'pickup.pickupWindowHours',
        'settings-pickup-window',
        'pickup_window',
        'hours',
        pickup.shape.pickupWindowHours,
        [1, 24],
      ),
      number(
        'timers.reopenGraceSeconds',
        'settings-reopen-grace',
        'reopen_grace',
        'seconds',
        timers.shape.reopenGraceSeconds,
        [5, 30],
      ),
    ],
  },
  {
    heading: 'settings_screen.section.screens',
    fields: [
      number(
        'timers.returnHomeSeconds',
        'settings-return-home',
        'return_home',
        'seconds',
        timers.shape.returnHomeSeconds,
        [1, 10],
      ),
      number(
        'timers.inactivitySeconds',
        'settings-inactivity',
        'inactivity',
        'seconds',
        timers.shape.inactivitySeconds,
        [5, 30],
      ),
    ],
  },
  {
    heading: 'settings_screen.section.staff',
    fields: [
      toggle('contactlessSignIn', 'settings-contactless-sign-in', 'contactless_sign_in'),
      number(
        'timers.operatorIdleMinutes',
        'settings-operator-idle',
        'operator_idle',
        'minutes',
        timers.shape.operatorIdleMinutes,
        [1, 15],
      ),
      number(
        'timers.operatorSessionHours',
        'settings-operator-session',
        'operator_session',
        'hours',
        timers.shape.operatorSessionHours,
        [1],
      ),
    ],
  },
  {
    heading: 'settings_screen.section.storage',
    fields: [
      choice(
        'storage.duration.kind',
        'settings-storage-duration',
        'storage_duration',
        storageDurationKinds,
      ),
      {
        ...number(
          'storage.duration.hours',
          'settings-storage-hours',
          'storage_hours',
          'hours',
          FixedStorageDuration.shape.hours,
          [1, 24],
        ),
        shownWhen: whenStorageDurationIs('fixed'),
      },
      {
        ...number(
          'storage.duration.maxHours',
          'settings-storage-max-hours',
          'storage_max_hours',
          'hours',
          FlexibleStorageDuration.shape.maxHours,
          [1, 24],
        ),
        shownWhen: whenStorageDurationIs('flexible'),
      },
      toggle('storage.extension.allowed', 'settings-storage-extension', 'storage_extension'),
      number(
        'storage.extension.maxTotalHours',
        'settings-storage-extension-max',
        'storage_extension_max',
        'hours',
        extension.shape.maxTotalHours,
        [1, 24],
      ),
    ],
  },
  {
    heading: 'settings_screen.section.kept_for_deliveries',
    fields: [
      number(
        'storage.keptForDeliveries.S',
        'settings-kept-small',
        'kept_small',
        'compartments',
        keptForDeliveries.shape.S,
        [1],
      ),
      number(
        'storage.keptForDeliveries.M',
        'settings-kept-medium',
        'kept_medium',
        'compartments',
        keptForDeliveries.shape.M,
        [1],
      ),
      number(
        'storage.keptForDeliveries.L',
        'settings-kept-large',
        'kept_large',
        'compartments',
        keptForDeliveries.shape.L,
        [1],
      ),
    ],
  },
];

export const settingFields: readonly SettingField[] = settingSections.flatMap(
  (section) => section.fields,
);

export function isFieldShown(field: SettingField, settings: BankSettings): boolean {
  return field.shownWhen?.(settings) ?? true;
}

/** The sections as this document shows them: only the fields it has. */
export function sectionsShownFor(settings: BankSettings): SettingSection[] {
  return settingSections.map((section) => ({
    ...section,
    fields: section.fields.filter((field) => isFieldShown(field, settings)),
  }));
}

/**
 * The changes the operator sees, one per field shown. Switching the storage time from fixed to
 * chosen drops the fixed hours with it: that is the same change, not another one.
 */
export function changedFieldPaths(stored: BankSettings, draft: BankSettings): string[] {
  const shown = new Set<string>(
    settingFields.filter((field) => isFieldShown(field, draft)).map((field) => field.path),
  );
  return changedSettingPaths(stored, draft).filter((path) => shown.has(path));
}

import { BankSettings } from '../../src-shared/domain/bank-settings.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import { readBankSettings, saveBankSettings } from '../db/queries/bank-settings.js';
import { recordAction } from '../db/queries/record-action.js';
import type { Logger } from '../logging/logger.js';
import { KioskError } from './kiosk-error.js';

/** The bank's drop-off and pickup settings (C2, C3, C5, C7, C8). */
export interface BankSettingsService {
  /** From memory: flows read it on every deposit and pickup without touching the database. */
  current(): BankSettings;
  /** Validates, stores and records the document; a refused document changes nothing. */
  save(settings: BankSettings, actor: string): BankSettings;
  /** Called after a save (or a reload that changed them) commits. Returns a stop function. */
  onChange(listener: (settings: BankSettings) => void): () => void;
  /**
   * Reads the row again after a pull wrote the cloud's settings (src-main/sync/apply): call it
   * once the pull's transaction has committed. Listeners hear of it when something changed.
   */
  reload(): BankSettings;
}

export interface BankSettingsServiceDependencies {
  db: KioskDb;
  clock: Clock;
  bankId: string;
  logger: Logger;
}

/**
 * Reads the settings once at start and keeps them in memory; this service and a pull (which then
 * calls `reload`) are their only writers, so memory and row cannot drift. `save` writes the row
 * and the 'bank.settings_saved' fact (with the dotted paths of what changed, for the activity log
 * and the cloud) in one transaction.
 */
export function createBankSettingsService(
  deps: BankSettingsServiceDependencies,
): BankSettingsService {
  const stored = readBankSettings(deps.db, deps.bankId);
  if (stored.state === 'invalid') {
    deps.logger.error(
      { bankId: deps.bankId, invalidFields: stored.invalidFields },
      'the stored bank settings are not valid: running on the defaults until they are saved again',
    );
  }
  let settings = frozen(stored.settings);
  // A row that did not parse is rewritten by the next save even if nothing differs from the
  // defaults in use, so the warning above does not come back at every start.
  let rowNeedsRewrite = stored.state === 'invalid';
  const listeners = new Set<(settings: BankSettings) => void>();

  function save(document: BankSettings, actor: string): BankSettings {
    // The API layer validated already; parsing again keeps any other caller from storing junk.
    const parsed = BankSettings.safeParse(document);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(document)');
      throw new KioskError('invalid_argument', { detail: [...new Set(fields)].join(', ') });
    }
    const next = frozen(parsed.data);
    const changed = changedPaths(settings, next);
    if (changed.length === 0 && !rowNeedsRewrite) {
      // Saving what is already in force is not an event worth a fact or a sync mutation.
      return settings;
    }
    const nowMs = deps.clock.now();
    deps.db.transaction((tx) => {
      saveBankSettings(tx, deps.bankId, next, nowMs);
      recordAction(
        tx,
        {
          bankId: deps.bankId,
          type: 'bank.settings_saved',
          compartmentId: null,
          actor,
          details: { changed },
        },
        nowMs,
      );
    });
    settings = next;
    rowNeedsRewrite = false;
    notify(next);
    return next;
  }

  function notify(saved: BankSettings): void {
    for (const listener of [...listeners]) {
      try {
        listener(saved);
      } catch (error: unknown) {
        // The save has committed: a failing listener must neither undo it nor starve the others.
        deps.logger.error({ err: error }, 'a bank settings listener failed');
      }
    }
  }

  function onChange(listener: (settings: BankSettings) => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  function reload(): BankSettings {
    const next = frozen(readBankSettings(deps.db, deps.bankId).settings);
    if (changedPaths(settings, next).length === 0) {
      return settings;
    }
    settings = next;
    rowNeedsRewrite = false;
    notify(next);
    return next;
  }

  return { current: () => settings, save, onChange, reload };
}

/** Every flow shares the one object `current()` returns, so none may change it for the others. */
function frozen(settings: BankSettings): BankSettings {
  return deepFreeze(structuredClone(settings));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}

/** Dotted paths of the leaves that differ ("pickup.methods.qr"), in document order. */
function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) =>
      changedPaths(before[key], after[key], prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return Object.is(before, after) ? [] : [prefix];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { SyncState, SyncStatus } from '../../src-shared/api/sync-methods.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';

/** ok: syncing; warning: not syncing though it should; neutral: a kiosk meant to run alone. */
export type SyncTone = 'ok' | 'warning' | 'neutral';

export interface SyncIndicatorText {
  tone: SyncTone;
  /** "Online", "Offline", "Not connected to the cloud"... */
  state: string;
  /** "Last sync 14:02", "Waiting to send: 3": empty for a kiosk with no cloud configured. */
  details: string[];
  /** Why it is not syncing, for the mailroom (operator screens only); undefined when well. */
  problem: string | undefined;
}

const stateKeys: Record<SyncState, MessageKey> = {
  not_configured: 'sync.state.not_configured',
  not_enrolled: 'sync.state.not_enrolled',
  online: 'sync.state.online',
  offline: 'sync.state.offline',
  blocked: 'sync.state.blocked',
  revoked: 'sync.state.revoked',
};

const tones: Record<SyncState, SyncTone> = {
  not_configured: 'neutral',
  not_enrolled: 'warning',
  online: 'ok',
  offline: 'warning',
  blocked: 'warning',
  revoked: 'warning',
};

export interface SyncTextOptions {
  /** For "today": a sync of another day shows its date too. */
  nowMs: number;
  /** The kiosk's own zone by default; fixed in tests. */
  timeZone?: string;
}

/**
 * The words of the sync indicator, in the person's language. Text always says the state: the
 * dot's colour only repeats it (never colour alone, for colour-blind people and screen readers).
 */
export function syncIndicatorText(
  status: SyncStatus,
  locale: Locale,
  options: SyncTextOptions,
): SyncIndicatorText {
  const details =
    status.state === 'not_configured'
      ? []
      : [lastSyncText(status.lastSyncAt, locale, options), queueText(status.queueDepth, locale)];
  return {
    tone: tones[status.state],
    state: translate(locale, stateKeys[status.state]),
    details,
    problem: status.problem ? translate(locale, `sync.problem.${status.problem}`) : undefined,
  };
}

function lastSyncText(lastSyncAt: number | null, locale: Locale, options: SyncTextOptions): string {
  if (lastSyncAt === null) {
    return translate(locale, 'sync.last_sync_never');
  }
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  // 24-hour in both languages: the kiosk's other times (opening hours) are written that way.
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  }).format(lastSyncAt);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...zone });
  if (day.format(lastSyncAt) === day.format(options.nowMs)) {
    return translate(locale, 'sync.last_sync', { time });
  }
  return translate(locale, 'sync.last_sync_day', { date: day.format(lastSyncAt), time });
}

function queueText(queueDepth: number, locale: Locale): string {
  return queueDepth === 0
    ? translate(locale, 'sync.queue_empty')
    : translate(locale, 'sync.queue', { count: queueDepth });
}

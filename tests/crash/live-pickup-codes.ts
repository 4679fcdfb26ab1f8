import type Database from 'better-sqlite3';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { translate } from '../../src-shared/i18n/translate.js';

/** A parcel waiting in the bank (a delivery or an exchange) and the clear code its recipient was sent. */
export interface LivePickupCode {
  parcelId: string;
  code: string;
}

/**
 * The codes a recipient could type now, read back from the queued ready-for-pickup notices (the
 * outbox row is the only clear copy of a code, and the mailbox is written from it): one per
 * parcel still in a compartment, from its newest notice.
 */
export function livePickupCodes(sqlite: Database.Database): LivePickupCode[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id AS parcelId,
              json_extract(o.args, '$.message.text') AS text,
              json_extract(o.args, '$.message.language') AS language
         FROM parcel p
         JOIN sync_outbox o
           ON o.name IN ('notification.ready_for_pickup', 'notification.exchange_ready')
          AND EXISTS (SELECT 1 FROM json_each(o.args, '$.parcelIds') j WHERE j.value = p.id)
        WHERE p.state = 'in_locker'
        ORDER BY p.id, o.id`,
    )
    .all() as { parcelId: string; text: string; language: Locale }[];
  const newest = new Map<string, string>();
  for (const row of rows) {
    const code = codeInNotice(row.text, row.language);
    if (code !== undefined) {
      newest.set(row.parcelId, code);
    }
  }
  return [...newest].map(([parcelId, code]) => ({ parcelId, code }));
}

/**
 * The code from the notice's "Pickup code: 123456" line (or the line `label` names), in the
 * language it was written in.
 */
export function codeInNotice(
  text: string,
  language: Locale,
  label: MessageKey = 'notifications.ready.code',
): string | undefined {
  const prefix = translate(language, 'notifications.ready.field', {
    label: translate(language, label),
    value: '',
  });
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : /^\d{6,}$/.exec(line.slice(prefix.length).trim())?.[0];
}

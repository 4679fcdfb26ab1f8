import type Database from 'better-sqlite3';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { codeInNotice } from './live-pickup-codes.js';

/** A return or exchange awaiting its item, and the clear code its sender was sent. */
export interface LiveDropCode {
  handoverId: string;
  code: string;
}

/**
 * The drop-off codes a sender could type now (D3, D4), read back from their queued notices: one
 * per hand-over still awaiting its item. A code past its drop-by date is refused by the kiosk
 * like any wrong code, which the child's refusal handling covers.
 */
export function liveDropCodes(sqlite: Database.Database): LiveDropCode[] {
  const rows = sqlite
    .prepare(
      `SELECT h.id AS handoverId,
              json_extract(o.args, '$.message.text') AS text,
              json_extract(o.args, '$.message.language') AS language
         FROM handover h
         JOIN sync_outbox o
           ON o.name IN ('notification.return_code', 'notification.exchange_drop_off_code')
          AND json_extract(o.args, '$.subjectId') = h.id
        WHERE h.state = 'awaiting_drop'
        ORDER BY h.id, o.id`,
    )
    .all() as { handoverId: string; text: string; language: Locale }[];
  return rows.flatMap((row) => {
    const code = codeInNotice(row.text, row.language, 'handovers.notice.drop_code');
    return code === undefined ? [] : [{ handoverId: row.handoverId, code }];
  });
}

import type { Locale } from '../../../src-shared/i18n/locales.js';
import type { ComposedMessage } from '../../../src-shared/sync/composed-message.js';
import { escapeHtml } from '../../../src-shared/text/html-escape.js';
import { reminderMessages, type ReminderMessageKey } from './reminder-messages.js';

export interface ReminderInput {
  to: { name: string; email: string | null };
  language: Locale;
  bankName: string;
  expiresAtMs: number;
  /** The zone dates are written in; the server's own when absent (tests pass one). */
  timeZone?: string;
}

/** "Sunday, June 15, 2025 at 5:06 PM" / « dimanche 15 juin 2025 à 17:06 », like the first notice. */
export function formatUntil(expiresAtMs: number, language: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(expiresAtMs);
}

/**
 * The reminder for one parcel, in the recipient's language, as plain text and as HTML. Every
 * value that came from a person (names) is escaped in the HTML; the text part stays literal.
 */
export function composeReminder(input: ReminderInput): ComposedMessage {
  const catalogue = reminderMessages[input.language];
  const say = (key: ReminderMessageKey, params: Record<string, string> = {}) =>
    catalogue[key].replace(
      /\{(\w+)\}/g,
      (placeholder, name: string) => params[name] ?? placeholder,
    );
  const bank = input.bankName;
  const until = formatUntil(input.expiresAtMs, input.language, input.timeZone);
  const paragraphs = [
    say('greeting', { name: input.to.name }),
    `${say('waiting', { bank })} ${say('until', { until })}`,
    say('code'),
    say('late'),
  ];
  const footer = say('footer', { bank });
  const text = [...paragraphs, footer].join('\n\n') + '\n';
  // Escaping the finished sentences (not only the parameters) keeps the catalogue's quotes and
  // any name's markup equally inert.
  const html = [
    '<!doctype html>',
    `<html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(say('subject', { bank }))}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p style="color: #555; font-size: 0.9em;">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return {
    to: { name: input.to.name, email: input.to.email },
    language: input.language,
    subject: say('subject', { bank }),
    text,
    html,
    inlineImages: [],
  };
}

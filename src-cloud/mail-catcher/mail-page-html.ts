import type { Locale } from '../../src-shared/i18n/locales.js';
import { escapeHtml } from '../../src-shared/text/html-escape.js';
import type { CaughtMail } from './mail-catcher-store.js';
import { mailPageText } from './mail-page-messages.js';

/**
 * The policy the pages are served with: no script at all, styles inline, images only as data:
 * URIs (an email's remote images stay unloaded, like a careful mail client).
 */
export const mailPageCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const style = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
iframe { width: 100%; height: 32rem; border: 1px solid #ccc; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
nav a { margin-right: 1rem; }
`;

/** Finds an inline part's bytes for a `cid:` reference, or null. */
export type InlineResolver = (contentId: string) => { contentType: string; content: Buffer } | null;

function formatTime(ms: number, language: Locale): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);
}

function page(language: Locale, title: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>`,
    ...body,
    '</body></html>',
  ].join('\n');
}

function languageLinks(path: string): string {
  return `<nav><a href="${escapeHtml(path)}?lang=en" lang="en">English</a><a href="${escapeHtml(path)}?lang=fr" lang="fr">Français</a></nav>`;
}

export function renderMailList(mails: readonly CaughtMail[], language: Locale): string {
  const text = mailPageText(language);
  const rows = mails.map(
    (mail) =>
      `<tr><td>${escapeHtml(formatTime(mail.receivedAt, language))}</td>` +
      `<td>${escapeHtml(mail.to)}</td>` +
      `<td><a href="/mail/${encodeURIComponent(mail.id)}?lang=${language}">${escapeHtml(mail.subject)}</a></td>` +
      `<td><a href="/mail/${encodeURIComponent(mail.id)}.eml">.eml</a></td></tr>`,
  );
  return page(language, text.title, [
    languageLinks('/mail'),
    `<h1>${escapeHtml(text.title)}</h1>`,
    `<p>${escapeHtml(text.intro)}</p>`,
    `<p><a href="/mail/messages.json">${escapeHtml(text.json)}</a></p>`,
    mails.length === 0
      ? `<p>${escapeHtml(text.empty)}</p>`
      : [
          '<table><thead><tr>',
          `<th>${escapeHtml(text.received)}</th><th>${escapeHtml(text.to)}</th>`,
          `<th>${escapeHtml(text.subject)}</th><th></th>`,
          '</tr></thead><tbody>',
          ...rows,
          '</tbody></table>',
        ].join('\n'),
  ]);
}

/**
 * `cid:` references replaced by data: URIs, so the sandboxed frame can show the QR image (it
 * may load nothing else). An unknown id is left as written: the image shows as missing.
 */
export function resolveInlineImages(html: string, resolve: InlineResolver): string {
  return html.replace(/cid:([^"'\s)>]+)/gi, (reference, encodedId: string) => {
    let contentId = encodedId;
    try {
      contentId = decodeURIComponent(encodedId);
    } catch {
      // Not percent-encoded after all; look it up as written.
    }
    const part = resolve(contentId);
    return part === null
      ? reference
      : `data:${part.contentType};base64,${part.content.toString('base64')}`;
  });
}

export function renderMailMessage(
  mail: CaughtMail,
  resolve: InlineResolver,
  language: Locale,
): string {
  const text = mailPageText(language);
  const field = (label: string, value: string) =>
    `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const envelope = `${mail.envelope.from ?? '<>'} → ${mail.envelope.to.join(', ')}`;
  const attachments =
    mail.attachments.length === 0
      ? text.none
      : mail.attachments
          .map((part) => `${part.fileName ?? part.contentId ?? '?'} (${part.contentType})`)
          .join(', ');
  // srcdoc is an attribute: escaping the whole document keeps its quotes from ending it, and
  // `sandbox` without allow-scripts or allow-same-origin keeps anything in it inert.
  const htmlPart =
    mail.html === null
      ? `<p>${escapeHtml(text.no_html)}</p>`
      : `<iframe sandbox srcdoc="${escapeHtml(resolveInlineImages(mail.html, resolve))}" title="${escapeHtml(text.frame_title)}"></iframe>`;
  return page(language, mail.subject, [
    languageLinks(`/mail/${mail.id}`),
    `<p><a href="/mail?lang=${language}">${escapeHtml(text.back)}</a> · <a href="/mail/${encodeURIComponent(mail.id)}.eml">${escapeHtml(text.raw)}</a></p>`,
    `<h1>${escapeHtml(mail.subject)}</h1>`,
    '<table>',
    field(text.received, formatTime(mail.receivedAt, language)),
    field(text.from, mail.from),
    field(text.to, mail.to),
    field(text.envelope, envelope),
    field(text.attachments, attachments),
    '</table>',
    `<h2>${escapeHtml(text.html_part)}</h2>`,
    htmlPart,
    `<h2>${escapeHtml(text.text_part)}</h2>`,
    `<pre>${escapeHtml(mail.text)}</pre>`,
  ]);
}

export function renderNotFound(language: Locale): string {
  const text = mailPageText(language);
  return page(language, text.title, [
    `<p>${escapeHtml(text.not_found)}</p>`,
    `<p><a href="/mail?lang=${language}">${escapeHtml(text.back)}</a></p>`,
  ]);
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmailWorker } from '../../../src-cloud/email/email-worker.js';
import { createSmtpTransport } from '../../../src-cloud/email/smtp-transport.js';
import { mailPageRoutes } from '../../../src-cloud/http/mail-page-routes.js';
import type { CaughtMail } from '../../../src-cloud/mail-catcher/mail-catcher-store.js';
import { startMailCatcher } from '../../../src-cloud/mail-catcher/mail-catcher.js';
import { pageLanguage } from '../../../src-cloud/mail-catcher/page-language.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';
import {
  queueReady,
  readyMessage,
  sharedCloudDatabase,
  testStart,
} from '../email/email-test-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()!();
  }
});

describe('the page language', () => {
  it('follows ?lang=, then Accept-Language by weight, then English', () => {
    expect(pageLanguage({ lang: 'fr' }, 'en')).toBe('fr');
    expect(pageLanguage({ lang: 'de' }, 'fr-CA,fr;q=0.9')).toBe('fr');
    expect(pageLanguage({}, 'de;q=1, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(pageLanguage({}, 'fr;q=0, en')).toBe('en');
    expect(pageLanguage(undefined, undefined)).toBe('en');
  });
});

describe('the local mail catcher', () => {
  const database = sharedCloudDatabase('pglite');

  it('keeps what the worker sends and shows it at /mail, escaped, in English or French', async () => {
    const folder = makeTempFolder();
    cleanups.push(async () => folder.remove());
    const catcher = await startMailCatcher({ folder: folder.path, now: () => testStart });
    cleanups.push(() => catcher.close());
    const seen: CaughtMail[] = [];
    catcher.store.onMessage((mail) => seen.push(mail));
    const transport = createSmtpTransport(catcher.smtpUrl);
    cleanups.push(async () => transport.close());
    const worker = startEmailWorker({
      database: database(),
      clock: new ManualClock(testStart),
      transport,
      logger: pino({ level: 'silent' }),
      intervalMs: 24 * 3_600_000,
    });
    cleanups.push(() => worker.stop());
    const app = Fastify({ logger: false });
    await app.register(mailPageRoutes(catcher.store));
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => app.close());

    const hostile = 'Eve <script>alert(1)</script>';
    await queueReady(database().db, {
      notificationId: 'first',
      message: readyMessage({ name: 'Zoé Martin', code: '11112222' }),
      nowMs: testStart - 1,
    });
    await queueReady(database().db, {
      notificationId: 'second',
      message: readyMessage({ language: 'fr', name: hostile, code: '33334444' }),
    });
    expect(await worker.runOnce()).toBe(2);

    const caught = catcher.store.list();
    expect(caught.map((mail) => mail.subject)).toEqual([
      'Votre colis est prêt à être retiré\u00a0: Hall B',
      'Your parcel is ready for pickup: Hall B',
    ]);
    expect(seen.map((mail) => mail.id)).toEqual(caught.map((mail) => mail.id).reverse());
    const [french, english] = caught;
    expect(english!.envelope.to).toEqual(['zoe.martin@example.com']);
    expect(english!.attachments).toEqual([
      expect.objectContaining({ contentId: 'pickup-qr@casier.invalid', contentType: 'image/png' }),
    ]);
    expect(readdirSync(folder.path).sort()).toEqual(caught.map((mail) => `${mail.id}.eml`).sort());

    // The list: newest first, everything a person typed escaped, no script, strict CSP.
    const list = await fetch(`${base}/mail`, { headers: { 'accept-language': 'en-GB' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const listHtml = await list.text();
    expect(listHtml).toContain('<html lang="en">');
    expect(listHtml).toContain('Caught emails');
    expect(listHtml).not.toContain('<script');
    expect(listHtml).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(listHtml.indexOf(french!.id)).toBeLessThan(listHtml.indexOf(english!.id));

    const frenchList = await (await fetch(`${base}/mail?lang=fr`)).text();
    expect(frenchList).toContain('<html lang="fr">');
    expect(frenchList).toContain('E-mails interceptés');
    const acceptFrench = await fetch(`${base}/mail`, { headers: { 'accept-language': 'fr-FR' } });
    expect(await acceptFrench.text()).toContain('E-mails interceptés');

    // The JSON list carries the text, where a test reads its pickup code.
    const json = (await (await fetch(`${base}/mail/messages.json`)).json()) as {
      messages: CaughtMail[];
    };
    expect(json.messages.map((mail) => mail.id)).toEqual(caught.map((mail) => mail.id));
    expect(json.messages[1]!.text).toContain('11112222');
    expect(json.messages[0]!.text).toContain('33334444');

    // One message: HTML in a sandboxed frame with its QR as a data: URI, text escaped.
    const one = await fetch(`${base}/mail/${french!.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-security-policy')).toContain('img-src data:');
    const oneHtml = await one.text();
    expect(oneHtml).toContain('<iframe sandbox srcdoc="');
    expect(oneHtml).toContain('data:image/png;base64,');
    expect(oneHtml).not.toContain('cid:pickup-qr');
    expect(oneHtml).not.toContain('<script');
    expect(oneHtml).toContain('<pre>Bonjour Eve &lt;script&gt;');

    // The raw message is the one the SMTP server received, and what was written to the folder.
    const raw = await fetch(`${base}/mail/${english!.id}.eml`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    const rawBytes = Buffer.from(await raw.arrayBuffer());
    expect(rawBytes.equals(catcher.store.raw(english!.id)!)).toBe(true);
    expect(rawBytes.equals(readFileSync(path.join(folder.path, `${english!.id}.eml`)))).toBe(true);
    const reparsed = await simpleParser(rawBytes);
    expect(reparsed.subject).toBe('Your parcel is ready for pickup: Hall B');

    expect((await fetch(`${base}/mail/no-such-id`)).status).toBe(404);
    expect((await fetch(`${base}/mail/no-such-id.eml`)).status).toBe(404);
  });
});

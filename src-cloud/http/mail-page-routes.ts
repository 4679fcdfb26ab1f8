import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { MailCatcherStore } from '../mail-catcher/mail-catcher-store.js';
import {
  mailPageCsp,
  renderMailList,
  renderMailMessage,
  renderNotFound,
} from '../mail-catcher/mail-page-html.js';
import { pageLanguage } from '../mail-catcher/page-language.js';

/** Kept out of the OpenAPI document: a demo aid, not part of the cloud's API. */
const hidden = { schema: { hide: true } };

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', mailPageCsp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html);
}

/**
 * The local mail catcher's pages (`npm start`): `/mail` lists the caught emails, `/mail/<id>`
 * shows one, `/mail/<id>.eml` is its raw source and `/mail/messages.json` everything as JSON
 * (tests read pickup codes from it). Registered only when the server runs a catcher.
 */
export function mailPageRoutes(store: MailCatcherStore): FastifyPluginAsync {
  return (app) => {
    app.get('/mail', hidden, async (request, reply) => {
      const language = pageLanguage(request.query, request.headers['accept-language']);
      return sendPage(reply, 200, renderMailList(store.list(), language));
    });

    app.get('/mail/messages.json', hidden, async (_request, reply) => {
      return reply.header('cache-control', 'no-store').send({ messages: store.list() });
    });

    app.get<{ Params: { id: string } }>('/mail/:id', hidden, async (request, reply) => {
      const language = pageLanguage(request.query, request.headers['accept-language']);
      const { id } = request.params;
      if (id.endsWith('.eml')) {
        const raw = store.raw(id.slice(0, -'.eml'.length));
        if (raw === undefined) {
          return sendPage(reply, 404, renderNotFound(language));
        }
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', `attachment; filename="${id.replace(/[^\w.-]/g, '_')}"`)
          .header('x-content-type-options', 'nosniff')
          .send(raw);
      }
      const mail = store.get(id);
      if (mail === undefined) {
        return sendPage(reply, 404, renderNotFound(language));
      }
      const resolve = (contentId: string) => store.inlineContent(id, contentId);
      return sendPage(reply, 200, renderMailMessage(mail, resolve, language));
    });
    return Promise.resolve();
  };
}

import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { maxWireMessageBytes } from '../../src-shared/api/wire.js';
import type { KioskDispatcher } from '../api/dispatcher.js';
import type { Logger } from '../logging/logger.js';
import { isAllowedOrigin } from './allowed-origin.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { serveKioskSession } from './websocket-session.js';

export interface KioskHostOptions {
  dispatcher: KioskDispatcher;
  /** The built renderer (dist/renderer). */
  rendererFolder: string;
  logger: Logger;
  /** 0 picks a free port. */
  port?: number;
}

export interface KioskHost {
  url: string;
  close(): Promise<void>;
}

/**
 * The browser transport (architecture.md): serves the built kiosk UI and the kiosk API over a
 * WebSocket at /api, on loopback only. What the browser tests drive, what `npm start` uses when
 * Electron cannot run, and a supported way to run a kiosk in a plain Chromium.
 */
export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  if (!existsSync(options.rendererFolder)) {
    throw new Error(
      `The kiosk UI is not built (${options.rendererFolder} is missing): run npm run build:renderer.`,
    );
  }
  const server = Fastify({ loggerInstance: options.logger, bodyLimit: maxWireMessageBytes });
  await server.register(fastifyWebsocket, { options: { maxPayload: maxWireMessageBytes } });

  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  server.get(
    '/api',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!isAllowedOrigin(request.headers.origin, request.headers.host)) {
          options.logger.warn(
            { origin: request.headers.origin },
            'refused a kiosk API socket from another origin',
          );
          await reply.code(403).send({ error: 'forbidden origin' });
        }
      },
    },
    (socket) => {
      serveKioskSession(socket, options.dispatcher, options.logger);
    },
  );

  await server.register(fastifyStatic, { root: options.rendererFolder, index: ['index.html'] });

  const address = await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: `${address}/`,
    close: async () => {
      await server.close();
    },
  };
}

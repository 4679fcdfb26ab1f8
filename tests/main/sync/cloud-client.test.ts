import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../../../src-main/sync/cloud-client.js';
import type { CloudFailure } from '../../../src-main/sync/cloud-failure.js';
import type { PushRequest } from '../../../src-shared/sync/push.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A real HTTP server on loopback, answering as each test says. */
async function loopbackCloud(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handler(request, Buffer.concat(chunks).toString('utf8'), response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const pushRequest: PushRequest = {
  incarnationId: 'incarnation-1',
  mutations: [
    {
      id: 1,
      name: 'door.closed',
      v: 1,
      args: { activityId: 'a-1' },
      argsHash: 'a'.repeat(64),
      hlc: '0001',
      wallTime: 1,
    },
  ],
};

describe('the cloud client over real HTTP', () => {
  let server: Server | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (server) {
        server.close(() => resolve());
      } else {
        resolve();
      }
    });
    server = undefined;
  });

  const start = async (handler: Handler): Promise<string> => {
    const cloud = await loopbackCloud(handler);
    server = cloud.server;
    return cloud.url;
  };

  it('posts JSON with the Bearer credential and validates the answer', async () => {
    const seen: { path?: string; authorization?: string; body?: unknown } = {};
    const url = await start((request, body, response) => {
      seen.path = request.url;
      seen.authorization = request.headers.authorization;
      seen.body = JSON.parse(body);
      answer(response, 200, { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
    });
    const client = createCloudClient({ cloudUrl: url, credential: 'kiosk-1.secret' });

    const result = await client.push(pushRequest);

    expect(result).toEqual({
      ok: true,
      value: { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] },
    });
    expect(seen).toEqual({
      path: '/v1/sync/push',
      authorization: 'Bearer kiosk-1.secret',
      body: pushRequest,
    });
  });

  const failureFor = async (status: number, body: unknown): Promise<CloudFailure | undefined> => {
    const url = await start((_request, _body, response) => answer(response, status, body));
    const result = await createCloudClient({ cloudUrl: url, credential: 'c' }).push(pushRequest);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    return result.ok ? undefined : result.failure;
  };

  it('sorts the cloud refusals into what the kiosk does about them', async () => {
    expect(await failureFor(401, { error: 'credential_revoked', message: 'm' })).toMatchObject({
      kind: 'revoked',
      problem: 'credential_revoked',
    });
    expect(await failureFor(401, { error: 'unauthorized', message: 'm' })).toMatchObject({
      kind: 'revoked',
      problem: 'unauthorized',
    });
    expect(await failureFor(403, { error: 'enrolment_code_invalid', message: 'm' })).toMatchObject({
      kind: 'enrolment_code_invalid',
    });
    expect(await failureFor(409, { error: 'unknown_incarnation', message: 'm' })).toMatchObject({
      kind: 'unknown_incarnation',
    });
    expect(
      await failureFor(422, { error: 'mutation_gap', message: 'm', expectedNextId: 4 }),
    ).toMatchObject({ kind: 'mutation_gap', expectedNextId: 4 });
    expect(await failureFor(503, { error: 'temporarily_unavailable', message: 'm' })).toMatchObject(
      { kind: 'temporary', problem: 'temporarily_unavailable' },
    );
    expect(await failureFor(500, { error: 'boom' })).toMatchObject({
      kind: 'temporary',
      problem: 'server_error',
    });
    expect(await failureFor(400, { error: 'invalid_request', message: 'm' })).toMatchObject({
      kind: 'temporary',
      problem: 'request_refused',
    });
    expect(await failureFor(200, '<html>captive portal</html>')).toMatchObject({
      kind: 'temporary',
      problem: 'invalid_response',
    });
  });

  it('treats a refused connection as the network and a slow cloud as a timeout', async () => {
    const url = await start(() => {
      // Never answers.
    });
    const slow = await createCloudClient({ cloudUrl: url, credential: 'c', timeoutMs: 200 }).push(
      pushRequest,
    );
    expect(slow).toMatchObject({ ok: false, failure: { kind: 'temporary', problem: 'timeout' } });

    const closed = await createCloudClient({
      cloudUrl: 'http://127.0.0.1:1/',
      credential: 'c',
    }).push(pushRequest);
    expect(closed).toMatchObject({ ok: false, failure: { kind: 'temporary', problem: 'network' } });
  });

  it('reports a request it cancelled itself as aborted', async () => {
    const url = await start(() => {
      // Never answers: the kiosk stops first.
    });
    const controller = new AbortController();
    const pending = createCloudClient({ cloudUrl: url, credential: 'c' }).pull(
      { cookie: null, waitMs: 25_000, appVersion: '0.1.0' },
      { signal: controller.signal },
    );
    controller.abort();

    expect(await pending).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
  });

  it('never follows a redirect with the credential', async () => {
    let hops = 0;
    const url = await start((_request, _body, response) => {
      hops += 1;
      response.writeHead(302, { location: 'http://127.0.0.1:9/steal' });
      response.end();
    });
    const result = await createCloudClient({ cloudUrl: url, credential: 'c' }).push(pushRequest);

    expect(result.ok).toBe(false);
    expect(hops).toBe(1);
  });
});

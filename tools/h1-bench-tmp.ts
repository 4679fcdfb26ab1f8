import { startPostgresCluster } from './test/postgres-cluster.js';
import { openCloudDatabase } from '../src-cloud/db/open-cloud-database.js';
import { applyPush } from '../src-cloud/sync/apply-push.js';
import { seedTenant, enrolBank, fact, notification, startMs } from '../tests/cloud/sync/sync-fixture.js';
import pg from 'pg';

const cluster = await startPostgresCluster();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query('CREATE DATABASE benchx');
await admin.end();
const url = new URL(cluster.url); url.pathname = '/benchx';
const cloud = await openCloudDatabase({ url: url.toString() });
await seedTenant(cloud.db, 't', ['bank-a']);
const { identity } = await enrolBank(cloud.db, 'bank-a');
const total = Number(process.env.TOTAL ?? 100_000);
const muts = [];
for (let id = 1; id <= total; id++) {
  const r = id % 4;
  if (r === 0 && process.env.NOTES === "1") muts.push(notification(id, `n${id}`));
  else if (r === 0) muts.push(fact(id, "door.closed", { compartmentId: "c1", details: {} }));
  else if (r === 1) muts.push(fact(id, 'parcel.deposited', { compartmentId: `c${id % 50}`, details: { parcelId: `p${id}`, recipient: { kind: 'contact', id: 'x' }, expiresAtMs: startMs } }));
  else if (r === 2) muts.push(fact(id, 'parcel.picked_up', { compartmentId: `c${id % 50}`, details: { parcelId: `p${id - 1}` } }));
  else muts.push(fact(id, 'door.closed', { compartmentId: 'c1', details: {} }));
}
const t0 = performance.now();
for (let start = 0; start < total; start += 1000) {
  await applyPush(cloud.db, identity, { incarnationId: identity.incarnationId, mutations: muts.slice(start, start + 1000) }, startMs);
}
console.log('100k push ms', Math.round(performance.now() - t0));
await cloud.close();
await cluster.stop();

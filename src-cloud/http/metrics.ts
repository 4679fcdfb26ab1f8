import { count, inArray, isNull } from 'drizzle-orm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../../src-shared/time/clock.js';
import type { CloudDatabase } from '../db/open-cloud-database.js';
import { alerts, devices, emailOutbox } from '../db/schema.js';

export interface CloudMetrics {
  registry: Registry;
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
}

const deviceLabels = ['tenant_id', 'bank_id', 'device_id'] as const;

/**
 * The app's Prometheus metrics, in a registry of its own so two apps in one process (tests, a
 * blue/green pair) never clash. Gauges of state read the database when scraped: the database is
 * the truth shared by every instance, and an instance keeps nothing of its own to report.
 */
export function createCloudMetrics(database: CloudDatabase, clock: Clock): CloudMetrics {
  const registry = new Registry();
  const { db } = database;
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'casier_http_request_duration_seconds',
    help: 'Latency of HTTP requests by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const liveDevices = () =>
    db
      .select({
        tenantId: devices.tenantId,
        bankId: devices.bankId,
        deviceId: devices.id,
        lastSeenAt: devices.lastSeenAt,
        clockSkewMs: devices.clockSkewMs,
        lastMutationId: devices.lastMutationId,
      })
      .from(devices)
      .where(isNull(devices.revokedAt));
  const labelsOf = (row: { tenantId: string; bankId: string; deviceId: string }) => ({
    tenant_id: row.tenantId,
    bank_id: row.bankId,
    device_id: row.deviceId,
  });

  new Gauge({
    name: 'casier_device_sync_lag_seconds',
    help: 'Seconds since each enrolled device last synced (its last_seen_at).',
    labelNames: deviceLabels,
    registers: [registry],
    async collect() {
      const rows = await liveDevices();
      this.reset();
      const nowMs = clock.now();
      for (const row of rows) {
        if (row.lastSeenAt !== null) {
          this.set(labelsOf(row), Math.max(0, nowMs - row.lastSeenAt) / 1000);
        }
      }
    },
  });

  new Gauge({
    name: 'casier_device_clock_skew_seconds',
    help: 'Each device’s wall clock minus the server’s at its last push.',
    labelNames: deviceLabels,
    registers: [registry],
    async collect() {
      const rows = await liveDevices();
      this.reset();
      for (const row of rows) {
        if (row.clockSkewMs !== null) {
          this.set(labelsOf(row), row.clockSkewMs / 1000);
        }
      }
    },
  });

  new Gauge({
    name: 'casier_device_last_mutation_id',
    help: 'The last mutation id applied per device: its rate is the pushed mutations rate.',
    labelNames: deviceLabels,
    registers: [registry],
    async collect() {
      const rows = await liveDevices();
      this.reset();
      for (const row of rows) {
        this.set(labelsOf(row), row.lastMutationId);
      }
    },
  });

  countGauge(registry, {
    name: 'casier_email_outbox_messages',
    help: 'Emails waiting to be sent (pending) or given up on (failed).',
    label: 'state',
    // Reported as 0 when there are none, so an alert on "failed > 0" sees the series at all.
    always: ['pending', 'failed'],
    counts: () =>
      db
        .select({ key: emailOutbox.state, total: count() })
        .from(emailOutbox)
        .where(inArray(emailOutbox.state, ['pending', 'failed']))
        .groupBy(emailOutbox.state),
  });

  countGauge(registry, {
    name: 'casier_alerts_open',
    help: 'Unresolved alerts an admin must look at, by kind.',
    label: 'kind',
    always: [],
    counts: () =>
      db
        .select({ key: alerts.kind, total: count() })
        .from(alerts)
        .where(isNull(alerts.resolvedAt))
        .groupBy(alerts.kind),
  });

  return {
    registry,
    observeRequest(labels, seconds) {
      requestDuration.observe({ ...labels, status: String(labels.status) }, seconds);
    },
  };
}

/** A gauge of row counts by one label, read from the database at each scrape. */
function countGauge(
  registry: Registry,
  gauge: {
    name: string;
    help: string;
    label: string;
    always: readonly string[];
    counts: () => Promise<{ key: string; total: number }[]>;
  },
): void {
  new Gauge({
    name: gauge.name,
    help: gauge.help,
    labelNames: [gauge.label],
    registers: [registry],
    async collect() {
      const rows = await gauge.counts();
      this.reset();
      for (const key of gauge.always) {
        this.set({ [gauge.label]: key }, 0);
      }
      for (const row of rows) {
        this.set({ [gauge.label]: row.key }, row.total);
      }
    },
  });
}

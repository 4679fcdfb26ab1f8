import type { ActivityType } from '../../../src-shared/domain/activity.js';
import type { DeviceIdentity } from '../../auth/device-auth.js';
import type { CloudTx } from '../../db/open-cloud-database.js';
import { sql } from 'drizzle-orm';
import type { EmailToQueue } from '../../email/queue-email.js';
import { raiseAlerts, type AlertToRaise } from '../alerts.js';
import { inChunks, resultRows, unnestRows, type BulkColumn } from '../bulk-sql.js';
import { queueEmails } from '../../email/queue-email.js';
import { compensateIntents } from './intent-compensation.js';
import { projectFact, PhysicalProjection } from './physical-projection.js';

/** One kiosk activity row as it reached the server, before it is stored. */
export interface ReceivedFact {
  activityId: string;
  type: ActivityType;
  compartmentId: string | null;
  actor: string;
  details: Record<string, unknown>;
  mutationId: number;
  hlc: string;
  wallTime: number;
}

/**
 * The effects of one push batch, collected while its mutations are applied in order and then
 * written in a few multi-row statements: a catch-up of 100,000 mutations must not cost a round
 * trip per row. Everything is still written in the batch's one transaction.
 */
const activityColumns: readonly BulkColumn<ReceivedFact>[] = [
  ['id', 'text', (fact) => fact.activityId],
  ['mutation_id', 'bigint', (fact) => fact.mutationId],
  ['type', 'text', (fact) => fact.type],
  ['compartment_id', 'text', (fact) => fact.compartmentId],
  ['actor', 'text', (fact) => fact.actor],
  ['details', 'text', (fact) => JSON.stringify(fact.details)],
  ['hlc', 'text', (fact) => fact.hlc],
  ['wall_time', 'bigint', (fact) => fact.wallTime],
];

export class BatchEffects {
  readonly #facts: ReceivedFact[] = [];
  readonly #alerts: AlertToRaise[] = [];
  readonly #emails: EmailToQueue[] = [];

  constructor(
    readonly device: DeviceIdentity,
    readonly nowMs: number,
  ) {}

  addFact(fact: ReceivedFact): void {
    this.#facts.push(fact);
  }

  addEmail(email: EmailToQueue): void {
    this.#emails.push(email);
  }

  addAlert(alert: Omit<AlertToRaise, 'tenantId' | 'bankId' | 'deviceId'>): void {
    this.#alerts.push({
      ...alert,
      tenantId: this.device.tenantId,
      bankId: this.device.bankId,
      deviceId: this.device.deviceId,
    });
  }

  async flush(tx: CloudTx): Promise<void> {
    const fresh = await this.#insertActivities(tx);
    const projection = new PhysicalProjection(this.device, this.nowMs);
    for (const fact of fresh) {
      const problem = projectFact(fact, projection);
      if (problem !== null) {
        this.addAlert({
          kind: 'fact_not_projected',
          details: { activityId: fact.activityId, type: fact.type, problem },
        });
      }
    }
    await projection.flush(tx);
    const compensation = await compensateIntents(tx, this.device, projection, this.nowMs);
    for (const alert of compensation) {
      this.addAlert(alert);
    }
    await queueEmails(tx, this.#emails, this.nowMs);
    await raiseAlerts(tx, this.#alerts, this.nowMs);
  }

  /**
   * Stores the activity rows; returns the ones that were new, in order. An activity the server
   * already has (same bank, same id: sent again under another mutation id) changes nothing.
   */
  async #insertActivities(tx: CloudTx): Promise<ReceivedFact[]> {
    const seen = new Set<string>();
    const unique = this.#facts.filter((fact) => {
      const first = !seen.has(fact.activityId);
      seen.add(fact.activityId);
      return first;
    });
    const inserted = new Set<string>();
    const { bankId, tenantId, deviceId } = this.device;
    for (const facts of inChunks(unique)) {
      const result = await tx.execute(sql`
        INSERT INTO activity (bank_id, id, tenant_id, device_id, mutation_id, type,
          compartment_id, actor, details, hlc, wall_time, received_at)
        SELECT ${bankId}, u.id, ${tenantId}, ${deviceId}, u.mutation_id, u.type,
          u.compartment_id, u.actor, u.details::jsonb, u.hlc, u.wall_time, ${this.nowMs}::bigint
        FROM ${unnestRows(facts, activityColumns)}
        ON CONFLICT DO NOTHING
        RETURNING id`);
      for (const row of resultRows<{ id: string }>(result)) {
        inserted.add(row.id);
      }
    }
    return unique.filter((fact) => inserted.has(fact.activityId));
  }
}

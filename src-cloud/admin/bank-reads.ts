import { and, asc, count, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { CloudDb } from '../db/open-cloud-database.js';
import { activities, alerts, bankParcels, devices, emailOutbox } from '../db/schema.js';
import { AdminError, notFound } from './admin-error.js';
import { requireBank } from './banks.js';

/**
 * The admin API's reads. Every one names the caller's tenant in its WHERE clause (after
 * requireBank where a bank is named), so another tenant's rows are never read.
 */

const cursorSeparator = '~';

function activityCursor(row: { hlc: string; id: string }): string {
  return `${row.hlc}${cursorSeparator}${row.id}`;
}

/** The bank's activity log in HLC order, a page after a cursor. */
export async function readBankActivity(
  db: CloudDb,
  tenantId: string,
  bankId: string,
  page: { limit: number; after?: string | undefined },
) {
  await requireBank(db, tenantId, bankId);
  const conditions: SQL[] = [eq(activities.bankId, bankId), eq(activities.tenantId, tenantId)];
  if (page.after !== undefined) {
    const split = page.after.lastIndexOf(cursorSeparator);
    if (split < 0) {
      throw new AdminError('invalid_request', 'after: not a cursor this API gave.');
    }
    const hlc = page.after.slice(0, split);
    const id = page.after.slice(split + 1);
    conditions.push(
      or(gt(activities.hlc, hlc), and(eq(activities.hlc, hlc), gt(activities.id, id))) as SQL,
    );
  }
  const rows = await db
    .select({
      id: activities.id,
      deviceId: activities.deviceId,
      mutationId: activities.mutationId,
      type: activities.type,
      compartmentId: activities.compartmentId,
      actor: activities.actor,
      details: activities.details,
      hlc: activities.hlc,
      wallTime: activities.wallTime,
      receivedAt: activities.receivedAt,
    })
    .from(activities)
    .where(and(...conditions))
    .orderBy(asc(activities.hlc), asc(activities.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? activityCursor(last) : null };
}

/** The server's view of what is in the bank (bank_parcel), most recently changed first. */
export async function readBankParcels(db: CloudDb, tenantId: string, bankId: string) {
  await requireBank(db, tenantId, bankId);
  const items = await db
    .select({
      parcelId: bankParcels.parcelId,
      compartmentId: bankParcels.compartmentId,
      state: bankParcels.state,
      recipientContactId: bankParcels.recipientContactId,
      expiresAt: bankParcels.expiresAt,
      updatedAt: bankParcels.updatedAt,
    })
    .from(bankParcels)
    .where(and(eq(bankParcels.bankId, bankId), eq(bankParcels.tenantId, tenantId)))
    .orderBy(desc(bankParcels.updatedAt), asc(bankParcels.parcelId));
  return { items };
}

async function emailCount(db: CloudDb, bankId: string, state: 'pending' | 'failed') {
  const [row] = await db
    .select({ total: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.bankId, bankId), eq(emailOutbox.state, state)));
  return row?.total ?? 0;
}

/** Devices, when each was last seen and how far its mutations got, and what waits on the bank. */
export async function readBankStatus(db: CloudDb, tenantId: string, bankId: string) {
  const bank = await requireBank(db, tenantId, bankId);
  const [deviceRows, pendingEmails, failedEmails, [alertRow]] = await Promise.all([
    db
      .select({
        deviceId: devices.id,
        incarnationId: devices.incarnationId,
        enrolledAt: devices.enrolledAt,
        lastSeenAt: devices.lastSeenAt,
        lastMutationId: devices.lastMutationId,
        clockSkewMs: devices.clockSkewMs,
        revokedAt: devices.revokedAt,
      })
      .from(devices)
      .where(and(eq(devices.bankId, bankId), eq(devices.tenantId, tenantId)))
      .orderBy(asc(devices.enrolledAt)),
    emailCount(db, bankId, 'pending'),
    emailCount(db, bankId, 'failed'),
    db
      .select({ total: count() })
      .from(alerts)
      .where(
        and(eq(alerts.tenantId, tenantId), eq(alerts.bankId, bankId), isNull(alerts.resolvedAt)),
      ),
  ]);
  return {
    bankId: bank.id,
    name: bank.name,
    version: bank.version,
    enrolmentPending: bank.enrolmentCodeHash !== null,
    devices: deviceRows,
    pendingEmails,
    failedEmails,
    openAlerts: alertRow?.total ?? 0,
  };
}

export async function listAlerts(
  db: CloudDb,
  tenantId: string,
  query: { bankId?: string | undefined; open: boolean; limit: number },
) {
  const conditions: SQL[] = [eq(alerts.tenantId, tenantId)];
  if (query.bankId !== undefined) {
    await requireBank(db, tenantId, query.bankId);
    conditions.push(eq(alerts.bankId, query.bankId));
  }
  if (query.open) {
    conditions.push(isNull(alerts.resolvedAt));
  }
  const items = await db
    .select({
      id: alerts.id,
      bankId: alerts.bankId,
      kind: alerts.kind,
      message: alerts.message,
      details: alerts.details,
      createdAt: alerts.createdAt,
      resolvedAt: alerts.resolvedAt,
    })
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.createdAt), asc(alerts.id))
    .limit(query.limit);
  return { items };
}

/** Marks one of the tenant's alerts as looked at; resolving it twice keeps the first time. */
export async function resolveAlert(
  db: CloudDb,
  tenantId: string,
  alertId: string,
  nowMs: number,
): Promise<void> {
  const [row] = await db
    .select({ resolvedAt: alerts.resolvedAt })
    .from(alerts)
    .where(and(eq(alerts.id, alertId), eq(alerts.tenantId, tenantId)));
  if (row === undefined) {
    throw notFound('alert', alertId);
  }
  if (row.resolvedAt === null) {
    await db
      .update(alerts)
      .set({ resolvedAt: nowMs })
      .where(and(eq(alerts.id, alertId), eq(alerts.tenantId, tenantId)));
  }
}

/** The email outbox as a list of deliveries: never the text or html, which carry codes. */
export async function listEmails(
  db: CloudDb,
  tenantId: string,
  query: { bankId?: string | undefined; state?: string | undefined; limit: number },
) {
  const conditions: SQL[] = [eq(emailOutbox.tenantId, tenantId)];
  if (query.bankId !== undefined) {
    await requireBank(db, tenantId, query.bankId);
    conditions.push(eq(emailOutbox.bankId, query.bankId));
  }
  if (query.state !== undefined) {
    conditions.push(eq(emailOutbox.state, query.state as 'pending'));
  }
  const items = await db
    .select({
      id: emailOutbox.id,
      bankId: emailOutbox.bankId,
      kind: emailOutbox.kind,
      state: emailOutbox.state,
      toName: emailOutbox.toName,
      toEmail: emailOutbox.toEmail,
      subject: emailOutbox.subject,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(and(...conditions))
    .orderBy(desc(emailOutbox.createdAt), asc(emailOutbox.id))
    .limit(query.limit);
  return { items };
}

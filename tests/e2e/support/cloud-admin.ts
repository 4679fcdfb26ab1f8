import type { z } from 'zod';
import { ActivityPage, BankStatus } from '../../../src-cloud/admin/admin-schemas.js';

/** What a console needs to read one bank through the cloud's admin API. */
export interface CloudBankAccess {
  cloudUrl: string;
  adminToken: string;
  bankId: string;
}

export type CloudActivity = z.infer<typeof ActivityPage>['items'][number];

/** A GET of the admin API, its answer checked against the API's own response schema. */
async function adminGet<T>(
  access: CloudBankAccess,
  path: string,
  schema: { parse(value: unknown): T },
): Promise<T> {
  const response = await fetch(`${access.cloudUrl}${path}`, {
    headers: { authorization: `Bearer ${access.adminToken}` },
  });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  }
  return schema.parse(await response.json());
}

/** The bank's whole activity log, every page of it, in HLC order. */
export async function allBankActivity(access: CloudBankAccess): Promise<CloudActivity[]> {
  const items: CloudActivity[] = [];
  let after: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({
      limit: '1000',
      ...(after === null ? {} : { after }),
    });
    const page: z.infer<typeof ActivityPage> = await adminGet(
      access,
      `/v1/admin/banks/${access.bankId}/activity?${query.toString()}`,
      ActivityPage,
    );
    items.push(...page.items);
    after = page.next;
  } while (after !== null);
  return items;
}

/** The bank's devices (last seen…) and what waits on it (pending emails, open alerts). */
export function bankStatus(access: CloudBankAccess): Promise<z.infer<typeof BankStatus>> {
  return adminGet(access, `/v1/admin/banks/${access.bankId}/status`, BankStatus);
}

/** A text field of an activity's details (`parcelId`, `label`…), if it has one. */
export function detailOf(activity: CloudActivity, key: string): string | undefined {
  const details = activity.details;
  if (typeof details !== 'object' || details === null) {
    return undefined;
  }
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

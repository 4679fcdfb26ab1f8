import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CoreHarness } from '../core/core-harness.js';
import {
  contactNamed,
  contactOf,
  depositParcel,
  dropOffRequest,
  readNotices,
  scanned,
  startFlowHarness,
  takeParcels,
} from './flow-kit.js';

/**
 * X3, security.md: generated codes are never logged. The whole core logs at its most verbose
 * level while parcels are deposited and picked up by code, by QR and after mistyped codes; no
 * digit run in any log line may be one of the codes the recipients received.
 */
function digitRuns(text: string): Set<string> {
  return new Set(text.match(/[0-9]+/g) ?? []);
}

describe('codes in the kiosk core’s logs', () => {
  it('never contain a recipient’s code', async () => {
    const lines: string[] = [];
    // No pid, no hostname: the only digits are what the core itself wrote.
    const logger = pino(
      { level: 'trace', base: null },
      { write: (line: string) => lines.push(line) },
    );
    const harness: CoreHarness = await startFlowHarness({ coreOptions: { logger } });
    try {
      const recipients = [
        contactNamed(harness, "James O'Connor"),
        contactOf(harness, 'P10001'),
        contactNamed(harness, 'François Côté'),
      ];
      const parcelIds: string[] = [];
      for (const recipient of recipients) {
        parcelIds.push((await depositParcel(harness, dropOffRequest(recipient))).parcelId ?? '');
      }
      const notices = await readNotices(harness);
      const ours = notices.slice(-recipients.length);
      const codes = ours.map((notice) => notice.code);
      expect(codes.every((code) => /^\d{6,}$/.test(code))).toBe(true);

      // A near miss of a real code is typed too: it must not be logged either.
      const nearMiss = `${codes[0]!.slice(0, -1)}${(Number(codes[0]!.at(-1)) + 1) % 10}`;
      await harness.invoke('pickup.withCode', { code: nearMiss });
      const byCode = await harness.call('pickup.withCode', { code: codes[0]! });
      await takeParcels(harness, byCode, [parcelIds[0]!]);
      const byQr = await harness.call('pickup.withScan', {
        scanId: await scanned(harness, ours[1]!.qrText ?? ''),
      });
      await takeParcels(harness, byQr, [parcelIds[1]!]);
      await harness.invoke('pickup.withCode', { code: codes[0]! });

      // The code machinery did log: each issue, the miss, each acceptance.
      const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages.filter((msg) => msg === 'code issued')).toHaveLength(3);
      expect(messages).toContain('code rejected');
      expect(messages).toContain('pickup token accepted');
      const logged = digitRuns(lines.join('\n'));
      expect(codes.filter((code) => logged.has(code))).toEqual([]);
      expect(logged.has(nearMiss)).toBe(false);
      // Nor the QR texts, which open doors as well as the digits do.
      expect(lines.filter((line) => ours.some((n) => n.qrText && line.includes(n.qrText)))).toEqual(
        [],
      );
    } finally {
      await harness.stop();
    }
  });
});

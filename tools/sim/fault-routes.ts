import { z } from 'zod';
import { parseControlInput } from './control-input.js';
import type { ControlRoute, ControlTarget } from './control-route.js';
import { lockFromPath, lockView, requireItemSensors } from './control-route.js';
import { lineFaultPatchSchema } from './line-faults.js';

/**
 * Switching faults on and off while the kiosk talks to the boards (README.md lists them):
 *
 *   GET  /faults                        line faults and every door that has a fault
 *   POST /faults/line                   {"noReply":true, "slowReply":{"delayMs":800}, ...}
 *   POST /doors/:board/:channel/faults  {"jammed":true, "leftOpen":true, "itemStuck":"present"}
 *   POST /faults/reset                  everything back to working order
 */
export const faultRoutes: ControlRoute[] = [
  { method: 'GET', path: /^\/faults$/, handle: (target) => faultsView(target) },
  {
    method: 'POST',
    path: /^\/faults\/line$/,
    handle: async (target, _params, readBody) => {
      target.lineFaults.update(parseControlInput(lineFaultPatchSchema, await readBody()));
      return faultsView(target);
    },
  },
  {
    method: 'POST',
    path: /^\/faults\/reset$/,
    handle: (target) => {
      target.lineFaults.clear();
      target.simulator.bank.clearFaults();
      return faultsView(target);
    },
  },
  {
    method: 'POST',
    path: /^\/doors\/(\d+)\/(\d+)\/faults$/,
    handle: async (target, params, readBody) => {
      const lock = lockFromPath(target, params);
      const patch = parseControlInput(doorFaultPatchSchema, await readBody());
      if (patch.itemStuck !== undefined) {
        requireItemSensors(target);
      }
      target.simulator.bank.setFaults(lock.board, lock.channel, patch);
      return lockView(target, lock);
    },
  },
];

const doorFaultPatchSchema = z.strictObject({
  jammed: z.boolean().optional(),
  leftOpen: z.boolean().optional(),
  itemStuck: z.enum(['present', 'absent']).nullable().optional(),
});

function faultsView({ lineFaults, simulator }: ControlTarget): unknown {
  const doors = simulator.bank.snapshot().flatMap(({ board, locks }) =>
    locks
      .filter((lock) => lock.jammed || lock.holdOpen || lock.itemStuck !== null)
      .map((lock) => ({
        board,
        channel: lock.channel,
        jammed: lock.jammed,
        leftOpen: lock.holdOpen,
        itemStuck: lock.itemStuck,
      })),
  );
  return { line: lineFaults.current, doors };
}

import type { ControlRoute } from './control-route.js';
import { HttpError, lockFromPath, lockView, requireItemSensors } from './control-route.js';

/**
 * The person at the bank (open and close doors, put items in) and what the boards heard:
 *
 *   GET  /doors                               every board's doors and item sensors
 *   POST /doors/:board/:channel/open          open by hand, without a command (stays open)
 *   POST /doors/:board/:channel/close         close by hand
 *   POST /doors/:board/:channel/hold-open     {"hold":true|false}: stay open after an unlock
 *   POST /items/:board/:channel               {"present":true|false}
 *   GET  /log                                 frames received, valid / ignored counts, line
 *   GET  /settings, POST /settings            protocol settings (KR-CU16 unlock reply mode...)
 */
export const bankRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: /^\/doors$/,
    handle: ({ simulator }) => ({
      protocol: simulator.protocol,
      boards: simulator.bank.snapshot(),
    }),
  },
  {
    method: 'POST',
    path: /^\/doors\/(\d+)\/(\d+)\/(open|close)$/,
    handle: (target, params) => {
      const lock = lockFromPath(target, params);
      if (params[2] === 'open') {
        target.simulator.bank.openByHand(lock.board, lock.channel);
      } else {
        target.simulator.bank.closeByHand(lock.board, lock.channel);
      }
      return lockView(target, lock);
    },
  },
  {
    method: 'POST',
    path: /^\/doors\/(\d+)\/(\d+)\/hold-open$/,
    handle: async (target, params, readBody) => {
      const lock = lockFromPath(target, params);
      const hold = requireBoolean(await readBody(), 'hold');
      target.simulator.bank.setHoldOpen(lock.board, lock.channel, hold);
      return lockView(target, lock);
    },
  },
  {
    method: 'POST',
    path: /^\/items\/(\d+)\/(\d+)$/,
    handle: async (target, params, readBody) => {
      const lock = lockFromPath(target, params);
      requireItemSensors(target);
      const present = requireBoolean(await readBody(), 'present');
      target.simulator.bank.setItem(lock.board, lock.channel, present);
      return lockView(target, lock);
    },
  },
  {
    method: 'GET',
    path: /^\/log$/,
    handle: ({ simulator, transmitter }) => ({
      ...simulator.log(),
      line: transmitter.statistics(),
    }),
  },
  {
    method: 'GET',
    path: /^\/settings$/,
    handle: ({ simulator }) => ({ protocol: simulator.protocol, ...simulator.settings() }),
  },
  {
    method: 'POST',
    path: /^\/settings$/,
    handle: async ({ simulator }, _params, readBody) => ({
      protocol: simulator.protocol,
      ...simulator.changeSettings(await readBody()),
    }),
  },
];

function requireBoolean(body: unknown, field: string): boolean {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'boolean') {
    throw new HttpError(400, `expected a JSON body with "${field}": true or false`);
  }
  return value;
}

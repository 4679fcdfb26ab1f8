import { dirname } from 'node:path';
import { createPtyPair, type PtyPair } from '../../tools/dev/pty-pair.js';

/**
 * A socat pseudo-terminal pair for tests: `createPtyPair(folder)` runs
 * `socat -d -d pty,raw,echo=0,link=<folder>/kiosk-tty pty,raw,echo=0,link=<folder>/board-tty`,
 * waits (bounded, 5 s by default) until both links exist and socat is moving data, and returns
 * `{ kioskSide, deviceSide, process, close() }`; `close()` stops socat and waits for it to exit.
 * The same code starts the pair for `npm start`, so tests exercise what the demo runs.
 */
export { createPtyPair, type PtyPair };

/**
 * "Plugs the adapter back in": stops `pair` if it still runs (socat removes its links as it
 * exits; a stale link left by a killed socat is replaced) and starts a new socat pair on the
 * very same two paths, so a kiosk that keeps reopening `kioskSide` finds the new device.
 */
export async function recreatePtyPair(pair: PtyPair): Promise<PtyPair> {
  await pair.close();
  const next = await createPtyPair(dirname(pair.kioskSide));
  if (next.kioskSide !== pair.kioskSide || next.deviceSide !== pair.deviceSide) {
    await next.close();
    throw new Error(
      `the new pty pair is on ${next.kioskSide} and ${next.deviceSide}, not the old paths`,
    );
  }
  return next;
}

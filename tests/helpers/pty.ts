/**
 * A socat pseudo-terminal pair for tests: `createPtyPair(folder)` runs
 * `socat -d -d pty,raw,echo=0,link=<folder>/kiosk-tty pty,raw,echo=0,link=<folder>/board-tty`,
 * waits (bounded, 5 s by default) until both links exist and socat is moving data, and returns
 * `{ kioskSide, deviceSide, process, close() }`; `close()` stops socat and waits for it to exit.
 * The same code starts the pair for `npm start`, so tests exercise what the demo runs.
 */
export { createPtyPair, type PtyPair } from '../../tools/dev/pty-pair.js';

/**
 * Hybrid logical clock (sync.md "Commands and clocks"): stamps that follow wall time but never go
 * backwards, even when the wall clock jumps back, and that sort as plain strings.
 * Ordering between machines uses server versions and mutation ids; HLC orders a bank's own log.
 */
export interface HlcStamp {
  wallMs: number;
  counter: number;
  node: string;
}

const wallDigits = 15;
const counterDigits = 6;

/** The next stamp after `previous` at wall time `nowMs` for this node. */
export function nextHlc(previous: HlcStamp | undefined, nowMs: number, node: string): HlcStamp {
  if (!previous || nowMs > previous.wallMs) {
    return { wallMs: nowMs, counter: 0, node };
  }
  return { wallMs: previous.wallMs, counter: previous.counter + 1, node };
}

export function formatHlc(stamp: HlcStamp): string {
  const wall = String(stamp.wallMs).padStart(wallDigits, '0');
  const counter = String(stamp.counter).padStart(counterDigits, '0');
  return `${wall}-${counter}-${stamp.node}`;
}

export function parseHlc(text: string): HlcStamp | undefined {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, wall, counter, node] = match;
  return { wallMs: Number(wall), counter: Number(counter), node: node ?? '' };
}

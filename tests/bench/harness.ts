import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One figure of bench-results.json: a measured value next to a baseline from the same run. */
export interface BenchFigure {
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  note: string;
}

/**
 * Median time per operation in microseconds over `rounds` rounds of `perRound` calls, after a
 * warm-up round. Medians resist the odd slow round on a shared 2-core machine.
 */
export async function microsecondsPerOperation(
  operation: () => unknown,
  options: { rounds?: number; perRound?: number } = {},
): Promise<number> {
  const rounds = options.rounds ?? 7;
  const perRound = options.perRound ?? 200;
  const samples: number[] = [];
  for (let round = -1; round < rounds; round++) {
    const started = performance.now();
    for (let call = 0; call < perRound; call++) {
      await operation();
    }
    const elapsedMs = performance.now() - started;
    if (round >= 0) {
      samples.push((elapsedMs * 1000) / perRound);
    }
  }
  return median(samples);
}

/** The median of `samples` (which it sorts in place); NaN for none. */
export function median(samples: number[]): number {
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/**
 * `promise`, or a rejection naming `what` after `timeoutMs`: a bench waiting on another process
 * (a simulator, socat) must fail, never hang, when that process stops answering.
 */
export async function withDeadline<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`bench: no ${what} within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function figure(value: number, baseline: number, unit: string, note: string): BenchFigure {
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(value / baseline),
    note,
  };
}

/** Writes bench-results.json at the repository root and prints the same as a table. */
export function report(root: string, figures: Record<string, BenchFigure>): void {
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.table(
    Object.fromEntries(
      Object.entries(figures).map(([name, entry]) => [
        name,
        { value: entry.value, baseline: entry.baseline, unit: entry.unit, ratio: entry.ratio },
      ]),
    ),
  );
  for (const [name, entry] of Object.entries(figures)) {
    console.log(`${name}: ${entry.note}`);
  }
}

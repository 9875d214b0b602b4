export interface Latency {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Percentiles of a list of durations (ms), nearest-rank. */
export function latencies(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.length ? sorted[sorted.length - 1] : 0 };
}

/**
 * Runs `start` (which calls `done` when finished) and times it, with the longest time between two
 * runs of a 1 ms timer meanwhile: what a request or keystroke arriving then would wait.
 */
export async function timedWithLongestWait(start: (done: () => void) => void): Promise<{ ms: number; longestWaitMs: number }> {
  let last = performance.now();
  let longestWaitMs = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longestWaitMs = Math.max(longestWaitMs, now - last);
    last = now;
    if (ticking) setTimeout(tick, 1);
  };
  await new Promise((resolve) => setTimeout(resolve, 5));
  tick();
  longestWaitMs = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => start(resolve));
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5)); // work made in one go is seen by the next tick
  ticking = false;
  return { ms, longestWaitMs };
}

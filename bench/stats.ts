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

/**
 * Small statistics for the benchmark: medians and spreads of repeated samples,
 * and the interleaving that lets a shared, noisy machine hit both sides of a
 * comparison equally.
 */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

/** Linear-interpolated quantile (q in [0, 1]) of unsorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (at - lo);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p10: quantile(samples, 0.1),
    p90: quantile(samples, 0.9),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs each of `runs` `rounds` times, the order rotating by one each round (for two,
 * ABBA…), so drift from other load on the machine falls on every side alike.
 * Returns each run's timings, in the order given.
 */
export async function inTurn(rounds: number, runs: readonly ((round: number) => Promise<number>)[]): Promise<number[][]> {
  const slots = runs.map((run) => ({ run, times: [] as number[] }));
  for (let round = 0; round < rounds; round += 1) {
    const first = round % Math.max(1, slots.length);
    for (const slot of [...slots.slice(first), ...slots.slice(0, first)]) slot.times.push(await slot.run(round));
  }
  return slots.map((slot) => slot.times);
}

/** `inTurn` for the usual pair: the app's side and its baseline. */
export async function interleave(
  rounds: number,
  a: (round: number) => Promise<number>,
  b: (round: number) => Promise<number>,
): Promise<{ a: number[]; b: number[] }> {
  const [as = [], bs = []] = await inTurn(rounds, [a, b]);
  return { a: as, b: bs };
}

/** A deterministic PRNG (mulberry32), so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OKTA_SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const OKTA_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)] ?? 'A';
  return out;
}

/** An Okta-shaped client ID: `0oa` + 17 alphanumerics (20 characters). */
export function oktaClientId(random: () => number): string {
  return `0oa${randomString(random, OKTA_ID_ALPHABET, 17)}`;
}

/** An Okta-shaped client secret (64 characters of the URL-safe alphabet by default). */
export function oktaClientSecret(random: () => number, length = 64): string {
  return randomString(random, OKTA_SECRET_ALPHABET, length);
}

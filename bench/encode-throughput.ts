/**
 * Encode throughput: core's UTF-8 Base64 encoder against Node's native
 * Buffer.from(s).toString('base64') on the same 1e5 Okta-shaped `id:secret`
 * pairs, in alternating rounds; plus, for context, the full encode
 * (buildBasicCredentials: hygiene, checks, Base64, header) that runs per keystroke.
 */
import { buildBasicCredentials, encodeBase64Utf8 } from '../core/encoding';
import { makeFigure, type Figure } from './figure';
import { interleave, median, nowMs, oktaClientId, oktaClientSecret, seededRandom, summarize } from './stats';

export const PAIRS = 100_000;
const ROUNDS = 5;
/** The full encode is ~10× slower and only context: fewer rounds keep the run short. */
const FULL_ROUNDS = 2;
const ENCODE_RATIO_TARGET = 3;

type Pair = readonly [string, string];

function makePairs(count: number): Pair[] {
  const random = seededRandom(2023);
  return Array.from({ length: count }, (): Pair => [oktaClientId(random), oktaClientSecret(random)]);
}

type Loop = (pairs: readonly Pair[]) => number;

// One loop per encoder, so each call site sees a single function and V8 can inline it
// (a shared loop calling three encoders would be megamorphic and penalise the JS one).
// Each returns the summed output length, so no call can be optimised away.
const coreLoop: Loop = (pairs) => {
  let sum = 0;
  for (const [id, secret] of pairs) sum += encodeBase64Utf8(`${id}:${secret}`).length;
  return sum;
};
const nodeLoop: Loop = (pairs) => {
  let sum = 0;
  for (const [id, secret] of pairs) sum += Buffer.from(`${id}:${secret}`).toString('base64').length;
  return sum;
};
const fullLoop: Loop = (pairs) => {
  let sum = 0;
  for (const [id, secret] of pairs) sum += (buildBasicCredentials({ clientId: id, clientSecret: secret, formEncode: false }).header ?? '').length;
  return sum;
};

/** Wall time, plus this process's CPU time (less sensitive to other load on a shared machine). */
function timed(pairs: readonly Pair[], loop: Loop): { ms: number; cpuMs: number; checksum: number } {
  const cpu = process.cpuUsage();
  const started = nowMs();
  const checksum = loop(pairs);
  const ms = nowMs() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, checksum };
}

export async function encodeThroughputFigures(): Promise<Figure[]> {
  const pairs = makePairs(PAIRS);
  // Same answers first: a fast wrong encoder is no benchmark.
  for (const [id, secret] of pairs.slice(0, 1000)) {
    const expected = Buffer.from(`${id}:${secret}`).toString('base64');
    if (encodeBase64Utf8(`${id}:${secret}`) !== expected) throw new Error('core and Node disagree on a Base64 value');
    if (buildBasicCredentials({ clientId: id, clientSecret: secret, formEncode: false }).header !== `Authorization: Basic ${expected}`) {
      throw new Error('buildBasicCredentials gave an unexpected header');
    }
  }
  // A warm-up pass each (a tenth of the pairs), so every measured round runs optimised code.
  const warm = pairs.slice(0, PAIRS / 10);
  for (const loop of [coreLoop, nodeLoop, fullLoop]) timed(warm, loop);

  const checksums = new Map<Loop, number>();
  const cpu = new Map<Loop, number[]>();
  const run = (loop: Loop) => async (): Promise<number> => {
    const { ms, cpuMs, checksum } = timed(pairs, loop);
    checksums.set(loop, checksum);
    cpu.set(loop, [...(cpu.get(loop) ?? []), cpuMs]);
    return ms;
  };
  const base = await interleave(ROUNDS, run(coreLoop), run(nodeLoop));
  const full = await interleave(FULL_ROUNDS, run(fullLoop), run(nodeLoop));
  if (checksums.get(coreLoop) !== checksums.get(nodeLoop)) throw new Error('core and Node produced different output lengths');
  const core = summarize(base.a);
  const node = summarize([...base.b, ...full.b]);
  const whole = summarize(full.a);
  const perPair = (ms: number): string => `${((ms * 1e6) / PAIRS).toFixed(0)} ns/pair`;
  const cpuMedian = (loop: Loop): number => median(cpu.get(loop) ?? [0]);
  const cpuRatio = cpuMedian(coreLoop) / Math.max(cpuMedian(nodeLoop), 1e-9);
  return [
    makeFigure({
      id: 'encode-throughput',
      label: `encode 1e5 pairs (core Base64)`,
      unit: 'ms',
      measured: core.median,
      baseline: node.median,
      baselineLabel: 'Buffer base64',
      target: { kind: 'ratio', value: ENCODE_RATIO_TARGET },
      detail: `median of ${ROUNDS} alternating rounds over ${PAIRS} pairs (20-char ID, 64-char secret): ` +
        `core ${perPair(core.median)}, Buffer ${perPair(node.median)}; process CPU time ratio ${cpuRatio.toFixed(2)}×`,
      data: {
        pairs: PAIRS, core, buffer: node, coreSamples: base.a, bufferSamples: [...base.b, ...full.b],
        coreCpuMs: cpu.get(coreLoop), bufferCpuMs: cpu.get(nodeLoop), cpuRatio,
      },
    }),
    makeFigure({
      id: 'encode-full',
      label: `full encode 1e5 pairs (hygiene+header)`,
      unit: 'ms',
      measured: whole.median,
      baseline: node.median,
      baselineLabel: 'Buffer base64',
      target: { kind: 'info' },
      detail: `buildBasicCredentials, what runs per keystroke: ${perPair(whole.median)}; no target, for context`,
      data: { pairs: PAIRS, full: whole, fullSamples: full.a },
    }),
  ];
}

/**
 * Token test overhead: 50 sequential token tests through core's runTokenTest
 * (discovery and signing keys cached, as in a session) against 50 raw fetch
 * POSTs of the same request through the same fetch (undici, trusting only the
 * test CA), to a local oidc-provider over HTTPS. The two alternate request by
 * request, so server warm-up and machine drift fall on both.
 */
import * as nodeCrypto from 'node:crypto';
import { createDiscoveryCache, nodeSignatureCheck, runTokenTest } from '../core/okta';
import type { FetchLike, TokenTestInput } from '../core/okta/types';
import { DEFAULT_CLIENT, startAuthServer, tokenTestInput } from '../tests/support/auth-server';
import { createTestFetch } from '../tests/support/node-fetch';
import { makeFigure, type Figure } from './figure';
import { interleave, nowMs, summarize } from './stats';

export const TOKEN_TESTS = 50;
const WARMUP = 5;
const TOKEN_RATIO_TARGET = 1.2;
const TIMEOUT_MS = 10_000;

export async function tokenOverheadFigure(): Promise<Figure> {
  const server = await startAuthServer();
  const fetch = createTestFetch(server.ca);
  try {
    const cache = createDiscoveryCache();
    const input: TokenTestInput = tokenTestInput(server, { timeoutMs: TIMEOUT_MS });
    const authorization = `Basic ${Buffer.from(`${DEFAULT_CLIENT.clientId}:${DEFAULT_CLIENT.clientSecret}`).toString('base64')}`;

    // As both shells (the CLI, Electron's main) run it: Node's synchronous signature check passed in.
    const checkSignature = nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto);
    const viaCore = async (): Promise<number> => {
      const started = nowMs();
      const report = await runTokenTest(input, { fetch, checkSignature }, undefined, { discoveryCache: cache });
      const ms = nowMs() - started;
      // Only codes: a report never holds the secret, but nothing from it needs printing either.
      if (!report.ok || report.token?.signature !== 'verified') throw new Error(`a core token test did not succeed (outcome ${report.outcome}, error ${String(report.error)})`);
      return ms;
    };
    // The same init core sends (Node's RequestInit type lacks `cache`, hence the widened type).
    const rawInit = (): RequestInit & { readonly cache: 'no-store' } => ({
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials&scope=api%3Aread',
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const raw = async (): Promise<number> => {
      const started = nowMs();
      const response = await fetch(server.tokenUrl, rawInit());
      const body: unknown = JSON.parse(await response.text());
      const ms = nowMs() - started;
      const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).access_token : undefined;
      if (response.status !== 200 || typeof token !== 'string') throw new Error(`a raw token POST did not succeed (HTTP ${response.status})`);
      return ms;
    };

    // The first core run fills the discovery cache; the rest warm both paths and the connection pool.
    for (let i = 0; i < WARMUP; i += 1) {
      await viaCore();
      await raw();
    }
    const requestsBefore = server.requestCount();
    const { a: core, b: baseline } = await interleave(TOKEN_TESTS, viaCore, raw);
    const requests = server.requestCount() - requestsBefore;
    if (requests !== TOKEN_TESTS * 2) throw new Error(`expected ${TOKEN_TESTS * 2} requests with discovery cached, the server saw ${requests}`);
    // Diagnosis: core's own work per test, with the network taken out (a canned copy of a real answer).
    const canned = await fetch(server.tokenUrl, rawInit());
    const cannedText = await canned.text();
    const cannedHeaders = [...canned.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name));
    const offline: FetchLike = async () => new Response(cannedText, { status: 200, headers: cannedHeaders });
    const own: number[] = [];
    for (let i = 0; i < TOKEN_TESTS; i += 1) {
      const started = nowMs();
      const report = await runTokenTest(input, { fetch: offline, checkSignature }, undefined, { discoveryCache: cache });
      own.push(nowMs() - started);
      if (!report.ok) throw new Error(`a core token test on a canned answer did not succeed (outcome ${report.outcome})`);
    }
    const ownWork = summarize(own);
    const coreStats = summarize(core);
    const rawStats = summarize(baseline);
    const total = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
    return makeFigure({
      id: 'token-overhead',
      label: 'token test (per request)',
      unit: 'ms',
      measured: coreStats.median,
      baseline: rawStats.median,
      baselineLabel: 'raw fetch POST',
      target: { kind: 'ratio', value: TOKEN_RATIO_TARGET },
      detail: `median of ${TOKEN_TESTS} alternating requests each, discovery cached (the server saw only token POSTs); ` +
        `totals ${total(core).toFixed(0)} vs ${total(baseline).toFixed(0)} ms (${(total(core) / total(baseline)).toFixed(2)}×); ` +
        `p10 ${coreStats.p10.toFixed(2)} vs ${rawStats.p10.toFixed(2)} ms (${(coreStats.p10 / rawStats.p10).toFixed(2)}×, the least disturbed requests); ` +
        `core's own work on a canned answer (no network): median ${ownWork.median.toFixed(2)} ms per test ` +
        '(input checks, capped read, JWT signature check, explanation, redaction)',
      data: {
        core: coreStats, raw: rawStats, coreSamples: core, rawSamples: baseline, coreTotalMs: total(core), rawTotalMs: total(baseline),
        coreOwnWork: ownWork, coreOwnWorkSamples: own,
      },
    });
  } finally {
    await fetch.close();
    await server.close();
  }
}

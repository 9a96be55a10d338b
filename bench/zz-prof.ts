import * as nodeCrypto from 'node:crypto';
import { createDiscoveryCache, runTokenTest, nodeSignatureCheck } from '../core/okta';
import type { FetchLike } from '../core/okta/types';
import { DEFAULT_CLIENT, startAuthServer, tokenTestInput } from '../tests/support/auth-server';
import { createTestFetch } from '../tests/support/node-fetch';
const checkSignature = nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto);
const server = await startAuthServer();
const fetch = createTestFetch(server.ca);
const cache = createDiscoveryCache();
const input = tokenTestInput(server, { timeoutMs: 10000 });
const authorization = `Basic ${Buffer.from(`${DEFAULT_CLIENT.clientId}:${DEFAULT_CLIENT.clientSecret}`).toString('base64')}`;
await runTokenTest(input, { fetch, checkSignature }, undefined, { discoveryCache: cache });
const canned = await fetch(server.tokenUrl, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=api%3Aread' });
const text = await canned.text();
const hdrs = [...canned.headers].filter(([n]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(n));
const offline: FetchLike = async () => new Response(text, { status: 200, headers: hdrs });
const N = Number(process.env.N ?? 3000);
for (let i = 0; i < 300; i++) await runTokenTest(input, { fetch: offline, checkSignature }, undefined, { discoveryCache: cache });
const t0 = performance.now();
for (let i = 0; i < N; i++) { const r = await runTokenTest(input, { fetch: offline, checkSignature }, undefined, { discoveryCache: cache }); if (!r.ok) throw new Error('x'); }
console.log('own work per test', ((performance.now() - t0) / N).toFixed(3), 'ms');
const t1 = performance.now();
for (let i = 0; i < N; i++) { const r = await offline('x', {}); await r.text(); }
console.log('canned fetch+text', ((performance.now() - t1) / N).toFixed(3), 'ms');
await fetch.close(); await server.close();

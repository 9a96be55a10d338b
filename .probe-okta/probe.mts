import { fetch as ufetch, Agent } from 'undici';
import { createTestCa, issueLeafCert } from '/work/main/tests/support/test-ca';
import https from 'node:https';
import net from 'node:net';
function chain(e: unknown): unknown[] { const out=[]; let c: any = e; while (c) { out.push({name:c.name, code:c.code, message:c.message, ctor: c.constructor?.name}); c = c.cause; } return out; }
const ca = await createTestCa(); const other = await createTestCa('other');
const agent = new Agent({ connect: { ca: ca.cert } });
async function tryit(label: string, url: string, extra: any = {}) {
  try { const r = await ufetch(url, { dispatcher: agent, redirect: 'manual', ...extra }); console.log(label, 'status', r.status, r.type, [...r.headers]); await r.text(); }
  catch (e) { console.log(label, JSON.stringify(chain(e))); }
}
const srv = net.createServer(); await new Promise<void>(r=>srv.listen(0,'127.0.0.1',()=>r())); const port=(srv.address() as any).port; await new Promise(r=>srv.close(r));
await tryit('refused', `https://127.0.0.1:${port}/`);
await tryit('dns', `https://nothing.invalid/`);
const leafOther = await issueLeafCert(other);
const s1 = https.createServer({key:leafOther.key, cert:leafOther.cert},(q,s)=>s.end('x')); await new Promise<void>(r=>s1.listen(0,'127.0.0.1',()=>r()));
await tryit('untrusted', `https://127.0.0.1:${(s1.address() as any).port}/`);
const leafMis = await issueLeafCert(ca, {dns:['other.example']});
const s2 = https.createServer({key:leafMis.key, cert:leafMis.cert},(q,s)=>{ console.log('origin hdr', q.headers.origin, q.headers); s.statusCode=302; s.setHeader('location','https://127.0.0.1:1/x'); s.end('x')}); await new Promise<void>(r=>s2.listen(0,'127.0.0.1',()=>r()));
await tryit('mismatch', `https://127.0.0.1:${(s2.address() as any).port}/`);
const leafOk = await issueLeafCert(ca);
const s3 = https.createServer({key:leafOk.key, cert:leafOk.cert},(q,s)=>{ console.log('origin hdr', q.headers); if (q.url==='/hang') return; s.statusCode=302; s.setHeader('location','https://127.0.0.1:1/x'); s.end('x')}); await new Promise<void>(r=>s3.listen(0,'127.0.0.1',()=>r()));
await tryit('redirect', `https://127.0.0.1:${(s3.address() as any).port}/`, {method:'POST', body:'a=b', headers:{'content-type':'application/x-www-form-urlencoded'}, credentials:'omit', cache:'no-store'});
const ac = new AbortController(); setTimeout(()=>ac.abort(new DOMException('t','TimeoutError')),300);
await tryit('timeout', `https://127.0.0.1:${(s3.address() as any).port}/hang`, {signal: ac.signal});
const ac2 = new AbortController(); setTimeout(()=>ac2.abort(),300);
await tryit('abort', `https://127.0.0.1:${(s3.address() as any).port}/hang`, {signal: ac2.signal});
const leafExp = await issueLeafCert(ca);
process.exit(0);

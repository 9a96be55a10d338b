/**
 * A tiny HTTP CONNECT proxy on 127.0.0.1 that records what it is asked, so a
 * test can prove HTTPS_PROXY is honoured, or that something never reached it.
 * It only ever connects onward to loopback: with `anyHost`, every CONNECT
 * target (e.g. okta.proxy.test:PORT) is forwarded to 127.0.0.1 on that port,
 * standing in for the proxy's own name resolution. With `tls`, it is an
 * https:// proxy serving that certificate.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { LeafCert } from '../test-ca';

export interface ConnectProxy {
  readonly url: string;
  /** `host:port` of every CONNECT received, in order. */
  readonly tunnels: readonly string[];
  /** Request lines of every plain (non-CONNECT) proxy request received. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  readonly anyHost?: boolean;
  readonly tls?: LeafCert;
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(405);
    res.end();
  };
  const server = options.tls === undefined ? http.createServer(onRequest) : https.createServer({ key: options.tls.key, cert: options.tls.cert }, onRequest);
  server.on('tlsClientError', () => undefined);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    sockets.add(client);
    client.on('error', () => undefined);
    const match = (options.anyHost === true ? /^([^:]+|\[[^\]]+\]):(\d+)$/ : /^(127\.0\.0\.1|localhost):(\d+)$/).exec(target);
    if (match === null) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(match[2]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    tunnels,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

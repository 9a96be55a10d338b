// Test-only preload (NODE_OPTIONS=--require): names under .proxy.test resolve to
// 127.0.0.1 in this process, so a direct connection to such a name reaches the
// local test server while the CLI still treats the name as a real (proxied) host.
// A preload loaded by node's --require is CommonJS by nature.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dns = require('node:dns');
const original = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'object' && options !== null ? options : {};
  if (typeof hostname === 'string' && hostname.endsWith('.proxy.test')) {
    process.nextTick(() => (opts.all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)));
    return {};
  }
  return original.apply(this, arguments);
};

// A recording HTTP proxy on 127.0.0.1, for the browser whose driver reports no network events (WebKit over classic
// WebDriver). The browser is told to send every request through it (the session's `proxy` capability, with no
// exception for local addresses), so `seen` lists every request the browser makes, whatever its origin, before
// anything leaves the machine. Requests for the local test servers are passed on; anything else is answered 403
// here and never reaches the internet (a privacy test must see a leak, not cause one).

import { createServer, request as forward } from 'node:http';

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Starts the proxy. Returns `{ address: 'host:port', seen: [{ method, url }], close() }`. */
export async function startRecordingProxy() {
  const seen = [];
  const proxy = createServer((request, response) => {
    seen.push({ method: request.method, url: request.url });
    let target;
    try {
      target = new URL(request.url);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !LOCAL.has(target.hostname)) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    const upstream = forward(target, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
    // The test server is gone (the offline test closes it): the browser sees a network error, as offline.
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  // HTTPS goes through CONNECT: recorded with its host, then refused (the app never needs it).
  proxy.on('connect', (request, socket) => {
    seen.push({ method: 'CONNECT', url: `https://${request.url}/` });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    address: `127.0.0.1:${proxy.address().port}`,
    seen,
    close: () =>
      new Promise((done) => {
        proxy.closeAllConnections();
        proxy.close(done);
      }),
  };
}

// What the privacy checks read, in any engine: the build's files, the server's log, the browser's own requests and
// what the page keeps in storage.

import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file of the build at `root`, as the server's paths (`/texts/…`). */
export function buildFiles(root) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [`/${relative(root, path).split('\\').join('/')}`];
    });
  return new Set(walk(root));
}

/**
 * Waits until the app has finished loading: its service worker is active (the offline copy is made) and the
 * server has had no request for half a second (the results' texts, fetched while the start page shows, are in).
 */
export async function settle(page, server) {
  await page.waitFor(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((registration) => registration.active !== null),
      new Promise((done) => setTimeout(done, 500, false)),
    ]),
  );
  let count = -1;
  while (count !== server.requests.length) {
    count = server.requests.length;
    await new Promise((done) => setTimeout(done, 500));
  }
}

/**
 * Checks a log of requests ([{ method, url }]): only GET, no query string but boot.js's (which names the build's
 * files), no answer value in any address; with `files`, only files of the build.
 */
export function checkServerLog(requests, files, answers) {
  const values = Object.values(answers)
    .map(String)
    .filter((value) => value.length > 1 && value !== 'no');
  for (const { method, url } of requests) {
    const { pathname, search } = new URL(url, 'http://127.0.0.1/');
    if (url.startsWith('data:')) continue;
    assert.equal(method, 'GET', `${method} ${url}`);
    assert.ok(search === '' || pathname.endsWith('/boot.js'), `no query string (${url})`);
    for (const value of values) {
      assert.ok(!decodeURIComponent(search).includes(`=${value}`), `the answer ${value} is not in ${url}`);
    }
    if (files) {
      assert.ok(pathname === '/' || files.has(pathname), `${pathname} is a file of the build`);
    }
  }
}

/** The requests in `network` to any origin but the site's (data: and blob: addresses are not requests). */
export function foreignRequests(network, siteUrl) {
  const site = new URL(siteUrl).origin;
  return network.filter(({ url }) => !/^(data|blob):/.test(url) && new URL(url).origin !== site);
}

/** Cookies, both storages, IndexedDB databases and the Cache Storage, as the page sees them. */
export function storedState(page) {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((database) => database.name),
    caches: await Promise.all(
      (await caches.keys()).map(async (name) => ({
        name,
        paths: (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      })),
    ),
  }));
}

// Offline after one visit: the app shell and the English texts are cached on install; another language's files
// when first fetched. Only this site's own static files are ever fetched or cached, never an answer.
const CACHE = 'pathway-assistant-__CACHE_VERSION__';
const PRECACHE = __PRECACHE_FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  // Old versions are removed once no open page uses them; this version then controls its pages.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('pathway-assistant-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The page is the same whatever its query (?lang=); every other file is cached under its exact address
      // (boot.js with the query that names the build's files, which it reads from its own address).
      const cached = request.mode === 'navigate'
        ? await cache.match(request, { ignoreSearch: true })
        : await cache.match(request);
      if (cached) {
        return cached;
      }
      const response = await fetch(request);
      // Another language's texts, and adviser mode's page and files, are kept once fetched.
      if (response.ok && (/\/texts\/([a-z]{2,3}|keys)-(questions|results|adviser)-[0-9a-f]+\.bin$/.test(url.pathname)
        || url.pathname.startsWith(new URL('adviser/', self.registration.scope).pathname))) {
        await cache.put(request, response.clone());
      }
      return response;
    }),
  );
});

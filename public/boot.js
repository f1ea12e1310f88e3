// Starts the app.
//
// Trunk's own start-up script is inline, and a strict Content-Security-Policy blocks inline scripts. This module does
// the same work from a file of the site's own origin. Trunk writes the hashed names of the wasm-bindgen glue and the
// wasm into this script's query (`pattern_script` in Trunk.toml); both are loaded next to this file, so the app also
// works when the site is served below a sub-path.

const here = new URL(import.meta.url);

// The address flag for adviser mode (?mode=adviser) opens its own page, next to this one, with the same query.
if (new URLSearchParams(location.search).get('mode') === 'adviser' && document.body.hasAttribute('data-pathway-assistant')) {
  location.replace(new URL(`adviser/${location.search}`, here));
  await new Promise(() => {}); // the page is being replaced: start nothing here
}

/** The address of the file named by the query parameter `key`, which must be a plain file name ending in `suffix`. */
function sibling(key, suffix) {
  const name = here.searchParams.get(key) ?? '';
  if (!name.endsWith(suffix) || !/^[A-Za-z0-9_-]+$/.test(name.slice(0, -suffix.length))) {
    throw new Error(`boot.js: the "${key}" parameter is not a ${suffix} file name`);
  }
  return new URL(name, here).href;
}

const { default: init } = await import(sibling('js', '.js'));
const wasm = await init({ module_or_path: sibling('wasm', '.wasm') });

// Trunk's loader announces the start the same way; tests and host pages can wait for it.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// In an iframe (?embed=1), tell the parent page the height of the assistant, and nothing else: a bare number.
if (new URLSearchParams(location.search).get('embed') === '1' && window.parent !== window) {
  const tell = () => window.parent.postMessage(Math.ceil(document.documentElement.scrollHeight), '*');
  new ResizeObserver(tell).observe(document.body);
  tell();
}

// Offline after one visit (scripts/service-worker.py writes sw.js for each build). Only the standalone page
// registers it; a page that embeds the assistant keeps control of its own workers.
if ('serviceWorker' in navigator && document.querySelector('link[rel="manifest"]')) {
  navigator.serviceWorker.register(new URL('sw.js', here), { scope: new URL('./', here).pathname }).catch((error) => {
    console.warn('The assistant will not work offline:', error);
  });
}

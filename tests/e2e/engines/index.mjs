// The three browser engines behind one interface (page.mjs): `launchEngine(name)` starts one and returns
// `{ name, version, newPage(), close() }`. Each engine's module is loaded only when asked for.

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

const MODULES = {
  chromium: () => import('./chromium.mjs'),
  firefox: () => import('./firefox.mjs'),
  webkit: () => import('./webkit.mjs'),
};

export async function launchEngine(name) {
  if (!(name in MODULES)) {
    throw new Error(`unknown engine ${name}; known: ${ENGINE_NAMES.join(', ')}`);
  }
  return (await MODULES[name]()).launch();
}

// WebKit (Debian's WebKitGTK MiniBrowser) through Debian's WebKitWebDriver, in plain W3C WebDriver over HTTP with
// Node's fetch, behind the engines' common interface (page.mjs).
//
// MiniBrowser has no headless mode, so `launch()` starts its own Xvfb on a display it picks free, then
// WebKitWebDriver on a free port; each `newPage()` is a new WebDriver session, i.e. a new MiniBrowser with fresh
// data. Classic WebDriver reports no network traffic and no console, so every session sends its requests through a
// local recording proxy (proxy.mjs), and the page's own error events are collected by a listener added after each
// load (errors before the app has drawn its first heading show as a failed `waitFor` instead).

import assert from 'node:assert/strict';

import { Page } from './page.mjs';
import { freePort, killGroup, spawnGroup, startXvfb } from './processes.mjs';
import { startRecordingProxy } from './proxy.mjs';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The key under which WebDriver returns an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** Errors after which finding the element again is worth it: the app re-draws a screen by replacing its nodes. */
const RETRIED = new Set(['stale element reference', 'no such element', 'element not interactable', 'element click intercepted']);

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A browser that never answers fails the test instead of holding CI (scripts time out at 30 s on their own).
    signal: AbortSignal.timeout(60_000),
  });
  const { value } = await response.json();
  if (!response.ok || value?.error) {
    const error = new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    error.code = value?.error;
    throw error;
  }
  return value;
}

/**
 * What to type for `value` into the field `selector`. WebKit's date field is typed into, field by field, in the
 * order of the browser's default locale (month/day/year in English): an ISO date is rewritten in that order, read from
 * Intl (whose default locale is valid even when navigator.language is "C").
 */
function keysFor(selector, value) {
  if (document.querySelector(selector)?.type !== 'date') return value;
  const [year, month, day] = value.split('-');
  const format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = format.formatToParts(new Date(2000, 10, 22));
  return parts.map((part) => ({ year, month, day })[part.type] ?? part.value).join('');
}

/** Collects the page's errors from now on (classic WebDriver has no log of them). */
function watchErrors() {
  if (window.__engineProblems) return;
  window.__engineProblems = [];
  addEventListener('error', (event) => window.__engineProblems.push(`uncaught: ${event.message}`));
  addEventListener('unhandledrejection', (event) => window.__engineProblems.push(`uncaught: ${event.reason}`));
  const original = console.error;
  console.error = (...parts) => {
    window.__engineProblems.push(`console: ${parts.join(' ')}`);
    original.apply(console, parts);
  };
}

class WebKitPage extends Page {
  #session;
  #proxy;
  #first;

  constructor(session, proxy) {
    super();
    this.#session = session;
    this.#proxy = proxy;
    this.#first = proxy.seen.length;
  }

  #command(method, path, body) {
    return call(this.#session, method, path, body);
  }

  async open(url) {
    await this.#command('POST', '/url', { url });
    await this.evaluate(watchErrors);
  }

  async reload() {
    await this.#command('POST', '/refresh', {});
    await this.evaluate(watchErrors);
  }

  evaluate(fn, ...args) {
    // Execute Script awaits a returned promise (WebDriver §13.2), so async functions work as in the other engines.
    return this.#command('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args });
  }

  /** Finds `selector` and runs `action(elementId)`, finding it again if the app re-drew it in between. */
  async #onElement(selector, action) {
    const deadline = Date.now() + 3000;
    for (;;) {
      try {
        const found = await this.#command('POST', '/element', { using: 'css selector', value: selector });
        return await action(found[ELEMENT]);
      } catch (error) {
        if (!RETRIED.has(error.code) || Date.now() > deadline) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  }

  async click(selector) {
    await this.#onElement(selector, (id) => this.#command('POST', `/element/${id}/click`, {}));
  }

  async fill(selector, value) {
    const text = await this.evaluate(keysFor, selector, String(value));
    await this.#onElement(selector, async (id) => {
      await this.#command('POST', `/element/${id}/clear`, {});
      await this.#command('POST', `/element/${id}/value`, { text });
    });
    if (text !== String(value)) {
      const entered = await this.evaluate((s) => document.querySelector(s).value, selector);
      assert.equal(entered, String(value), `the date typed as "${text}" is ${value} in the field`);
    }
  }

  async check(selector) {
    if (!(await this.evaluate((s) => document.querySelector(s)?.checked, selector))) {
      await this.click(selector);
    }
  }

  async select(selector, value) {
    // WebDriver selects an option by clicking it (Element Click, §12.4.1).
    await this.click(`${selector} option[value="${value}"]`);
  }

  network() {
    return this.#proxy.seen.slice(this.#first);
  }

  async problems() {
    return (await this.evaluate(() => window.__engineProblems ?? [])) ?? [];
  }

  async close() {
    await this.#command('DELETE', '', undefined).catch(() => {});
  }
}

/** Starts WebKitWebDriver on a free port and waits until it is ready (a port taken in between: try another). */
async function startDriver(display) {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const driver = spawnGroup(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display },
      stdio: 'ignore',
    });
    let exited = false;
    driver.once('exit', () => {
      exited = true;
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !exited; i += 1) {
      const ready = await call(base, 'GET', '/status').then((status) => status.ready, () => false);
      if (ready) return { base, process: driver };
      await new Promise((done) => setTimeout(done, 50));
    }
    killGroup(driver);
    if (attempt === 3) throw new Error(`${WEBKIT_DRIVER} did not start on 127.0.0.1 (3 ports tried)`);
  }
}

/** Starts Xvfb, the recording proxy and WebKitWebDriver; `close()` stops all three, MiniBrowsers included. */
export async function launch() {
  const started = [];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop();
  };
  try {
    const xvfb = await startXvfb();
    started.push(() => xvfb.stop());
    const proxy = await startRecordingProxy();
    started.push(() => proxy.close());
    const driver = await startDriver(xvfb.display);
    started.push(() => killGroup(driver.process));
    return {
      name: 'webkit',
      // WebKitWebDriver names the browser's version only in a session's capabilities: filled in by the first one.
      version: null,
      async newPage() {
        const { sessionId, capabilities } = await call(driver.base, 'POST', '/session', {
          capabilities: {
            alwaysMatch: {
              // Every request through the recorder, local addresses included (no noProxy list).
              proxy: { proxyType: 'manual', httpProxy: proxy.address, sslProxy: proxy.address },
              'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
            },
          },
        });
        this.version = capabilities.browserVersion;
        return new WebKitPage(`${driver.base}/session/${sessionId}`, proxy);
      },
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

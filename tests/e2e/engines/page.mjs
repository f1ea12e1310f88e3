// The one interface the engine suites drive a browser tab through, whatever the engine and its protocol:
//
//   open(url)                  load an address and wait for its load event
//   reload()                   load the same address again
//   evaluate(fn, ...args)      run `fn(...args)` in the page and return its (awaited, JSON-like) result; `fn`
//                              travels as source text, so it sees only its arguments, and returns no DOM node
//   click(selector)            a real click on the first element that matches
//   fill(selector, value)      clear a field and enter `value`
//   check(selector)            tick a radio button or a checkbox
//   select(selector, value)    choose the option with this value in a <select>
//   waitFor(fnOrSelector, ...) wait until a selector matches or `fn(...args)` returns something truthy
//   network()                  every request the browser made from this tab, [{ method, url }], any origin
//   problems()                 errors the page reported (console errors, uncaught exceptions)
//   close()                    close the tab and forget its data
//
// Each engine's file (chromium.mjs, firefox.mjs, webkit.mjs) extends `Page` with the protocol-specific methods;
// `waitFor` is written once here, on top of `evaluate`, so it behaves the same in every engine.

const POLL_MS = 50;

export class Page {
  /**
   * Polls until `fnOrSelector` holds: a CSS selector that matches, or a function of `args` that returns a truthy
   * value (returned; a boolean or JSON-like, never a DOM node, which engines serialise differently). A navigation
   * in between only costs one poll. Fails after `Page.timeout` ms with what it waited for.
   */
  async waitFor(fnOrSelector, ...args) {
    const [fn, fnArgs] =
      typeof fnOrSelector === 'string'
        ? [(selector) => document.querySelector(selector) !== null, [fnOrSelector]]
        : [fnOrSelector, args];
    const deadline = Date.now() + Page.timeout;
    let lastError;
    while (Date.now() < deadline) {
      try {
        const value = await this.evaluate(fn, ...fnArgs);
        if (value) {
          return value;
        }
      } catch (error) {
        // The page was navigating or re-drawing; try again.
        lastError = error;
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    const what = typeof fnOrSelector === 'string' ? fnOrSelector : String(fnOrSelector);
    throw new Error(`waited ${Page.timeout} ms for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
  }
}

/** How long `waitFor` waits, in ms. Long enough for a loaded 2-core CI machine, short enough to fail a test quickly. */
Page.timeout = 20_000;

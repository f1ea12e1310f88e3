// Chromium through playwright-core and the system Chromium (the same launch as the other suites, from
// support.mjs), behind the engines' common interface (page.mjs), so the same walkthroughs run here too.

import { launchChromium } from '../support.mjs';
import { Page } from './page.mjs';

class ChromiumPage extends Page {
  #context;
  #page;
  #network = [];
  #problems = [];

  constructor(context, page) {
    super();
    this.#context = context;
    this.#page = page;
    // Context-wide, so the service worker's own requests are seen too.
    context.on('request', (request) => this.#network.push({ method: request.method(), url: request.url() }));
    page.on('console', (message) => {
      if (message.type() === 'error') this.#problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.#problems.push(`uncaught: ${error}`));
  }

  async open(url) {
    await this.#page.goto(url);
  }

  async reload() {
    await this.#page.reload();
  }

  evaluate(fn, ...args) {
    // Playwright passes one argument; an expression string carries any number (evaluated by the DevTools
    // protocol, which the page's Content-Security-Policy does not restrict).
    return this.#page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
  }

  async click(selector) {
    await this.#page.locator(selector).first().click();
  }

  async fill(selector, value) {
    await this.#page.locator(selector).first().fill(value);
  }

  async check(selector) {
    await this.#page.locator(selector).first().check();
  }

  async select(selector, value) {
    await this.#page.locator(selector).first().selectOption(value);
  }

  network() {
    return [...this.#network];
  }

  async problems() {
    return [...this.#problems];
  }

  async close() {
    await this.#context.close();
  }
}

/** Starts Chromium. Each `newPage()` is a fresh context: no cookie, storage, cache or service worker shared. */
export async function launch() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage() {
      const context = await browser.newContext();
      return new ChromiumPage(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

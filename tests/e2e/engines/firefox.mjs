// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi, behind the engines' common
// interface (page.mjs). No geckodriver and no downloaded browser: puppeteer starts the system binary itself and
// closes it (and its profile) with `close()`.

import puppeteer from 'puppeteer-core';

import { Page } from './page.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

class FirefoxPage extends Page {
  #context;
  #page;
  #network = [];
  #problems = [];

  constructor(context, page) {
    super();
    this.#context = context;
    this.#page = page;
    page.on('request', (request) => this.#network.push({ method: request.method(), url: request.url() }));
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
    return this.#page.evaluate(fn, ...args);
  }

  async click(selector) {
    await this.#page.click(selector);
  }

  async fill(selector, value) {
    // The locator types into text fields and sets date fields' values, as a date picker would.
    await this.#page.locator(selector).fill(value);
  }

  async check(selector) {
    if (!(await this.#page.$eval(selector, (input) => input.checked))) {
      await this.#page.click(selector);
    }
  }

  async select(selector, value) {
    const chosen = await this.#page.select(selector, value);
    if (!chosen.includes(value)) {
      throw new Error(`${selector} has no option ${value}`);
    }
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

/** Starts Firefox. Each `newPage()` is a fresh browser context (a BiDi user context): nothing shared between them. */
export async function launch() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage() {
      const context = await browser.createBrowserContext();
      return new FirefoxPage(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

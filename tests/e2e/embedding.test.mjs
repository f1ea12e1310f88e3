// Embedding in another site's page (public/embed-demo.html: hostile global CSS, a strict policy, two assistants):
// both work independently, styles do not cross the shadow boundary either way, no policy violation, no foreign
// request, nothing stored, the host's address, title, <html> and globals untouched; bad attributes are warned
// about and ignored; the iframe layout tells its parent only its height.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, serverAndBrowser, watchPage } from './support.mjs';

const suite = serverAndBrowser();

async function demo(body, { viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await suite.browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__globals = Object.getOwnPropertyNames(window);
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
  });
  try {
    const page = await context.newPage();
    const problems = watchPage(page, new URL(suite.server.url).origin);
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(`${suite.server.url}embed-demo.html`);
    await page.locator('#family h1').waitFor();
    await page.locator('#return h1').waitFor();
    await body(page, warnings);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no policy violation');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreign: [] });
  } finally {
    await context.close();
  }
}

test('two assistants on one page, in two languages and topics, work independently', async () => {
  await demo(async (page) => {
    const family = page.locator('#family');
    const back = page.locator('#return');
    assert.equal(await family.locator('.pa-app').getAttribute('lang'), 'fr');
    assert.equal(await back.locator('.pa-app').getAttribute('dir'), 'rtl');
    assert.equal(await back.locator('.pa-app').getAttribute('class'), 'pa-app pa-app--compact');
    await family.locator('[data-action="start"]').click();
    await family.locator('form[data-question-id="in_danger_now"]').waitFor();
    assert.equal(await back.locator('form').count(), 0, 'the other assistant stays on its start page');
    // The family page pre-answers the purpose: after the common questions come the family ones.
    for (const [id, value] of [['in_danger_now', 'no'], ['location', 'abroad']]) {
      await family.locator(`form[data-question-id="${id}"] input[value="${value}"]`).check();
      await family.locator('form button[type="submit"]').click();
    }
    await family.locator('form[data-question-id="nationality"] select').selectOption('MA');
    await family.locator('form button[type="submit"]').click();
    await family.locator('form[data-question-id]').waitFor();
    const next = await family.locator('form').getAttribute('data-question-id');
    assert.notEqual(next, 'purpose', 'the purpose is given by the page');
    assert.match(await family.locator('h1').textContent(), /./);
    assert.equal(await back.locator('h1').textContent(), 'اعرف طريقك في بلجيكا');
  });
});

test('host styles do not reach the assistant, and the assistant\'s do not reach the host', async () => {
  const standalone = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(standalone, suite.server.url);
  const reference = await standalone.locator('h1').evaluate((h) => getComputedStyle(h).fontSize);
  const buttonReference = await standalone.locator('[data-action="start"]').evaluate((b) => getComputedStyle(b).backgroundColor);
  await standalone.close();
  await demo(async (page) => {
    const inside = await page.locator('#family h1').evaluate((h) => ({ size: getComputedStyle(h).fontSize, transform: getComputedStyle(h).textTransform }));
    assert.deepEqual(inside, { size: reference, transform: 'none' }, 'the host\'s 40px root and h1 rules do not apply inside');
    assert.equal(await page.locator('#family [data-action="start"]').evaluate((b) => getComputedStyle(b).backgroundColor), buttonReference);
    // The host's theme variable comes in on purpose.
    assert.equal(await page.locator('#family .pa-emergency a').first().evaluate((a) => getComputedStyle(a).color), 'rgb(106, 27, 154)');
    const host = await page.evaluate(() => {
      const h1 = document.querySelector('header h1');
      return { size: getComputedStyle(h1).fontSize, color: getComputedStyle(h1).color, sheets: [...document.styleSheets].map((s) => new URL(s.href).pathname) };
    });
    assert.deepEqual(host, { size: '120px', color: 'rgb(128, 0, 128)', sheets: ['/embed-demo.css'] });
  });
});

test('the host page keeps its address, title, <html>, globals and storage through a walkthrough', async () => {
  await demo(async (page) => {
    const before = await page.evaluate(() => ({ url: location.href, title: document.title, lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir'), history: history.length }));
    const family = page.locator('#family');
    await family.locator('[data-action="start"]').click();
    for (let step = 0; step < 40; step += 1) {
      const form = family.locator('form[data-question-id]');
      if (!(await form.count())) break;
      const kind = await form.getAttribute('data-kind');
      if (kind === 'choice' || kind === 'yes_no') {
        await family.locator('input[type="radio"]').last().check();
      } else if (kind === 'country') {
        await family.locator('select').selectOption('MA');
      } else if (kind === 'date') {
        await family.locator('#pa-answer').fill('2025-01-01');
      } else {
        await family.locator('#pa-answer').fill('30');
      }
      const id = await form.getAttribute('data-question-id');
      await family.locator('form button[type="submit"]').click();
      await page.waitForFunction(
        (previous) => document.querySelector('#family').shadowRoot.querySelector('form')?.dataset.questionId !== previous,
        id,
      );
    }
    await family.locator('[data-action="results"]').click();
    await family.locator('[data-route-id]').first().waitFor({ state: 'attached' });
    const routes = await family.locator('[data-route-id]').evaluateAll((cards) => cards.map((c) => c.dataset.routeId));
    assert.ok(routes.length > 0 && routes.every((id) => id.startsWith('family-')), `only family routes: ${routes}`);
    const afterwards = await page.evaluate(() => ({ url: location.href, title: document.title, lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir'), history: history.length }));
    assert.deepEqual(afterwards, before);
    const traces = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      globals: Object.getOwnPropertyNames(window).filter((name) => !window.__globals.includes(name) && !name.startsWith('__')),
    }));
    assert.deepEqual(traces, { cookie: '', local: 0, session: 0, databases: 0, workers: 0, globals: [] });
  });
});

test('unknown or malformed attributes are ignored with a warning naming them, and the assistant still works', async () => {
  await demo(async (page, warnings) => {
    await page.evaluate(() => {
      const element = document.createElement('pathway-assistant');
      element.id = 'odd';
      element.setAttribute('lang', 'klingon');
      element.setAttribute('topics', 'family,holidays');
      element.setAttribute('region', 'mars');
      element.setAttribute('exit-url', 'javascript:alert(1)');
      document.querySelector('main').append(element);
    });
    const odd = page.locator('#odd');
    await odd.locator('h1').waitFor();
    await odd.locator('[data-action="start"]').click();
    await odd.locator('form[data-question-id]').waitFor();
    for (const name of ['lang="klingon"', 'topics: "holidays"', 'region="mars"', 'exit-url="javascript:alert(1)"']) {
      assert.ok(warnings.some((w) => w.includes(name)), `a warning names ${name}: ${warnings}`);
    }
  });
});

test('the iframe layout sends its parent only its height, as a number', async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await context.addInitScript(() => {
      window.__messages = [];
      window.addEventListener('message', (event) => window.__messages.push(event.data));
    });
    await page.route('**/iframe-host.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Host</title><iframe id="f" src="/?embed=1" title="Assistant" width="400" height="300"></iframe>' }),
    );
    await page.goto(`${suite.server.url}iframe-host.html`);
    const frame = page.frameLocator('#f');
    await frame.locator('h1').waitFor();
    await frame.locator('[data-action="start"]').click();
    await page.waitForFunction(() => window.__messages.length >= 2);
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.every((m) => typeof m === 'number' && m > 0), JSON.stringify(messages));
    assert.match(await frame.locator('.pa-app').getAttribute('class'), /pa-app--compact/);
  } finally {
    await context.close();
  }
});

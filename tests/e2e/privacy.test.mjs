// Private by construction, checked in a real browser on the release build: what reaches the server during persona
// walkthroughs, nothing stored, no policy violation, offline after one visit, answer links that round-trip, and
// tampered links refused with a message and a fresh start.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import {
  DIST_DIR,
  NOTHING_WENT_WRONG,
  answer,
  answerAll,
  openApp,
  scenarioAnswers,
  serveDist,
  serverAndBrowser,
  shownResults,
  watchPage,
} from './support.mjs';

const PERSONAS = [
  'work-blue-card-ghent',
  'work-seasonal-fruit-picker',
  'study-master-abroad-blocked-account',
  'family-belgian-spouse-old-rules',
  'family-refugee-within-6-months',
  'return-afghan-no-papers',
  'return-brazilian-visitor-order',
  'trafficking-nigerian-woman-ready',
  'trafficking-vietnamese-boy',
  'protection-syrian-asylum',
  'protection-unaccompanied-afghan',
];

/** Every file of the build, as the server's paths. */
function distFiles(dir = DIST_DIR) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? distFiles(path) : [`/${relative(DIST_DIR, path).replaceAll('\\', '/')}`];
  });
}

const suite = serverAndBrowser();
let files;

before(() => {
  files = new Set(distFiles());
});

/** A fresh context that counts Content-Security-Policy violations in every page. */
async function newContext(options = {}) {
  const context = await suite.browser.newContext(options);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return context;
}

/** Opens the app and waits until it has finished loading (results texts fetched, offline cache filled). */
async function openSettled(page, url = suite.server.url) {
  await openApp(page, url);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.waitForLoadState('networkidle');
}

test(`${PERSONAS.length} walkthroughs: only static files of the site, nothing during the questions, nothing stored`, async () => {
  const summary = [];
  for (const name of PERSONAS) {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const problems = watchPage(page, new URL(suite.server.url).origin);
      const first = suite.server.requests.length;
      await openSettled(page);
      await page.locator('[data-action="start"]').click();
      await page.locator('form[data-question-id]').waitFor();
      const questionsStart = suite.server.requests.length;
      const answers = scenarioAnswers(name);
      await answerAll(page, answers);
      await page.locator('[data-action="results"]').click();
      await shownResults(page);
      const questionsEnd = suite.server.requests.length;
      assert.deepEqual(suite.server.requests.slice(questionsStart, questionsEnd), [], `${name}: no request from the first question to the results`);

      const requests = suite.server.requests.slice(first);
      const values = Object.values(answers).map(String).filter((value) => value.length > 1 && value !== 'no');
      for (const { method, url } of requests) {
        const { pathname, search } = new URL(url, suite.server.url);
        assert.equal(method, 'GET', `${name}: ${method} ${url}`);
        assert.ok(pathname === '/' || files.has(pathname), `${name}: ${pathname} is a file of the build`);
        assert.ok(search === '' || pathname.endsWith('/boot.js'), `${name}: no query string (${url})`);
        for (const value of values) {
          assert.ok(!decodeURIComponent(search).includes(`=${value}`), `${name}: the answer ${value} is not in ${url}`);
        }
      }
      const stored = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).map((db) => db.name),
        caches: await Promise.all(
          (await caches.keys()).map(async (name) => ({ name, urls: (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) })),
        ),
        violations: window.__violations,
      }));
      assert.deepEqual(
        { cookie: stored.cookie, local: stored.local, session: stored.session, databases: stored.databases, violations: stored.violations },
        { cookie: '', local: 0, session: 0, databases: [], violations: [] },
        name,
      );
      assert.equal(stored.caches.length, 1, `${name}: one offline cache`);
      assert.ok(stored.caches[0].urls.length >= 10, `${name}: the offline cache holds the app (${stored.caches[0].urls.length} files)`);
      for (const cache of stored.caches) {
        assert.match(cache.name, /^pathway-assistant-[0-9a-f]{16}$/);
        for (const path of cache.urls) {
          assert.ok(path === '/' || files.has(path), `${name}: the cache holds only files of the build (${path})`);
        }
      }
      assert.deepEqual(problems, NOTHING_WENT_WRONG);
      const kinds = requests.map(({ url }) => new URL(url, suite.server.url).pathname.split('.').pop().replace(/^\/$/, 'page'));
      summary.push(`${name}: ${requests.length} requests (${[...new Set(kinds)].sort().join(', ')})`);
    } finally {
      await context.close();
    }
  }
  console.log(`requests per walkthrough (all GET, same origin):\n  ${summary.join('\n  ')}`);
});

test('offline after one visit: reload without a network and complete a walkthrough', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    await openSettled(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.locator('h1').first().waitFor();
    await page.locator('[data-action="start"]').click();
    await answerAll(page, scenarioAnswers('return-afghan-no-papers'));
    await page.locator('[data-action="results"]').click();
    const shown = await shownResults(page);
    assert.equal(shown.routes['voluntary-return'], 'likely');
    // A language chosen offline for the first time cannot come: the app says so and keeps working.
    await page.locator('.pa-languages summary').click();
    await page.locator('.pa-languages [data-arg="ti"]').click();
    await page.locator('.pa-notification', { hasText: 'could not be loaded' }).waitFor();
    assert.equal(await page.locator('.pa-app').getAttribute('lang'), 'en');
  } finally {
    await context.close();
  }
});

test('a link to the answers round-trips, and leaves no fragment in the address', async () => {
  const context = await newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
  try {
    const page = await context.newPage();
    await openApp(page, suite.server.url);
    await page.locator('[data-action="start"]').click();
    await answerAll(page, scenarioAnswers('family-belgian-spouse-old-rules'));
    await page.locator('[data-action="results"]').click();
    const before = await shownResults(page);
    await page.locator('[data-action="copy-link"]').click();
    const link = await page.locator('#pa-share-link').inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#a1-[0-9a-f]{8}-[0-9A-Za-z._]+-[0-9a-f]{4}$/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(link.length < 200, `a short link (${link.length} characters)`);

    const other = await context.newPage();
    const problems = watchPage(other, new URL(suite.server.url).origin);
    await other.goto(link);
    await other.locator('h1', { hasText: 'Check your answers' }).waitFor();
    assert.match(await other.locator('.pa-notification').textContent(), /answers from your link are back/);
    assert.equal(new URL(other.url()).hash, '', 'the answers are taken out of the address');
    await other.locator('[data-action="results"]').click();
    assert.deepEqual(await shownResults(other), before);
    assert.deepEqual(problems, NOTHING_WENT_WRONG);
  } finally {
    await context.close();
  }
});

test('tampered, truncated, outdated, garbage and oversized links: a message and a fresh start', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    await openApp(page, suite.server.url);
    await page.locator('[data-action="start"]').click();
    await answerAll(page, scenarioAnswers('work-blue-card-ghent'));
    await page.locator('[data-action="copy-link"]').click();
    const good = await page.locator('#pa-share-link').inputValue();
    const fragment = good.split('#')[1];
    const bad = {
      truncated: fragment.slice(0, fragment.length - 4),
      tampered: fragment.replace(/_(\d+)d(\d+)/, '_$1d1$2'),
      outdated: fragment.replace(/^a1-[0-9a-f]{8}/, 'a1-00000000'),
      garbage: '<script>alert(1)</script>',
      oversized: `a1-${'x'.repeat(5000)}`,
    };
    for (const [kind, value] of Object.entries(bad)) {
      const tab = await context.newPage();
      const problems = watchPage(tab, new URL(suite.server.url).origin);
      await tab.goto(`${suite.server.url}#${value}`);
      await tab.locator('.pa-notification', { hasText: 'does not hold answers' }).waitFor();
      assert.equal(await tab.locator('h1').textContent(), 'Find your way in Belgium', `${kind}: a fresh start`);
      await tab.locator('[data-action="start"]').click();
      assert.equal(await tab.locator('input[type="radio"]:checked').count(), 0, `${kind}: nothing half restored`);
      assert.equal(await tab.locator('main script').count(), 0);
      assert.deepEqual(problems, NOTHING_WENT_WRONG, kind);
      await tab.close();
    }
  } finally {
    await context.close();
  }
});

test('a new version is picked up on the next visit, never in the middle of a questionnaire', async () => {
  // A copy of the build, served by its own server, whose sw.js is then replaced by a "new version".
  const root = mkdtempSync(join(tmpdir(), 'pathway-update-'));
  cpSync(DIST_DIR, root, { recursive: true });
  const local = await serveDist({ root });
  const context = await newContext();
  try {
    const page = await context.newPage();
    const problems = watchPage(page, new URL(local.url).origin);
    await openSettled(page, local.url);
    const first = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('pathway-assistant-')));
    assert.equal(first.length, 1);
    await page.locator('[data-action="start"]').click();
    const answers = scenarioAnswers('return-afghan-no-papers');
    await answer(page, { id: 'in_danger_now', kind: 'yes_no' }, answers.in_danger_now);

    // The site is updated while the questionnaire is open.
    const worker = join(root, 'sw.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace(/pathway-assistant-[0-9a-f]{16}/, 'pathway-assistant-ffffffffffffffff'));
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      for (let i = 0; i < 100 && !registration.waiting; i += 1) {
        await new Promise((done) => setTimeout(done, 50));
      }
      return { waiting: registration.waiting !== null, controlling: navigator.serviceWorker.controller !== null };
    });
    assert.deepEqual(state, { waiting: true, controlling: true }, 'the new version waits; the old one keeps the page');
    // The questionnaire goes on to its results with the old version.
    await answerAll(page, answers);
    await page.locator('[data-action="results"]').click();
    assert.equal((await shownResults(page)).routes['voluntary-return'], 'likely');
    assert.deepEqual(problems, NOTHING_WENT_WRONG);
    await page.close();

    // Next visit: the new version has taken over and the old cache is gone.
    const next = await context.newPage();
    await openApp(next, local.url);
    const caches = await next.evaluate(async () => {
      for (let i = 0; i < 100; i += 1) {
        const names = (await caches.keys()).filter((n) => n.startsWith('pathway-assistant-'));
        if (names.length === 1 && names[0].endsWith('ffffffffffffffff')) return names;
        await new Promise((done) => setTimeout(done, 50));
      }
      return caches.keys();
    });
    assert.deepEqual(caches, ['pathway-assistant-ffffffffffffffff']);
  } finally {
    await context.close();
    await local.close();
    rmSync(root, { recursive: true, force: true });
  }
});

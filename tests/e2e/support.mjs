// Shared helpers for the end-to-end suites: serve a release build from dist/ on 127.0.0.1 and open it in the
// system Chromium through playwright-core (which downloads no browser).
//
// Every suite (start page, accessibility, privacy, embedding…) starts a server and a browser with these helpers,
// and `watchPage` records what would show that something went wrong: console errors, uncaught exceptions, failed
// requests and any request that leaves the site's own origin. `withPage` is the one page set-up the suites share.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { parse } from 'smol-toml';

/** The release build the suites test. `make dist` writes it. */
export const DIST_DIR = resolve(fileURLToPath(new URL('../../dist/', import.meta.url)));

/** The system Chromium (Debian package `chromium`); no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The flags the project runs Chromium with everywhere. Root needs --no-sandbox. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` as static files on 127.0.0.1 at a free port.
 *
 * Returns `{ url, requests, close }`: `url` ends with a slash, `requests` lists every path asked for (a privacy
 * suite can check that no answer ever reaches the server), and `close()` stops the server.
 * `headers` are added to every response (a suite can set a Content-Security-Policy, for example); `prefix` serves
 * the build below a sub-path.
 */
export async function serveDist({ root = DIST_DIR, headers = {}, prefix = '/' } = {}) {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`make dist\` first`);
  });
  const requests = [];
  const server = createServer(async (request, response) => {
    const full = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    // With a prefix (`/sub/path/`), the build is served below it, as a host might put it.
    if (!full.startsWith(prefix)) {
      requests.push({ method: request.method, url: request.url });
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const path = `/${full.slice(prefix.length)}`;
    requests.push({ method: request.method, url: request.url });
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Starts the system Chromium with the project's flags. */
export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...options });
}

/**
 * A suite's server of dist/ and its Chromium: started before the suite's tests and stopped after them.
 *
 * Returns `{ server, browser }`, filled in once the suite starts (read them inside tests and hooks).
 */
export function serverAndBrowser() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Records, for one page, what shows that something went wrong.
 *
 * `origin` is the site's own origin (`new URL(server.url).origin`); any request elsewhere is listed in `foreign`.
 */
export function watchPage(page, origin) {
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreign: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
      problems.foreign.push(request.url());
    }
  });
  return problems;
}

/** Opens the app and waits until Leptos has drawn the first heading. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator('h1').first().waitFor({ state: 'visible' });
}

/** What `watchPage` records when nothing went wrong. */
export const NOTHING_WENT_WRONG = { consoleErrors: [], pageErrors: [], failedRequests: [], foreign: [] };

/**
 * Opens the app in a fresh context of `suite` (from `serverAndBrowser`), runs `body(page, { context, requests })`,
 * then checks that nothing went wrong on the way (`watchPage`) and closes the context.
 *
 * `url` is added to the server's address (`?lang=ar`, a sub-path); `viewport` and `locale` go to the context,
 * `permissions` are granted to the site's origin. `requests` lists the path of every request the page made, from
 * the first, so a test can check what a step fetched.
 */
export async function withPage(suite, body, { viewport, locale, url = '', permissions = [] } = {}) {
  const context = await suite.browser.newContext({ ...(viewport && { viewport }), ...(locale && { locale }) });
  const origin = new URL(suite.server.url).origin;
  try {
    if (permissions.length) await context.grantPermissions(permissions, { origin });
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await openApp(page, suite.server.url + url);
    await body(page, { context, requests });
    assert.deepEqual(problems, NOTHING_WENT_WRONG);
  } finally {
    await context.close();
  }
}

/** A persona of tests/scenarios/ by name: its answers (question id → value), as `answerAll` takes them. */
export function scenarioAnswers(name) {
  return parse(readFileSync(fileURLToPath(new URL(`../scenarios/${name}.toml`, import.meta.url)), 'utf8')).answers;
}

/** Presses Start on the start page and waits for the first question. */
export async function startQuestions(page) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('form[data-question-id]').waitFor();
}

// ---------------------------------------------------------------------------------------------------------------
// Driving the questionnaire as a person would, from a scenario's answers.

/** The form of the question on show, or null on another screen. */
async function currentQuestion(page) {
  return page.evaluate(() => {
    const form = document.querySelector('form[data-question-id]');
    return form ? { id: form.dataset.questionId, kind: form.dataset.kind } : null;
  });
}

/**
 * Waits until the screen is no longer the question `id` (a new question, an error, the help page that an urgent
 * answer brings, or "Check your answers").
 */
async function leftQuestion(page, id) {
  await page.waitForFunction(
    (previous) =>
      document.querySelector('.pa-error-summary') ||
      document.querySelector('[data-action="results"]') ||
      document.querySelector('[data-action="continue"]') ||
      document.querySelector('form[data-question-id]')?.dataset.questionId !== previous,
    id,
  );
}

/** Gives one answer on the question page with the mouse: a radio, a typed number or date, a country, or "I don't know". */
export async function answer(page, { id, kind }, value) {
  const raw = value === true ? 'yes' : value === false ? 'no' : String(value);
  if (raw === 'dont_know' && !['choice', 'yes_no'].includes(kind)) {
    await page.locator('[data-action="dont-know"]').click();
  } else {
    if (kind === 'choice' || kind === 'yes_no') {
      await page.locator(`input[type="radio"][value="${raw}"]`).check();
    } else if (kind === 'country') {
      await page.locator('#pa-answer').selectOption(raw);
    } else {
      await page.locator('#pa-answer').fill(raw);
    }
    await page.locator('form button[type="submit"]').click();
  }
  await leftQuestion(page, id);
}

/**
 * Answers every question the app asks from `answers` (question id → value, as in a scenario file) until
 * "Check your answers". Returns the ids asked, in order. A question the answers do not cover fails the walk.
 */
export async function answerAll(page, answers) {
  const asked = [];
  for (let step = 0; step < 100; step += 1) {
    const question = await currentQuestion(page);
    if (!question) {
      // The help page after an answer that says the person is in danger: help first, then the questions go on.
      if (await page.locator('[data-action="continue"]').count()) {
        await page.locator('[data-action="continue"]').click();
        await page.locator('form[data-question-id], [data-action="results"]').first().waitFor();
        continue;
      }
      await page.locator('[data-action="results"]').waitFor();
      return asked;
    }
    if (!(question.id in answers)) {
      throw new Error(`the app asked "${question.id}", which the answers do not cover (asked so far: ${asked})`);
    }
    asked.push(question.id);
    await answer(page, question, answers[question.id]);
    if (await page.locator('.pa-error-summary').count()) {
      throw new Error(`the answer ${answers[question.id]} to "${question.id}" was refused`);
    }
  }
  throw new Error('more than 100 questions: the questionnaire loops');
}

/** The statuses the results page shows: `{ routes: {id: status}, urgent: [ids] }`. */
export async function shownResults(page) {
  await page.locator('[data-route-id]').first().waitFor();
  return page.evaluate(() => ({
    routes: Object.fromEntries(
      [...document.querySelectorAll('[data-route-id]')].map((card) => [card.dataset.routeId, card.dataset.status]),
    ),
    urgent: [...document.querySelectorAll('.pa-urgent h3[id^="urgent-"]')].map((h) => h.id.slice('urgent-'.length)),
  }));
}

/** The `pathways` command, built once per process so that it is never older than the engine's sources. */
let pathways = null;

/**
 * Builds `pathways` with cargo (a second or two when it is already fresh) and returns the path of the executable,
 * as cargo reports it (whatever the target directory).
 */
function pathwaysCommand(root) {
  if (!pathways) {
    const messages = execFileSync(
      'cargo',
      ['build', '--quiet', '--message-format=json', '-p', 'engine', '--features', 'cli', '--bin', 'pathways'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
    );
    pathways = messages
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .find((message) => message.reason === 'compiler-artifact' && message.target?.name === 'pathways')?.executable;
    if (!pathways) throw new Error('cargo built no `pathways` executable');
  }
  return pathways;
}

/**
 * The engine's own evaluation of a scenario file on `date`, from the native `pathways` command. `json` is the whole
 * output (each route's `rules_applied` and `met_from` among it).
 */
export function nativeEvaluation(file, date) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const output = execFileSync(pathwaysCommand(root), ['--date', date, 'eval', file], { cwd: root, encoding: 'utf8' });
  const result = JSON.parse(output);
  return {
    routes: Object.fromEntries(result.routes.map((route) => [route.id, route.status])),
    urgent: result.urgent,
    nextQuestion: result.next_question,
    asked: result.asked,
    json: result,
  };
}

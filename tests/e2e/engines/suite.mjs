// The walkthroughs, privacy checks and offline check that every browser engine must pass, written once against the
// engines' common interface (page.mjs). Each tests/e2e/engine-<name>.test.mjs file runs them in one engine, so the
// three engines pass literally the same tests and each file's wall time is one engine's.
//
// The build under test is $PA_DIST, else dist/ (support.mjs's DIST_DIR).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

import { DIST_DIR, nativeEvaluation, serveDist } from '../support.mjs';
import { launchEngine } from './index.mjs';
import { buildFiles, checkServerLog, foreignRequests, settle, storedState } from './privacy.mjs';
import { answerAll, shownResults, startQuestions } from './walkthrough.mjs';

export const DIST = process.env.PA_DIST ? resolve(process.env.PA_DIST) : DIST_DIR;

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** One persona per topic, with a date, a country, an urgent outcome and "I don't know" among their answers. */
export const PERSONAS = [
  'work-blue-card-ghent',
  'study-search-year-graduate',
  'family-refugee-within-6-months',
  'return-afghan-no-papers',
  // In danger now, then signs of exploitation: both help pages on the way, both urgent outcomes on the results.
  'trafficking-in-danger-now-nigerian-woman',
  'protection-syrian-asylum',
];

/** The persona walked through with the server stopped. */
const OFFLINE_PERSONA = 'protection-unaccompanied-afghan';

function answersOf(name) {
  return parse(readFileSync(`${SCENARIOS}${name}.toml`, 'utf8')).answers;
}

/** The native engine's outcome for a scenario on the day the browser says it is (the app applies today's rules). */
async function expectedFor(page, name) {
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const expected = nativeEvaluation(`tests/scenarios/${name}.toml`, today);
  assert.equal(expected.nextQuestion, null, `${name} answers every question it is asked`);
  return expected;
}

/**
 * Answers `name`'s scenario from the start page to the results and compares them with the native engine's. With
 * `server`, also checks that it hears nothing from the first question to the results.
 */
async function walkThrough(page, name, server) {
  const expected = await expectedFor(page, name);
  await startQuestions(page);
  const questionsStart = server?.requests.length;
  const asked = await answerAll(page, answersOf(name));
  const shown = await shownResults(page);
  if (server) {
    assert.deepEqual(server.requests.slice(questionsStart), [], 'no request from the first question to the results');
  }
  assert.deepEqual(asked, expected.asked, 'the UI asks the questions the engine asks, in order');
  assert.deepEqual(shown.routes, expected.routes, 'every route has the native status');
  assert.deepEqual(shown.urgent, expected.urgent, 'the native urgent outcomes, in order');
}

/** Declares the engine suite for `name` ('chromium', 'firefox' or 'webkit') in the calling test file. */
export function engineSuite(name) {
  const tally = { passed: 0, total: 0 };
  let engine;
  let server;
  let files;

  /** A test that counts towards the engine's tally (when it runs: --test-name-pattern may leave some out). */
  function check(title, body) {
    test(title, { timeout: 120_000 }, async (t) => {
      tally.total += 1;
      await body(t);
      tally.passed += 1;
    });
  }

  describe(name, () => {
    before(async () => {
      files = buildFiles(DIST);
      server = await serveDist({ root: DIST });
      engine = await launchEngine(name);
    });

    after(async () => {
      await engine?.close();
      await server?.close();
      const seconds = (performance.now() / 1000).toFixed(1);
      console.log(`${name} ${engine?.version ?? ''}: ${tally.passed} of ${tally.total} tests passed; ${seconds} s for the file`);
    });

    check('the request log sees a request to another origin (so the privacy checks can fail)', async () => {
      const page = await engine.newPage();
      try {
        await page.open('http://foreign.invalid/').catch(() => {});
        const seen = foreignRequests(page.network(), server.url).map(({ url }) => url);
        assert.ok(seen.includes('http://foreign.invalid/'), `the visit to another origin is in the log (${seen})`);
      } finally {
        await page.close();
      }
    });

    for (const persona of PERSONAS) {
      check(`${persona}: the native outcome through the real UI, and nothing leaves the device`, async () => {
        const page = await engine.newPage();
        try {
          const first = server.requests.length;
          await page.open(server.url);
          await page.waitFor('h1');
          await settle(page, server);
          await walkThrough(page, persona, server);

          const answers = answersOf(persona);
          checkServerLog(server.requests.slice(first), files, answers);
          assert.deepEqual(foreignRequests(page.network(), server.url), [], 'no request to another origin');
          checkServerLog(page.network(), null, answers);
          const stored = await storedState(page);
          assert.deepEqual(
            { cookie: stored.cookie, local: stored.local, session: stored.session, databases: stored.databases },
            { cookie: '', local: 0, session: 0, databases: [] },
            'nothing stored but the offline copy of the app',
          );
          assert.equal(stored.caches.length, 1, 'one offline cache');
          assert.match(stored.caches[0].name, /^pathway-assistant-[0-9a-f]{16}$/);
          for (const path of stored.caches[0].paths) {
            assert.ok(path === '/' || files.has(path), `the offline cache holds only files of the build (${path})`);
          }
          assert.deepEqual(await page.problems(), [], 'no console error, no uncaught exception');
        } finally {
          await page.close();
        }
      });
    }

    check(`offline after one visit: the server stopped, a reload and ${OFFLINE_PERSONA}'s walkthrough`, async () => {
      const own = await serveDist({ root: DIST });
      const page = await engine.newPage();
      try {
        await page.open(own.url);
        await page.waitFor('h1');
        await settle(page, own);
        await page.waitFor(() => navigator.serviceWorker.controller !== null);
        await own.close();
        await assert.rejects(fetch(own.url), 'the server is gone: truly offline');
        await page.reload();
        await page.waitFor('h1');
        assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the offline copy answered');
        await walkThrough(page, OFFLINE_PERSONA);
        assert.deepEqual(await page.problems(), [], 'no console error, no uncaught exception');
      } finally {
        await page.close();
        await own.close();
      }
    });
  });
}

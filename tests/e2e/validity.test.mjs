// Valid HTML as an independent checker sees it (issue #15): every kind of screen the app draws (start, each
// question, a refused answer, the help page after "in danger", check your answers, results) in English and in
// Arabic, and adviser mode's page with its panels, are serialised from the live DOM of the release build and given
// to the W3C Nu HTML checker (npm vnu-jar, run on the system Java), which must find no error.
//
// axe (accessibility.test.mjs) checks what assistive technology meets; the Nu checker checks the HTML itself
// (content models, attributes allowed where they are, ARIA on the right elements), which axe does not.
// The checker's JVM is slow to start, so every snapshot is written first and checked in one run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'smol-toml';

import { DIST_DIR, answer, launchChromium, openApp, serveDist } from './support.mjs';

/** The build checked: `PA_DIST` (a build of one's own), else the release build `make dist` writes. */
const DIST = process.env.PA_DIST ?? DIST_DIR;
const JAVA = process.env.JAVA ?? '/usr/bin/java';
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const SCENARIOS = new URL('../scenarios/', import.meta.url);
const scenario = (name) => parse(readFileSync(new URL(`${name}.toml`, SCENARIOS), 'utf8'));

/**
 * The walks: a person who is in danger now (so the help page shows, when the app has it), trafficked, and a worker
 * with a job offer, whose questions cover choices, yes/no, numbers and countries.
 */
const WALKS = [
  { name: 'trafficking', answers: { ...scenario('trafficking-nigerian-woman-ready').answers, in_danger_now: 'yes' } },
  { name: 'work', answers: scenario('work-blue-card-ghent').answers },
];
const LANGUAGES = ['en', 'ar'];
const ARABIC = /[\u0600-\u06FF]/;

const scratch = mkdtempSync(join(tmpdir(), 'validity-'));

/**
 * Writes the page's DOM as a document the checker reads (the doctype is not part of `outerHTML`). `screen` is the
 * kind of screen (the errors are counted by it), `detail` which one (a question's id), `lang` the language(s) shown.
 */
async function snapshot(page, snapshots, { screen, detail, lang }) {
  const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
  const name = [screen, detail, lang].filter(Boolean).join('-').replaceAll(' ', '-');
  const file = join(scratch, `${name}.html`);
  writeFileSync(file, html);
  snapshots.push({ screen: `${screen} (${lang})`, name, file });
}

/** Waits until the screen is drawn in `lang`: the app's `lang` is it, and an Arabic heading is in Arabic script. */
async function drawnIn(page, lang) {
  await page.waitForFunction(
    ({ lang, arabic }) => {
      const heading = document.querySelector('h1');
      return (
        document.querySelector('.pa-app')?.getAttribute('lang') === lang &&
        heading &&
        (lang !== 'ar' || new RegExp(arabic).test(heading.textContent))
      );
    },
    { lang, arabic: ARABIC.source },
  );
}

/** The question on show, or null. */
function questionOnShow(page) {
  return page.evaluate(() => {
    const form = document.querySelector('form[data-question-id]');
    return form ? { id: form.dataset.questionId, kind: form.dataset.kind } : null;
  });
}

/**
 * Walks the questionnaire in `lang` with `answers`, writing a snapshot of the start page (once per language), every
 * question, the first number refused, the help page, check your answers and the results.
 */
async function walk(browser, server, { name, answers }, lang, snapshots) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, `${server.url}?lang=${lang}`);
  await drawnIn(page, lang);
  if (name === WALKS[0].name) {
    await snapshot(page, snapshots, { screen: 'start', lang });
  }
  await page.locator('[data-action="start"]').click();
  await page.locator('form[data-question-id]').waitFor();
  let refused = false;
  let answered = 'start';
  for (let step = 0; step < 100; step += 1) {
    await drawnIn(page, lang);
    const question = await questionOnShow(page);
    if (!question) {
      // The help page after "I am in danger now" leads on to the questions; otherwise this is "Check your answers".
      if (await page.locator('[data-action="continue"]').count()) {
        await snapshot(page, snapshots, { screen: 'help', detail: `${name}-after-${answered}`, lang });
        await page.locator('[data-action="continue"]').click();
        await page.locator('form[data-question-id], [data-action="results"]').first().waitFor();
        continue;
      }
      break;
    }
    assert.ok(question.id in answers, `the app asked "${question.id}", which the ${name} answers do not cover`);
    await snapshot(page, snapshots, { screen: 'question', detail: `${name}-${question.id}`, lang });
    if (question.kind === 'number' && !refused) {
      // A refused answer draws the error summary and the field's message: a screen of its own.
      refused = true;
      await page.locator('#pa-answer').fill('-1');
      await page.locator('form button[type="submit"]').click();
      await page.locator('.pa-error-summary').waitFor();
      await drawnIn(page, lang);
      await snapshot(page, snapshots, { screen: 'refused answer', detail: `${name}-${question.id}`, lang });
    }
    await answer(page, question, answers[question.id]);
    answered = question.id;
    // Moved on: another question, the help page or check your answers, with no error on show.
    await page.waitForFunction(
      (id) =>
        !document.querySelector('.pa-error-summary') &&
        document.querySelector('form[data-question-id]')?.dataset.questionId !== id,
      question.id,
    );
  }
  await page.locator('[data-action="results"]').waitFor();
  await drawnIn(page, lang);
  await snapshot(page, snapshots, { screen: 'check answers', detail: name, lang });
  await page.locator('[data-action="results"]').click();
  await page.locator('[data-route-id]').first().waitFor();
  await drawnIn(page, lang);
  await snapshot(page, snapshots, { screen: 'results', detail: name, lang });
  await context.close();
}

/** Adviser mode (a page of its own): the start, the results of the work walk, and its three panels. */
async function adviser(browser, server, snapshots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}adviser/?lang=en&client=ar`);
  const ready = async () => {
    await page.locator('#pa-adviser-heading').waitFor();
    await page.waitForFunction(
      (arabic) =>
        document.querySelector('.pa-adviser__results [data-route-id]') &&
        !document.querySelector('.pa-adviser__results p[role="status"]') &&
        new RegExp(arabic).test(document.querySelector('[lang="ar"]')?.textContent ?? ''),
      ARABIC.source,
    );
  };
  await ready();
  await snapshot(page, snapshots, { screen: 'adviser start', lang: 'en+ar' });
  const { answers } = WALKS[1];
  for (let step = 0; step < 100; step += 1) {
    const next = await page.evaluate(() => {
      const form = document.querySelector('.pa-adviser__next');
      return form ? { id: form.dataset.questionId, kind: form.dataset.kind } : null;
    });
    if (!next) {
      break;
    }
    const value = answers[next.id];
    assert.notEqual(value, undefined, `adviser mode asked "${next.id}", which the work answers do not cover`);
    const raw = value === true ? 'yes' : value === false ? 'no' : String(value);
    if (next.kind === 'choice' || next.kind === 'yes_no' || raw === 'dont_know') {
      await page.locator(`.pa-adviser__next [data-action="answer"][data-arg="${next.id}=${raw}"]`).click();
    } else if (next.kind === 'country') {
      await page.locator('#pa-next-field').selectOption(raw);
      await page.locator('.pa-adviser__next button[type="submit"]').click();
    } else {
      await page.locator('#pa-next-field').fill(raw);
      await page.locator('.pa-adviser__next button[type="submit"]').click();
    }
    await page.waitForFunction((id) => document.querySelector('.pa-adviser__next')?.dataset.questionId !== id, next.id);
  }
  await ready();
  await snapshot(page, snapshots, { screen: 'adviser results', lang: 'en+ar' });
  for (const [opener, shown, label] of [
    ['[data-action="what-if"][data-arg="annual_salary"]', '.pa-what-if tbody tr', 'what-if'],
    ['[data-action="qr"]', 'svg.pa-qr__code', 'qr'],
    ['[data-action="help"]', '#pa-help-heading', 'shortcuts'],
  ]) {
    await page.locator(opener).click();
    await page.locator(shown).first().waitFor();
    await snapshot(page, snapshots, { screen: `adviser ${label}`, lang: 'en+ar' });
    await page.locator('.pa-adviser__panel [data-action="close"]').click();
    await page.locator('.pa-adviser__panel').waitFor({ state: 'detached' });
  }
  await context.close();
}

/** Runs the Nu checker once on every file; returns its error messages, each with the file it is in. */
function check(files) {
  const args = ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--stdout', '--exit-zero-always', ...files];
  return new Promise((done, fail) => {
    execFile(JAVA, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        fail(new Error(`the Nu checker did not run: ${error.message}\n${stderr}`));
        return;
      }
      const { messages } = JSON.parse(stdout);
      done(messages.map((m) => ({ ...m, file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : m.url })));
    });
  });
}

test('the W3C Nu checker finds no error on any screen, in English and in Arabic, nor in adviser mode', async (t) => {
  const server = await serveDist({ root: DIST });
  const browser = await launchChromium();
  const snapshots = [];
  try {
    for (const lang of LANGUAGES) {
      for (const persona of WALKS) {
        await walk(browser, server, persona, lang, snapshots);
      }
    }
    await adviser(browser, server, snapshots);
  } finally {
    await browser.close();
    await server.close();
  }
  // A page with an error the build once had (an integrity hash on the icon's link): the checker must see it, so a
  // checker that read nothing, or says nothing, cannot pass this test.
  const canary = join(scratch, 'canary.html');
  writeFileSync(
    canary,
    '<!DOCTYPE html>\n<html lang="en"><head><title>Canary</title>' +
      '<link rel="icon" href="favicon.svg" integrity="sha384-AAAA"></head><body><p>Canary</p></body></html>',
  );

  const started = Date.now();
  const errors = await check([...snapshots.map((s) => s.file), canary]);
  t.diagnostic(`the Nu checker read ${snapshots.length + 1} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(
    errors.some((e) => e.file === canary && /integrity/.test(e.message)),
    `the checker flags the canary's integrity attribute: ${JSON.stringify(errors.filter((e) => e.file === canary))}`,
  );

  // Anything the checker says about no page it was given (it could not read one, say) is an error too.
  const files = new Set([...snapshots.map((s) => s.file), canary]);
  assert.deepEqual(errors.filter((e) => !files.has(e.file)), [], 'messages about no page checked');

  // The errors per kind of screen and language, for the report.
  const perScreen = new Map();
  for (const { screen, file } of snapshots) {
    const [pages, count] = perScreen.get(screen) ?? [0, 0];
    perScreen.set(screen, [pages + 1, count + errors.filter((e) => e.file === file).length]);
  }
  for (const [screen, [pages, count]] of perScreen) {
    t.diagnostic(`${screen}: ${count} errors in ${pages} page${pages === 1 ? '' : 's'}`);
  }
  for (const screen of ['start', 'question', 'refused answer', 'check answers', 'results']) {
    for (const lang of LANGUAGES) {
      assert.ok(perScreen.has(`${screen} (${lang})`), `a ${screen} screen in ${lang} was checked`);
    }
  }
  for (const { name, file } of snapshots) {
    const mine = errors.filter((e) => e.file === file);
    await t.test(name, () => {
      const listed = mine.map((e) => `  ${name}.html:${e.lastLine}:${e.firstColumn ?? e.lastColumn}: ${e.message}\n    ${e.extract ?? ''}`);
      assert.equal(mine.length, 0, `${mine.length} errors in ${name} (${pathToFileURL(file)}):\n${listed.join('\n')}`);
    });
  }
});

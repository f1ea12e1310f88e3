// Adviser mode (issue #8), on the release build's adviser/ page in real Chromium: both languages side by side, the
// answers editable in place, the what-if table against the native engine, the as-of date across the family regime
// switch, the QR code decoded back to a link that restores the answers, the printed summary, the keyboard, reset,
// axe, and nothing stored or sent.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { parse, stringify } from 'smol-toml';

import { nativeEvaluation, serverAndBrowser, watchPage } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCENARIOS = new URL('../scenarios/', import.meta.url);
const scenario = (name) => ({ file: new URL(`${name}.toml`, SCENARIOS).pathname, ...parse(readFileSync(new URL(`${name}.toml`, SCENARIOS), 'utf8')) });
const today = new Date().toISOString().slice(0, 10);
const scratch = mkdtempSync(join(tmpdir(), 'adviser-'));

const suite = serverAndBrowser();

/** Opens adviser mode in these languages and waits for its page (both languages' texts loaded). */
async function openAdviser(query = 'lang=en&client=ar') {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchPage(page, new URL(suite.server.url).origin);
  await page.goto(`${suite.server.url}adviser/?${query}`);
  await page.locator('#pa-adviser-heading').waitFor();
  await page.locator('.pa-adviser__results [data-route-id], .pa-adviser__results p[role="status"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.pa-adviser__results p[role="status"]'));
  return { context, page, problems };
}

/** The next question's id and kind, or null when every question is answered. */
function nextQuestion(page) {
  return page.evaluate(() => {
    const next = document.querySelector('.pa-adviser__next');
    return next ? { id: next.dataset.questionId, kind: next.dataset.kind } : null;
  });
}

/** Answers the next questions from a scenario's answers, through the next-question area, until none is left. */
async function answerAll(page, answers) {
  const asked = [];
  for (let step = 0; step < 100; step += 1) {
    const question = await nextQuestion(page);
    if (!question) {
      return asked;
    }
    assert.ok(question.id in answers, `adviser mode asked "${question.id}", which the answers do not cover`);
    asked.push(question.id);
    const value = answers[question.id];
    const raw = value === true ? 'yes' : value === false ? 'no' : String(value);
    if (question.kind === 'choice' || question.kind === 'yes_no' || raw === 'dont_know') {
      await page.locator(`.pa-adviser__next [data-action="answer"][data-arg="${question.id}=${raw}"]`).click();
    } else if (question.kind === 'country') {
      await page.locator('#pa-next-field').selectOption(raw);
      await page.locator('.pa-adviser__next button[type="submit"]').click();
    } else {
      await page.locator('#pa-next-field').fill(raw);
      await page.locator('.pa-adviser__next button[type="submit"]').click();
    }
    await page.waitForFunction(
      (id) => document.querySelector('.pa-adviser__next')?.dataset.questionId !== id,
      question.id,
    );
  }
  throw new Error('more than 100 questions');
}

/** The route statuses each language's column shows: `{ en: {route: status}, ar: {...} }`. */
function columns(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.pa-adviser__results')].map((column) => [
        column.dataset.lang,
        Object.fromEntries([...column.querySelectorAll('[data-route-id]')].map((card) => [card.dataset.routeId, card.dataset.status])),
      ]),
    ),
  );
}

/**
 * The native evaluation on `date` of the answers the adviser gave (`asked`, from `answerAll`), with `changes` made:
 * the scenario is written without its [expect], which holds for its own date only.
 */
let written = 0;
function nativeOf(persona, asked, date, changes = {}) {
  const answers = Object.fromEntries(asked.map((id) => [id, persona.answers[id]]));
  Object.assign(answers, changes);
  written += 1;
  const file = join(scratch, `scenario-${written}.toml`);
  writeFileSync(file, stringify({ title: persona.title, source: persona.source, date, answers }));
  return nativeEvaluation(file, date);
}

/** Audits the page, or only the part `include` selects (a panel opened over a page already audited whole). */
async function expectNoViolations(page, what, include) {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const results = await (include ? builder.include(include) : builder).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

describe('adviser mode', () => {
  test('every question, option and result is shown in both languages, the client\'s right to left', async () => {
    const { context, page, problems } = await openAdviser('lang=en&client=ar');
    const next = page.locator('.pa-adviser__next');
    assert.deepEqual(
      await next.locator('.pa-bilingual__column').evaluateAll((cols) => cols.map((c) => [c.lang, c.dir])),
      [['en', 'ltr'], ['ar', 'rtl']],
    );
    const option = next.locator('[data-action="answer"]').first();
    assert.deepEqual(await option.locator('span[lang]').evaluateAll((s) => s.map((e) => e.lang)), ['en', 'ar']);
    assert.match(await option.locator('span[lang="ar"]').innerText(), /[\u0600-\u06FF]/, 'the Arabic option is Arabic');

    const persona = scenario('family-belgian-spouse-old-rules');
    const asked = await answerAll(page, persona.answers);
    const shown = await columns(page);
    const native = nativeOf(persona, asked, today).routes;
    assert.deepEqual(shown.en, native, 'the English column equals the engine');
    assert.deepEqual(shown.ar, native, 'the Arabic column equals the engine');
    const ar = page.locator('.pa-adviser__results[data-lang="ar"]');
    assert.equal(await ar.getAttribute('dir'), 'rtl');
    assert.match(await ar.locator('[data-route-id="family-with-belgian"] h4').first().innerText(), /[\u0600-\u06FF]/);
    assert.match(await page.locator('.pa-adviser__results[data-lang="en"] [data-route-id="family-with-belgian"] h4').first().innerText(), /Belgian/);
    // The answers panel shows each answer in the client's language too.
    const row = page.locator('.pa-adviser__answer[data-question-id="sponsor_type"]');
    assert.match(await row.locator('.pa-adviser__client').innerText(), /[\u0600-\u06FF]/);
    // Legal detail is open by default.
    assert.equal(await page.locator('.pa-adviser__results details:not([open])').count(), 0);
    assert.ok(await page.locator('.pa-adviser__results details[open]').count() >= 2);
    await page.screenshot({ path: 'target/e2e-screenshots/adviser-en-ar.png', fullPage: false });
    // The adviser switches to French: the page turns French once its texts are here, the answers and the focus stay.
    const mine = page.locator('#pa-adviser-language');
    await mine.focus();
    await mine.selectOption('fr');
    await page.locator('.pa-adviser__results[data-lang="fr"] [data-route-id]').first().waitFor();
    assert.equal(await page.locator('#pa-adviser-heading .pa-no-print').innerText(), 'Mode conseiller');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pa-adviser-language');
    assert.equal(await page.locator('.pa-adviser__answer').count(), asked.length);
    assert.deepEqual((await columns(page)).fr, native);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreign: [] });
    await context.close();
  });

  test('an answer changed in place updates the results at once', async () => {
    const { context, page } = await openAdviser('lang=en&client=fr');
    const persona = scenario('work-blue-card-ghent');
    const asked = await answerAll(page, persona.answers);
    const before = await columns(page);
    assert.equal(before.en['eu-blue-card'], 'likely');
    const salary = page.locator('.pa-adviser__answer[data-question-id="annual_salary"] [data-question]');
    await salary.fill('20000');
    await salary.press('Enter');
    await page.waitForFunction(() => document.querySelector('.pa-adviser__results [data-route-id="eu-blue-card"]')?.dataset.status !== 'likely');
    const afterChange = await columns(page);
    const native = nativeOf(persona, asked, today, { annual_salary: 20000 }).routes;
    assert.deepEqual(afterChange.en, native);
    assert.deepEqual(afterChange.fr, native);
    // A refused value keeps what was typed, says why, and changes nothing.
    await salary.fill('lots');
    await salary.press('Enter');
    await page.locator('.pa-adviser__answer[data-question-id="annual_salary"] .pa-error-message').waitFor();
    assert.equal(await salary.inputValue(), 'lots');
    assert.deepEqual(await columns(page), afterChange);
    await context.close();
  });

  test('the what-if table equals the native evaluation of each changed scenario', async () => {
    const { context, page } = await openAdviser('lang=en&client=ar');
    const persona = scenario('work-blue-card-ghent');
    const asked = await answerAll(page, persona.answers);
    const base = nativeOf(persona, asked, today).routes;
    for (const question of ['annual_salary', 'work_region', 'purpose']) {
      await page.locator(`[data-action="what-if"][data-arg="${question}"]`).click();
      const table = page.locator(`.pa-what-if[data-question-id="${question}"]`);
      await table.locator('tbody tr').first().waitFor();
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          answer: tr.dataset.answer,
          changes: [...tr.querySelectorAll('li[data-route]')].map((li) => [li.dataset.route, li.dataset.from, li.dataset.to]),
        })),
      );
      assert.ok(rows.length >= 2, `${question}: ${rows.length} alternatives`);
      let changing = 0;
      for (const row of rows) {
        const value = /^-?\d+(\.\d+)?$/.test(row.answer) ? Number(row.answer) : row.answer;
        const native = nativeOf(persona, asked, today, { [question]: value }).routes;
        const expected = Object.keys(base)
          .filter((route) => base[route] !== native[route])
          .map((route) => [route, base[route], native[route]]);
        assert.deepEqual(row.changes, expected, `${question} = ${row.answer}`);
        changing += row.changes.length ? 1 : 0;
      }
      assert.ok(changing >= 1, `${question}: at least one alternative changes a route`);
      await page.locator('.pa-what-if [data-action="close"]').click();
    }
    await context.close();
  });

  test('the as-of date applies the old or the new family rules, and every result says which date', async () => {
    const { context, page } = await openAdviser('lang=en&client=fa');
    const persona = scenario('family-non-eu-unlimited-new-rules-age');
    // The application was filed on 17 August 2025: the adviser sets that date first, then goes through the questions.
    await page.locator('#pa-as-of').fill('2025-08-17');
    await page.locator('#pa-as-of').dispatchEvent('change');
    await page.locator('.pa-adviser__as-of >> text=17 August 2025').waitFor();
    const asked = await answerAll(page, persona.answers);
    for (const [date, expected] of [['2025-08-17', 'likely'], ['2025-08-18', 'not_matching']]) {
      await page.locator('#pa-as-of').fill(date);
      await page.locator('#pa-as-of').dispatchEvent('change');
      await page.locator(`.pa-adviser__as-of >> text=${date.endsWith('17') ? '17' : '18'} August 2025`).first().waitFor();
      // The new rules ask what the old ones did not need (the spouse's age, when the sponsor was admitted).
      asked.push(...(await answerAll(page, persona.answers)));
      await page.waitForFunction(
        ([status]) => document.querySelector('.pa-adviser__results [data-route-id="family-with-non-eu-unlimited"]')?.dataset.status === status,
        [expected],
      );
      const native = nativeOf(persona, asked, date).routes;
      const shown = await columns(page);
      assert.deepEqual(shown.en, native, `as of ${date}`);
      assert.deepEqual(shown.fa, native, `as of ${date}`);
      // The date is on every route card, in each language.
      const dated = await page.locator('.pa-adviser__results[data-lang="en"] [data-route-id] > p.pa-hint:last-child').allInnerTexts();
      const cards = await page.locator('.pa-adviser__results[data-lang="en"] [data-route-id]').count();
      assert.equal(dated.length, cards);
      const spelled = date === '2025-08-17' ? '17 August 2025' : '18 August 2025';
      assert.ok(dated.every((line) => line === `Rules as of ${spelled}`), dated[0]);
    }
    // An absurd date is refused with a message; the rules' date stays.
    await page.locator('#pa-as-of').fill('1999-01-01');
    await page.locator('#pa-as-of').dispatchEvent('change');
    await page.locator('#pa-as-of-error').waitFor();
    assert.match(await page.locator('.pa-adviser__as-of').first().innerText(), /18 August 2025/);
    await context.close();
  });

  test('the QR code decodes to a link that opens the client\'s answers on their phone, in their language', async () => {
    const { context, page } = await openAdviser('lang=en&client=ar');
    const persona = scenario('family-belgian-spouse-old-rules');
    await answerAll(page, persona.answers);
    const adviserView = (await columns(page)).ar;
    await page.locator('[data-action="qr"]').click();
    const code = page.locator('svg.pa-qr__code');
    await code.waitFor();
    const png = PNG.sync.read(await code.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'the QR code decodes');
    const link = new URL(decoded.data);
    assert.equal(decoded.data, await page.locator('#pa-qr-link').inputValue(), 'the code holds the link shown');
    assert.equal(link.origin + link.pathname, suite.server.url, 'the link opens the standard questionnaire');
    assert.equal(link.searchParams.get('lang'), 'ar');
    assert.match(link.hash, /^#a1-/);

    // The client's phone: a new, empty browser context.
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const client = await phone.newPage();
    await client.goto(decoded.data);
    await client.locator('[data-action="results"]').waitFor();
    // The Arabic texts arrive a moment after the page: it then turns to Arabic, right to left.
    await client.locator('.pa-app[lang="ar"][dir="rtl"]').waitFor();
    await client.locator('[data-action="results"]').click();
    await client.locator('[data-route-id]').first().waitFor();
    const restored = await client.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-route-id]')].map((card) => [card.dataset.routeId, card.dataset.status])),
    );
    assert.deepEqual(restored, adviserView, 'the phone shows what the adviser saw');
    await phone.close();
    await context.close();
  });

  test('the printed summary holds both languages, the answers, the date and the name typed, and no controls', async () => {
    const { context, page } = await openAdviser('lang=nl&client=ar');
    const persona = scenario('family-belgian-spouse-old-rules');
    await answerAll(page, persona.answers);
    await page.locator('#pa-client-name').fill('Amina B.');
    await page.locator('#pa-client-name').dispatchEvent('change');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    assert.match(printed, /Amina B\./, 'the name typed is printed');
    assert.match(printed, /[\u0600-\u06FF]{3}/, 'Arabic is printed');
    assert.match(printed, /Gezinshereniging|gezin/i, 'Dutch is printed');
    for (const lang of ['nl', 'ar']) {
      assert.ok(await page.locator(`.pa-adviser__results[data-lang="${lang}"]`).isVisible(), `${lang} results printed`);
    }
    assert.ok(await page.locator('.pa-adviser__answer[data-question-id="sponsor_income"] .pa-print-only').isVisible(), 'answers printed');
    assert.equal(await page.locator('main button:visible, main select:visible, main input:visible').count(), 0, 'no controls printed');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000, `a printable summary (${pdf.length} B of PDF)`);
    await page.emulateMedia({ media: 'screen' });
    // Without a name typed, no name line is printed.
    await page.locator('#pa-client-name').fill('');
    await page.locator('#pa-client-name').dispatchEvent('change');
    await page.emulateMedia({ media: 'print' });
    assert.doesNotMatch(await page.locator('main').innerText(), /Voor:|For:/);
    await context.close();
  });

  test('the keyboard answers, opens what-if, help and the QR code, and Shift+N starts a new client', async () => {
    const { context, page } = await openAdviser('lang=en&client=ar');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('2'); // in_danger_now: No
    await page.waitForFunction(() => document.querySelector('.pa-adviser__next')?.dataset.questionId !== 'in_danger_now');
    assert.equal(await page.locator('.pa-adviser__answer[data-question-id="in_danger_now"] select').inputValue(), 'no');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pa-next-heading', 'focus moves to the next question');
    await page.keyboard.press('?');
    await page.locator('#pa-help-heading').waitFor();
    assert.ok((await page.locator('.pa-adviser__panel kbd').count()) >= 9);
    await page.keyboard.press('Escape');
    await page.locator('#pa-help-heading').waitFor({ state: 'detached' });
    await page.keyboard.press('w');
    await page.locator('.pa-what-if[data-question-id="in_danger_now"]').waitFor();
    await page.keyboard.press('q');
    await page.locator('svg.pa-qr__code').waitFor();
    // Typing into a field is typing, not a shortcut.
    await page.keyboard.press('Escape');
    await page.locator('#pa-client-name').focus();
    await page.keyboard.type('qwp?');
    assert.equal(await page.locator('#pa-client-name').inputValue(), 'qwp?');
    assert.equal(await page.locator('.pa-adviser__panel').count(), 0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+N');
    await page.locator('.pa-adviser__answers >> text=No answer yet.').waitFor();
    await context.close();
  });

  test('closing a panel, by its Close button or Escape, puts focus back on the button that opened it, in place', async () => {
    const { context, page } = await openAdviser('lang=en&client=ar');
    await answerAll(page, scenario('work-blue-card-ghent').answers);
    const scrollY = () => page.evaluate(() => window.scrollY);
    for (const [action, arg, heading] of [
      ['what-if', 'annual_salary', 'pa-what-if-heading'],
      ['what-if', 'in_danger_now', 'pa-what-if-heading'],
      ['qr', undefined, 'pa-qr-heading'],
      ['help', undefined, 'pa-help-heading'],
    ]) {
      for (const how of ['Close', 'Escape']) {
        const opener = page.locator(`[data-action="${action}"]${arg ? `[data-arg="${arg}"]` : ''}`);
        // The salary's button is far enough down the page that a jump to the top, or to the panel, would show.
        await opener.scrollIntoViewIfNeeded();
        const before = await scrollY();
        await opener.click();
        await page.waitForFunction((id) => document.activeElement?.id === id, heading);
        const inPanel = await scrollY();
        await (how === 'Close' ? page.locator('.pa-adviser__panel [data-action="close"]').click() : page.keyboard.press('Escape'));
        await page.locator('.pa-adviser__panel').waitFor({ state: 'detached' });
        const focused = await page.evaluate(() => ({ ...document.activeElement?.dataset }));
        assert.deepEqual([focused.action, focused.arg], [action, arg], `${how} on the ${action} ${arg ?? ''} panel`);
        assert.equal(await scrollY(), before, `back where the page was before the panel (the panel's was ${inPanel})`);
      }
    }
    await context.close();
  });

  test('New client clears everything and nothing was ever stored or sent', async () => {
    const { context, page, problems } = await openAdviser('lang=en&client=ti');
    const requests = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`));
    const persona = scenario('family-belgian-spouse-old-rules');
    await answerAll(page, persona.answers);
    await page.locator('#pa-client-name').fill('Yonas T.');
    await page.locator('#pa-client-name').dispatchEvent('change');
    await page.locator('#pa-as-of').fill('2025-08-17');
    await page.locator('#pa-as-of').dispatchEvent('change');
    await page.locator('#pa-client-language').selectOption('uk');
    await page.locator('.pa-adviser__results[data-lang="uk"] [data-route-id]').first().waitFor();
    await page.locator('[data-action="what-if"][data-arg="sponsor_income"]').click();
    await page.locator('[data-action="reset"]').click();
    await page.locator('.pa-adviser__answers >> text=No answer yet.').waitFor();
    const state = await page.evaluate(async () => ({
      answers: document.querySelectorAll('.pa-adviser__answer').length,
      next: document.querySelector('.pa-adviser__next')?.dataset.questionId,
      name: document.querySelector('#pa-client-name').value,
      date: document.querySelector('#pa-as-of').value,
      client: document.querySelector('#pa-client-language').value,
      panels: document.querySelectorAll('.pa-adviser__panel').length,
      text: document.body.innerText,
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      focus: document.activeElement?.id,
    }));
    assert.equal(state.answers, 0);
    assert.equal(state.next, 'in_danger_now', 'the first question again');
    assert.equal(state.name, '');
    assert.equal(state.date, today);
    assert.equal(state.client, 'ti', 'the client language the page was opened with');
    assert.equal(state.panels, 0);
    assert.doesNotMatch(state.text, /Yonas/);
    assert.match(state.text, /Everything was cleared/);
    assert.equal(state.focus, 'pa-adviser-heading');
    assert.deepEqual([state.cookie, state.local, state.session, state.databases, state.caches], ['', 0, 0, 0, 0]);
    // Only GETs of the site's own text files went out during the consultation: no answer, no name, no query.
    assert.ok(requests.length >= 1);
    for (const request of requests) {
      assert.match(request, /^GET \/texts\/[a-z]{2,4}-(questions|results|adviser)-[0-9a-f]{12}\.bin$/, request);
    }
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreign: [] });
    await context.close();
  });

  test('axe finds no violation in adviser mode (question, results, what-if, QR code, shortcuts, right to left)', async () => {
    const { context, page } = await openAdviser('lang=en&client=ar');
    await expectNoViolations(page, 'the first question');
    const persona = scenario('work-blue-card-ghent');
    const answers = { ...persona.answers };
    await answerAll(page, answers);
    await expectNoViolations(page, 'the results in two languages');
    await page.locator('[data-action="what-if"][data-arg="annual_salary"]').click();
    await page.locator('.pa-what-if tbody tr').first().waitFor();
    await expectNoViolations(page, 'the what-if table');
    await page.locator('[data-action="qr"]').click();
    await page.locator('svg.pa-qr__code').waitFor();
    await expectNoViolations(page, 'the QR code', '.pa-adviser__panel');
    await page.locator('[data-action="help"]').click();
    await page.locator('#pa-help-heading').waitFor();
    await expectNoViolations(page, 'the shortcuts', '.pa-adviser__panel');
    await page.locator('#pa-as-of').fill('1999-01-01');
    await page.locator('#pa-as-of').dispatchEvent('change');
    await page.locator('#pa-as-of-error').waitFor();
    await expectNoViolations(page, 'a refused date', '.pa-adviser__settings');
    await context.close();
    const rtl = await openAdviser('lang=ar&client=en');
    assert.equal(await rtl.page.locator('.pa-app').getAttribute('dir'), 'rtl');
    await answerAll(rtl.page, persona.answers);
    await expectNoViolations(rtl.page, 'adviser mode in Arabic');
    await rtl.page.screenshot({ path: 'target/e2e-screenshots/adviser-ar-en.png' });
    await rtl.context.close();
  });

  test('an unknown language or a damaged answer link gets a message, and the consultation goes on', async () => {
    const { context, page, problems } = await openAdviser('lang=xx&client=%3Cscript%3Ealert(1)%3C/script%3E');
    const notice = page.locator('main .pa-notification[role="status"]');
    // Named back cut to 12 letters, digits and dashes: never markup.
    assert.match(await notice.innerText(), /^“[A-Za-z0-9-]{1,12}” is not one of the languages/);
    assert.equal(await page.locator('main script').count(), 0);
    assert.ok(await page.locator('.pa-adviser__next [data-action="answer"]').first().isVisible());
    await page.goto(`${suite.server.url}adviser/?lang=en#a1-00000000-garbage-0000`);
    await page.locator('#pa-adviser-heading').waitFor();
    assert.match(await page.locator('main .pa-notification[role="status"]').innerText(), /does not hold answers/);
    assert.equal(new URL(page.url()).hash, '', 'the fragment is taken out of the address');
    await page.locator('.pa-adviser__next [data-action="answer"]').first().click();
    await page.locator('.pa-adviser__answer').first().waitFor();
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('Exit this page, by the button or Shift pressed three times, leaves at once', async () => {
    for (const how of ['button', 'shift']) {
      const { context, page } = await openAdviser('lang=en&client=ar');
      // The neutral site is answered locally: the test reaches no other host.
      await context.route('https://www.bbc.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }),
      );
      await page.locator('.pa-adviser__next [data-action="answer"]').first().click();
      if (how === 'button') {
        await page.locator('header [data-action="exit"]').click();
      } else {
        await page.locator('body').click({ position: { x: 5, y: 5 } });
        for (let i = 0; i < 3; i += 1) {
          await page.keyboard.press('Shift');
        }
      }
      await page.waitForURL('https://www.bbc.com/weather');
      await context.close();
    }
  });

  test('the start page links to adviser mode, and ?mode=adviser opens it', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.server.url}?lang=fr`);
    // The start page shows in English until the French texts have arrived; then the link carries the language.
    await page.locator('.pa-app[lang="fr"]').waitFor();
    const link = page.locator('a[href^="adviser/"]');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'adviser/?lang=fr');
    await link.click();
    await page.locator('#pa-adviser-heading').waitFor();
    assert.equal(await page.locator('.pa-app').getAttribute('lang'), 'fr');
    await page.goto(`${suite.server.url}?mode=adviser&lang=de&client=so`);
    await page.locator('#pa-adviser-heading').waitFor();
    assert.equal(new URL(page.url()).pathname, '/adviser/');
    assert.equal(await page.locator('#pa-client-language').inputValue(), 'so');
    await context.close();
  });
});

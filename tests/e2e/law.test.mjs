// What the law says about a person's own case, end to end on the release build: each route card says which rules
// apply and why (the engine's `explained` facts, `pathways eval` → `rules_applied`), a route that fails only because
// of time says from which day it may fit (`met_from`), in the results and in print; and an answer the rule pack
// refuses given the other answers (a birth date in the future) gets the question's own message, is not recorded,
// and the questionnaire goes on.
//
// Each card also says what to check before acting on it (`warnings`: an amount past its update, an old review, a court
// case), in the questionnaire, in print and in both columns of adviser mode.
//
// Each expectation comes from the native engine on the same day (the app applies the rules in force today, UTC).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

import {
  NOTHING_WENT_WRONG,
  answer,
  answerAll,
  nativeEvaluation,
  scenarioAnswers,
  serverAndBrowser,
  shownResults,
  startQuestions,
  watchPage,
  withPage,
} from './support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The old rules apply (the sponsor could stay before 18 August 2025): every family card says so. */
const OLD_RULES = 'family-sponsor-admitted-june-2025-old-rules';
/** The new rules apply and the younger partner is 19: the route fits from her 21st birthday. */
const YOUNG_SPOUSE = 'family-non-eu-unlimited-new-rules-age';
/** Return help again only 5 years after the last time: two routes fit later. */
const HELPED_BEFORE = 'return-moroccan-helped-before';

/** The birth date question whose answer must fit the ages chosen before it. */
const BIRTH_DATE = 'younger_partner_birth_date';

const suite = serverAndBrowser();

/** Subsidiary protection since December 2025: the new rules are suspended by the Constitutional Court. */
const SUSPENDED = 'family-subsidiary-new-rules-wait';
/** The route the suspension touches. */
const PROTECTION_HOLDER = 'family-with-protection-holder';

/** A language's texts: the app's own (`ui.`) and the rule pack's, by dotted key. */
function texts(lang) {
  const found = {};
  const flatten = (prefix, value) => {
    for (const [key, inner] of Object.entries(value)) {
      const dotted = prefix ? `${prefix}.${key}` : key;
      if (typeof inner === 'string') found[dotted] = inner;
      else flatten(dotted, inner);
    }
  };
  const dir = `${ROOT}locales/${lang}/`;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.toml') && name !== 'glossary.toml')) {
    flatten('', parse(readFileSync(`${dir}${file}`, 'utf8')));
  }
  return found;
}

const ENGLISH = texts('en');
const FRENCH = texts('fr');

/** The day the app applies the rules on: today in UTC, as the browser sees it. */
function today(page) {
  return page.evaluate(() => new Date().toISOString().slice(0, 10));
}

/** A `YYYY-MM-DD` day as the app writes it (`1 June 2028` in English), with the browser's own Intl. */
function longDate(page, day, tag = 'en-GB') {
  return page.evaluate(
    ([iso, locale]) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
    [day, tag],
  );
}

/**
 * The sentences a card shows for the engine's warnings (`pathways eval` → `routes[].warnings`), in a language: a
 * court case in its own text (`event.<id>`, the same as eval's `text` in English), an old review or an amount past its
 * update in the app's words with the day written for the language (`tag`).
 */
async function warningTexts(page, warnings, words = ENGLISH, tag = 'en-GB') {
  const sentences = [];
  for (const warning of warnings ?? []) {
    const day = await longDate(page, warning.date, tag);
    if (warning.kind === 'legal_uncertainty') {
      sentences.push(words[`event.${warning.subject}`]);
    } else if (warning.kind === 'review_overdue') {
      sentences.push(words['ui.warning_review'].replace('{date}', day));
    } else {
      assert.equal(warning.kind, 'amount_may_be_outdated');
      sentences.push(
        words['ui.warning_amount'].replace('{amount}', words[`param.${warning.subject}`]).replace('{date}', day),
      );
    }
  }
  return sentences;
}

/** Each card's warning sentences under `root` (a page, or one column of adviser mode): `{ id: [texts] }`. */
function warningsShown(page, root = 'body') {
  return page.evaluate(
    (selector) =>
      Object.fromEntries(
        [...document.querySelector(selector).querySelectorAll('[data-route-id]')].map((card) => [
          card.dataset.routeId,
          [...card.querySelectorAll('.pa-route-warning')].map((p) => p.textContent),
        ]),
      ),
    root,
  );
}

/** Answers a scenario through the UI and opens its results; returns the native evaluation of the same day. */
async function resultsOf(page, name) {
  const expected = nativeEvaluation(`tests/scenarios/${name}.toml`, await today(page));
  assert.equal(expected.nextQuestion, null, `${name} answers every question it is asked`);
  await startQuestions(page);
  await answerAll(page, scenarioAnswers(name));
  await page.getByRole('button', { name: 'See your results' }).click();
  const shown = await shownResults(page);
  assert.deepEqual(shown.routes, expected.routes, 'the statuses are the engine\'s');
  return expected.json;
}

/** What each route card shows: `{ id: { status, label, rules: [texts], metFrom } }`. */
function cards(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-route-id]')].map((card) => {
        const group = card.querySelector('.pa-rules-applied');
        const paragraphs = group ? [...group.querySelectorAll('p')].map((p) => p.textContent) : [];
        return [
          card.dataset.routeId,
          {
            status: card.dataset.status,
            label: paragraphs[0] ?? null,
            rules: paragraphs.slice(1),
            metFrom: card.querySelector('.pa-met-from')?.textContent ?? null,
            folded: Boolean(card.closest('details')),
          },
        ];
      }),
    ),
  );
}

describe('which rules apply', () => {
  test('each card says which rules apply and why, as the engine does', async () => {
    await withPage(suite, async (page) => {
      const native = await resultsOf(page, OLD_RULES);
      const shown = await cards(page);
      const explained = native.routes.filter((route) => route.rules_applied?.length);
      assert.ok(explained.length > 0, `${OLD_RULES} has routes that explain their rules`);
      for (const route of native.routes) {
        const card = shown[route.id];
        const texts = (route.rules_applied ?? []).map((rule) => rule.text);
        assert.deepEqual(card.rules, texts, `${route.id}: the texts of rules_applied, in order`);
        assert.equal(card.label, texts.length ? ENGLISH['ui.rules_applied'] : null, `${route.id}: the label`);
      }
      // The likely family route says it near the top: before why it fits.
      const likely = explained.find((route) => route.status === 'likely');
      assert.ok(likely, 'a likely route explains its rules');
      const order = await page.evaluate((id) => {
        const card = document.querySelector(`[data-route-id="${id}"]`);
        const rules = card.querySelector('.pa-rules-applied');
        const why = [...card.querySelectorAll('h4')].find((h) => h.textContent === 'Why');
        return Boolean(why && rules.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, likely.id);
      assert.ok(order, 'which rules apply comes before the reasons');
      assert.match(
        await page.locator(`[data-route-id="${likely.id}"] .pa-rules-applied`).textContent(),
        /18 August 2025/,
      );
      // In print, too (the routes that do not match are printed open).
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() =>
        [...document.querySelectorAll('.pa-rules-applied')].filter((group) => group.getClientRects().length > 0).length,
      );
      assert.equal(printed, explained.length, 'every explanation is printed');
    });
  });
});

describe('from when a route may fit', () => {
  for (const name of [YOUNG_SPOUSE, HELPED_BEFORE]) {
    test(`${name}: a route that fails only on time says from which day it may fit`, async () => {
      await withPage(suite, async (page) => {
        const native = await resultsOf(page, name);
        const shown = await cards(page);
        const later = native.routes.filter((route) => route.met_from);
        assert.ok(later.length > 0, `${name} has a route that fits later (met_from)`);
        for (const route of native.routes) {
          const card = shown[route.id];
          if (!route.met_from) {
            assert.equal(card.metFrom, null, `${route.id} has no date`);
            continue;
          }
          const date = await longDate(page, route.met_from);
          assert.equal(card.metFrom, ENGLISH['ui.met_from'].replace('{date}', date), route.id);
          assert.equal(card.status, 'not_matching', `${route.id} is not shown as likely`);
          assert.ok(card.folded, `${route.id} stays in the list of routes that do not match`);
        }
        // Opened, the list shows the date; printed, too.
        await page.locator('details.pa-not-matching > summary').click();
        const first = page.locator(`[data-route-id="${later[0].id}"] .pa-met-from`);
        assert.equal(await first.isVisible(), true);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await first.isVisible(), true, 'the date is printed');
      });
    });
  }
});

describe('what to check before acting', () => {
  test(`${SUSPENDED}: the protection holder's card shows the court's suspension, as the engine says`, async () => {
    await withPage(
      suite,
      async (page, { context }) => {
        const native = await resultsOf(page, SUSPENDED);
        const route = native.routes.find((r) => r.id === PROTECTION_HOLDER);
        assert.ok(route, `${SUSPENDED} evaluates ${PROTECTION_HOLDER}`);
        const suspension = (route.warnings ?? []).find(
          (w) => w.kind === 'legal_uncertainty' && w.subject === 'subsidiary_protection_suspension',
        );
        assert.ok(suspension, `${PROTECTION_HOLDER} carries the suspension (pathways eval)`);
        assert.equal(suspension.text, ENGLISH['event.subsidiary_protection_suspension'], 'eval says the event\'s own text');

        // Every card shows the engine's warnings, in its order; the protection holder's shows the suspension.
        const shown = await warningsShown(page);
        for (const r of native.routes) {
          assert.deepEqual(shown[r.id], await warningTexts(page, r.warnings), `${r.id}: its warnings`);
        }
        assert.ok(shown[PROTECTION_HOLDER].includes(suspension.text), 'the suspension, word for word');
        const card = page.locator(`[data-route-id="${PROTECTION_HOLDER}"]`);
        const block = card.locator('.pa-warning');
        assert.equal(await block.count(), 1, 'one warning block');
        assert.equal(await block.locator('.pa-warning__label').textContent(), ENGLISH['ui.caution'], 'under the caution label');
        // Near the top: before why it may fit.
        const before = await card.evaluate((element) => {
          const warning = element.querySelector('.pa-route-warning');
          const heading = [...element.querySelectorAll('h4')][0];
          return Boolean(warning && heading && warning.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        assert.ok(before, 'the warnings come before the details');
        await page.emulateMedia({ media: 'print' });
        assert.equal(await card.locator('.pa-route-warning--legal').first().isVisible(), true, 'printed');
        await page.emulateMedia({ media: 'screen' });

        // Adviser mode, from the same answers (the link that keeps them): both columns, each in its language.
        await page.locator('[data-action="copy-link"]').click();
        const link = new URL(await page.locator('#pa-share-link').inputValue());
        const adviser = await context.newPage();
        const adviserProblems = watchPage(adviser, new URL(suite.server.url).origin);
        await adviser.goto(`${suite.server.url}adviser/?lang=en&client=fr${link.hash}`);
        await adviser.locator('.pa-adviser__results[data-lang="fr"] [data-route-id]').first().waitFor();
        const english = await warningsShown(adviser, '.pa-adviser__results[data-lang="en"]');
        const french = await warningsShown(adviser, '.pa-adviser__results[data-lang="fr"]');
        for (const r of native.routes) {
          assert.deepEqual(english[r.id], await warningTexts(adviser, r.warnings), `${r.id}: English column`);
          assert.deepEqual(french[r.id], await warningTexts(adviser, r.warnings, FRENCH, 'fr-BE'), `${r.id}: French column`);
        }
        assert.ok(french[PROTECTION_HOLDER].includes(FRENCH['event.subsidiary_protection_suspension']));
        await adviser.emulateMedia({ media: 'print' });
        assert.equal(
          await adviser.locator(`.pa-adviser__results[data-lang="fr"] [data-route-id="${PROTECTION_HOLDER}"] .pa-route-warning--legal`)
            .first()
            .isVisible(),
          true,
          'printed in both languages',
        );
        assert.deepEqual(adviserProblems, NOTHING_WENT_WRONG);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  });
});

describe('an answer the rule pack refuses', () => {
  test('a birth date in the future gets the question\'s own message, is not recorded, and the questions go on', async () => {
    await withPage(suite, async (page) => {
      const answers = scenarioAnswers(YOUNG_SPOUSE);
      const native = nativeEvaluation(`tests/scenarios/${YOUNG_SPOUSE}.toml`, await today(page));
      assert.ok(native.asked.includes(BIRTH_DATE), `${YOUNG_SPOUSE} is asked ${BIRTH_DATE}`);
      const message = ENGLISH[`q.${BIRTH_DATE}.invalid`];
      assert.ok(message, `q.${BIRTH_DATE}.invalid has an English text`);

      await page.getByRole('button', { name: 'Start' }).click();
      const form = page.locator('form[data-question-id]');
      await form.waitFor();
      for (let step = 0; step < 40; step += 1) {
        const id = await form.getAttribute('data-question-id');
        if (id === BIRTH_DATE) break;
        await answer(page, { id, kind: await form.getAttribute('data-kind') }, answers[id]);
      }
      assert.equal(await form.getAttribute('data-question-id'), BIRTH_DATE);

      const nextYear = `${Number((await today(page)).slice(0, 4)) + 1}-01-15`;
      for (const typed of [nextYear, '1950-01-01']) {
        await page.locator('#pa-answer').fill(typed);
        await page.locator('form button[type="submit"]').click();
        const summary = page.locator('.pa-error-summary');
        await summary.waitFor();
        assert.equal((await summary.locator('button').textContent()).trim(), message, `${typed}: the question's own message`);
        assert.equal(await summary.evaluate((element) => element === document.activeElement), true, 'the summary takes focus');
        assert.ok((await page.locator('#pa-answer-error').textContent()).endsWith(message), 'the field says it too');
        assert.match(await page.locator('#pa-answer').getAttribute('aria-describedby'), /pa-answer-error/);
        assert.equal(await page.locator('#pa-answer').inputValue(), typed, 'what was typed is kept');
        assert.equal(await form.getAttribute('data-question-id'), BIRTH_DATE, 'the question stays on show');
      }
      await page.locator('.pa-error-summary button').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pa-answer', 'the summary link focuses the field');

      // Nothing was recorded: Back and forward again shows the question empty.
      await page.locator('[data-action="back"]').click();
      await page.locator(`form[data-question-id]:not([data-question-id="${BIRTH_DATE}"])`).waitFor();
      await page.locator('form button[type="submit"]').click();
      await page.locator(`form[data-question-id="${BIRTH_DATE}"]`).waitFor();
      assert.equal(await page.locator('#pa-answer').inputValue(), '', 'the refused date was not stored');
      assert.equal(await page.locator('.pa-error-summary').count(), 0);

      // The right date is taken and the person reaches the engine's results.
      await answer(page, { id: BIRTH_DATE, kind: 'date' }, answers[BIRTH_DATE]);
      assert.equal(await page.locator('.pa-error-summary').count(), 0);
      await answerAll(page, answers);
      await page.getByRole('button', { name: 'See your results' }).click();
      assert.deepEqual((await shownResults(page)).routes, native.routes);
      assert.match(await page.locator('.pa-answers').textContent(), /1 June 2007/);
    });
  });
});

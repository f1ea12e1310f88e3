// Accessibility of every kind of screen on the release build: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) finds
// no violation on the start page, a question of each input kind, an error, "Check your answers" and the results;
// and at 320 CSS pixels wide nothing scrolls sideways (WCAG 1.4.10 reflow).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

import { answer, scenarioAnswers, serverAndBrowser, withPage } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 320, height: 640 };

const suite = serverAndBrowser();
/** Rules checked and nodes passed, per screen, for the summary printed at the end. */
const summary = [];

after(() => {
  console.log(`axe summary (${TAGS.join(', ')}):`);
  for (const line of summary) console.log(`  ${line}`);
});

/** Runs axe on the page as it is, and checks sideways scrolling; `name` labels the summary line. */
async function audit(page, name) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  summary.push(`${name}: ${results.violations.length} violations, ${results.passes.length} rules passed, ${results.incomplete.length} to review by hand`);
  assert.deepEqual(violations, [], `axe violations on ${name}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${name}: no sideways scrolling at 320px (scrollWidth ${width})`);
}

/** Answers from a scenario until a screen for which `stop` is true. */
async function walk(page, answers, stop) {
  for (let i = 0; i < 80; i += 1) {
    const question = await page.evaluate(() => {
      const form = document.querySelector('form[data-question-id]');
      return form && { id: form.dataset.questionId, kind: form.dataset.kind };
    });
    if (!question && (await page.locator('[data-action="continue"]').count())) {
      // The help page an urgent answer brings: audited, then the questions go on.
      await audit(page, 'the help page');
      await page.locator('[data-action="continue"]').click();
      continue;
    }
    if (!question || (await stop(question))) return question;
    await answer(page, question, answers[question.id] ?? 'dont_know');
  }
  throw new Error('the walk did not stop');
}

test('every kind of screen has no axe violation and fits 320px', async () => {
  await withPage(
    suite,
    async (page) => {
      await audit(page, 'start page');

      await page.getByRole('button', { name: 'Start' }).click();
      const family = scenarioAnswers('family-refugee-late-low-income');
      const seen = new Set();
      // Audit the first question of each kind met on the way, and an error on a number question.
      await walk(page, family, async ({ kind }) => {
        if (!seen.has(kind)) {
          seen.add(kind);
          await audit(page, `a ${kind} question`);
          if (kind === 'number') {
            await page.locator('#pa-answer').fill('not a number');
            await page.locator('form button[type="submit"]').click();
            await page.locator('.pa-error-summary').waitFor();
            await audit(page, 'a number question with an error');
          }
        }
        return false;
      });
      assert.deepEqual([...seen].sort(), ['choice', 'country', 'date', 'number', 'yes_no']);

      await page.locator('h1', { hasText: 'Check your answers' }).waitFor();
      await audit(page, 'check your answers');
      await page.getByRole('button', { name: 'See your results' }).click();
      await page.locator('[data-route-id]').first().waitFor();
      await page.locator('details.pa-not-matching > summary').click();
      await audit(page, 'results (routes not matching opened)');
    },
    { viewport: PHONE },
  );
});

test('trafficking results with urgent help have no axe violation', async () => {
  await withPage(
    suite,
    async (page) => {
      await page.getByRole('button', { name: 'Start' }).click();
      const answers = scenarioAnswers('trafficking-nigerian-woman-ready');
      await walk(page, answers, async () => false);
      await page.getByRole('button', { name: 'See your results' }).click();
      await page.locator('.pa-urgent').first().waitFor();
      await audit(page, 'results with urgent help');
    },
    { viewport: PHONE },
  );
});

test('text at 200% on a 640px screen reflows without sideways scrolling (WCAG 1.4.4, 1.4.10)', async () => {
  await withPage(
    suite,
    async (page) => {
      // Text zoom: the root font size doubles (the stylesheet sizes text in rem).
      const zoom = () => page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      const fits = async (name) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 640, `${name}: scrollWidth ${width}`);
        const heading = await page.locator('h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
        assert.ok(heading >= 48, `${name}: the heading grew (${heading}px)`);
      };
      await zoom();
      await fits('start page');
      await page.getByRole('button', { name: 'Start' }).click();
      const answers = scenarioAnswers('work-blue-card-ghent');
      await walk(page, answers, async () => false);
      await fits('check your answers');
      await page.getByRole('button', { name: 'See your results' }).click();
      await page.locator('[data-route-id]').first().waitFor();
      await page.locator('details.pa-not-matching > summary').click();
      await fits('results');
    },
    { viewport: { width: 640, height: 800 } },
  );
});

// The questionnaire end to end on the release build: personas from tests/scenarios/ answered through the real UI
// must get exactly the route statuses and urgent outcomes of the native engine; keyboard only; validation; Back,
// Change and Start again; the results' content and the print layout.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  answer,
  answerAll,
  nativeEvaluation,
  scenarioAnswers,
  serveDist,
  serverAndBrowser,
  shownResults,
  startQuestions,
  withPage,
} from './support.mjs';

/** Personas across every topic and every kind of input (number, date, country, "I don't know", urgent outcomes). */
const PERSONAS = [
  'work-blue-card-ghent',
  'work-working-holiday-australian',
  'work-researcher-agreement-unknown',
  'study-search-year-graduate',
  'family-belgian-spouse-old-rules',
  'family-refugee-within-6-months',
  'family-non-eu-unlimited-unknowns',
  'return-afghan-no-papers',
  'trafficking-nigerian-woman-ready',
  'protection-syrian-asylum',
  'protection-9ter-treatment-unknown',
  'protection-stateless-kurd',
];

const suite = serverAndBrowser();

describe('personas get the native engine\'s outcome through the real UI', () => {
  for (const name of PERSONAS) {
    test(name, async () => {
      await withPage(suite, async (page) => {
        const answers = scenarioAnswers(name);
        // The app applies the rules in force today (UTC), so the native evaluation is asked for the same day.
        const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
        const expected = nativeEvaluation(`tests/scenarios/${name}.toml`, today);
        assert.equal(expected.nextQuestion, null, `${name} answers every question it is asked`);

        await startQuestions(page);
        const asked = await answerAll(page, answers);
        assert.deepEqual(asked, expected.asked, 'the UI asks the questions the engine asks, in order');
        await page.getByRole('button', { name: 'See your results' }).click();
        const shown = await shownResults(page);
        assert.deepEqual(shown.routes, expected.routes);
        assert.deepEqual(shown.urgent, expected.urgent);
        assert.equal(Object.keys(shown.routes).length, 32, 'every route of the pack is listed');
      });
    });
  }
});

test('a keyboard-only walkthrough reaches the results', async () => {
  await withPage(suite, async (page) => {
    const answers = scenarioAnswers('work-blue-card-ghent');
    /** Presses Tab until the focused element matches `selector`. */
    async function tabTo(selector) {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) {
          return;
        }
      }
      throw new Error(`Tab never reached ${selector}`);
    }
    await tabTo('[data-action="start"]');
    await page.keyboard.press('Enter');
    for (let step = 0; step < 30; step += 1) {
      const question = await page.evaluate(() => {
        const form = document.querySelector('form[data-question-id]');
        return form && { id: form.dataset.questionId, kind: form.dataset.kind };
      });
      if (!question) break;
      // Focus is on the new heading after each step.
      assert.equal(await page.evaluate(() => document.activeElement?.matches('h1, h1 label')), true);
      const value = String(answers[question.id]);
      if (question.kind === 'choice' || question.kind === 'yes_no') {
        await tabTo('input[type="radio"]');
        // Arrow keys move through a radio group and select; stop on the wanted option.
        for (let i = 0; i < 12 && !(await page.evaluate((v) => document.activeElement.value === v, value)); i += 1) {
          await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('Space');
      } else if (question.kind === 'country') {
        await tabTo('#pa-answer');
        await page.keyboard.type(await page.locator(`#pa-answer option[value="${value}"]`).textContent());
      } else {
        await tabTo('#pa-answer');
        await page.keyboard.type(value);
      }
      await tabTo('form button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (id) => document.querySelector('form[data-question-id]')?.dataset.questionId !== id,
        question.id,
      );
    }
    await tabTo('[data-action="results"]');
    await page.keyboard.press('Enter');
    const shown = await shownResults(page);
    assert.equal(shown.routes['eu-blue-card'], 'likely');
  });
});

test('a wrong number gets a message linked to the field, keeps what was typed, and is never drawn as HTML', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    const answers = scenarioAnswers('work-blue-card-ghent');
    for (const id of ['in_danger_now', 'location', 'nationality', 'purpose']) {
      const kind = await page.locator('form').getAttribute('data-kind');
      await answer(page, { id, kind }, answers[id]);
    }
    assert.equal(await page.locator('form').getAttribute('data-question-id'), 'age');
    const cases = [
      ['', 'Enter a number, for example 2500'],
      ['abc', 'Enter a number using only digits, for example 2500'],
      ['1e15', 'Enter a number using only digits, for example 2500'],
      ['-5', 'The number must be'],
      ['999999999999', 'The number must be 120 or less'],
      ['<img src=x onerror=alert(1)>', 'Enter a number using only digits'],
    ];
    for (const [typed, message] of cases) {
      await page.locator('#pa-answer').fill(typed);
      await page.locator('form button[type="submit"]').click();
      const summary = page.locator('.pa-error-summary');
      await summary.waitFor();
      assert.match(await summary.textContent(), new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.equal(await summary.evaluate((element) => element === document.activeElement), true, 'the summary takes focus');
      assert.equal(await page.locator('#pa-answer').inputValue(), typed, 'what was typed is kept');
      assert.match(await page.locator('#pa-answer').getAttribute('aria-describedby'), /pa-answer-error/);
      assert.equal(await page.locator('main img').count(), 0, 'typed text is never markup');
    }
    await page.locator('.pa-error-summary button').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pa-answer', 'the summary link focuses the field');
    assert.equal(new URL(page.url()).hash, '', 'the page address is never touched');
    await page.locator('#pa-answer').fill('32');
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('form')?.dataset.questionId !== 'age');
    assert.equal(await page.locator('.pa-error-summary').count(), 0);
  });
});

test('a question shows its heading, hint, options and progress; a choice must be made; Back keeps every answer', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    assert.equal(await page.locator('form').getAttribute('data-question-id'), 'in_danger_now');
    assert.equal(await page.locator('legend h1').textContent(), 'Are you in danger right now?');
    assert.match(await page.locator('.pa-hint').first().textContent(), /threatening you/);
    assert.equal(await page.locator('input[type="radio"][name="answer"]').count(), 2);
    assert.equal(await page.locator('label[for="pa-answer"]').textContent(), 'Yes');
    await page.locator('form button[type="submit"]').click();
    const summary = page.locator('.pa-error-summary', { hasText: 'Choose one answer' });
    await summary.waitFor();
    assert.equal(await page.locator('form').getAttribute('data-question-id'), 'in_danger_now', 'the page stays');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await summary.evaluate((element) => element === document.activeElement), true, 'the summary takes focus');
    assert.match(await page.locator('.pa-error-message').textContent(), /Choose one answer/);
    await answer(page, { id: 'in_danger_now', kind: 'yes_no' }, 'no');
    await answer(page, { id: 'location', kind: 'choice' }, 'abroad');
    await page.locator('#pa-answer').selectOption('IN');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('form[data-question-id="location"]').waitFor();
    assert.equal(await page.locator('input[value="abroad"]').isChecked(), true);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('form[data-question-id="in_danger_now"]').waitFor();
    assert.equal(await page.locator('input[value="no"]').isChecked(), true);
    assert.match(await page.locator('.pa-caption').textContent(), /Question 1/);
    await page.locator('form button[type="submit"]').click();
    await page.locator('form[data-question-id="location"]').waitFor();
    assert.match(await page.locator('.pa-caption').textContent(), /Question 2/);
  });
});

test('Change returns to "Check your answers" and answers no longer needed are dropped visibly', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    const answers = scenarioAnswers('work-blue-card-ghent');
    await answerAll(page, answers);
    const rows = page.locator('.pa-summary-list__row');
    assert.ok((await rows.count()) >= 10);
    // Change the purpose from work to study: the work questions no longer apply.
    await page.locator('.pa-summary-list__row[data-question-id="purpose"] [data-action="change"]').click();
    await page.locator('form[data-question-id="purpose"]').waitFor();
    assert.equal(await page.locator('input[value="work"]').isChecked(), true, 'the old answer is shown');
    await answer(page, { id: 'purpose', kind: 'choice' }, 'study');
    // Study asks new questions before the summary.
    for (let i = 0; i < 15; i += 1) {
      const form = page.locator('form[data-question-id]');
      if (!(await form.count())) break;
      const id = await form.getAttribute('data-question-id');
      const kind = await form.getAttribute('data-kind');
      const options = await page.locator('input[type="radio"]').evaluateAll((inputs) => inputs.map((i) => i.value));
      const dontKnow = options.includes('dont_know') || (await page.locator('[data-action="dont-know"]').count()) > 0;
      await answer(page, { id, kind }, dontKnow ? 'dont_know' : options[0] ?? (kind === 'date' ? '2026-01-01' : '1000'));
    }
    await page.locator('h1', { hasText: 'Check your answers' }).waitFor();
    const notice = page.locator('.pa-notification');
    assert.match(await notice.textContent(), /no longer apply/);
    assert.match(await notice.textContent(), /gross pay/i);
    assert.equal(await page.locator('.pa-summary-list__row[data-question-id="annual_salary"]').count(), 0);
  });
});

test('the results explain each route, and Start again forgets everything', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    await answerAll(page, scenarioAnswers('work-blue-card-ghent'));
    await page.getByRole('button', { name: 'See your results' }).click();
    const card = page.locator('[data-route-id="eu-blue-card"]');
    await card.waitFor();
    const text = await card.textContent();
    for (const part of ['Likely', 'Why', 'What to collect', 'Where and how to apply', 'Legal basis', 'Official sources', 'Information checked on']) {
      assert.ok(text.includes(part), `the Blue Card card says "${part}"`);
    }
    assert.match(text, /€70,000/, 'the salary compared is shown');
    // Routes that do not match are listed, collapsed, with why not.
    const details = page.locator('details.pa-not-matching');
    assert.equal(await details.getAttribute('open'), null);
    await details.locator('> summary').click();
    assert.match(await page.locator('[data-route-id="working-holiday"]').textContent(), /Why not/);
    // Urgent help comes first when it applies; here it does not.
    assert.equal(await page.locator('.pa-urgent').count(), 0);
    assert.match(await page.locator('main').textContent(), /not legal advice/);

    await page.getByRole('button', { name: 'Start again' }).click();
    await page.locator('h1', { hasText: 'Find your way in Belgium' }).waitFor();
    await startQuestions(page);
    assert.equal(await page.locator('input[type="radio"]:checked').count(), 0, 'no answer is left');
  });
});

test('urgent help comes before every route', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    await answerAll(page, scenarioAnswers('trafficking-nigerian-woman-ready'));
    await page.getByRole('button', { name: 'See your results' }).click();
    await page.locator('.pa-urgent').first().waitFor();
    const order = await page.evaluate(() => {
      const urgent = document.querySelector('.pa-urgent');
      const route = document.querySelector('[data-route-id]');
      return urgent.compareDocumentPosition(route) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, 'the urgent outcome is above the first route');
    assert.match(await page.locator('.pa-urgent').first().textContent(), /078 055 800/);
  });
});

test('the results print as a clean summary: no buttons, links written out, answers included', async () => {
  await withPage(suite, async (page) => {
    await startQuestions(page);
    await answerAll(page, scenarioAnswers('work-blue-card-ghent'));
    await page.getByRole('button', { name: 'See your results' }).click();
    await page.locator('[data-route-id]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      buttons: [...document.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0).map((b) => b.textContent),
      linkSuffix: getComputedStyle(document.querySelector('.pa-route a[href^="http"]'), '::after').content,
      answers: document.querySelector('.pa-answers')?.textContent ?? '',
    }));
    assert.deepEqual(printed.buttons, []);
    assert.match(printed.linkSuffix, /https?:/);
    assert.match(printed.answers, /Nationality|nationality/);
  });
});

test('the same build works below any sub-path of a site', async () => {
  const below = await serveDist({ prefix: '/services/migration/assistant/' });
  try {
    await withPage(
      { browser: suite.browser, server: below },
      async (page) => {
        await page.waitForFunction(() => document.querySelector('.pa-app')?.getAttribute('lang') === 'fr');
        await page.locator('[data-action="start"]').click();
        await answerAll(page, scenarioAnswers('return-afghan-no-papers'));
        await page.locator('[data-action="results"]').click();
        assert.equal((await shownResults(page)).routes['voluntary-return'], 'likely');
      },
      { url: 'services/migration/assistant/?lang=fr' },
    );
    assert.ok(below.requests.every(({ url }) => url.startsWith('/services/migration/assistant/')), 'every file is asked below the sub-path');
  } finally {
    await below.close();
  }
});

// Driving the questionnaire as a person would, from a scenario's answers, through the engines' common interface
// (page.mjs): the same steps in Chromium, Firefox and WebKit. The Playwright-only suites have their own copy of
// these steps in support.mjs, on Playwright's locators.

/** What is on show: a question's form, the help page after an urgent answer, "Check your answers", an error. */
function screenOnShow() {
  const form = document.querySelector('form[data-question-id]');
  return {
    question: form ? { id: form.dataset.questionId, kind: form.dataset.kind } : null,
    continues: document.querySelector('[data-action="continue"]') !== null,
    results: document.querySelector('[data-action="results"]') !== null,
    refused: document.querySelector('.pa-error-summary') !== null,
  };
}

/** Clicks Start on the start page and waits for the first question. */
export async function startQuestions(page) {
  await page.waitFor('[data-action="start"]');
  await page.click('[data-action="start"]');
  await page.waitFor('form[data-question-id]');
}

/** Gives one answer: a radio, a typed number or date, a country, or "I don't know"; waits for the next screen. */
export async function answer(page, { id, kind }, value) {
  const raw = value === true ? 'yes' : value === false ? 'no' : String(value);
  if (raw === 'dont_know' && !['choice', 'yes_no'].includes(kind)) {
    await page.click('[data-action="dont-know"]');
  } else {
    if (kind === 'choice' || kind === 'yes_no') {
      await page.check(`input[type="radio"][value="${raw}"]`);
    } else if (kind === 'country') {
      await page.select('#pa-answer', raw);
    } else {
      await page.fill('#pa-answer', raw);
    }
    await page.click('form button[type="submit"]');
  }
  await page.waitFor(
    (previous) =>
      document.querySelector('.pa-error-summary, [data-action="results"], [data-action="continue"]') !== null ||
      document.querySelector('form[data-question-id]')?.dataset.questionId !== previous,
    id,
  );
}

/**
 * Answers every question the app asks from `answers` (question id → value, as in a scenario file) until "Check
 * your answers", going on past the help page an urgent answer shows. Returns the ids asked, in order.
 */
export async function answerAll(page, answers) {
  const asked = [];
  for (let step = 0; step < 100; step += 1) {
    const screen = await page.evaluate(screenOnShow);
    if (screen.refused) {
      throw new Error(`the answer ${answers[asked.at(-1)]} to "${asked.at(-1)}" was refused`);
    }
    if (screen.question) {
      const { id } = screen.question;
      if (!(id in answers)) {
        throw new Error(`the app asked "${id}", which the answers do not cover (asked so far: ${asked})`);
      }
      asked.push(id);
      await answer(page, screen.question, answers[id]);
    } else if (screen.continues) {
      await page.click('[data-action="continue"]');
      await page.waitFor(
        () => document.querySelector('[data-action="continue"]') === null || document.querySelector('form[data-question-id]') !== null,
      );
    } else if (screen.results) {
      return asked;
    } else {
      await page.waitFor('form[data-question-id], [data-action="continue"], [data-action="results"]');
    }
  }
  throw new Error('more than 100 steps: the questionnaire loops');
}

/** Opens the results from "Check your answers" and reads them from the data attributes (details may be closed). */
export async function shownResults(page) {
  await page.click('[data-action="results"]');
  await page.waitFor('[data-route-id]');
  return page.evaluate(() => ({
    routes: Object.fromEntries(
      [...document.querySelectorAll('[data-route-id]')].map((card) => [card.dataset.routeId, card.dataset.status]),
    ),
    urgent: [...document.querySelectorAll('.pa-urgent h3[id^="urgent-"]')].map((h) => h.id.slice('urgent-'.length)),
  }));
}

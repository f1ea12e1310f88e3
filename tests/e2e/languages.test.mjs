// Languages end to end on the release build: ?lang= and the browser's preferences choose the language, the app's
// own root gets lang and dir (never the host page's <html>), right-to-left layout, money formatted by Intl for the
// language, one walkthrough each in Arabic, Dari/Persian and French, switching language keeps the answers, an
// unknown ?lang= gives a notice, only the chosen language's files are fetched, and axe finds nothing in Arabic.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'smol-toml';

import { answer, answerAll, nativeEvaluation, scenarioAnswers, serverAndBrowser, shownResults, withPage } from './support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = `${ROOT}target/e2e-screenshots`;
const uiText = (code, key) => parse(readFileSync(`${ROOT}locales/${code}/ui.toml`, 'utf8')).ui[key];
const LOCALE_COUNT = parse(readFileSync(`${ROOT}locales/locales.toml`, 'utf8')).locale.length;
const BLUE_CARD = scenarioAnswers('work-blue-card-ghent');
const PHONE = { width: 390, height: 844 };
/** The BCP 47 tag the app formats for (src/intl.rs). */
const TAGS = { en: 'en-GB', fr: 'fr-BE', ar: 'ar', fa: 'fa-AF' };

const suite = serverAndBrowser();

before(() => mkdirSync(SCREENSHOTS, { recursive: true }));

/** A phone-sized page of the app, for a browser that prefers `locale` (English unless said), opened at `query`. */
function inLanguage(body, { locale = 'en-US', query = '' } = {}) {
  return withPage(suite, body, { locale, viewport: PHONE, url: query });
}

/** Waits until the app shows `code`. */
async function shows(page, code) {
  await page.waitForFunction((c) => document.querySelector('.pa-app')?.getAttribute('lang') === c, code);
  await page.locator('h1').first().waitFor();
}

for (const code of ['ar', 'fa', 'fr']) {
  test(`a walkthrough in ${code}: direction, translated headings, money formatted for the language`, async () => {
    await inLanguage(async (page) => {
      await shows(page, code);
      const app = page.locator('.pa-app');
      assert.equal(await app.getAttribute('dir'), code === 'fr' ? 'ltr' : 'rtl');
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('dir')), null, "the page's <html> is left alone");
      assert.equal(await page.locator('h1').textContent(), uiText(code, 'app_title'));
      await page.screenshot({ path: `${SCREENSHOTS}/${code}-start.png`, fullPage: true });

      await page.locator('[data-action="start"]').click();
      await page.locator('form[data-question-id]').waitFor();
      await answerAll(page, BLUE_CARD);
      await page.locator('[data-action="results"]').click();
      await page.locator('h1', { hasText: uiText(code, 'results_heading') }).waitFor();
      const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
      const shown = await shownResults(page);
      assert.deepEqual(shown.routes, nativeEvaluation('tests/scenarios/work-blue-card-ghent.toml', today).routes);
      // The salary compared in the Blue Card card is written by Intl for the language.
      const money = await page.evaluate(
        (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0 }).format(70000),
        TAGS[code],
      );
      const card = await page.locator('[data-route-id="eu-blue-card"]').textContent();
      assert.ok(card.includes(money), `the card shows ${money}`);
      assert.ok(!card.includes('route.eu-blue-card'), 'every text is translated');
      await page.screenshot({ path: `${SCREENSHOTS}/${code}-results.png`, fullPage: true });
    }, { query: `?lang=${code}` });
  });
}

test('right to left: the layout is mirrored and numbers stay left to right', async () => {
  await inLanguage(async (page) => {
    await shows(page, 'ar');
    const width = page.viewportSize().width;
    const start = await page.locator('[data-action="start"]').boundingBox();
    assert.ok(start.x + start.width > width / 2, 'the Start button sits on the right in Arabic');
    const phone = page.locator('.pa-emergency bdi[dir="ltr"]').first();
    assert.equal(await phone.evaluate((element) => getComputedStyle(element).direction), 'ltr');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `no sideways scrolling (${scroll})`);
  }, { query: '?lang=ar' });
});

test('axe finds no violation in Arabic on the start page, a question and the results', async () => {
  await inLanguage(async (page) => {
    await shows(page, 'ar');
    const audit = async (name) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], name);
    };
    await audit('start page');
    await page.locator('[data-action="start"]').click();
    await page.locator('form[data-question-id]').waitFor();
    await audit('first question');
    await answerAll(page, BLUE_CARD);
    await page.locator('[data-action="results"]').click();
    await page.locator('[data-route-id]').first().waitFor();
    await audit('results');
  }, { query: '?lang=ar' });
});

test('the browser\'s preferred language is the default', async () => {
  await inLanguage(async (page) => {
    await shows(page, 'fr');
    assert.equal(await page.locator('h1').textContent(), uiText('fr', 'app_title'));
  }, { locale: 'fr-BE' });
});

test('an unknown ?lang= shows a short notice and the default language', async () => {
  await inLanguage(async (page) => {
    await shows(page, 'en');
    const notice = page.locator('.pa-notification');
    const text = await notice.textContent();
    // The page's one live region says the same.
    assert.equal(await page.locator('.pa-app > [aria-live="polite"]').textContent(), text);
    assert.match(text, /^“xx-3Cevil3E” is not one of the languages of this assistant, so it is shown in English\.$/);
    assert.ok(!text.includes('<'), 'only letters, digits and dashes of the code are shown back');
    assert.equal(await page.locator('main script, main img').count(), 0);
  }, { query: '?lang=xx-<evil>' });
});

test('the start page lists every language in its own name and script', async () => {
  await inLanguage(async (page) => {
    const buttons = page.locator('.pa-languages [data-action="language"]');
    assert.equal(await buttons.count(), LOCALE_COUNT);
    assert.equal(await page.locator('.pa-languages[open]').count(), 1, 'listed openly on the start page');
    const arabic = page.locator('.pa-languages [data-arg="ar"]');
    assert.equal(await arabic.textContent(), 'العربية');
    assert.equal(await arabic.getAttribute('lang'), 'ar');
    assert.equal(await arabic.getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.pa-languages [aria-current="true"]').getAttribute('data-arg'), 'en');
  });
});

test('switching language mid-questionnaire keeps every answer, and fetches only that language', async () => {
  await inLanguage(async (page, { requests }) => {
    await page.locator('[data-action="start"]').click();
    await answer(page, { id: 'in_danger_now', kind: 'yes_no' }, 'no');
    await answer(page, { id: 'location', kind: 'choice' }, 'abroad');
    await page.locator('#pa-answer').selectOption('IN');
    await page.locator('form button[type="submit"]').click();
    await page.locator('form[data-question-id="purpose"]').waitFor();
    const before = requests.length;

    await page.locator('.pa-languages summary').click();
    await page.locator('.pa-languages [data-arg="ar"]').click();
    await shows(page, 'ar');
    assert.equal(await page.locator('form').getAttribute('data-question-id'), 'purpose', 'the same question');
    const fetched = requests.slice(before);
    assert.ok(fetched.length >= 1 && fetched.every((path) => /^\/texts\/ar-(questions|results)-[0-9a-f]+\.bin$/.test(path)), `only Arabic files: ${fetched}`);
    assert.ok(!requests.some((path) => /\/texts\/(fr|fa|nl)-/.test(path)), 'no other language is fetched');

    await page.locator('.pa-back-link').click();
    await page.locator('form[data-question-id="nationality"]').waitFor();
    assert.equal(await page.locator('#pa-answer').inputValue(), 'IN', 'the answer is kept');
    await page.locator('.pa-back-link').click();
    await page.locator('form[data-question-id="location"]').waitFor();
    assert.equal(await page.locator('input[value="abroad"]').isChecked(), true);
    assert.equal(await page.locator('legend h1').textContent(), parse(readFileSync(`${ROOT}locales/ar/common.toml`, 'utf8')).q.location.text);
  });
});

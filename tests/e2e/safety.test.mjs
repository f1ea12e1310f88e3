// Safety first and results that fit a phone (issue #15), on the release build in Chromium: help the moment someone
// says they are in danger, a short answer before the detail, nothing alarming that was not asked for, a header that
// leaves the question on the first screen, and focus that moves only on navigation.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'smol-toml';

import { answer, answerAll, scenarioAnswers, serverAndBrowser, shownResults, withPage as withSuitePage } from './support.mjs';

const LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const suite = serverAndBrowser();

function ui(lang, key) {
  return parse(readFileSync(`${LOCALES}${lang}/ui.toml`, 'utf8')).ui[key];
}

/** A page of the app on a phone unless said otherwise; nothing may go wrong on it (`withPage` of support.mjs). */
function withPage(body, { viewport = PHONE, ...options } = {}) {
  return withSuitePage(suite, body, { viewport, ...options });
}

async function axe(page, name) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(violations, [], `axe violations on ${name}`);
}

async function toResults(page, name) {
  await page.locator('[data-action="start"]').click();
  await answerAll(page, scenarioAnswers(name));
  await page.locator('[data-action="results"]').click();
  return shownResults(page);
}

/** The element that has focus, described by what identifies it across a redraw. */
function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}[${active.dataset.action ?? ''}${active.dataset.arg ? `=${active.dataset.arg}` : ''}]`;
  });
}

test('"in danger" brings a help page before any other question: 112 first, then back to the questions', async () => {
  await withPage(async (page) => {
    await page.locator('[data-action="start"]').click();
    await page.locator('form[data-question-id="in_danger_now"]').waitFor();
    await page.locator('input[value="yes"]').check();
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-action="continue"]').waitFor();
    assert.equal(await page.locator('form[data-question-id]').count(), 0, 'no other question before the help');
    const help = await page.evaluate(() => {
      const links = [...document.querySelectorAll('main a[href^="tel:"]')];
      const first = links[0].getBoundingClientRect();
      return {
        heading: document.querySelector('main h1').textContent,
        focus: document.activeElement === document.querySelector('main h1'),
        first: links[0].getAttribute('href'),
        firstHeight: first.height,
        firstVisible: first.bottom + window.scrollY <= window.innerHeight,
        text: document.querySelector('main').textContent,
      };
    });
    assert.equal(help.first, 'tel:112');
    assert.ok(help.firstHeight >= 44, `112 is a large target (${help.firstHeight}px)`);
    assert.ok(help.firstVisible, '112 shows on the first screen');
    assert.ok(help.focus, 'the help page\'s heading takes focus');
    assert.match(help.text, /Exit this page/, 'one sentence on the quick exit');
    await axe(page, 'the help page');
    await page.locator('[data-action="continue"]').click();
    await page.locator('form[data-question-id="location"]').waitFor();
  });
});

test('signs of exploitation bring the helpline and the three centres at once', async () => {
  await withPage(async (page) => {
    await page.locator('[data-action="start"]').click();
    const answers = scenarioAnswers('trafficking-nigerian-woman-ready');
    for (let i = 0; i < 40; i += 1) {
      const question = await page.evaluate(() => {
        const form = document.querySelector('form[data-question-id]');
        return form && { id: form.dataset.questionId, kind: form.dataset.kind };
      });
      if (!question) break;
      await answer(page, question, answers[question.id]);
    }
    await page.locator('[data-action="continue"]').waitFor();
    const phones = await page.locator('main a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const phone of ['tel:112', 'tel:078055800', 'tel:025116464', 'tel:032011690', 'tel:042324030']) {
      assert.ok(phones.includes(phone), `${phone} in ${phones}`);
    }
  });
});

describe('the results\' first two screens at 390 px hold the status of every likely or possible route', () => {
  for (const name of [
    'trafficking-nigerian-woman-ready',
    'trafficking-in-danger-now-nigerian-woman',
    'work-blue-card-ghent',
    'protection-unaccompanied-afghan',
  ]) {
    test(name, async () => {
      await withPage(async (page) => {
        await toResults(page, name);
        const measured = await page.evaluate(() => {
          const cards = [...document.querySelectorAll('[data-route-id]')].filter(
            (card) => ['likely', 'possible'].includes(card.dataset.status) && !card.closest('details'),
          );
          return {
            count: cards.length,
            bottoms: cards.map((card) => card.querySelector('.pa-tag').getBoundingClientRect().bottom + window.scrollY),
            urgentTop: document.querySelector('.pa-urgent')?.getBoundingClientRect().top ?? 0,
            firstRouteTop: cards[0]?.getBoundingClientRect().top ?? 0,
            openDetails: [...document.querySelectorAll('main details[open]')].length,
          };
        });
        assert.ok(measured.count > 0, 'at least one route is likely or possible');
        for (const bottom of measured.bottoms) {
          assert.ok(bottom <= 2 * PHONE.height, `a status ends at ${Math.round(bottom)} px, past two screens (${2 * PHONE.height} px)`);
        }
        assert.ok(measured.urgentTop <= measured.firstRouteTop, 'urgent help comes first');
        assert.equal(measured.openDetails, 0, 'every detail is closed until asked for');
      });
    });
  }

  test('a route opens on demand to its detail, and print shows everything', async () => {
    await withPage(async (page) => {
      await toResults(page, 'work-blue-card-ghent');
      const card = page.locator('[data-route-id="eu-blue-card"]');
      assert.equal(await card.getByText('What to collect').isVisible(), false);
      await card.locator('summary').click();
      assert.equal(await card.getByText('What to collect').isVisible(), true);
      await axe(page, 'results with a route opened');
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const closed = await page.locator('main details:not([open])').count();
      assert.equal(closed, 0, 'before printing, every detail is open');
    });
  });
});

describe('nothing alarming that was not asked for', () => {
  for (const name of ['protection-unaccompanied-afghan', 'trafficking-nigerian-woman-ready', 'trafficking-vietnamese-boy']) {
    test(`${name}: no forced-return text is visible before "other information"`, async () => {
      await withPage(async (page) => {
        await toResults(page, name);
        const card = page.locator('[data-route-id="forced-return-info"]');
        assert.equal(await card.isVisible(), false, 'the forced-return card is folded away');
        const placed = await card.evaluate((c) => Boolean(c.closest('details.pa-other-information, details.pa-not-matching')));
        assert.ok(placed, 'it sits among other information or the routes that do not match');
        // What shows before the folded sections (other information, then the routes that do not match).
        const before = await page.evaluate(() => {
          const main = document.querySelector('main');
          const fold = main.querySelector('details.pa-other-information, details.pa-not-matching');
          const shown = [];
          for (const child of main.children) {
            if (child === fold) break;
            shown.push(child.innerText);
          }
          return shown.join('\n').toLowerCase();
        });
        for (const alarming of ['order to leave', 'entry ban', 'detention', 'closed centre', 'forced return']) {
          assert.ok(!before.includes(alarming), `"${alarming}" is not shown before other information`);
        }
      });
    });
  }

  test('someone who received an order to leave sees what it means first', async () => {
    await withPage(async (page) => {
      const shown = await toResults(page, 'return-brazilian-visitor-order');
      assert.ok(['likely', 'possible'].includes(shown.routes['forced-return-info']));
      assert.equal(await page.locator('[data-route-id="forced-return-info"]').isVisible(), true);
    });
  });
});

describe('a lighter header after the start page', () => {
  test('at 320 x 568 the question\'s heading is visible without scrolling, and the exit stays', async () => {
    await withPage(
      async (page) => {
        await page.locator('[data-action="start"]').click();
        await page.locator('form[data-question-id]').waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
        const layout = await page.evaluate(() => ({
          heading: document.querySelector('main h1').getBoundingClientRect().bottom,
          header: document.querySelector('.pa-header').getBoundingClientRect().height,
          exit: document.querySelector('[data-action="exit"]').getBoundingClientRect().bottom,
        }));
        assert.ok(layout.heading <= 568, `the heading ends at ${layout.heading} px`);
        assert.ok(layout.exit <= 568, 'the exit button is on the first screen');
        assert.ok(layout.header <= 120, `the header is one line (${layout.header} px)`);
        // The one line opens the full list, and each number dials.
        await page.locator('.pa-emergency__summary').click();
        const numbers = await page.locator('.pa-emergency a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        assert.deepEqual(numbers.slice(0, 1), ['tel:112']);
        for (const number of ['tel:101', 'tel:078055800']) {
          assert.ok(numbers.includes(number), `${number} is on a question page too: ${numbers}`);
        }
        assert.equal((await page.locator('[data-action="exit"]').textContent()).trim(), 'Exit this page');
        assert.ok(await page.locator('.pa-emergency a[href="tel:112"]').isVisible());
        await axe(page, 'a question with the numbers opened');
      },
      { viewport: { width: 320, height: 568 } },
    );
  });
});

describe('focus moves only on navigation', () => {
  test('copying a link keeps focus on the button and the scroll where it was; one live region says so', async () => {
    await withPage(
      async (page) => {
        const live = await page.locator('[aria-live="polite"]').count();
        assert.equal(live, 1, 'one polite live region, present from the start');
        await toResults(page, 'work-blue-card-ghent');
        const button = page.locator('[data-action="copy-link"]');
        await button.scrollIntoViewIfNeeded();
        await button.focus();
        const before = await page.evaluate(() => window.scrollY);
        await button.click();
        await page.locator('#pa-share-link').waitFor();
        assert.equal(await focused(page), 'button[copy-link]');
        assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not scroll');
        const said = await page.locator('[aria-live="polite"]').textContent();
        assert.equal(said, ui('en', 'share_copied'));
        assert.equal(await page.locator('main [role="status"], main [aria-live]').count(), 0, 'no second live region');
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  });

  test('an Arabic answer link says, in Arabic, that the answers are back', async () => {
    let link;
    await withPage(async (page) => {
      await toResults(page, 'work-blue-card-ghent');
      await page.locator('[data-action="copy-link"]').click();
      link = await page.locator('#pa-share-link').inputValue();
    });
    const fragment = link.split('#')[1];
    await withPage(
      async (page) => {
        const notice = page.locator('.pa-notification');
        await page.waitForFunction((expected) => document.querySelector('.pa-notification')?.textContent === expected, ui('ar', 'restored'));
        assert.equal(await notice.textContent(), ui('ar', 'restored'));
        assert.equal(await page.locator('[aria-live="polite"]').textContent(), ui('ar', 'restored'));
        assert.equal(await page.locator('.pa-app').getAttribute('dir'), 'rtl');
      },
      { url: `?lang=ar#${fragment}` },
    );
  });

  test('a number typed but not submitted survives a language switch, and focus stays on the language', async () => {
    await withPage(async (page) => {
      await page.locator('[data-action="start"]').click();
      const answers = scenarioAnswers('work-blue-card-ghent');
      for (let i = 0; i < 10; i += 1) {
        const question = await page.evaluate(() => {
          const form = document.querySelector('form[data-question-id]');
          return { id: form.dataset.questionId, kind: form.dataset.kind };
        });
        if (question.kind === 'number') break;
        await answer(page, question, answers[question.id]);
      }
      await page.locator('#pa-answer').fill('34');
      await page.locator('.pa-languages summary').click();
      await page.locator('.pa-languages [data-arg="fr"]').click();
      await page.waitForFunction(() => document.querySelector('.pa-app').lang === 'fr');
      assert.equal(await page.locator('#pa-answer').inputValue(), '34');
      assert.equal(await focused(page), 'button[language=fr]');
    });
  });

  test('in Arabic the Start arrow and the Back chevron point the way the text reads', async () => {
    await withPage(
      async (page) => {
        await page.waitForFunction(() => document.querySelector('.pa-app').dir === 'rtl');
        const arrow = await page.locator('.pa-button__start-icon').evaluate((svg) => getComputedStyle(svg).transform);
        assert.match(arrow, /^matrix\(-1, 0, 0, 1/, 'the Start arrow is mirrored');
        const { left, right } = await page.locator('.pa-button--start').evaluate((button) => ({
          left: button.querySelector('svg').getBoundingClientRect().left,
          right: button.getBoundingClientRect().left + button.getBoundingClientRect().width / 2,
        }));
        assert.ok(left < right, 'the arrow is at the end of the button (its left in Arabic)');
        await page.locator('[data-action="start"]').click();
        await page.locator('form[data-question-id]').waitFor();
        const chevron = await page.locator('.pa-back-link').evaluate((link) => getComputedStyle(link, '::before').transform);
        // rotate(45deg): the corner of the top and right borders points right, the way back in Arabic.
        assert.match(chevron, /^matrix\(0\.707\d*, 0\.707\d*, -0\.707\d*, 0\.707\d*/);
      },
      { url: '?lang=ar' },
    );
  });
});

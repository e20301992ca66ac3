// End-to-end: the release build served on localhost, driven like a reader
// would, found by role and text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, appUnderTest, open } from './support.mjs';

const t = appUnderTest();

/** The page's address relative to the app's base, e.g. `non-gaap/card/eps/`. */
const where = (page) => page.url().slice(t.url.length);
const card = (page, title) => page.locator('article.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

describe('visiting the page', () => {
  test('shows the report with every headline figure labelled by basis', async () => {
    const page = await open(t.browser, t.url);
    await page.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    await page.getByText('23 Jun 2026').first().waitFor();
    const revenue = card(page, 'Revenue');
    assert.match(await revenue.innerText(), /\$193\.4M\s+As reported/);
    assert.match(await revenue.innerText(), /BEAT/i);
    assert.match(await card(page, 'Earnings per share').innerText(), /MISS/i);
    for (const name of ['Guidance', 'Stock reaction', 'Partner deals', 'Analyst targets', 'What to watch', 'Questions', 'Sources']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('switching basis changes the cards, shows the bridge and updates the URL', async () => {
    const page = await open(t.browser, t.url);
    const netLoss = card(page, 'Net loss');
    assert.match(await netLoss.innerText(), /−\$14\.0M/);
    await page.getByRole('radio', { name: 'Non-GAAP' }).check();
    await page.getByRole('heading', { name: 'Reconciliation: GAAP to non-GAAP' }).waitFor();
    assert.match(await netLoss.innerText(), /−\$2\.5M\s+Non-GAAP/);
    assert.match(await card(page, 'Earnings per share').innerText(), /not reported/);
    assert.equal(where(page), 'non-gaap/');
    const bridge = page.getByRole('table').filter({ hasText: 'Running total' });
    assert.match(await bridge.innerText(), /mostly stock-based compensation/);
    await page.context().close();
  });

  test('the FAQ filter narrows the questions and answers open', async () => {
    const page = await open(t.browser, t.url);
    await page.getByLabel('Filter the questions').fill('OpenAI');
    await page.getByText(/of 9 questions match/).waitFor();
    assert.equal(await page.getByText('What is a wafer-scale chip?').isVisible(), false);
    await page.getByText(/OpenAI agreement mean that much revenue soon\?/).click();
    await page.getByText(/is the total value of a multi-year agreement/).waitFor();
    assert.equal(where(page), 'faq/openai-deal/');
    await page.context().close();
  });

  test('the first view has no layout shift and makes no request off this origin', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    const foreign = [];
    page.on('request', (r) => !r.url().startsWith(t.url) && foreign.push(r.url()));
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(t.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__cls), 0);
    assert.deepEqual(foreign, []);
    await context.close();
  });
});

describe('sharing a link to a view', () => {
  test('a pasted link opens the card and the answer it names', async () => {
    const page = await open(t.browser, t.url, 'non-gaap/card/net-loss/?faq=gaap-or-non-gaap');
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isChecked(), true);
    await page.getByText(/mostly stock-based compensation/).first().waitFor();
    assert.equal(await card(page, 'Net loss').locator('details').getAttribute('open'), '');
    await page.getByText(/net loss includes stock-based compensation/).waitFor();
    assert.equal(await page.title(), 'Net loss, Non-GAAP — Cerebras Systems Q1 2026');
    await page.context().close();
  });

  test('back and forward restore each view', async () => {
    const page = await open(t.browser, t.url);
    await page.getByRole('radio', { name: 'Non-GAAP' }).check();
    await card(page, 'Revenue').locator('summary').click();
    await page.waitForURL(/card\/revenue\/$/);
    assert.equal(where(page), 'non-gaap/card/revenue/');

    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/non-gaap/');
    assert.equal(await card(page, 'Revenue').locator('details').getAttribute('open'), null);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    assert.equal(await page.getByRole('radio', { name: 'GAAP', exact: true }).isChecked(), true);
    await page.goForward();
    await page.waitForURL((u) => u.pathname === '/non-gaap/');
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isChecked(), true);
    await page.goForward();
    await page.waitForURL(/card\/revenue\/$/);
    assert.equal(await card(page, 'Revenue').locator('details').getAttribute('open'), '');
    await page.context().close();
  });

  test('a section link records the section and a reload returns to it', async () => {
    const page = await open(t.browser, t.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Analyst targets' }).click();
    await page.waitForURL(/#analysts$/);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'analysts');
    await page.context().close();
  });

  test('a hostile or unknown value falls back, says so, and never becomes markup', async () => {
    const page = await open(t.browser, t.url, '?card=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&basis=ifrs&faq=nope');
    let dialog = false;
    page.on('dialog', (d) => {
      dialog = true;
      d.dismiss();
    });
    const notice = page.getByRole('status').filter({ hasText: 'named a card this report does not have' });
    const said = await notice.innerText();
    assert.match(said, /named a basis this report does not have/);
    assert.match(said, /named a question this report does not have/);
    assert.doesNotMatch(said, /img|onerror|ifrs|nope/, 'the link is never repeated');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.getByRole('radio', { name: 'GAAP', exact: true }).isChecked(), true);
    assert.equal(where(page), '', 'the address is tidied to the view shown');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await notice.count(), 0);
    assert.equal(dialog, false);
    await page.context().close();
  });
});

describe('keyboard and assistive technology', () => {
  test('the switch, a card and an answer work by keyboard alone', async () => {
    const page = await open(t.browser, t.url);
    await page.getByRole('radio', { name: 'GAAP', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/non-gaap\/$/);
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isChecked(), true);

    await card(page, 'Core gross margin').locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/card\/gross-margin\/$/);
    await page.getByRole('table').filter({ hasText: 'Core gross margin, guided' }).first().waitFor({ state: 'attached' });

    await page.getByText('What is a wafer-scale chip?').focus();
    await page.keyboard.press('Space');
    // The answer opens over the open card.
    await page.waitForURL(/card\/gross-margin\/\?faq=wafer-scale$/);
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(focusVisible, 'none', 'focus is visible');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violations (${colorScheme})`, async () => {
      const plain = await open(t.browser, t.url, '', { colorScheme });
      assert.deepEqual(await axe(plain), []);
      await plain.context().close();
      const deep = await open(t.browser, t.url, '?basis=non-gaap&card=revenue&faq=why-the-stock-fell', { colorScheme });
      assert.deepEqual(await axe(deep), []);
      await deep.context().close();
    });
  }
});

describe('narrow screens', () => {
  test('at 320 px nothing overflows and the switch still works', async () => {
    const page = await open(t.browser, t.url, '?card=gross-margin', { viewport: { width: 320, height: 700 } });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width}px wide`);
    await page.getByRole('radio', { name: 'Non-GAAP' }).check();
    await page.waitForURL(/non-gaap\//);
    const after = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(after <= 320, `page is ${after}px wide with the bridge`);
    await page.context().close();
  });
});

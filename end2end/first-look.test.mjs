// End-to-end: the reader's first look and the editor's compact embed (issue
// 20), on the release build served by nginx, found by role and text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, open } from './support.mjs';

const t = appUnderTest();
const card = (page, title) => page.locator('article.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** Waits until the page stops scrolling (scroll-behavior is smooth). */
async function settled(page) {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const y = await page.evaluate(() => scrollY);
    if (y === last) return y;
    last = y;
    await page.waitForTimeout(100);
  }
  return last;
}

/** The top of `target` and the bottom of the toolbar where it covers the page (0 where it does not stick). */
async function clearance(page, target) {
  await settled(page);
  const top = (await target.boundingBox()).y;
  const bar = await page.getByRole('region', { name: 'View controls' }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).position === 'sticky' && r.top <= 0.5 ? r.bottom : 0;
  });
  return { top, bar };
}

describe('a shared view in full sight', () => {
  for (const width of [320, 768, 1024, 1280, 1920]) {
    test(`at ${width} px a card, an answer and a section are never under the toolbar`, async () => {
      const viewport = { width, height: 800 };
      const targets = [
        ['card/revenue/', (p) => card(p, 'Revenue').locator('summary')],
        ['faq/why-the-stock-fell/', (p) => p.locator('#faq-why-the-stock-fell summary')],
        ['#guidance', (p) => p.getByRole('heading', { name: 'Guidance', level: 2 })],
      ];
      for (const [path, target] of targets) {
        const page = await open(t.browser, t.url, path, { viewport });
        await page.locator('html.js').waitFor();
        await page.waitForFunction(() => scrollY > 0);
        const { top, bar } = await clearance(page, target(page));
        assert.ok(top >= bar, `${path} at ${width}: its top ${top} is under the toolbar's bottom ${bar}`);
        assert.ok(top < 800, `${path} at ${width}: scrolled to (${top})`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }

  test('a section link from the nav stops below the toolbar, and "Link copied" moves nothing', async () => {
    const page = await open(t.browser, t.url, 'card/revenue/', {
      viewport: { width: 1024, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.locator('html.js').waitFor();
    const bar = page.getByRole('region', { name: 'View controls' });
    const before = await clearance(page, card(page, 'Revenue').locator('summary'));
    const height = (await bar.boundingBox()).height;
    await bar.getByRole('button', { name: 'Copy link to this view' }).click();
    await page.getByText('Link copied').waitFor();
    assert.equal((await bar.boundingBox()).height, height, 'the status floats');
    assert.deepEqual(await clearance(page, card(page, 'Revenue').locator('summary')), before);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'What to watch' }).click();
    const { top, bar: bottom } = await clearance(page, page.getByRole('heading', { name: 'What to watch', level: 2 }));
    assert.ok(top >= bottom, `${top} < ${bottom}`);
    await page.context().close();
  });
});

describe('the story first', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 700 }]) {
    test(`at ${viewport.width} × ${viewport.height} the first screen tells the story and the next date`, async () => {
      const page = await open(t.browser, t.url, '', { viewport });
      const lede = page.getByRole('banner').getByRole('paragraph').filter({ hasText: 'beat the expected' });
      const text = (await lede.innerText()).replace(/\s+/g, ' ');
      for (const fact of [/\$193\.4M As reported beat/, /−\$0\.22 GAAP missed/, /36–38% Guidance/, /fell ~7–9% Market after hours/]) {
        assert.match(text, fact);
      }
      const box = await lede.boundingBox();
      assert.ok(box.y + box.height <= viewport.height, `the lede ends at ${box.y + box.height}`);
      const next = page.getByRole('banner').getByText('2 Sep 2026');
      assert.ok((await next.boundingBox()).y < viewport.height);
      assert.match(await page.getByRole('banner').innerText(), /Next report\s+2 Sep 2026/);
      await page.context().close();
    });
  }

  test('Sources and Glossary start closed and open when a link leads to them', async () => {
    const page = await open(t.browser, t.url);
    await page.locator('html.js').waitFor();
    const sources = page.locator('#sources');
    assert.equal(await sources.getByRole('table').isVisible(), false);
    assert.equal(await page.locator('#glossary').getByRole('term').first().isVisible(), false);
    // A term in the text still opens its definition from the closed list.
    await page.getByRole('banner').getByRole('button', { name: 'after hours' }).click();
    await page.getByRole('definition').filter({ hasText: 'regular session' }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sources' }).click();
    await sources.getByRole('table').waitFor();
    await page.goto(new URL('#glossary', t.url).href);
    await page.reload();
    await page.locator('html.js').waitFor();
    await page.locator('#glossary').getByRole('term').first().waitFor();
    await page.context().close();
  });
});

describe('compact embeds', () => {
  test('one card in compact form is at most 260 px tall at 320 px, with its source and the way to the full card', async () => {
    for (const path of ['embed/compact/card/revenue/', 'embed/compact/non-gaap/card/net-loss/', 'embed/compact/card/eps/']) {
      const page = await open(t.browser, t.url, path, { viewport: { width: 320, height: 600 } });
      await page.locator('html.js').waitFor();
      // What the embed tells its host it needs (frame.rs measures the page).
      const height = await page.evaluate(() => Math.ceil(document.querySelector('.page').getBoundingClientRect().bottom));
      assert.ok(height <= 260, `${path}: ${height} px`);
      await page.getByText(/^Source: |^Derived: /).filter({ visible: true }).waitFor();
      const full = page.getByRole('link', { name: 'Full card ↗' });
      assert.match(await full.getAttribute('href'), /\/card\/[a-z-]+\/$/);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('the headline figures in compact form show their cards closed, and a transparent embed paints no block', async () => {
    const page = await open(t.browser, t.url, 'embed/compact/section/metrics/?bg=transparent', { viewport: { width: 320, height: 600 } });
    await page.locator('html.js').waitFor();
    assert.equal(await page.locator('details[open]').count(), 0);
    assert.equal(await page.getByRole('figure', { name: /bridge/i }).count(), 0);
    const painted = await page.evaluate(() =>
      [document.documentElement, document.body, ...document.querySelectorAll('.card, .badge, .page, main')]
        .map((el) => getComputedStyle(el).backgroundColor)
        .filter((c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent'),
    );
    assert.deepEqual(painted, []);
    await page.context().close();
  });

  test('every card has Embed, and the dialog chooses what, form, theme and background with a live preview', async () => {
    const page = await open(t.browser, t.url, 'card/net-loss/', { viewport: { width: 1280, height: 900 } });
    await page.locator('html.js').waitFor();
    await card(page, 'Net loss').getByRole('button', { name: 'Embed the Net loss card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed in an article' });
    await dialog.waitFor();
    const what = dialog.getByLabel('What to embed');
    assert.equal(await what.inputValue(), 'card/net-loss');
    const loader = dialog.getByLabel('Self-sizing (recommended)');
    const iframe = dialog.getByLabel('Plain iframe');
    await dialog.getByRole('radio', { name: /^Compact/ }).check();
    await dialog.getByRole('radio', { name: 'Dark', exact: true }).check();
    await dialog.getByRole('checkbox', { name: /Transparent background/ }).check();
    assert.match(await loader.inputValue(), /card\/net-loss\/" data-earnings-explorer data-form="compact" data-theme="dark" data-bg="transparent">/);
    assert.match(await iframe.inputValue(), /embed\/compact\/card\/net-loss\/\?theme=dark&amp;bg=transparent"/);
    const preview = dialog.frameLocator('iframe[title="Preview of the embed"]');
    await preview.getByRole('heading', { name: 'Net loss' }).waitFor();
    await preview.getByRole('link', { name: 'Full card ↗' }).waitFor();
    // Any answer or section, not only the view in sight; an answer has one form.
    await what.selectOption({ label: 'What is a wafer-scale chip?' });
    assert.equal(await dialog.getByRole('radio', { name: /^Compact/ }).isDisabled(), true);
    assert.equal(await dialog.getByRole('radio', { name: 'Full' }).isChecked(), true);
    assert.match(await iframe.inputValue(), /embed\/faq\/wafer-scale\/\?theme=dark/);
    await what.selectOption({ label: 'Guidance' });
    assert.match(await loader.inputValue(), /#guidance"/);
    await preview.getByRole('heading', { name: 'Guidance', level: 2 }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('the FAQ filter knows the glossary', () => {
  test('"EPS" finds the questions on earnings per share, and only those', async () => {
    const page = await open(t.browser, t.url);
    await page.locator('html.js').waitFor();
    await page.getByLabel('Filter the questions').fill('EPS');
    const faq = page.locator('#faq');
    await faq.getByText(/of 9 questions match/).waitFor();
    const shown = await faq.locator('.faq__item:visible .faq__question').allInnerTexts();
    assert.ok(shown.includes('Why is there no non-GAAP earnings per share?'), shown.join(' | '));
    assert.ok(!shown.includes('What does the AWS partnership change?'), shown.join(' | '));
    // An abbreviation finds its spelled-out form, and a word its simple form.
    await page.getByLabel('Filter the questions').fill('SBC');
    await faq.getByText(/of 9 questions match/).waitFor();
    const sbc = await faq.locator('.faq__item:visible .faq__question').allInnerTexts();
    assert.ok(sbc.includes('Why are there two net loss figures?'), sbc.join(' | '));
    await page.getByLabel('Filter the questions').fill('partnerships');
    await faq.getByText(/of 9 questions match|^1 of/).waitFor();
    const partner = await faq.locator('.faq__item:visible .faq__question').allInnerTexts();
    assert.ok(partner.includes('What does the AWS partnership change?'), partner.join(' | '));
    await page.context().close();
  });
});

// Sharing and embedding, end to end: the app and the host article are served
// on different origins (two localhost ports), as on the web.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, host, launch, open, serve } from './support.mjs';

let app;
let hostSite;
let foreign;
let browser;
before(async () => {
  app = await serve();
  hostSite = await host();
  foreign = await host();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), hostSite?.close(), foreign?.close()]);
});

const article = (body, extraHead = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host article</title>${extraHead}</head>
<body style="margin:0"><main><h1>Host article</h1>${body}<p>After the embed.</p></main>
<script src="${app.url}embed.js"></script></body></html>`;

const embedLink = (query, text = 'Cerebras Systems Q1 2026') => `<a href="${app.url}${query}" data-earnings-explorer>${text}</a>`;

/** The height of the first iframe once it has stopped changing. */
async function settledHeight(page, selector = 'iframe') {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await page.locator(selector).first().evaluate((f) => f.getBoundingClientRect().height);
    if (h === last) return h;
    last = h;
    await page.waitForTimeout(150);
  }
  return last;
}

async function heightChangesTo(page, predicate) {
  await page.waitForFunction(
    (body) => new Function('h', body)(document.querySelector('iframe').getBoundingClientRect().height),
    `return ${predicate}`,
    { timeout: 5000 },
  );
  return settledHeight(page);
}

describe('embedding', () => {
  test('the iframe grows and shrinks as a card and an answer open and close', async () => {
    hostSite.put('/grow.html', article(embedLink('?section=metrics')));
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${hostSite.url}grow.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    const closed = await settledHeight(page);
    assert.notEqual(closed, 480, 'the frame took its content height');
    const frameEl = page.locator('iframe');
    assert.equal(await frameEl.getAttribute('loading'), 'lazy');
    assert.equal(await frameEl.getAttribute('title'), 'Cerebras Systems Q1 2026');
    assert.equal(await frameEl.getAttribute('aria-label'), 'Cerebras Systems Q1 2026');

    await frame.locator('#card-revenue summary').click();
    const open = await heightChangesTo(page, `h > ${closed + 100}`);
    await frame.locator('#card-revenue summary').click();
    const shrunk = await heightChangesTo(page, `h < ${open - 100}`);
    assert.ok(Math.abs(shrunk - closed) <= 2, `back to ${closed}px, got ${shrunk}px`);
    assert.equal(page.url(), `${hostSite.url}grow.html`, 'the host page stays where it is');
    await page.context().close();
  });

  test('an FAQ embed opens on its answer, shrinks as it closes and grows with another', async () => {
    hostSite.put('/faq.html', article(embedLink('?faq=wafer-scale#faq')));
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${hostSite.url}faq.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByText(/builds a whole processor on a single silicon wafer/).waitFor();
    await frame.locator('html.js').waitFor({ state: 'attached' });
    const open = await settledHeight(page);
    await frame.getByText('What is a wafer-scale chip?').click();
    const closed = await heightChangesTo(page, `h < ${open - 20}`);
    await frame.getByText('Why did the shares fall after a revenue beat?').click();
    await heightChangesTo(page, `h > ${closed + 20}`);
    await page.context().close();
  });

  test('the theme follows the host, at load and at run time', async () => {
    hostSite.put('/theme.html', article(embedLink('')));
    const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
    await page.goto(`${hostSite.url}theme.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    const background = () => frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    await page.waitForFunction(() => true);
    assert.equal(await background(), 'rgb(18, 19, 22)', 'dark like the host');

    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await frame.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    assert.equal(await background(), 'rgb(247, 247, 245)', 'light once the host says so');
    await page.context().close();
  });

  test('messages from anyone but the embedded app are ignored', async () => {
    // A frame on a third origin tries to resize the embed through the host,
    // and to restyle the embed directly.
    foreign.put('/evil.html', `<!doctype html><script>
      parent.postMessage({ type: 'earnings-explorer:size', version: 1, height: 4321 }, '*');
      for (const f of parent.frames) f.postMessage({ type: 'earnings-explorer:theme', version: 1, theme: 'dark' }, '*');
    </script>`);
    hostSite.put('/attack.html', article(embedLink('')));
    const page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
    await page.goto(`${hostSite.url}attack.html`);
    const frame = page.frameLocator('iframe').first();
    await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    const height = await settledHeight(page);
    // Larger than the content: a believed size would stick (a smaller one the app would undo).
    await page.evaluate((src) => {
      window.postMessage({ type: 'earnings-explorer:size', version: 1, height: 4321 }, '*');
      const evil = document.createElement('iframe');
      evil.src = src;
      document.body.append(evil);
      return new Promise((ok) => evil.addEventListener('load', ok));
    }, `${foreign.url}evil.html`);
    await page.waitForTimeout(500);
    assert.equal(await settledHeight(page), height, 'size unchanged');
    // The host's own loader said "light"; the foreign frame's "dark" must not win.
    assert.equal(await frame.locator('html').getAttribute('data-theme'), 'light', 'theme unchanged');
    await page.context().close();
  });

  for (const [kind, link, shows, hides] of [
    ['a card', 'card/revenue/', /\$193\.4M\s+As reported/, 'Net loss'],
    ['an answer', 'faq/wafer-scale/', /builds a whole processor on a single silicon wafer/, 'Why did the shares fall after a revenue beat?'],
    ['a section', '#guidance', /Core gross margin, guided/, 'Revenue'],
  ]) {
    test(`${kind} embeds on its own in an article on another origin, at 280 px`, async () => {
      hostSite.put(`/alone-${kind.length}.html`, article(`<div style="width:280px">${embedLink(link)}</div>`));
      const page = await (await browser.newContext({ viewport: { width: 360, height: 900 }, colorScheme: 'dark' })).newPage();
      await page.goto(`${hostSite.url}alone-${kind.length}.html`);
      const frame = page.frameLocator('iframe');
      await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
      await frame.getByText(shows).first().waitFor();
      assert.equal(await frame.getByText(hides, { exact: true }).count(), 0, `${kind} alone: no ${hides}`);
      assert.ok((await frame.locator('html').evaluate((h) => h.scrollWidth)) <= 280, 'no sideways scroll');
      // Self-sizing: the frame is as tall as what it shows, no scrollbar inside.
      const height = await settledHeight(page);
      const content = await frame.locator('html').evaluate((h) => h.scrollHeight);
      assert.ok(Math.abs(height - content) <= 2, `frame ${height}px, content ${content}px`);
      assert.equal(await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(18, 19, 22)', 'dark like the host');
      // Only a card with a non-GAAP form offers the switch.
      assert.equal(await frame.getByRole('radio', { name: 'Non-GAAP' }).count(), 0);
      await page.context().close();
    });
  }

  test('at 280 px the embed stays legible and usable', async () => {
    hostSite.put('/narrow.html', article(`<div style="width:280px">${embedLink('?card=net-loss')}</div>`));
    const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
    await page.goto(`${hostSite.url}narrow.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    assert.ok((await frame.locator('html').evaluate((h) => h.scrollWidth)) <= 280);
    assert.equal(await frame.locator('article.card').count(), 1, 'the card alone');
    await frame.getByRole('radio', { name: 'Non-GAAP' }).check();
    await frame.getByRole('heading', { name: 'Reconciliation: GAAP to non-GAAP' }).waitFor();
    assert.match(await frame.locator('.card__value:visible').innerText(), /−\$2\.5M\s+Non-GAAP/);
    assert.ok((await frame.locator('html').evaluate((h) => h.scrollWidth)) <= 280);
    await page.context().close();
  });

  test('without scripts the placeholder is a readable link', async () => {
    hostSite.put('/noscript.html', article(embedLink('?card=eps', 'Cerebras Q1 2026: earnings per share')));
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${hostSite.url}noscript.html`);
    const link = page.getByRole('link', { name: 'Cerebras Q1 2026: earnings per share' });
    assert.equal(await link.getAttribute('href'), `${app.url}?card=eps`);
    await page.context().close();
  });

  test('the embed page itself passes axe', async () => {
    const page = await open(browser, app.url, 'embed/card/revenue/', { viewport: { width: 320, height: 700 } });
    assert.deepEqual(await axe(page), []);
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).count(), 0, 'no page chrome');
    await page.context().close();
  });
});

describe('sharing', () => {
  test('the copied link reproduces the view in a fresh page', async () => {
    const page = await open(browser, app.url, '?basis=non-gaap', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('#card-eps summary').click();
    await page.getByRole('button', { name: 'Copy link to the Earnings per share card' }).click();
    await page.locator('#card-eps').getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, `${app.url}non-gaap/card/eps/`);

    const fresh = await open(browser, app.url, link.slice(app.url.length));
    assert.equal(await fresh.getByRole('radio', { name: 'Non-GAAP' }).isChecked(), true);
    assert.equal(await fresh.locator('#card-eps details').getAttribute('open'), '');
    assert.equal(await fresh.title(), 'Earnings per share, Non-GAAP — Cerebras Systems Q1 2026');
    await fresh.context().close();
    await page.context().close();
  });

  test('when the clipboard is refused the link is shown selected', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await page.goto(`${app.url}?faq=what-next`);
    await page.getByRole('button', { name: 'Copy link to this answer' }).click();
    const field = page.getByRole('textbox', { name: /copy this link/ });
    assert.equal(await field.inputValue(), `${app.url}faq/what-next/`);
    const selected = await field.evaluate((i) => document.activeElement === i && i.selectionEnd - i.selectionStart === i.value.length);
    assert.equal(selected, true);
    await context.close();
  });

  test("the embed dialog's snippets, pasted into a blank page, show this card or this section", async () => {
    const page = await open(browser, app.url, 'non-gaap/card/net-loss/');
    // The toolbar's Embed offers the open card first.
    await page.getByRole('region', { name: 'View controls' }).getByRole('button', { name: 'Embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed in an article' });
    await dialog.waitFor();
    const snippets = {};
    for (const [choice, label] of [['This card: Net loss', 'Net loss'], ['This section: Headline figures', 'Headline figures']]) {
      await dialog.getByLabel('What to embed').selectOption({ label });
      snippets[choice] = {
        loader: await dialog.getByLabel('Self-sizing (recommended)').inputValue(),
        iframe: await dialog.getByLabel('Plain iframe').inputValue(),
      };
    }
    assert.match(snippets['This card: Net loss'].iframe, /embed\/non-gaap\/card\/net-loss\//);
    assert.match(snippets['This section: Headline figures'].iframe, /embed\/non-gaap\/section\/metrics\//);
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal(await dialog.isVisible(), false);
    await page.context().close();

    let n = 0;
    for (const [choice, both] of Object.entries(snippets)) {
      for (const [name, snippet] of Object.entries(both)) {
        n += 1;
        hostSite.put(`/blank-${n}.html`, `<!doctype html><html lang="en"><head><title>Blank</title></head><body>${snippet}</body></html>`);
        const host = await (await browser.newContext()).newPage();
        await host.goto(`${hostSite.url}blank-${n}.html`);
        const frame = host.frameLocator('iframe');
        await frame.getByRole('heading', { name: 'Reconciliation: GAAP to non-GAAP' }).waitFor();
        assert.equal(await frame.getByRole('radio', { name: 'Non-GAAP' }).isChecked(), true, `${choice}, ${name}`);
        const cards = await frame.locator('article.card').count();
        assert.equal(cards === 1, choice.startsWith('This card'), `${choice}, ${name}: ${cards} cards`);
        await host.context().close();
      }
    }
  });

  test('printing expands every card and answer and drops the controls', async () => {
    const page = await open(browser, app.url);
    await page.emulateMedia({ media: 'print' });
    await page.getByText('Revenue a year earlier, Q1 2025').first().waitFor({ state: 'visible' });
    await page.getByText(/builds a whole processor on a single silicon wafer/).waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isVisible(), false);
    await page.context().close();
  });
});

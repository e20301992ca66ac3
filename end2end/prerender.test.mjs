// Pre-rendered views: every shared link is a complete page before any script
// runs, describes itself to link unfurlers, and is taken over by the wasm
// without being rebuilt.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, open } from './support.mjs';

const t = appUnderTest();

const get = async (path) => {
  const res = await fetch(new URL(path, t.url));
  return { status: res.status, html: await res.text() };
};
const meta = (html, attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];

describe('a shared link fetched without a browser', () => {
  test('returns HTML that already shows the view, with its own head', async () => {
    const { status, html } = await get('non-gaap/card/eps/');
    assert.equal(status, 200);
    assert.match(html, /<title>Earnings per share, Non-GAAP — Cerebras Systems Q1 2026<\/title>/);
    assert.match(html, /id="card-eps"[^>]*>\s*<details[^>]* open/);
    assert.match(html, /not reported/);
    assert.match(html, /Reconciliation: GAAP to non-GAAP/);
    assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:8080\/non-gaap\/card\/eps\/"/);
    assert.equal(meta(html, 'property', 'og:title'), 'Earnings per share, Non-GAAP — Cerebras Systems Q1 2026');
    assert.equal(meta(html, 'property', 'og:image'), 'http://127.0.0.1:8080/preview/non-gaap-card-eps.png');
    assert.equal(meta(html, 'name', 'twitter:card'), 'summary_large_image');
    assert.match(meta(html, 'name', 'description'), /^Earnings per share not reported \(Non-GAAP\)\./);
    assert.doesNotMatch(html, /rel="stylesheet"/, 'the CSS is inlined');
  });

  test('each view previews differently, and every preview image exists', async () => {
    const seen = new Set();
    for (const path of ['', 'non-gaap/', 'card/revenue/', 'faq/openai-deal/', 'non-gaap/faq/what-next/']) {
      const { html } = await get(path);
      const image = meta(html, 'property', 'og:image');
      const description = meta(html, 'property', 'og:description');
      assert.ok(!seen.has(image) && !seen.has(description), `${path} previews like another view`);
      seen.add(image).add(description);
      const png = await fetch(image.replace('http://127.0.0.1:8080/', t.url));
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.ok((await png.arrayBuffer()).byteLength > 5000, `${image} is an image`);
    }
  });

  test('embeds are pre-rendered too, point to their page and are not indexed', async () => {
    const { html } = await get('embed/faq/wafer-scale/');
    assert.match(html, /What is a wafer-scale chip\?/);
    assert.match(html, /Full report ↗/);
    assert.match(html, /<meta name="robots" content="noindex"/);
    assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:8080\/faq\/wafer-scale\/"/);
  });

  test('a 404 page stands for any other address', async () => {
    const { html } = await get('404.html');
    assert.match(html, /There is no view at this address/);
    assert.doesNotMatch(html, /<script type="module"/, 'nothing to hydrate there');
  });
});

describe('with scripts off', () => {
  test('the page is complete: figures, sources, answers, and the basis switch as links', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(t.url);
    await page.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    assert.match(await page.locator('#card-revenue').innerText(), /\$193\.4M/);
    await page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isVisible(), false);
    await page.getByText('What is a wafer-scale chip?').click();
    await page.getByText(/builds a whole processor on a single silicon wafer/).waitFor();
    await page.getByRole('link', { name: 'Non-GAAP', exact: true }).click();
    await page.waitForURL(`${t.url}non-gaap/`);
    await page.getByRole('heading', { name: 'Reconciliation: GAAP to non-GAAP' }).waitFor();
    await page.getByRole('link', { name: 'Analyst targets' }).click();
    await page.waitForURL(/non-gaap\/#analysts$/);
    await context.close();
  });
});

describe('hydration', () => {
  test('the wasm takes over the pre-rendered page without rebuilding it or shifting it', async () => {
    const context = await t.browser.newContext();
    await context.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('DOMContentLoaded', () => {
        window.__card = document.getElementById('card-gross-margin');
        scrollTo({ top: 400, behavior: 'instant' });
        window.__scrolled = scrollY;
      });
      addEventListener('TrunkApplicationStarted', () => (window.__started = true));
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${t.url}non-gaap/card/gross-margin/`);
    await page.waitForFunction(() => window.__started);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      same: window.__card === document.getElementById('card-gross-margin') && window.__card.isConnected,
      cls: window.__cls,
      scrolled: window.__scrolled,
      y: scrollY,
    }));
    assert.equal(state.scrolled, 400, 'the reader scrolled before the wasm started');
    assert.equal(state.same, true, 'the pre-rendered card element is the one the app uses');
    assert.equal(state.cls, 0);
    assert.equal(state.y, state.scrolled, 'the scroll position survives');
    // And it is interactive: the switch works on the hydrated page.
    await page.getByRole('radio', { name: 'GAAP', exact: true }).check();
    await page.waitForURL(`${t.url}card/gross-margin/`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a query link of the first URL format lands on the same view', async () => {
    const page = await open(t.browser, t.url, '?basis=non-gaap&card=net-loss');
    await page.waitForURL(`${t.url}non-gaap/card/net-loss/`);
    assert.match(await page.locator('#card-net-loss .card__value:visible').innerText(), /−\$2\.5M/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('islands', () => {
  test('every island a page names has its export in the glue, and each page hydrates only islands', async () => {
    // Export names hash the island's source: a page and a wasm from different
    // builds would silently never hydrate (the start-up script only warns).
    const { html } = await get('');
    const glue = html.match(/import\("\/([^"]+\.js)"\)/)[1];
    const js = await (await fetch(new URL(glue, t.url))).text();
    const exported = new Set([...js.matchAll(/^export function ([A-Za-z]+_\d+)\(el\)/gm)].map((m) => m[1]));
    assert.ok(exported.size >= 7, [...exported].join(', '));
    for (const path of ['', 'non-gaap/card/net-loss/', 'faq/wafer-scale/', 'embed/card/net-loss/', 'embed/section/faq/']) {
      const page = (await get(path)).html;
      const named = [...page.matchAll(/<leptos-island data-component="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(named.length > 0, `/${path} has islands`);
      for (const name of named) assert.ok(exported.has(name), `/${path}: ${name} is not exported by ${glue}`);
      assert.doesNotMatch(page, /data-props=/, 'islands take no props');
    }
  });
});

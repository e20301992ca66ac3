// A site of many reports, built with one setting: `EE_REPORTS=tests/fixtures/season`
// (Cerebras Q1 2026 and the fictional Acme Robotics Q3 and Q4 2025) gives an index at `/`
// and each report under `/<report-id>/`. scripts/test.sh builds it into target/season-dist
// after the single-report site (dist/), which the size check compares it with. Served by
// nginx with the shipped config, in Chromium. Run by scripts/test.sh after the main suite.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstView } from './first-view.mjs';
import { htmlErrors } from './nu-checker.mjs';
import { reportTexts } from './report-texts.mjs';
import { host, launch, open, publicOrigin, serve } from './support.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = process.env.EE_SEASON_DIST ?? join(root, 'target/season-dist');
const single = join(root, 'dist');
const REPORTS = {
  'cerebras-systems-q1-2026': 'data/cerebras-q1-2026.json',
  'acme-robotics-q3-2025': 'tests/fixtures/acme-q3-2025.json',
  'acme-robotics-q4-2025': 'tests/fixtures/acme-q4-2025.json',
};
const Q3 = 'acme-robotics-q3-2025';
const Q4 = 'acme-robotics-q4-2025';

let site;
let article;
let browser;
before(async () => {
  site = await serve(dist);
  article = await host();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), article?.close()]);
});

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every page (index.html) of a report's folder, as paths from the site's root. */
async function pagesOf(id) {
  const out = [];
  for await (const file of files(join(dist, id))) {
    if (file.endsWith('/index.html')) out.push(relative(dist, file).replace(/index\.html$/, ''));
  }
  return out.sort();
}

const decoded = (html) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('a site of many reports, built with EE_REPORTS', () => {
  test('the index lists every report with its date and headline figures, without scripts', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(site.url);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
    await page.getByRole('heading', { name: 'Earnings reports', level: 1 }).waitFor();
    const names = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    // Newest first.
    assert.deepEqual(names, ['Cerebras Systems Q1 2026', 'Acme Robotics Q4 2025', 'Acme Robotics Q3 2025']);
    const q4 = page.locator('article', { has: page.getByRole('heading', { name: 'Acme Robotics Q4 2025' }) });
    const text = await q4.innerText();
    assert.match(text, /ACME · Released 10 Feb 2026/);
    assert.match(text, /Net sales\s+\$450\.0M\s+GAAP/);
    // A card on both bases gives both figures, each with its tag.
    assert.match(text, /Operating income\s+\$38\.5M\s+GAAP\s+\$50\.0M\s+Non-GAAP/);
    assert.match(text, /Backlog\s+\$1,210\.0M\s+As reported/);
    assert.equal(await page.locator('script[type="module"], script[src]').count(), 0, 'the index loads no app');
    await q4.getByRole('link', { name: 'Acme Robotics Q4 2025' }).click();
    await page.waitForURL(`${site.url}${Q4}/`);
    await page.getByRole('heading', { name: 'Acme Robotics Q4 2025', level: 1 }).waitFor();
    await context.close();
  });

  test("every report's pages are served under its own folder, naming it as their base", async () => {
    const origin = await publicOrigin(site);
    for (const id of Object.keys(REPORTS)) {
      const pages = await pagesOf(id);
      assert.ok(pages.length > 25, `${id}: ${pages.length} pages`);
      for (const path of pages) {
        const response = await fetch(new URL(path, site.url));
        assert.equal(response.status, 200, path);
        const csp = response.headers.get('content-security-policy') ?? '';
        assert.match(csp, path.startsWith(`${id}/embed/`) ? /frame-ancestors \*/ : /frame-ancestors 'self'/, path);
        const html = await response.text();
        assert.match(html, new RegExp(`data-base="/${id}/"`), path);
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)[1];
        assert.ok(canonical.startsWith(`${origin}${id}/`), `${path}: ${canonical}`);
        // Every link of the app stays in its report, or goes to the company's other quarter
        // or the index.
        for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"]*)"/g)) {
          const ok = href.startsWith(`/${id}/`) || href === '/' || (id === Q3 && href.startsWith(`/${Q4}/`)) || (id === Q4 && href.startsWith(`/${Q3}/`));
          assert.ok(ok, `${path} links to ${href}`);
        }
      }
      for (const file of [`${id}/${id}-figures.csv`, `${id}/${id}-figures.json`, `${id}/preview/index.png`, `${id}/oembed.json`]) {
        assert.equal((await fetch(new URL(file, site.url))).status, 200, file);
      }
    }
  });

  test('no page carries another report\'s texts', async () => {
    const texts = Object.fromEntries(
      await Promise.all(Object.entries(REPORTS).map(async ([id, file]) => [id, await reportTexts(join(root, file))])),
    );
    const json = Object.fromEntries(
      await Promise.all(Object.entries(REPORTS).map(async ([id, file]) => [id, await readFile(join(root, file), 'utf8')])),
    );
    const RUN = 32;
    for (const id of Object.keys(REPORTS)) {
      // Runs of the other reports' texts that this report's own dataset does not have.
      const foreign = [];
      for (const [other, list] of Object.entries(texts)) {
        if (other === id) continue;
        for (const text of list) {
          for (let i = 0; i + RUN <= text.length; i += RUN) {
            const run = text.slice(i, i + RUN);
            if (!/[{}[\]]/.test(run) && !json[id].includes(run)) foreign.push([other, run]);
          }
        }
      }
      assert.ok(foreign.length > 30, `${id}: ${foreign.length} runs to look for`);
      let pages = 0;
      for await (const file of files(join(dist, id))) {
        if (!/\.(html|json|csv)$/.test(file)) continue;
        const text = decoded(await readFile(file, 'utf8'));
        for (const [other, run] of foreign) {
          assert.ok(!text.includes(run), `${relative(dist, file)} carries ${other}'s "${run}"`);
        }
        pages += 1;
      }
      assert.ok(pages > 50, `${id}: ${pages} files`);
    }
  });

  test('a card shows the previous quarter on the same basis, with the change as a derived figure', async () => {
    const page = await open(browser, site.url, `${Q4}/card/sales/`);
    const card = page.locator('#card-sales');
    const prior = card.locator('.card__prior');
    assert.equal(await prior.count(), 1);
    assert.equal(
      (await prior.innerText()).replace(/\s+/g, ' '),
      'Previous report, Q3 2025: $412.0M GAAP; change +$38.0M Derived (+9.2%)',
    );
    const change = prior.locator('.fig', { hasText: '+$38.0M' });
    assert.match(await change.getAttribute('title'), /Derived: \$450\.0M − \$412\.0M/);
    assert.match(await prior.locator('[title*="Q3 2025"]').first().getAttribute('title'), /Press release, table 1 \(Acme Robotics Q3 2025\)/);

    // Net income: GAAP in both quarters; the non-GAAP figure is new, so it is not compared.
    await page.goto(`${site.url}${Q4}/card/net-income/`);
    const net = page.locator('#card-net-income .card__prior:visible');
    assert.match(await net.innerText(), /Q3 2025: \$22\.4M\s+GAAP; change \+\$4\.6M\s+Derived \(\+20\.5%\)/);
    await page.getByRole('radio', { name: 'Non-GAAP' }).check();
    await page.waitForURL(/\/acme-robotics-q4-2025\/non-gaap\/card\/net-income\/$/);
    assert.match(await net.innerText(), /Q3 2025: Q3 2025 gave it on another basis \(GAAP\), so it is not compared/);
    assert.doesNotMatch(await net.innerText(), /change/);
    // The previous quarter's card, on the basis shown.
    await page.locator('#card-eps').getByText('Earnings per share').click();
    const eps = page.locator('#card-eps .card__prior:visible');
    assert.match(await eps.innerText(), /\$0\.58\s+Non-GAAP; change \+\$0\.04\s+Derived/);
    await eps.getByRole('link', { name: 'Q3 2025' }).click();
    await page.waitForURL(`${site.url}${Q3}/non-gaap/card/eps/`);
    await page.getByRole('heading', { name: 'Acme Robotics Q3 2025', level: 1 }).waitFor();
    // The first quarter has nothing before it; the other company has no quarters.
    assert.equal(await page.locator('.card__prior').count(), 0);
    const next = page.getByRole('navigation', { name: 'Other reports' }).getByRole('link', { name: /Acme Robotics Q4 2025/ });
    assert.equal(await next.getAttribute('href'), `/${Q4}/`);
    await page.goto(`${site.url}cerebras-systems-q1-2026/card/revenue/`);
    assert.equal(await page.locator('.card__prior').count(), 0);
    assert.deepEqual(
      await page.getByRole('navigation', { name: 'Other reports' }).getByRole('link').allInnerTexts(),
      ['All reports'],
    );
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.cspViolations, []);
    await page.context().close();
  });

  test('each report starts and switches under its folder, with no console error or CSP violation', async () => {
    for (const id of Object.keys(REPORTS)) {
      const page = await open(browser, site.url, `${id}/`);
      await page.waitForFunction(() => performance.getEntriesByName('ee:islands').length > 0);
      await page.getByRole('radio', { name: 'Non-GAAP' }).check();
      await page.waitForURL(`${site.url}${id}/non-gaap/`);
      // The Embed dialog offers the site's one loader.
      await page.getByRole('button', { name: 'Embed', exact: true }).first().click();
      const snippet = await page.locator('#embed-loader').inputValue();
      // The first Embed button is the headline section's.
      assert.match(snippet, new RegExp(`href="${site.url}${id}/non-gaap/#metrics"`), snippet);
      assert.match(snippet, new RegExp(`src="${site.url}embed\\.[0-9a-f]{16}\\.js"`), snippet);
      assert.deepEqual(page.errors, [], id);
      assert.deepEqual(page.cspViolations, [], id);
      await page.context().close();
    }
  });

  test("one loader embeds every report's views in an article, each from its own folder", async () => {
    article.put(
      '/season.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Earnings season</title></head><body>
<h1>Earnings season</h1>
<a href="${site.url}${Q4}/card/sales/" data-earnings-explorer data-form="compact">Acme Q4 net sales</a>
<a href="${site.url}cerebras-systems-q1-2026/faq/what-next/" data-earnings-explorer>Cerebras: what next</a>
<a href="${site.url}${Q3}/#guidance" data-earnings-explorer>Acme Q3 guidance</a>
<script async src="${site.url}embed.js"></script></body></html>`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    context.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${article.url}season.html`);
    await page.locator('iframe').nth(2).waitFor();
    const srcs = await page.locator('iframe').evaluateAll((fs) => fs.map((f) => f.src));
    assert.deepEqual(srcs, [
      `${site.url}${Q4}/embed/compact/card/sales/`,
      `${site.url}cerebras-systems-q1-2026/embed/faq/what-next/`,
      `${site.url}${Q3}/embed/section/guidance/`,
    ]);
    const sales = page.frameLocator('iframe').first();
    await sales.getByText('$450.0M').first().waitFor();
    await page.frameLocator('iframe').nth(1).getByRole('heading', { level: 2 }).first().waitFor();
    await page.frameLocator('iframe').nth(2).getByRole('heading', { name: /Guidance/ }).first().waitFor();
    // Each frame sized itself (the loader starts them at 480 px).
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height !== '480px'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an address with no page gets the 404 page, with a way to the index', async () => {
    for (const path of ['no-such-report/', `${Q4}/card/no-such-card/`, `${Q4}/embed/card/no-such-card/`]) {
      const response = await fetch(new URL(path, site.url));
      assert.equal(response.status, 404, path);
      const html = await response.text();
      assert.match(html, /There is no view at this address/);
      assert.match(html, /<a href="[^"]*\/">Open Earnings reports<\/a>/);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, path.includes('/embed/') ? /frame-ancestors \*/ : /frame-ancestors 'self'/, path);
    }
  });

  test('the Nu Html Checker finds no error on any page of the site, the index included', () => {
    const { count, pages, first } = htmlErrors(dist);
    assert.deepEqual(first, [], `${count} errors on ${pages} pages`);
  });

  test("a report's first view is the size of its single-report site's (± 3 %)", async () => {
    const alone = await firstView(single);
    const within = await firstView(dist, 'cerebras-systems-q1-2026/');
    const ratio = within.total.brotli / alone.total.brotli;
    assert.ok(Math.abs(ratio - 1) <= 0.03, `${within.total.brotli} B against ${alone.total.brotli} B brotli`);
    // The same app: one wasm and one glue for every report.
    assert.deepEqual(within.assets.slice(1).map((a) => a.brotli), alone.assets.slice(1).map((a) => a.brotli));
  });
});

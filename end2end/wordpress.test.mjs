// End-to-end: a link pasted into WordPress, with WordPress's own code (issue
// 19). Debian's `wordpress` package, unpacked by scripts/setup.sh --browser
// into target/wordpress/ and never installed, gives both halves:
//   - end2end/wordpress/paste.php runs its WP_oEmbed under php-cli: it finds
//     the page's discovery link, fetches the oEmbed document and sanitises its
//     html as for a provider it does not trust (wp_filter_oembed_result);
//   - the post, on an origin of its own, carries that html as the block
//     editor's embed block does and WordPress's wp-embed.js, which shows and
//     sizes the sandboxed iframe from the embed's messages.
// The app is served by nginx with the shipped config.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { host, launch, publicOrigin as publicOriginOf, serve } from './support.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const WORDPRESS = process.env.WORDPRESS ?? join(root, 'target/wordpress/usr/share/wordpress');
const run = promisify(execFile);

let app;
let browser;
let post;
let publicOrigin;
let wpEmbed;
let wpStyles;
before(async () => {
  assert.ok(
    existsSync(join(WORDPRESS, 'wp-includes/js/wp-embed.js')),
    `WordPress's files are not in ${WORDPRESS}: run scripts/setup.sh --browser`,
  );
  wpEmbed = await readFile(join(WORDPRESS, 'wp-includes/js/wp-embed.js'), 'utf8');
  // The block library's styles, and its theme styles, as a post enqueues them.
  wpStyles = (
    await Promise.all(
      ['style.min.css', 'theme.min.css'].map((f) => readFile(join(WORDPRESS, 'wp-includes/css/dist/block-library', f), 'utf8')),
    )
  ).join('\n');
  app = await serve();
  browser = await launch();
  post = await host();
  // The build names its pages at its public URL; this test server stands
  // for it, as DNS would.
  publicOrigin = await publicOriginOf(app);
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), post?.close()]);
});

/** What WordPress puts in the post for a pasted link to `path`, by its own code. */
async function paste(path) {
  const { stdout } = await run('php', [
    join(root, 'end2end/wordpress/paste.php'),
    WORDPRESS,
    `${publicOrigin}${path}`,
    `${publicOrigin}=${app.url}`,
  ]);
  return stdout.trim();
}

/**
 * A published post holding `html` as WordPress 6.1 renders an embed block,
 * with the block library's styles and its wp-embed.js in the footer, in a
 * plain theme's column.
 */
function publish(html) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>${wpStyles}</style>
<style>body{margin:0 auto;max-width:40rem;padding:0 1rem;font-family:serif}</style>
</head><body><article><h1>A post</h1><p>Before the embed.</p>
<figure class="wp-block-embed is-type-rich is-provider-earnings-explorer wp-block-embed-earnings-explorer"><div class="wp-block-embed__wrapper">
${html.replaceAll(publicOrigin, app.url)}
</div></figure><p>After the embed.</p></article>
<script>${wpEmbed}</script></body></html>`;
  post.put('/post.html', page);
  return `${post.url}post.html`;
}

/** Opens the post; records console errors and uncaught exceptions of the post and its frames. */
async function read(url, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  return page;
}

/** Waits until WordPress has shown the iframe and its height has settled; returns it. */
async function shown(page) {
  const iframe = page.locator('iframe.wp-embedded-content');
  await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'));
  let height = -1;
  for (let i = 0; i < 40; i++) {
    const h = Number(await iframe.getAttribute('height'));
    if (h === height) break;
    height = h;
    await page.waitForTimeout(200);
  }
  return height;
}

/** The embed's own height inside the iframe, and the height WordPress should give it. */
async function wanted(page) {
  const content = await page
    .frameLocator('iframe.wp-embedded-content')
    .locator('.page')
    .evaluate((p) => Math.ceil(p.getBoundingClientRect().height));
  return { content, clamped: Math.min(1000, Math.max(200, content)) };
}

const KINDS = {
  '': { frame: 'embed/compact/section/metrics/', switches: true },
  'non-gaap/': { frame: 'embed/compact/non-gaap/section/metrics/', switches: true },
  'card/revenue/': { frame: 'embed/compact/card/revenue/', link: 'Full card ↗' },
  'non-gaap/card/net-loss/': { frame: 'embed/compact/non-gaap/card/net-loss/', link: 'Full card ↗' },
  'faq/what-next/': { frame: 'embed/faq/what-next/', link: 'Full report ↗' },
};

describe('a link pasted into WordPress', () => {
  test("WordPress's own code finds every kind of page's embed and keeps a link and a sandboxed iframe", async () => {
    for (const [path, { frame }] of Object.entries(KINDS)) {
      const html = await paste(path);
      const m = /^<blockquote class="wp-embedded-content" data-secret="([A-Za-z0-9]{10})"><a href="([^"]+)">([^<]+)<\/a><\/blockquote><iframe (.*)><\/iframe>$/.exec(html);
      assert.ok(m, `${path || '/'}: ${html}`);
      const [, secret, href, title, attributes] = m;
      assert.equal(href, `${publicOrigin}${path}`);
      assert.match(title, /Cerebras Systems Q1 2026/);
      assert.match(attributes, /sandbox="allow-scripts" security="restricted"/);
      assert.match(attributes, new RegExp(` src="${publicOrigin}${frame}#\\?secret=${secret}" data-secret="${secret}"`));
      assert.match(attributes, / height="\d+"/);
      assert.doesNotMatch(html, /<script/, 'WordPress drops the loader');
    }
  });

  test("WordPress's wp-embed.js shows each embed at its own height, within its limits, at 320 and 800 px", async () => {
    for (const [path, { frame }] of Object.entries(KINDS)) {
      const url = publish(await paste(path));
      for (const width of [320, 800]) {
        const page = await read(url, width);
        const height = await shown(page);
        const { content, clamped } = await wanted(page);
        assert.ok(Math.abs(height - clamped) <= 2, `${path || '/'} at ${width} px: iframe ${height} px, content ${content} px`);
        assert.ok(content <= 1000, `${path || '/'} at ${width} px: ${content} px is more than WordPress shows`);
        await page.getByRole('link', { name: /Cerebras Systems Q1 2026/ }).waitFor({ state: 'hidden' });
        const box = await page.locator('iframe.wp-embedded-content').boundingBox();
        assert.ok(box.width <= width && box.width >= Math.min(width - 32, 600) - 1, `${path || '/'}: ${box.width} px wide at ${width}`);
        assert.equal(new URL(await page.frames()[1].url()).pathname, `/${frame}`);
        assert.deepEqual(page.errors, [], `${path || '/'} at ${width} px`);
        await page.context().close();
      }
    }
  });

  test('the pasted report switches basis inside WordPress, WordPress follows the new height, and a card leads to its full card', async () => {
    const page = await read(publish(await paste('')), 360);
    const gaapHeight = await shown(page);
    const frame = page.frameLocator('iframe.wp-embedded-content');
    const netLoss = frame.locator('#card-net-loss');
    assert.match(await netLoss.innerText(), /−\$14\.0M/);
    await frame.getByRole('radio', { name: 'Non-GAAP', exact: true }).check();
    await netLoss.getByText('−$2.5M').waitFor();
    assert.doesNotMatch(await netLoss.innerText(), /−\$14\.0M/);
    // The non-GAAP figures take another height; WordPress follows it.
    await page.waitForFunction((h) => Number(document.querySelector('iframe.wp-embedded-content').height) !== h, gaapHeight);
    const height = await shown(page);
    const { clamped } = await wanted(page);
    assert.ok(Math.abs(height - clamped) <= 2, `iframe ${height} px, wanted ${clamped} px`);
    // A card is a link to its full card, on the basis chosen in the embed.
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(app.url)),
      netLoss.getByRole('link', { name: 'Net loss' }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/non-gaap/card/net-loss/');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the embed's way out takes the reader to the full view, through WordPress's link message", async () => {
    for (const path of ['card/revenue/', 'faq/what-next/']) {
      const page = await read(publish(await paste(path)), 800);
      await shown(page);
      const frame = page.frameLocator('iframe.wp-embedded-content');
      if (path.startsWith('faq/')) {
        // The sandbox has no clipboard: Copy link shows the link to copy, and throws nothing.
        await frame.getByRole('button', { name: /^Copy link/ }).click();
        const fallback = frame.getByRole('textbox', { name: /clipboard is not available/ });
        await fallback.waitFor();
        assert.equal(await fallback.inputValue(), `${app.url}faq/what-next/`);
      }
      await Promise.all([
        page.waitForURL((u) => u.href.startsWith(app.url)),
        frame.getByRole('link', { name: KINDS[path].link }).click(),
      ]);
      const reached = new URL(page.url());
      assert.equal(reached.pathname, path === 'card/revenue/' ? '/card/revenue/' : '/faq/what-next/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(page.errors, [], path);
      await page.context().close();
    }
  });
});

// End-to-end: a pasted link as a CMS sees it (issue 19). Each page names its
// oEmbed document in its head; the document's html is a link in a blockquote,
// then the iframe of the view's embed. Inside a scripts-only sandbox with
// WordPress's secret, as WordPress shows it, the embed starts, sends
// WordPress's height message and works. A discovery client nobody here
// wrote (npm's unfurl.js) reads each kind of page as Slack-like unfurlers do.
// WordPress's own code is in wordpress.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unfurl } from 'unfurl.js';
import { host, launch, publicOrigin, serve } from './support.mjs';

let app;
let browser;
let article;
before(async () => {
  app = await serve();
  browser = await launch();
  article = await host();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), article?.close()]);
});

/** The page's oEmbed document, found as a CMS finds it: the head's discovery link. */
async function oembedOf(path) {
  const html = await (await fetch(new URL(path, app.url))).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head);
  assert.ok(link, `${path || '/'}: no discovery link in the head`);
  // The build's public URL is not this test server's: the path is what matters.
  const href = new URL(link[1]);
  const response = await fetch(new URL(href.pathname.slice(1), app.url));
  assert.equal(response.status, 200, href.pathname);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  return { doc: await response.json(), href };
}

const SECRET = 'a1B2c3D4e5';

describe('paste the link', () => {
  test('every kind of page names a rich oEmbed: a link first, then the frame of what it shows', async () => {
    const kinds = {
      '': 'embed/compact/section/metrics/',
      'non-gaap/': 'embed/compact/non-gaap/section/metrics/',
      'card/revenue/': 'embed/compact/card/revenue/',
      'non-gaap/card/net-loss/': 'embed/compact/non-gaap/card/net-loss/',
      'faq/what-next/': 'embed/faq/what-next/',
    };
    for (const [path, frame] of Object.entries(kinds)) {
      const { doc, href } = await oembedOf(path);
      assert.equal(href.pathname, `/${path}oembed.json`);
      assert.equal(doc.version, '1.0');
      assert.equal(doc.type, 'rich');
      assert.equal(doc.provider_name, 'Earnings Explorer');
      assert.ok(doc.width > 0 && doc.height >= 200 && doc.height <= 1000, `${path}: ${doc.height}`);
      assert.match(doc.thumbnail_url, /\/preview\/.+\.png$/);
      assert.equal(doc.thumbnail_width, 1200);
      const html = doc.html;
      assert.match(html, new RegExp(`^<blockquote[^>]*><a href="[^"]*/${path.replace(/\//g, '\\/')}">[^<]+</a></blockquote><iframe src="[^"]*/${frame.replace(/\//g, '\\/')}"`));
      assert.match(html, /<\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/, 'the loader last (Ghost runs it; WordPress drops it)');
      assert.match(doc.title, /Cerebras Systems Q1 2026/);
    }
    // Embeds are what oEmbed points at; they name none themselves.
    const embed = await (await fetch(new URL('embed/card/revenue/', app.url))).text();
    assert.doesNotMatch(embed, /json\+oembed/);
  });

  test('a discovery client from npm (unfurl.js) reads the oEmbed and the Open Graph card of each kind of page', async () => {
    const origin = await publicOrigin(app);
    // The build's public URL stands for this test server, as DNS would.
    const viaTestServer = (url) => fetch(String(url).replace(origin, app.url));
    for (const [path, frame] of [
      ['', 'embed/compact/section/metrics/'],
      ['non-gaap/', 'embed/compact/non-gaap/section/metrics/'],
      ['card/revenue/', 'embed/compact/card/revenue/'],
      ['non-gaap/card/net-loss/', 'embed/compact/non-gaap/card/net-loss/'],
      ['faq/what-next/', 'embed/faq/what-next/'],
    ]) {
      const found = await unfurl(`${origin}${path}`, { fetch: viaTestServer });
      const o = found.oEmbed;
      assert.ok(o, `${path || '/'}: unfurl.js found no oEmbed`);
      assert.equal(o.type, 'rich');
      assert.equal(o.version, '1.0');
      assert.equal(o.provider_name, 'Earnings Explorer');
      assert.match(o.title, /Cerebras Systems Q1 2026/);
      assert.ok(o.html.includes(`<iframe src="${origin}${frame}"`), `${path || '/'}: ${o.html}`);
      assert.ok(o.width > 0 && o.height >= 200);
      // What Slack, Discord and Discourse show instead: the Open Graph card.
      assert.equal(found.open_graph.url, `${origin}${path}`);
      assert.match(found.open_graph.images[0].url, /\/preview\/.+\.png$/);
      assert.match(found.title, /Cerebras Systems Q1 2026/);
    }
  });

  test('inserted as given (the Ghost path), the html shows one self-sizing embed and its link hides', async () => {
    const { doc, href } = await oembedOf('card/revenue/');
    // The build's public URL stands for this test server.
    const html = doc.html.replaceAll(`${href.origin}/`, app.url);
    article.put('/ghost.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ghost post</title></head><body><h1>Post</h1>${html}<p>After.</p></body></html>`);
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${article.url}ghost.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('link', { name: 'Full card ↗' }).waitFor();
    await page.getByRole('link', { name: doc.title }).waitFor({ state: 'hidden' });
    assert.equal(await page.locator('iframe').count(), 1);
    let height = 0;
    for (let i = 0; i < 40; i++) {
      const h = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
      if (h === height) break;
      height = h;
      await page.waitForTimeout(150);
    }
    const content = await frame.locator('.page').evaluate((p) => Math.ceil(p.getBoundingClientRect().height));
    assert.ok(Math.abs(height - content) <= 2, `iframe ${height} px, content ${content} px`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("in WordPress's scripts-only sandbox the embed starts, sends its height with the secret and switches", async () => {
    for (const [path, check] of [
      ['embed/compact/card/revenue/', async (frame) => frame.getByRole('link', { name: 'Full card ↗' }).waitFor()],
      ['embed/non-gaap/card/net-loss/', async (frame) => {
        const value = frame.locator('.card__value:visible');
        assert.match(await value.innerText(), /−\$2\.5M/);
        await frame.getByRole('radio', { name: 'GAAP', exact: true }).check();
        await frame.locator('.card__value:visible').filter({ hasText: '−$14.0M' }).waitFor();
      }],
    ]) {
      // What WordPress writes for an untrusted provider, and a listener in
      // place of wp-embed.js that records what the embed says.
      article.put('/wp.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head><body>
<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${app.url}card/revenue/">Revenue</a></blockquote>
<iframe sandbox="allow-scripts" security="restricted" src="${app.url}${path}#?secret=${SECRET}" data-secret="${SECRET}" width="600" height="260" title="Embed" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>
<script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.message === 'height') window.heights.push(e.data); });</script>
</body></html>`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${article.url}wp.html`);
      await page.waitForFunction(() => window.heights.length > 0);
      const [first] = await page.evaluate(() => window.heights);
      assert.equal(first.secret, SECRET);
      assert.ok(first.value > 100 && first.value < 2000, `${path}: ${first.value}`);
      const frame = page.frameLocator('iframe');
      await check(frame);
      // A link cannot leave the sandbox; WordPress's link message takes the host there.
      await page.evaluate(() => { window.links = []; addEventListener('message', (e) => { if (e.data && e.data.message === 'link') window.links.push(e.data); }); });
      await frame.getByRole('link', { name: /^Full (card|report) ↗$/ }).click();
      await page.waitForFunction(() => window.links.length > 0);
      const [link] = await page.evaluate(() => window.links);
      assert.equal(link.secret, SECRET);
      assert.ok(link.value.startsWith(app.url) && !link.value.includes('/embed/'), link.value);
      // The fragment is accepted quietly: no notice.
      assert.equal(await frame.getByRole('status').filter({ hasText: /not understood|not one/ }).count(), 0);
      assert.deepEqual(errors, [], path);
      await context.close();
    }
  });
});

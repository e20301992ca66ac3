// The embed loader on hostile pages: which links it upgrades, where it takes
// its base from, and which messages it believes. The app (dist/) and the host
// articles are on different origins. A small site of our own also serves the
// loader's source (embed/embed.js) below the root, at /earnings/ and /other/,
// for links on the loader's origin but outside its base.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { host, launch, serve } from './support.mjs';

const SIZE = 'earnings-explorer:size';
const THEME = 'earnings-explorer:theme';
const SANDBOX = ['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts'];

/**
 * A site with apps at any `/<dir>/`: `/<dir>/embed.js` and `/<dir>/embed.<16 hex>.js` are the
 * loader, `/<dir>/embed/…` a stand-in embed page; `put(path, html)` adds a page.
 */
async function site() {
  const loader = await readFile(new URL('../embed/embed.js', import.meta.url), 'utf8');
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (/^\/[a-z]+\/embed(\.[0-9a-f]{16})?\.js$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(loader);
    } else if (pages.has(path) || /^\/[a-z]+\/embed\//.test(path)) {
      const html = pages.get(path) ?? '<!doctype html><html lang="en"><title>Embed</title><h1>Stand-in embed</h1></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    // The same server under another host name: another origin.
    otherOrigin: `http://localhost:${port}/`,
    put: (path, html) => pages.set(path, html),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

let app;
let hostSite;
let foreign;
let own;
let browser;
before(async () => {
  app = await serve();
  hostSite = await host();
  foreign = await host();
  own = await site();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), hostSite?.close(), foreign?.close(), own?.close()]);
});

const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Host article</title>${head}</head><body><main><h1>Host article</h1>${body}</main></body></html>`;

const link = (href, text, extra = '') => `<a href="${href}" data-earnings-explorer${extra}>${text}</a>`;

/** A fresh page that records page errors and console warnings and errors. */
async function visit(url, options = {}) {
  const p = await (await browser.newContext(options)).newPage();
  p.errors = [];
  p.warnings = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'warning') p.warnings.push(m.text());
    if (m.type() === 'error') p.errors.push(m.text());
  });
  await p.goto(url);
  return p;
}

const frameHeight = (p, title) => p.getByTitle(title).evaluate((f) => f.getBoundingClientRect().height);

/** The height of an iframe once it has stopped changing. */
async function settledHeight(p, title) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await frameHeight(p, title);
    if (h === last) return h;
    last = h;
    await p.waitForTimeout(150);
  }
  return last;
}

describe('which links become embeds', () => {
  test('only links under the app base become sandboxed iframes of its embed pages', async () => {
    own.put('/links.html', page([
      link('/earnings/non-gaap/card/net-loss/?theme=dark#guidance', 'Net loss'),
      link('/earnings/?card=revenue', 'Revenue, old query link'),
      link('/earnings/embed/faq/what-next/', 'Already an embed page'),
      link('/earnings/non-gaap/#guidance', 'A section'),
      link('/earnings/#faq-what-next', 'An older anchor'),
      link('/elsewhere/card/revenue/', 'Same origin, elsewhere'),
      link('/earnings-archive/card/revenue/', 'Same prefix, another directory'),
      link('/earnings/..%2F..%2Fadmin/', 'Encoded way out'),
      link(`${own.otherOrigin}earnings/card/revenue/`, 'Same path, other origin'),
      link('javascript:alert(1)', 'Script link'),
      link('data:text/html,<h1>hi</h1>', 'Data link'),
    ].join('\n') + '<script src="/earnings/embed.js"></script>'));
    const p = await visit(`${own.url}links.html`);
    assert.deepEqual(p.errors.filter((e) => !/404/.test(e)), []);

    const frames = {
      'Net loss': 'earnings/embed/non-gaap/card/net-loss/?theme=dark#guidance',
      'Revenue, old query link': 'earnings/embed/?card=revenue',
      'Already an embed page': 'earnings/embed/faq/what-next/',
      'A section': 'earnings/embed/non-gaap/section/guidance/',
      'An older anchor': 'earnings/embed/#faq-what-next',
    };
    for (const [title, src] of Object.entries(frames)) {
      assert.equal(await p.getByTitle(title).getAttribute('src'), own.url + src, title);
    }
    assert.equal(await p.locator('iframe').count(), 5);
    for (const name of ['Same origin, elsewhere', 'Same prefix, another directory', 'Encoded way out',
      'Same path, other origin', 'Script link', 'Data link']) {
      assert.equal(await p.getByRole('link', { name }).count(), 1, `${name} stays a link`);
    }

    const frame = p.getByTitle('Net loss');
    const sandbox = ((await frame.getAttribute('sandbox')) ?? '').split(/\s+/).sort();
    assert.deepEqual(sandbox, SANDBOX);
    const allow = ((await frame.getAttribute('allow')) ?? '').split(/\s*;\s*/);
    assert.ok(allow.includes('clipboard-write') && allow.includes('web-share'), allow.join('; '));
    assert.equal(await frame.getAttribute('loading'), 'lazy');
    assert.equal(await frame.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
    await p.context().close();
  });

  test('on a real page a link to the app becomes a working sandboxed embed; a foreign one stays', async () => {
    // The loader twice, as a careless page would have it.
    hostSite.put('/real.html', page([
      link(`${app.url}card/revenue/`, 'Cerebras Q1 2026: revenue'),
      link(`${foreign.url}card/revenue/`, 'Someone else’s revenue'),
      `<script src="${app.url}embed.js"></script><script async src="${app.url}embed.js"></script>`,
    ].join('\n')));
    const p = await visit(`${hostSite.url}real.html`);
    const frame = p.frameLocator('iframe[title="Cerebras Q1 2026: revenue"]');
    await frame.getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    const sandbox = (await p.getByTitle('Cerebras Q1 2026: revenue').getAttribute('sandbox')) ?? '';
    assert.deepEqual(sandbox.split(/\s+/).sort(), SANDBOX);
    // allow-same-origin: the app keeps its own origin (and storage) inside the sandbox.
    assert.equal(await frame.locator('body').evaluate(() => self.origin), new URL(app.url).origin);
    await p.waitForTimeout(300);
    assert.equal(await p.locator('iframe').count(), 1, 'one iframe for one link');
    assert.equal(await p.getByRole('link', { name: 'Someone else’s revenue' }).count(), 1);
    assert.deepEqual(p.errors.filter((e) => !/404/.test(e)), []);
    await p.context().close();
  });

  test('a link that asks for the compact form, a theme and a transparent background gets them, one number in ≤ 260 px at 320 px', async () => {
    hostSite.put('/compact.html', page([
      link(`${app.url}card/revenue/`, 'Revenue, compact', ' data-form="compact" data-theme="dark" data-bg="transparent"'),
      link(`${app.url}#metrics`, 'Headline figures, compact', ' data-form="compact" data-theme="sepia"'),
      `<script src="${app.url}embed.js"></script>`,
    ].join('\n')));
    const p = await visit(`${hostSite.url}compact.html`, { viewport: { width: 320, height: 700 } });
    const title = 'Revenue, compact';
    assert.equal(await p.getByTitle(title).getAttribute('src'), `${app.url}embed/compact/card/revenue/?theme=dark&bg=transparent`);
    assert.equal(
      await p.getByTitle('Headline figures, compact').getAttribute('src'),
      `${app.url}embed/compact/section/metrics/`,
      'an unknown theme is not passed on',
    );
    const frame = p.frameLocator(`iframe[title="${title}"]`);
    await frame.getByRole('link', { name: 'Full card ↗' }).waitFor();
    assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark');
    const height = await settledHeight(p, title);
    assert.ok(height > 100 && height <= 260, `${height} px`);
    assert.deepEqual(p.errors.filter((e) => !/404/.test(e)), []);
    await p.context().close();
  });

  test('the starting height comes from data-height, clamped, even under a strict style policy', async () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; frame-src 'self'; style-src 'none'">`;
    own.put('/heights.html', page([
      link('/earnings/card/a/', 'Default'),
      link('/earnings/card/b/', 'Tiny', ' data-height="20"'),
      link('/earnings/card/c/', 'Huge', ' data-height="99999"'),
      link('/earnings/card/d/', 'Chosen', ' data-height="777"'),
      link('/earnings/card/e/', 'Nonsense', ' data-height="tall"'),
      '<script src="/earnings/embed.js"></script>',
    ].join('\n'), csp));
    const p = await visit(`${own.url}heights.html`);
    const expected = { Default: 480, Tiny: 100, Huge: 5000, Chosen: 777, Nonsense: 480 };
    for (const [title, height] of Object.entries(expected)) {
      assert.equal(await frameHeight(p, title), height, title);
    }
    assert.deepEqual(p.errors.filter((e) => /Content Security Policy/i.test(e)), [], 'nothing the policy refused');
    await p.context().close();
  });
});

describe('a loader cannot be turned against its host', () => {
  for (const [name, clobber] of [
    ['img', () => `<img name="currentScript" src="${own.otherOrigin}evil/pixel.png" alt="">`],
    ['form', () => `<form name="currentScript" action="${own.otherOrigin}evil/"></form>`],
  ]) {
    test(`a clobbered document.currentScript (<${name} name="currentScript">) upgrades nothing`, async () => {
      own.put(`/clobber-${name}.html`, page([
        clobber(),
        link('/earnings/card/revenue/', 'Revenue'),
        link(`${own.otherOrigin}evil/card/revenue/`, 'Under the clobbering base'),
        // What a script sees as its own element on this page.
        `<script>window.seen = document.currentScript instanceof HTMLScriptElement ? 'SCRIPT' : String(document.currentScript && document.currentScript.tagName);</script>`,
        '<script src="/earnings/embed.js"></script>',
      ].join('\n')));
      const p = await visit(`${own.url}clobber-${name}.html`);
      assert.equal(await p.evaluate(() => window.seen), name.toUpperCase(), 'document.currentScript is clobbered');
      assert.equal(await p.locator('iframe').count(), 0);
      assert.equal(await p.getByRole('link', { name: 'Revenue' }).count(), 1);
      assert.equal(await p.getByRole('link', { name: 'Under the clobbering base' }).count(), 1);
      assert.deepEqual(p.errors.filter((e) => !/404|Failed to load resource/.test(e)), [], 'no exception');
      assert.equal(p.warnings.filter((w) => /Earnings Explorer/.test(w)).length, 1, 'one warning');
      await p.context().close();
    });
  }

  test('two copies of a loader, and another app’s loader, make one iframe per link', async () => {
    own.put('/twice.html', page([
      link('/earnings/card/revenue/', 'Revenue'),
      link('/earnings/card/eps/', 'EPS'),
      link('/other/card/cash/', 'Another app’s cash'),
      '<script src="/earnings/embed.js"></script>',
      '<script src="/earnings/embed.0123456789abcdef.js"></script>',
      '<script src="/other/embed.js"></script>',
      '<script src="/earnings/embed.js?again"></script>',
    ].join('\n')));
    const p = await visit(`${own.url}twice.html`);
    assert.equal(await p.locator('iframe').count(), 3);
    assert.equal(await p.getByTitle('Revenue').getAttribute('src'), `${own.url}earnings/embed/card/revenue/`);
    assert.equal(await p.getByTitle('EPS').getAttribute('src'), `${own.url}earnings/embed/card/eps/`);
    assert.equal(await p.getByTitle('Another app’s cash').getAttribute('src'), `${own.url}other/embed/card/cash/`);

    // Links added later are upgraded once too, each by its own app's loader.
    await p.evaluate((html) => document.querySelector('main').insertAdjacentHTML('beforeend', html),
      link('/earnings/card/cash/', 'Later, cash') + link('/other/faq/x/', 'Later, another app’s answer'));
    await p.getByTitle('Later, another app’s answer').waitFor({ state: 'attached' });
    await p.getByTitle('Later, cash').waitFor({ state: 'attached' });
    await p.waitForTimeout(200);
    assert.equal(await p.locator('iframe').count(), 5);
    assert.deepEqual(p.errors.filter((e) => !/404/.test(e)), []);
    await p.context().close();
  });

  test('links added to the page after load become embeds', async () => {
    hostSite.put('/later.html', page(`<p>Comments load later.</p><script src="${app.url}embed.js"></script>`));
    const p = await visit(`${hostSite.url}later.html`);
    await p.evaluate(([inside, alone, elsewhere]) => {
      const section = document.createElement('section');
      section.innerHTML = `<h2>Comments</h2><p>${inside}</p><p>${elsewhere}</p>`;
      document.querySelector('main').append(section);
      document.querySelector('main').insertAdjacentHTML('beforeend', alone);
    }, [
      link(`${app.url}card/eps/`, 'Added inside a section'),
      link(`${app.url}faq/wafer-scale/`, 'Added on its own'),
      link(`${foreign.url}card/eps/`, 'Added, foreign'),
    ]);
    await p.frameLocator('iframe[title="Added inside a section"]')
      .getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    await p.getByTitle('Added on its own').waitFor({ state: 'attached' });
    assert.equal(await p.getByRole('link', { name: 'Added, foreign' }).count(), 1);
    assert.equal(await p.locator('iframe').count(), 2);
    await p.context().close();
  });
});

describe('messages', () => {
  test('size messages from any window but the embed itself, or malformed, are ignored', async () => {
    foreign.put('/other.html', '<!doctype html><title>Other</title><p>A third origin.</p>');
    hostSite.put('/forged.html', page([
      link(`${app.url}faq/wafer-scale/`, 'The embed'),
      // Same origin as the app, but not the loader's frame: it posts sizes too.
      `<iframe title="A plain embed" src="${app.url}embed/card/revenue/" height="300"></iframe>`,
      `<iframe title="A third origin" src="${foreign.url}other.html" height="100"></iframe>`,
      `<script src="${app.url}embed.js"></script>`,
    ].join('\n')));
    const p = await visit(`${hostSite.url}forged.html`);
    await p.frameLocator('iframe[title="The embed"]').getByRole('heading', { name: 'Cerebras Systems Q1 2026' }).waitFor();
    const height = await settledHeight(p, 'The embed');
    const embed = p.frame({ url: (u) => u.href.startsWith(`${app.url}embed/faq/`) });
    const plain = p.frame({ url: (u) => u.href.startsWith(`${app.url}embed/card/revenue/`) });
    const third = p.frame({ url: `${foreign.url}other.html` });
    assert.ok(embed && plain && third, 'all frames found');

    // Forged sizes are larger than the content: were one believed, the frame would keep it
    // (a smaller one could be undone by the app's next report, and prove nothing).
    const big = height + 1234;
    const forge = (frame, message) => frame.evaluate((m) => parent.postMessage(m, '*'), message);
    for (const frame of [p.mainFrame(), plain, third]) {
      await forge(frame, { type: SIZE, version: 1, height: big });
    }
    for (const bad of [
      { type: SIZE, version: 1, height: 0 },
      { type: SIZE, version: 1, height: -40 },
      { type: SIZE, version: 1, height: 100001 },
      { type: SIZE, version: 1, height: String(big) },
      { type: SIZE, version: 1, height: Infinity },
      { type: SIZE, version: 2, height: big },
      { type: 'other', version: 1, height: big },
      { type: SIZE, height: big },
    ]) {
      await forge(embed, bad);
    }
    await p.waitForTimeout(500);
    assert.equal(await settledHeight(p, 'The embed'), height, 'size unchanged');

    // The embed's own, well-formed message does resize it: the check above could fail.
    await forge(embed, { type: SIZE, version: 1, height: big });
    await p.waitForFunction((h) => document.querySelector('iframe[title="The embed"]').getBoundingClientRect().height === h, big);
    await p.context().close();
  });

  test('an embed tells a host that has not named itself its height only', async () => {
    hostSite.put('/plain.html', page(`<script>
      window.received = [];
      addEventListener('message', (e) => received.push({ origin: e.origin, fromFrame: e.source === frames[0], data: e.data }));
    </script><iframe title="Plain embed" src="${app.url}embed/card/revenue/" width="100%" height="640"></iframe>`));
    const p = await visit(`${hostSite.url}plain.html`);
    const sizes = () => p.evaluate((type) => received.filter((m) => m.data && m.data.type === type), SIZE);
    // Sent to '*', or it would not arrive here at all.
    await p.waitForFunction((type) => received.some((m) => m.data && m.data.type === type), SIZE);
    await p.waitForTimeout(500);
    for (const m of await sizes()) {
      assert.equal(m.origin, new URL(app.url).origin);
      assert.equal(m.fromFrame, true);
      assert.equal('view' in m.data, false, `no view before the handshake: ${JSON.stringify(m.data)}`);
      assert.ok(m.data.height > 0);
    }

    // The host names itself with a theme message: from then on sizes carry the view.
    await p.evaluate(([type, origin]) => frames[0].postMessage({ type, version: 1, theme: 'dark' }, origin),
      [THEME, new URL(app.url).origin]);
    await p.waitForFunction((type) => received.some((m) => m.data && m.data.type === type && 'view' in m.data), SIZE);
    const named = (await sizes()).filter((m) => 'view' in m.data);
    assert.equal(named[0].data.view, 'card/revenue/');
    await p.frameLocator('iframe').locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await p.context().close();
  });

  test('the loader names the host, so the host learns the view', async () => {
    hostSite.put('/named.html', page(`<script>
      window.received = [];
      addEventListener('message', (e) => received.push(e.data));
    </script>${link(`${app.url}non-gaap/card/net-loss/`, 'Net loss')}<script src="${app.url}embed.js"></script>`));
    const p = await visit(`${hostSite.url}named.html`);
    await p.waitForFunction((type) => received.some((m) => m && m.type === type && 'view' in m), SIZE);
    const view = await p.evaluate((type) => received.find((m) => m && m.type === type && 'view' in m).view, SIZE);
    assert.equal(view, 'non-gaap/card/net-loss/');
    await p.context().close();
  });
});

// Real static hosting: nginx with the shipped config (unknown paths get
// 404.html) and the same nginx rewriting unknown paths to index.html (as
// Netlify/Vercel rewrites and `trunk serve` do). No address makes the app
// panic or blank the page; with the wasm blocked, slow or crashed, the basis
// switch works or is absent and never shows one basis over the other's
// figures; no page breaks the shipped content security policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { host, launch, serve } from './support.mjs';

let plain;
let rewriting;
let browser;
before(async () => {
  plain = await serve();
  rewriting = await serve({ rewrite: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([plain?.close(), rewriting?.close()]);
});

// Net loss on each basis, as the dataset gives it.
// What the two cards that follow the basis read on each.
const FOLLOWS = {
  'net-loss': { GAAP: '−$14.0M', 'Non-GAAP': '−$2.5M' },
  eps: { GAAP: '−$0.22', 'Non-GAAP': 'not reported' },
};

/** A fresh page that records errors, panics and CSP violations. */
async function fresh(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) page.problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return page;
}

/** The state of the page once the app has had time to start (or not). */
async function settled(page) {
  await page.waitForFunction(() => document.documentElement.className !== 'wait', null, { timeout: 15000 });
  return page.evaluate(() => document.documentElement.className);
}

/** The basis the switch shows, whichever form of it is visible; null where there is none. */
async function switchShows(page) {
  const radio = page.getByRole('radio', { name: 'Non-GAAP' });
  if (await radio.isVisible()) return (await radio.isChecked()) ? 'Non-GAAP' : 'GAAP';
  const links = page.getByRole('navigation', { name: 'Basis' });
  if ((await links.count()) === 0) return null;
  return (await links.locator('[aria-current="page"]').textContent()).trim();
}

async function assertHonest(page, label) {
  const basis = await switchShows(page);
  for (const [id, reads] of Object.entries(FOLLOWS)) {
    const card = page.locator(`#card-${id} .card__value:visible`);
    if ((await card.count()) === 0) continue;
    // Only what does not follow the basis goes without a switch (an embed of a guidance section, say).
    assert.ok(basis !== null, `${label}: the ${id} card follows the basis, but there is no switch`);
    const text = await card.textContent();
    assert.ok(text.includes(reads[basis]), `${label}: the switch shows ${basis} but the ${id} card reads ${text}`);
  }
}

// Addresses people and machines really send.
const HOSTILE = [
  'embed%2Fcard/revenue/',
  'embed/card/nope/',
  'non-gaap/card/zzz/',
  'embed/embed/',
  'NON-GAAP/',
  'card/Revenue/',
  'card/revenue/non-gaap/',
  '%E2%80%AE/',
  'card/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/',
  '?card=%3Cscript%3Ealert(1)%3C/script%3E&basis=ifrs&theme=neon',
  'faq/why-the-stock-fell/?faq=nope#nowhere',
  'index.html?embed=1&card=eps',
  'embed/section/nope/',
  'embed/section/Guidance/',
  'section/guidance/',
  'embed/#deals',
];

// Addresses generated from the words of real ones (seeded, so a failure repeats).
function generated(count, seed = 7) {
  const words = ['embed', 'card', 'faq', 'section', 'guidance', 'glossary', 'non-gaap', 'gaap', 'revenue', 'eps', 'net-loss', 'wafer-scale',
    'NON-GAAP', 'Eps', '%2F', '%2e%2e', '.', 'index.html', '', 'x', '%C3%A9', '+', '%00'];
  const query = ['card=eps', 'basis=non-gaap', 'embed=1', 'theme=dark', 'bg=transparent', 'faq=what-next',
    'section=guidance', 'card=nope', 'utm_source=x', 'metric=revenue', 'question=wafer-scale'];
  let s = seed;
  const rand = (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  return Array.from({ length: count }, () => {
    const segments = Array.from({ length: rand(4) }, () => words[rand(words.length)]);
    const q = Array.from({ length: rand(3) }, () => query[rand(query.length)]);
    return segments.join('/') + (rand(2) ? '/' : '') + (q.length ? `?${q.join('&')}` : '') + (rand(3) ? '' : '#faq');
  });
}

describe('any address, on any host', () => {
  for (const [name, host] of [['nginx with the shipped config', () => plain], ['a host that rewrites to index.html', () => rewriting]]) {
    test(`${name}: hand-picked and generated addresses never panic or blank the page`, async () => {
      const page = await fresh();
      for (const address of [...HOSTILE, ...generated(24)]) {
        page.problems.length = 0;
        await page.goto('about:blank');
        const response = await page.goto(host().url + address);
        const status = response.status();
        if (status === 404) {
          await page.getByRole('heading', { name: 'There is no view at this address' }).waitFor();
        } else {
          assert.equal(status, 200, address);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          const state = await settled(page);
          assert.equal(state, 'js', `${address}: the app runs (${page.problems.join('; ')})`);
          await assertHonest(page, address);
        }
        assert.deepEqual(page.problems, [], address);
      }
      await page.context().close();
    });
  }

  test('a plain host answers unknown and mixed-case paths with the 404 page', async () => {
    for (const address of ['embed/card/nope/', 'NON-GAAP/', 'card/Revenue/', 'nope/']) {
      const res = await fetch(plain.url + address);
      assert.equal(res.status, 404, address);
      assert.match(await res.text(), /There is no view at this address/);
    }
  });

  test('a rewriting host shows the default view with a notice naming what was wrong', async () => {
    const page = await fresh();
    await page.goto(`${rewriting.url}embed/card/nope/`);
    await settled(page);
    await page.getByText('This link named a card this report does not have').waitFor();
    assert.equal(new URL(page.url()).pathname, '/', 'the address is tidied to the view shown');
    assert.equal(await page.getByRole('link', { name: 'Full report ↗' }).count(), 0, 'the page, not an embed');
    await page.goto(`${rewriting.url}NON-GAAP/`);
    await settled(page);
    await page.getByText("This link's address is not one this report has").waitFor();
    assert.equal(await switchShows(page), 'GAAP');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('an older link to an embed loads the embed page once', async () => {
    const page = await fresh();
    await page.goto(`${plain.url}?card=eps&embed=1&theme=dark`);
    await page.waitForURL(/\/embed\/card\/eps\/\?theme=dark$/);
    await page.getByRole('link', { name: 'Full report ↗' }).waitFor();
    assert.equal(await settled(page), 'js');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('the switch never lies', () => {
  test('with the wasm blocked, the switch is a pair of links that load each basis', async () => {
    const page = await fresh();
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(plain.url);
    assert.equal(await settled(page), 'no-js app-failed');
    await page.getByText('The interactive part of this page is not running').waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Copy link to this view' }).isVisible(), false);
    await page.getByRole('navigation', { name: 'Basis' }).getByRole('link', { name: 'Non-GAAP' }).click();
    await page.waitForURL(/\/non-gaap\/$/);
    await settled(page);
    assert.equal(await switchShows(page), 'Non-GAAP');
    await assertHonest(page, 'after the link');
    await page.context().close();
  });

  test('with WebAssembly switched off by the browser, the page stays the plain page', async () => {
    const page = await fresh();
    await page.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(`${plain.url}non-gaap/card/net-loss/`);
    assert.equal(await settled(page), 'no-js app-failed');
    await assertHonest(page, 'no WebAssembly');
    await page.context().close();
  });

  test('while the wasm is slow, a click on the switch loads the other basis', async () => {
    const page = await fresh();
    await page.route('**/*.wasm', async (route) => {
      await new Promise((ok) => setTimeout(ok, 6000));
      await route.continue().catch(() => {});
    });
    await page.goto(plain.url, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.evaluate(() => document.documentElement.className), 'wait');
    assert.equal(await page.getByRole('radio', { name: 'Non-GAAP' }).isVisible(), false, 'no radio before the app runs');
    await assertHonest(page, 'before the app');
    await page.getByRole('navigation', { name: 'Basis' }).getByRole('link', { name: 'Non-GAAP' }).click();
    await page.waitForURL(/\/non-gaap\/$/);
    await assertHonest(page, 'the click was honoured');
    assert.equal(await switchShows(page), 'Non-GAAP');
    await page.context().close();
  });

  test('when the app crashes after it started, the page goes back to the plain page, honestly', async () => {
    const page = await fresh();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__wasm = e.detail.wasm;
      });
    });
    await page.goto(plain.url);
    assert.equal(await settled(page), 'js');
    // Wreck the app's memory: its next call traps, as a panic (abort) does.
    await page.evaluate(() => new Uint8Array(window.__wasm.memory.buffer).fill(0xff));
    page.problems.length = 0;
    await page.getByRole('radio', { name: 'Non-GAAP' }).click({ noWaitAfter: true }).catch(() => {});
    await page.waitForFunction(() => document.documentElement.className === 'no-js app-failed', null, { timeout: 15000 });
    await page.getByText('The interactive part of this page is not running').waitFor();
    await assertHonest(page, 'after the crash');
    // And it stays the plain page in this tab: the links load each basis.
    await page.getByRole('navigation', { name: 'Basis' }).getByRole('link', { name: 'Non-GAAP' }).click();
    await page.waitForURL(/\/non-gaap\/$/);
    assert.equal(await settled(page), 'no-js app-failed');
    await assertHonest(page, 'next page');
    await page.context().close();
  });
});

describe('the shipped content security policy', () => {
  test('every kind of page keeps to it: page, deep view, embed, answer, 404', async () => {
    for (const path of ['', 'non-gaap/card/net-loss/', 'embed/non-gaap/card/eps/', 'faq/wafer-scale/', 'examples/article.html', 'nope/']) {
      const page = await fresh();
      const response = await page.goto(plain.url + path);
      const csp = response.headers()['content-security-policy'] ?? '';
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, `${path} is served with the policy`);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, path.startsWith('embed/') ? /frame-ancestors \*/ : /frame-ancestors 'self'/, path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (path === 'nope/' || path.startsWith('examples/')) await page.waitForTimeout(1500);
      else assert.equal(await settled(page), 'js', path);
      // Open what opens, so hydrated updates run under the policy too.
      if (path === '') {
        await page.getByRole('radio', { name: 'Non-GAAP' }).check();
        await page.getByRole('button', { name: 'Embed' }).click();
        await page.getByRole('button', { name: 'Close' }).click();
      }
      assert.deepEqual(page.problems, [], path);
      await page.context().close();
    }
  });

  test('a full page cannot be framed by another site; an embed can', async () => {
    const article = await host();
    article.put(
      '/frames.html',
      `<!doctype html><title>Host</title><h1>Host</h1>
       <iframe id="page" src="${plain.url}card/eps/"></iframe>
       <iframe id="embed" src="${plain.url}embed/card/eps/"></iframe>`,
    );
    const page = await fresh();
    await page.goto(`${article.url}frames.html`);
    const embed = page.frameLocator('#embed');
    await embed.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    const full = page.frames().find((f) => f.name() === '' && f !== page.mainFrame() && !f.url().includes('/embed/'));
    const shown = full ? await full.locator('h1').count().catch(() => 0) : 0;
    assert.equal(shown, 0, 'frame-ancestors keeps the full page out of a foreign frame');
    await page.context().close();
    await article.close();
  });
});

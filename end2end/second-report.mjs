// A second report built with one setting: `EE_DATASET=tests/fixtures/acme-q3-2025.json`
// gives a complete site of that report alone (scripts/test.sh builds it into
// target/acme-dist). It takes the paths the bundled report never takes: a
// profit, a non-GAAP EPS with a beat, a two-step bridge. Run by scripts/test.sh
// after the main suite (its name keeps `node --test end2end/` from picking it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, open, serve } from './support.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = process.env.EE_DIST ?? join(root, 'target/acme-dist');
let site;
let browser;
before(async () => {
  site = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

describe('a second report, built with EE_DATASET', () => {
  test('the site holds that report alone: pages, previews, embeds, titles, the example', async () => {
    let pages = 0;
    for await (const file of files(dist)) {
      if (/\.(br|gz|png)$/.test(file)) continue;
      const text = await readFile(file, 'latin1');
      assert.doesNotMatch(text, /Cerebras/, `${file} mentions the bundled report`);
      if (file.endsWith('index.html')) pages += 1;
    }
    assert.ok(pages > 20, `pre-rendered pages: ${pages}`);
    const previews = await readdir(join(dist, 'preview'));
    assert.ok(previews.includes('non-gaap-card-eps.png'), previews.join(', '));
  });

  test('a profit, a non-GAAP EPS with its beat and a two-step bridge render and switch', async () => {
    const page = await open(browser, site.url, 'card/eps/');
    await page.getByRole('heading', { name: 'Acme Robotics Q3 2025', level: 1 }).waitFor();
    const eps = page.locator('#card-eps .card__value:visible');
    assert.match(await eps.innerText(), /\$0\.41\s+GAAP/);
    assert.match(await page.locator('#card-net-income .card__value:visible').innerText(), /\$22\.4M/);
    await page.getByRole('radio', { name: 'Non-GAAP' }).check();
    await page.waitForURL(/\/non-gaap\/card\/eps\/$/);
    assert.match(await eps.innerText(), /\$0\.58\s+Non-GAAP/);
    assert.match(await page.locator('#card-eps summary').innerText(), /Beat/i);
    const bridge = page.getByRole('region', { name: /Reconciliation/ }).or(page.locator('.bridge'));
    const steps = await bridge.first().innerText();
    assert.match(steps, /Share-based pay/);
    assert.match(steps, /Amortisation of acquired intangibles/);
    assert.match(await page.locator('#card-sales summary').innerText(), /Miss/i);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

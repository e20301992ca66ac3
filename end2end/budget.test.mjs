// The size budget of the first view. Bytes are deterministic, so this is a
// test; speed is measured by the benchmark (scripts/bench.sh), never here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { firstView } from './first-view.mjs';
import { reportTexts, textsIn } from './report-texts.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const budget = JSON.parse(await readFile(join(root, 'bench/budget.json'), 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

for (const path of ['', 'non-gaap/card/net-loss/']) {
  test(`the first view of /${path} stays within budget`, async () => {
    const { assets, total } = await firstView(join(root, 'dist'), path);
    const table = assets.map((a) => `  ${a.name}: ${kb(a.brotli)} brotli (${kb(a.raw)} raw)`).join('\n');
    assert.ok(
      assets[0].brotli <= budget.htmlWithCss,
      `the HTML with its CSS is ${kb(assets[0].brotli)} brotli, over its budget of ${kb(budget.htmlWithCss)}:\n${table}`,
    );
    assert.ok(
      total.brotli <= budget.firstView,
      `the first view is ${kb(total.brotli)} brotli, over its budget of ${kb(budget.firstView)}:\n${table}`,
    );
  });
}

test('the wasm carries no text of the report: the islands read the page', async () => {
  const dist = join(root, 'dist');
  const { assets } = await firstView(dist, '');
  const wasm = await readFile(join(dist, assets[2].name));
  const texts = await reportTexts(join(root, 'data/cerebras-q1-2026.json'));
  assert.ok(texts.length > 100, `${texts.length} texts read from the dataset`);
  // The check itself finds a text that is there.
  assert.deepEqual(textsIn(Buffer.from(`..${texts[0]}..`), texts.slice(0, 1)), texts.slice(0, 1));
  assert.deepEqual(textsIn(wasm, texts), []);
});

// What readers reach for beside the figures: the glossary (terms that open in
// place, with and without the wasm) and the figures as files (CSV and JSON
// that download, parse and match the dataset).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, appUnderTest, open } from './support.mjs';

const t = appUnderTest();
const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataset = JSON.parse(await readFile(resolve(root, 'data/cerebras-q1-2026.json'), 'utf8'));

const isOpen = (locator) => locator.evaluate((e) => e.matches(':popover-open'));
const focusedIn = (page, selector) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

describe('the glossary', () => {
  test('a term opens its definition beside it, by mouse and by keyboard, and Escape closes it', async () => {
    const page = await open(t.browser, t.url);
    const term = page.locator('.masthead').getByRole('button', { name: 'wafer-scale' });
    const definition = page.locator('#term-wafer-scale');
    await term.click();
    assert.equal(await isOpen(definition), true);
    assert.match(await definition.innerText(), /Wafer-scale/);
    const [at, box] = [await term.boundingBox(), await definition.boundingBox()];
    const gap = Math.min(Math.abs(box.y - (at.y + at.height)), Math.abs(at.y - (box.y + box.height)));
    assert.ok(gap < 24, `the definition opens by its term (${gap}px away)`);
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(definition), false);

    await term.focus();
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(definition), true);
    await page.keyboard.press('Tab');
    assert.equal(await focusedIn(page, '#term-wafer-scale'), true, 'Tab moves into the definition');
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(definition), false);
    assert.equal(await focusedIn(page, '.masthead .term'), true, 'focus returns to the term');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('terms open without the wasm too', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${t.url}card/gross-margin/`);
    const card = page.locator('#card-gross-margin');
    await card.getByRole('button', { name: 'Core', exact: true }).click();
    assert.equal(await isOpen(page.locator('#term-core')), true);
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(page.locator('#term-core')), false);
    await context.close();
  });

  test('the Glossary section defines every term, with its spelled-out form', async () => {
    const page = await open(t.browser, t.url, '#glossary');
    const section = page.getByRole('region', { name: 'Glossary' });
    await section.waitFor();
    const terms = await section.locator('dfn').allInnerTexts();
    assert.deepEqual(terms, dataset.glossary.map((g) => g.term));
    assert.match(await section.innerText(), /GAAP\s+\(generally accepted accounting principles\)/);
    assert.match(await section.innerText(), /SBC\s+\(stock-based compensation\)/);
    await page.context().close();
  });

  test('an open definition passes axe, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open(t.browser, t.url, 'card/eps/', { colorScheme });
      await page.locator('#card-eps').getByRole('button', { name: 'missed' }).click();
      assert.equal(await isOpen(page.locator('#term-beat-and-miss')), true);
      assert.deepEqual(await axe(page), [], colorScheme);
      await page.context().close();
    }
  });

  test('printing lists definitions at the end, not as open popovers', async () => {
    const page = await open(t.browser, t.url);
    await page.locator('.masthead').getByRole('button', { name: 'wafer-scale' }).click();
    await page.emulateMedia({ media: 'print' });
    const entry = page.locator('#term-wafer-scale');
    assert.equal(await entry.evaluate((e) => getComputedStyle(e).boxShadow), 'none');
    const listed = await page.locator('#glossary dfn').evaluateAll((d) => d.filter((e) => e.offsetParent !== null).length);
    assert.equal(listed, dataset.glossary.length);
    await page.context().close();
  });

  test("an embed defines the terms it shows, and only those", async () => {
    const page = await open(t.browser, t.url, 'embed/card/gross-margin/');
    await page.getByRole('button', { name: 'Core', exact: true }).click();
    assert.equal(await isOpen(page.locator('#term-core')), true);
    assert.equal(await page.locator('#term-ipo').count(), 0, 'not a term this card uses');
    assert.equal(await page.locator('#term-gaap').isVisible(), false, 'closed definitions stay out of the way');
    await page.context().close();
  });
});

/** RFC 4180: fields, quoted with doubled quotes where needed, CRLF line ends. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the file ends with CRLF');
  return rows;
}

/** The number a figure of the dataset is written as (the low end of a range). */
function written(figure) {
  let v = figure.value;
  if (!v || typeof v !== 'object') return null;
  if (v.range) v = v.range[0];
  if (v.count) return v.count.amount;
  const n = Object.values(v)[0];
  return typeof n === 'number' ? n : null;
}

describe('the figures as files', () => {
  test('the Sources section links both files with their sizes; they parse and match the dataset', async () => {
    const page = await open(t.browser, t.url, '#sources');
    for (const [format, type] of [['CSV', /^text\/csv; charset=utf-8/], ['JSON', /^application\/json; charset=utf-8/]]) {
      const link = page.getByRole('link', { name: new RegExp(`^${format} \\(`) });
      const label = await link.innerText();
      const response = await page.request.get(new URL(await link.getAttribute('href'), page.url()).href);
      assert.equal(response.status(), 200, format);
      assert.match(response.headers()['content-type'], type);
      const bytes = await response.body();
      const size = /\(([\d.]+) KB\)/.exec(label);
      assert.ok(size, label);
      assert.equal(Number(size[1]), Math.round(bytes.length / 100) / 10, `${label}: ${bytes.length} bytes`);
      const text = bytes.toString('utf8');
      const rows =
        format === 'CSV'
          ? (([header, ...body]) => body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]]))))(parseCsv(text))
          : JSON.parse(text);
      assert.deepEqual(rows.map((r) => r.id), dataset.figures.map((f) => f.id), `${format}: one row per figure`);
      for (const [i, figure] of dataset.figures.entries()) {
        const row = rows[i];
        assert.equal(row.label, figure.label);
        assert.equal(row.basis, figure.basis);
        if (figure.derived) {
          assert.ok(row.formula, `${figure.id}: its formula`);
          continue;
        }
        assert.ok(row.where && row.source, `${figure.id}: its source and place`);
        const n = written(figure);
        if (n === null) {
          assert.equal(row.value, null, `${figure.id}: no value`);
          if (figure.value === 'not_reported') assert.ok(row.note, `${figure.id}: says why`);
        } else {
          assert.equal(Number(row.value), n, `${figure.id}: ${format} value`);
        }
      }
      const loss = rows.find((r) => r.id === 'net-loss-gaap');
      assert.equal(String(loss.value), format === 'CSV' ? '-14.0' : '-14', 'the decimals as written');
    }
    assert.match(await (await page.request.get(`${t.url}cerebras-systems-q1-2026-figures.json`)).text(), /"value": -14\.0,/);
    await page.context().close();
  });

  test('they download without the wasm', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.url}#sources`);
    // The section starts closed; its summary opens it without scripts.
    await page.locator('#sources').getByText(/^The \d+ documents and all \d+ figures$/).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^CSV \(/ }).click()]);
    assert.equal(download.suggestedFilename(), 'cerebras-systems-q1-2026-figures.csv');
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('id,label,period,basis,value,'), text.slice(0, 80));
    await context.close();
  });
});

// The benchmark (scripts/bench.sh): the release build served on localhost,
// measured in headless Chromium through the DevTools protocol, beside a
// "floor": the same pre-rendered pages with no script at all.
// Prints a table and writes bench/results.json. Not part of the test run.
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstView, sizes } from '../end2end/first-view.mjs';
import { launch, serve } from '../end2end/support.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = join(root, 'dist');
const VIEWS = { default: '', deep: 'non-gaap/card/net-loss/' };
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 21);
const THROTTLE = 4;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

const stripScripts = (html) =>
  html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');

/** The other basis's path for a view's path (the deep view is non-GAAP). */
const otherBasis = (path) => (path.startsWith('non-gaap/') ? path.slice('non-gaap/'.length) : `non-gaap/${path}`);

/**
 * The floors: the same pages with every script and script preload removed;
 * and, for the switch, `switch-floor/<path>`: the page with the other basis's
 * pre-rendered <main> beside its own, hidden, and a few lines of plain JS
 * (switch-floor.js) that swap them when a radio changes: the DOM's own speed
 * for showing the other basis's figures.
 */
async function makeFloor(dir) {
  await rm(dir, { recursive: true, force: true });
  await cp(dist, dir, { recursive: true });
  const mainOf = (html) => html.match(/<main[\s\S]*<\/main>/)[0];
  for (const path of Object.values(VIEWS)) {
    const file = join(dir, path, 'index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, stripScripts(html));
    const other = await readFile(join(dist, otherBasis(path), 'index.html'), 'utf8');
    const both = stripScripts(html)
      .replace('class="wait"', 'class="js"')
      .replace('class="no-js"', 'class="js"')
      .replace(mainOf(html), `${mainOf(html)}${mainOf(other).replace('<main', '<main hidden data-other')}`)
      .replace('</body>', '<script src="/switch-floor.js"></script></body>');
    await mkdir(join(dir, 'switch-floor', path), { recursive: true });
    await writeFile(join(dir, 'switch-floor', path, 'index.html'), both);
  }
  await writeFile(
    join(dir, 'switch-floor.js'),
    `document.addEventListener('change', () => {
  for (const main of document.querySelectorAll('main')) main.hidden = !main.hidden;
});
window.floorReady = true;
`,
  );
}

/** Paint timings, layout shift and (for the app) start-up, over one load. */
async function load(browser, url, { app, throttle, probe }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  if (probe) await page.addInitScript(() => (window.__probe = true));
  await page.addInitScript(() => {
    const m = (window.__bench = { cls: 0, lcp: 0, interactive: null, wasmMemory: null });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (m.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (m.lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
    addEventListener('TrunkApplicationStarted', (e) => (m.wasmMemory = e.detail.wasm.memory.buffer.byteLength));
    // Interactive = the first moment a click on the switch changes the view
    // (only in probing loads: the clicks would change what paints). It tries
    // from the start: the switch is at the top, and the page may start
    // before the whole document is read.
    if (window.__probe) {
      const start = location.pathname;
      const poll = setInterval(() => {
        const radio = [...document.querySelectorAll('input[name=basis]')].find((r) => !r.checked);
        if (location.pathname !== start) {
          m.interactive = performance.now();
          clearInterval(poll);
        } else if (radio) radio.click();
      }, 5);
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  if (probe) await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 60000 });
  else if (app) await page.waitForFunction(() => window.__bench.wasmMemory !== null, null, { timeout: 60000 });
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__bench.lcp,
    cls: window.__bench.cls,
    interactive: window.__bench.interactive,
    wasmMemory: window.__bench.wasmMemory,
  }));
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics?.map((x) => [x.name, x.value]) ?? []);
  result.jsHeap = metrics.JSHeapUsedSize ?? NaN;
  await context.close();
  return result;
}

/**
 * Median click → next paint of the basis switch over repeated toggles, and
 * where a toggle's time goes (DevTools' Performance metrics, per toggle).
 */
async function toggles(browser, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('input[name=basis]') && (window.wasmBindings || window.floorReady));
  await page.waitForTimeout(300);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const before = await metrics();
  const times = [];
  for (let i = 0; i < TOGGLES; i++) {
    times.push(
      await page.evaluate(
        () =>
          new Promise((done) => {
            const radio = [...document.querySelectorAll('input[name=basis]')].find((r) => !r.checked);
            const t0 = performance.now();
            radio.click();
            // The next frame's callbacks run before its paint; a message
            // posted from there arrives once that frame has been painted.
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => done(performance.now() - t0);
              ch.port2.postMessage(0);
            });
          }),
      ),
    );
    await page.waitForTimeout(50);
  }
  const after = await metrics();
  const per = (key) => ((after[key] - before[key]) * 1000) / TOGGLES;
  const split = {
    script: per('ScriptDuration'),
    style: per('RecalcStyleDuration'),
    layout: per('LayoutDuration'),
    task: per('TaskDuration'),
  };
  await context.close();
  return { median: median(times), split };
}

/** The wasm by crate (scripts/size.sh's breakdown), when twiggy is installed. */
async function wasmByPart() {
  const { spawnSync } = await import('node:child_process');
  const wasm = join(root, 'target/wasm32-unknown-unknown/release/earnings-explorer.wasm');
  const csv = spawnSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (csv.status !== 0) return null;
  const out = join(root, 'target', 'wasm-size.json');
  const run = spawnSync('node', [join(root, 'bench/size.mjs')], { input: csv.stdout, encoding: 'utf8', env: { ...process.env, SIZE_JSON: out } });
  if (run.status !== 0) return null;
  return JSON.parse(await readFile(out, 'utf8'));
}

/**
 * A report's page in the site of many reports (target/season-dist, which
 * scripts/bench.sh builds with EE_REPORTS=tests/fixtures/season) beside the
 * same report's one-report site (dist/): the bytes of its first view, and its
 * paints and start-up at 4×, the two sites measured in turn.
 */
async function season(browser, single) {
  const dir = join(root, 'target/season-dist');
  const id = 'cerebras-systems-q1-2026/';
  try {
    await readFile(join(dir, id, 'index.html'));
  } catch {
    return null;
  }
  const many = await serve(dir);
  const runs = { single: [], many: [] };
  for (let i = 0; i < LOADS; i++) {
    runs.single.push(await load(browser, single.url, { app: true, throttle: true, probe: true }));
    runs.many.push(await load(browser, many.url + id, { app: true, throttle: true, probe: true }));
  }
  await many.close();
  const med = (side, key) => median(runs[side].map((r) => r[key]));
  const side = (name, bytes) => ({
    bytes: bytes.total,
    fcp: med(name, 'fcp'),
    lcp: med(name, 'lcp'),
    interactive: med(name, 'interactive'),
    cls: Math.max(...runs[name].map((r) => r.cls)),
  });
  return {
    single: { path: '/', ...side('single', await firstView(dist)) },
    many: { path: `/${id}`, ...side('many', await firstView(dir, id)) },
  };
}

async function main() {
  const floorDir = join(root, 'target', 'bench-floor');
  await makeFloor(floorDir);
  const app = await serve(dist);
  const floor = await serve(floorDir);
  const wasmParts = await wasmByPart();
  const browser = await launch();
  const results = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      chromium: browser.version(),
      cpuThrottling: `${THROTTLE}x (DevTools protocol)`,
      loadsPerFigure: LOADS,
      togglesPerFigure: TOGGLES,
      date: new Date().toISOString().slice(0, 10),
    },
    views: {},
    wasmByPart: wasmParts,
  };
  for (const [name, path] of Object.entries(VIEWS)) {
    const bytes = await firstView(dist, path);
    const floorHtml = sizes(await readFile(join(floorDir, path, 'index.html')));
    const runs = { app: [], floor: [], probe: [] };
    for (let i = 0; i < LOADS; i++) {
      runs.app.push(await load(browser, app.url + path, { app: true, throttle: true }));
      runs.floor.push(await load(browser, floor.url + path, { app: false, throttle: true }));
      runs.probe.push(await load(browser, app.url + path, { app: true, throttle: true, probe: true }));
    }
    const med = (side, key) => median(runs[side].map((r) => r[key]));
    results.views[name] = {
      path: `/${path}`,
      bytes: { assets: bytes.assets, total: bytes.total, floor: floorHtml },
      app: {
        fcp: med('app', 'fcp'),
        lcp: med('app', 'lcp'),
        cls: Math.max(...runs.app.map((r) => r.cls)),
        interactive: med('probe', 'interactive'),
        switchUnthrottled: await toggles(browser, app.url + path, false),
        switchThrottled: await toggles(browser, app.url + path, true),
        switchFloorUnthrottled: await toggles(browser, `${floor.url}switch-floor/${path}`, false),
        switchFloorThrottled: await toggles(browser, `${floor.url}switch-floor/${path}`, true),
        jsHeap: med('app', 'jsHeap'),
        wasmMemory: med('app', 'wasmMemory'),
      },
      floor: {
        fcp: med('floor', 'fcp'),
        lcp: med('floor', 'lcp'),
        cls: Math.max(...runs.floor.map((r) => r.cls)),
        jsHeap: med('floor', 'jsHeap'),
      },
    };
  }
  results.season = await season(browser, app);
  await browser.close();
  await app.close();
  await floor.close();
  await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  print(results);
}

function print(results) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
  const mib = (n) => (Number.isFinite(n) ? `${(n / 2 ** 20).toFixed(1)} MiB` : '—');
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const m = results.machine;
  console.log(`\nEarnings Explorer benchmark, ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Chromium ${m.chromium}, CPU throttling ${m.cpuThrottling}, medians of ${m.loadsPerFigure} loads.\n`);
  for (const [name, v] of Object.entries(results.views)) {
    console.log(`${name} view (${v.path})`);
    console.log('  asset'.padEnd(52) + 'raw'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10));
    for (const a of v.bytes.assets) console.log(`  ${a.name}`.padEnd(52) + kb(a.raw).padStart(10) + kb(a.gzip).padStart(10) + kb(a.brotli).padStart(10));
    console.log('  first view, total'.padEnd(52) + kb(v.bytes.total.raw).padStart(10) + kb(v.bytes.total.gzip).padStart(10) + kb(v.bytes.total.brotli).padStart(10));
    console.log('  floor (HTML only)'.padEnd(52) + kb(v.bytes.floor.raw).padStart(10) + kb(v.bytes.floor.gzip).padStart(10) + kb(v.bytes.floor.brotli).padStart(10));
    const t = v.bytes.total;
    const f = v.bytes.floor;
    console.log('  ratio, app / floor'.padEnd(52) + ratio(t.raw, f.raw).padStart(10) + ratio(t.gzip, f.gzip).padStart(10) + ratio(t.brotli, f.brotli).padStart(10));
    // Targets of the islands issue: the whole first view, the wasm, the HTML with its CSS.
    const wasm = v.bytes.assets.find((a) => a.name.endsWith('.wasm'));
    const target = (label, bytes, limit) =>
      console.log(`  ${label} against its ${limit} KB target`.padEnd(52) + `${kb(bytes)} brotli, ${ratio(bytes, limit * 1024)} the target${bytes <= limit * 1024 ? ' (met)' : ' (MISSED)'}`);
    target('first view', t.brotli, 60);
    target('wasm', wasm.brotli, 40);
    target('HTML with its CSS', v.bytes.assets[0].brotli, 20);
    const sw = (x) => `${ms(x.median)} (script ${ms(x.split.script)}, style ${ms(x.split.style)}, layout ${ms(x.split.layout)})`;
    const rows = [
      ['first contentful paint', ms(v.app.fcp), ms(v.floor.fcp), ratio(v.app.fcp, v.floor.fcp)],
      ['largest contentful paint', ms(v.app.lcp), ms(v.floor.lcp), ratio(v.app.lcp, v.floor.lcp)],
      ['cumulative layout shift (worst load)', v.app.cls.toFixed(3), v.floor.cls.toFixed(3), ''],
      ['interactive (the switch responds)', ms(v.app.interactive), '—', ''],
      ['interactive / first contentful paint (target 1.2×)', ratio(v.app.interactive, v.app.fcp), '—', ''],
      ['switch click → next paint, unthrottled', ms(v.app.switchUnthrottled.median), ms(v.app.switchFloorUnthrottled.median), ratio(v.app.switchUnthrottled.median, v.app.switchFloorUnthrottled.median)],
      [`switch click → next paint, ${THROTTLE}× throttled`, ms(v.app.switchThrottled.median), ms(v.app.switchFloorThrottled.median), ratio(v.app.switchThrottled.median, v.app.switchFloorThrottled.median)],
      ['JS heap after start', mib(v.app.jsHeap), mib(v.floor.jsHeap), ratio(v.app.jsHeap, v.floor.jsHeap)],
      ['wasm linear memory after start', mib(v.app.wasmMemory), '—', ''],
    ];
    console.log('  ' + 'measure'.padEnd(52) + 'app'.padStart(12) + 'floor'.padStart(12) + 'ratio'.padStart(9));
    for (const [label, a, f, r] of rows) console.log('  ' + label.padEnd(52) + a.padStart(12) + f.padStart(12) + r.padStart(9));
    console.log(`  switch time per toggle at ${THROTTLE}×, app: ${sw(v.app.switchThrottled)}; floor: ${sw(v.app.switchFloorThrottled)}`);
    console.log('');
  }
  if (results.season) {
    const { single, many } = results.season;
    console.log('a report in a site of many (EE_REPORTS) beside its one-report site');
    console.log('  ' + 'measure'.padEnd(52) + many.path.padStart(28) + single.path.padStart(12) + 'ratio'.padStart(9));
    const rows = [
      ['first view, brotli', kb(many.bytes.brotli), kb(single.bytes.brotli), ratio(many.bytes.brotli, single.bytes.brotli)],
      ['first contentful paint', ms(many.fcp), ms(single.fcp), ratio(many.fcp, single.fcp)],
      ['largest contentful paint', ms(many.lcp), ms(single.lcp), ratio(many.lcp, single.lcp)],
      ['interactive (the switch responds)', ms(many.interactive), ms(single.interactive), ratio(many.interactive, single.interactive)],
      ['cumulative layout shift (worst load)', many.cls.toFixed(3), single.cls.toFixed(3), ''],
    ];
    for (const [label, a, b, r] of rows) console.log('  ' + label.padEnd(52) + a.padStart(28) + b.padStart(12) + r.padStart(9));
    console.log('');
  }
  if (results.wasmByPart) {
    const w = results.wasmByPart;
    const total = w.total;
    console.log(`wasm by part (before wasm-bindgen and wasm-opt; shipped ${kb(w.shipped)}, ${kb(w.shippedBrotli)} brotli)`);
    for (const [name, bytes] of Object.entries(w.crates).slice(0, 8)) console.log(`  ${name.padEnd(40)} ${kb(bytes).padStart(10)} ${((100 * bytes) / total).toFixed(1).padStart(6)} %`);
    console.log('');
  }
  console.log('Written to bench/results.json');
}

await main();

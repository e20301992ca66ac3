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

/** The floor: the same pages with every script and script preload removed. */
async function makeFloor(dir) {
  await rm(dir, { recursive: true, force: true });
  await cp(dist, dir, { recursive: true });
  for (const path of Object.values(VIEWS)) {
    const file = join(dir, path, 'index.html');
    const html = (await readFile(file, 'utf8'))
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    await writeFile(file, html);
  }
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
    // (only in probing loads: the clicks would change what paints).
    if (window.__probe) document.addEventListener('DOMContentLoaded', () => {
      const start = location.pathname;
      const poll = setInterval(() => {
        const radio = [...document.querySelectorAll('input[name=basis]')].find((r) => !r.checked);
        if (location.pathname !== start) {
          m.interactive = performance.now();
          clearInterval(poll);
        } else if (radio) radio.click();
      }, 5);
    });
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

/** Median click → next paint of the basis switch over repeated toggles. */
async function toggles(browser, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('input[name=basis]') && window.wasmBindings);
  await page.waitForTimeout(300);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
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
  await context.close();
  return median(times);
}

async function main() {
  const floorDir = join(root, 'target', 'bench-floor');
  await makeFloor(floorDir);
  const app = await serve(dist);
  const floor = await serve(floorDir);
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
    const rows = [
      ['first contentful paint', ms(v.app.fcp), ms(v.floor.fcp), ratio(v.app.fcp, v.floor.fcp)],
      ['largest contentful paint', ms(v.app.lcp), ms(v.floor.lcp), ratio(v.app.lcp, v.floor.lcp)],
      ['cumulative layout shift (worst load)', v.app.cls.toFixed(3), v.floor.cls.toFixed(3), ''],
      ['interactive (the switch responds)', ms(v.app.interactive), '—', ''],
      ['switch click → next paint, unthrottled', ms(v.app.switchUnthrottled), '—', ''],
      [`switch click → next paint, ${THROTTLE}× throttled`, ms(v.app.switchThrottled), '—', ''],
      ['JS heap after start', mib(v.app.jsHeap), mib(v.floor.jsHeap), ratio(v.app.jsHeap, v.floor.jsHeap)],
      ['wasm linear memory after start', mib(v.app.wasmMemory), '—', ''],
    ];
    console.log('  ' + 'measure'.padEnd(44) + 'app'.padStart(12) + 'floor'.padStart(12) + 'ratio'.padStart(9));
    for (const [label, a, f, r] of rows) console.log('  ' + label.padEnd(44) + a.padStart(12) + f.padStart(12) + r.padStart(9));
    console.log('');
  }
  console.log('Written to bench/results.json');
}

await main();

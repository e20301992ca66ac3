// Shared set-up for the end-to-end tests: a static server for dist/ on a free
// localhost port, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` (default dist/) on 127.0.0.1; unknown paths get index.html. */
export async function serve(dir = join(root, 'dist')) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      file = join(dir, 'index.html');
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * A host on its own origin for embedding tests: `host.put(path, html)` sets
 * what a path serves.
 */
export async function host() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url, 'http://x').pathname);
    if (html === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    put: (path, html) => pages.set(path, html),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Headless Chromium as installed by scripts/setup.sh. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * For a test file: serves dist/ and starts Chromium before its tests, and
 * closes both after them. Returns `{ url, browser }`, filled in by then.
 */
export function appUnderTest() {
  const t = {};
  let server;
  before(async () => {
    server = await serve();
    t.url = server.url;
    t.browser = await launch();
  });
  after(async () => {
    await t.browser?.close();
    await server?.close();
  });
  return t;
}

/**
 * Opens `path` of the served app and waits until the app has rendered.
 * Fails the test on any console error or page error.
 */
export async function open(browser, base, path = '', options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(new URL(path, base).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

export const axeSource = () => readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns its violations, summarised. */
export async function axe(page) {
  await page.addScriptTag({ content: await axeSource() });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}

// Shared set-up for the end-to-end tests: dist/ served by Debian's nginx with
// the shipped config (deploy/nginx/) on a free localhost port, and Debian's
// Chromium driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { access, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const NGINX = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A port nothing listens on right now (the OS picks it; we let it go). */
async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Whether the port accepts connections before `child` exits or `timeout` ms pass. */
async function listening(port, child, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end && child.exitCode === null && child.signalCode === null) {
    const connected = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (connected) return true;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return false;
}

/** A path as an nginx string; nginx would read `$` as a variable, so refuse it and quotes. */
const quote = (s) => {
  if (/["\\$]/.test(s)) throw new Error(`nginx cannot be given this path: ${s}`);
  return `"${s}"`;
};
// nginx ends with the test process, however it ends: when it exits, and
// (through setpriv's parent-death signal, where util-linux has it) when it is
// killed outright.
const SETPRIV = existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'TERM', '--'] : [];
const children = new Map();
process.on('exit', () => {
  for (const [child, tmp] of children) {
    child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
});

/**
 * Serves `dir` (default dist/) on 127.0.0.1 with Debian's nginx and the
 * shipped deploy/nginx/earnings-explorer.conf, as its own process (no system
 * service, no root needed). Unknown paths get 404.html with status 404.
 * `rewrite: true` serves the same config except that unknown paths get
 * index.html with 200, as Netlify or Vercel rewrites and `trunk serve` do.
 * Also `serve(dir, { rewrite })`. Returns `{ url, close }`.
 */
export async function serve(a, b) {
  const { dir = join(root, 'dist'), rewrite = false } = typeof a === 'string' ? { ...b, dir: a } : (a ?? {});
  const dist = resolve(dir);
  for (const file of ['index.html', '404.html', '_deploy/nginx-csp-page.conf', '_deploy/nginx-csp-embed.conf']) {
    await access(join(dist, file)).catch(() => {
      throw new Error(`${join(dist, file)} is missing: build first (trunk build --release --offline)`);
    });
  }
  await access(BROTLI_MODULE).catch(() => {
    throw new Error(`${BROTLI_MODULE} is missing: run scripts/setup.sh --browser (libnginx-mod-http-brotli-static)`);
  });

  const tmp = await mkdtemp(join(tmpdir(), 'ee-nginx-'));
  try {
    // The layout deploy/nginx/earnings-explorer.conf expects beside nginx.conf.
    const own = join(tmp, 'earnings-explorer');
    await mkdir(own);
    let snippet = await readFile(join(root, 'deploy/nginx/earnings-explorer.conf'), 'utf8');
    if (rewrite) {
      // The same recipe, but a path with no file answers /index.html with 200.
      const plain = snippet;
      snippet = snippet.replaceAll('try_files $uri $uri/index.html =404;', 'try_files $uri $uri/index.html /index.html;');
      if (snippet === plain) throw new Error('deploy/nginx/earnings-explorer.conf: no try_files line to rewrite');
    }
    await writeFile(join(own, 'earnings-explorer.conf'), snippet);
    await writeFile(join(own, 'security-headers.conf'), await readFile(join(root, 'deploy/nginx/security-headers.conf')));
    await symlink(join(dist, '_deploy'), join(own, '_deploy'));

    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const conf = join(tmp, 'nginx.conf');
      const t = (name) => quote(join(tmp, name));
      await writeFile(
        conf,
        `# Written by end2end/support.mjs for one test server: the shipped recipe,
# included as deploy/README.md says, in a server of its own. One process
# (no master and workers), running as whoever runs the tests, in the
# foreground, with every file it writes in this folder.
daemon off;
master_process off;
pid ${t('nginx.pid')};
error_log ${t('error.log')} warn;
load_module ${quote(BROTLI_MODULE)};
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${t('access.log')};
  client_body_temp_path ${t('client_body')};
  proxy_temp_path ${t('proxy')};
  fastcgi_temp_path ${t('fastcgi')};
  uwsgi_temp_path ${t('uwsgi')};
  scgi_temp_path ${t('scgi')};
  server {
    listen 127.0.0.1:${port};
    root ${quote(dist)};
    include earnings-explorer/earnings-explorer.conf;
  }
}
`,
      );
      const args = ['-e', 'stderr', '-p', tmp, '-c', conf];
      const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
      if (check.error) throw new Error(`${NGINX}: ${check.error.message} (scripts/setup.sh --browser installs nginx)`);
      if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);

      const [command, ...prefix] = [...SETPRIV, NGINX];
      const child = spawn(command, [...prefix, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      children.set(child, tmp);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
      child.once('error', (e) => (stderr += `${e.message}\n`));
      const exited = new Promise((ok) => child.once('close', ok));
      if (await listening(port, child)) {
        return {
          url: `http://127.0.0.1:${port}/`,
          pid: child.pid,
          close: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.kill('SIGTERM');
              const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
              await exited;
              clearTimeout(timer);
            }
            children.delete(child);
            await rm(tmp, { recursive: true, force: true });
          },
        };
      }
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
      const log = await readFile(join(tmp, 'error.log'), 'utf8').catch(() => '');
      // Another process took the port between our check and nginx's bind: try another.
      if (attempt < 5 && /Address already in use/.test(stderr + log)) continue;
      throw new Error(`nginx did not start on port ${port}:\n${stderr}${log}`);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * A host on its own origin for embedding tests: `host.put(path, html)` sets
 * what a path serves.
 */
export async function host() {
  const pages = new Map();
  const server = createHttpServer((req, res) => {
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

/**
 * The origin the build names its pages at (`EE_PUBLIC_URL`, read from the
 * served page's canonical link), ending in `/`; a test server stands for it.
 */
export async function publicOrigin(app) {
  const html = await (await fetch(app.url)).text();
  return new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)[1]).origin + '/';
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
 * `rewrite: true` serves it as a host that rewrites unknown paths to index.html.
 */
export function appUnderTest({ rewrite = false } = {}) {
  const t = {};
  let server;
  before(async () => {
    server = await serve({ rewrite });
    t.url = server.url;
    t.browser = await launch();
  });
  after(async () => {
    await t.browser?.close();
    await server?.close();
  });
  return t;
}

const watched = new WeakMap();

/**
 * Records every Content-Security-Policy violation in a page or a browser
 * context (all its pages and frames, embeds included), from the next
 * navigation on: call it before `goto`. Returns the live list of
 * `{ directive, blocked, sample, url }`; each frame also keeps its own in
 * `window.__cspViolations`. `onViolation(violation, page)` is called for
 * each. (Playwright's init script and binding are not subject to the policy.)
 */
export async function cspViolations(target, { onViolation } = {}) {
  const context = typeof target.context === 'function' ? target.context() : target;
  if (watched.has(context)) {
    const entry = watched.get(context);
    if (onViolation) entry.callbacks.push(onViolation);
    return entry.list;
  }
  const entry = { list: [], callbacks: onViolation ? [onViolation] : [] };
  watched.set(context, entry);
  await context.exposeBinding('__eeCspViolation', ({ page, frame }, v) => {
    const violation = { ...v, url: frame.url() };
    entry.list.push(violation);
    for (const callback of entry.callbacks) callback(violation, page);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = { directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample };
      window.__cspViolations.push(v);
      window.__eeCspViolation?.(v);
    });
  });
  return entry.list;
}

/**
 * Opens `path` of the served app and waits until the app has rendered.
 * Fails the test (through `page.errors`) on any console error, page error
 * or Content-Security-Policy violation; `page.cspViolations` lists the last.
 */
export async function open(browser, base, path = '', options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.cspViolations = await cspViolations(context, {
    onViolation: (v, from) =>
      (from ?? page).errors?.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} in ${v.url} ${v.sample}`),
  });
  await page.goto(new URL(path, base).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

export const axeSource = () => readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page; returns its violations, summarised. It is
 * evaluated through the DevTools protocol: a <script> tag would break the
 * page's content security policy.
 */
export async function axe(page) {
  await page.evaluate(`${await axeSource()}\n;undefined`);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}

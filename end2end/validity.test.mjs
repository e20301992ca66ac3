// Every page of the build is valid HTML, as the Nu Html Checker (the engine
// of the W3C validator, npm vnu-jar, run by Debian's Java) reads it. The only
// messages let through are its notes on CSS properties newer than itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
/** CSS properties the browsers have and the checker does not know yet. */
const NEWER_CSS = /^CSS: “(position-area|position-try-fallbacks|position-anchor|anchor-name)”: Property “[a-z-]+” doesn't exist\.$/;

test('the Nu Html Checker finds no error on any page of the build', () => {
  const run = spawnSync(
    'java',
    ['-jar', join(root, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--format', 'json', '--errors-only', '--skip-non-html', join(root, 'dist')],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  assert.equal(run.error, undefined, `java could not run: ${run.error} (scripts/setup.sh --browser installs default-jre-headless)`);
  const { messages } = JSON.parse(run.stderr || run.stdout);
  const pages = new Set(messages.map((m) => m.url));
  const errors = messages.filter((m) => m.type === 'error' && !NEWER_CSS.test(m.message));
  const summary = errors.slice(0, 20).map((m) => `${m.url.replace(/^.*\/dist\//, '')}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(summary, [], `${errors.length} errors on ${pages.size} pages`);
});

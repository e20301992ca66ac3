// The Nu Html Checker (the engine of the W3C validator, npm vnu-jar, run by
// Debian's Java) over every page of a built site. Shared by the validity test
// (dist/) and the site of many reports (target/season-dist/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
/** CSS properties the browsers have and the checker does not know yet. */
const NEWER_CSS = /^CSS: “(position-area|position-try-fallbacks|position-anchor|anchor-name)”: Property “[a-z-]+” doesn't exist\.$/;

/**
 * The checker's errors on the pages under `dir`, as `path:line: message`
 * (the first 20), apart from its notes on CSS properties newer than itself;
 * and how many pages it had something to say about.
 */
export function htmlErrors(dir) {
  const run = spawnSync(
    'java',
    ['-jar', join(root, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--format', 'json', '--errors-only', '--skip-non-html', dir],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  assert.equal(run.error, undefined, `java could not run: ${run.error} (scripts/setup.sh --browser installs default-jre-headless)`);
  const { messages } = JSON.parse(run.stderr || run.stdout);
  const errors = messages.filter((m) => m.type === 'error' && !NEWER_CSS.test(m.message));
  return {
    count: errors.length,
    pages: new Set(messages.map((m) => m.url)).size,
    first: errors.slice(0, 20).map((m) => `${relative(dir, fileURLToPath(m.url))}:${m.lastLine}: ${m.message}`),
  };
}

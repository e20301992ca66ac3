// A season the build must refuse (`EE_REPORTS`): two files with one report id, a folder with no
// dataset, a file that fails validation. The real build (`trunk build`) stops, names each file and
// its problem, and leaves nothing in the output folder, not even a half-made one. Run last by
// scripts/test.sh: each build fails in Trunk's first hook (scripts/hook.sh check), in seconds, before compiling the app.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const work = join(root, 'target/refused');
const dist = join(work, 'dist');
const Q3 = join(root, 'tests/fixtures/acme-q3-2025.json');
const Q4 = join(root, 'tests/fixtures/acme-q4-2025.json');

/**
 * Builds the release of the season in `folder` (a path from the project's folder) into `dist`;
 * or, given `{ dataset }`, the site of that one file (EE_DATASET).
 */
function build(folder) {
  const setting = typeof folder === 'string' ? { EE_REPORTS: folder } : { EE_DATASET: folder.dataset };
  const run = spawnSync('trunk', ['build', '--offline', '--release', '--dist', dist], {
    cwd: root,
    env: { ...process.env, ...setting },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Every file and folder left under `dir` (Trunk's staging folder too), if it exists. */
async function left(dir) {
  return existsSync(dir) ? readdir(dir, { recursive: true }) : [];
}

before(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
});

describe('the build refuses a bad season and names each file', () => {
  test('two files with the same report id', async () => {
    const folder = join(work, 'twice');
    await mkdir(folder);
    await cp(Q3, join(folder, 'acme.json'));
    await cp(Q3, join(folder, 'acme-copy.json'));
    await cp(Q4, join(folder, 'acme-next.json'));
    const { status, output } = build('target/refused/twice');
    assert.notEqual(status, 0, output);
    assert.match(output, /target\/refused\/twice\/acme\.json: its report id 'acme-robotics-q3-2025' \(Acme Robotics Q3 2025\) is also target\/refused\/twice\/acme-copy\.json's/);
    // The good file is not named.
    assert.doesNotMatch(output, /acme-next\.json:/);
    assert.deepEqual(await left(dist), []);
  });

  test('a folder with no dataset', async () => {
    const folder = join(work, 'empty');
    await mkdir(folder);
    await writeFile(join(folder, 'README.txt'), 'The reports go here.\n');
    const { status, output } = build('target/refused/empty');
    assert.notEqual(status, 0, output);
    assert.match(output, /the reports in target\/refused\/empty \(EE_REPORTS\) cannot be built/);
    assert.match(output, /the folder holds no dataset \(\*\.json\)/);
    assert.deepEqual(await left(dist), []);
  });

  test('a folder that does not exist', async () => {
    const { status, output } = build('target/refused/no-such-folder');
    assert.notEqual(status, 0, output);
    assert.match(output, /cannot read target\/refused\/no-such-folder \(EE_REPORTS\)/);
    assert.deepEqual(await left(dist), []);
  });

  test('files that fail validation, each problem with its line and column', async () => {
    const folder = join(work, 'invalid');
    await mkdir(folder);
    await cp(Q4, join(folder, 'acme-q4.json'));
    const doc = JSON.parse(await readFile(Q3, 'utf8'));
    doc.cards[0].value.figure = 'no-such-figure';
    await writeFile(join(folder, 'acme-q3.json'), JSON.stringify(doc, null, 2));
    await writeFile(join(folder, 'acme-q2.json'), JSON.stringify({ ...JSON.parse(await readFile(Q3, 'utf8')), released: 'soon' }, null, 2));
    const { status, output } = build('target/refused/invalid');
    assert.notEqual(status, 0, output);
    assert.match(output, /target\/refused\/invalid\/acme-q3\.json:\d+:\d+: cards\[0\]\.value\.figure: .*no-such-figure/);
    assert.match(output, /target\/refused\/invalid\/acme-q2\.json:\d+:\d+: released: 'soon' is not a date/);
    assert.doesNotMatch(output, /acme-q4\.json:/);
    assert.deepEqual(await left(dist), []);
  });

  test('a one-report site (EE_DATASET) whose file fails validation', async () => {
    const doc = JSON.parse(await readFile(Q3, 'utf8'));
    delete doc.company.ticker;
    await writeFile(join(work, 'no-ticker.json'), JSON.stringify(doc, null, 2));
    const { status, output } = build({ dataset: 'target/refused/no-ticker.json' });
    assert.notEqual(status, 0, output);
    assert.match(output, /target\/refused\/no-ticker\.json:\d+:\d+: company/);
    assert.deepEqual(await left(dist), []);
  });

  test('an output folder with an earlier build keeps it whole', async () => {
    // A good site first (a copy of the three-report site), then a bad build into it.
    const built = join(root, 'target/season-dist');
    assert.ok(existsSync(join(built, 'index.html')), 'scripts/test.sh builds target/season-dist first');
    await cp(built, dist, { recursive: true });
    const before = (await left(dist)).sort();
    const index = await readFile(join(dist, 'index.html'), 'utf8');
    const { status } = build('target/refused/twice');
    assert.notEqual(status, 0);
    assert.deepEqual((await left(dist)).sort(), before);
    assert.equal(await readFile(join(dist, 'index.html'), 'utf8'), index);
    await rm(dist, { recursive: true, force: true });
  });
});

// Every page of the build is valid HTML, as the Nu Html Checker (the engine
// of the W3C validator, npm vnu-jar, run by Debian's Java) reads it. The only
// messages let through are its notes on CSS properties newer than itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlErrors } from './nu-checker.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');

test('the Nu Html Checker finds no error on any page of the build', () => {
  const { count, pages, first } = htmlErrors(join(root, 'dist'));
  assert.deepEqual(first, [], `${count} errors on ${pages} pages`);
});

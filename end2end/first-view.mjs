// What the browser downloads for the first view of a page in dist/: the HTML
// (with its inlined CSS), the wasm-bindgen glue and the wasm. Shared by the
// budget test and the benchmark.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** The assets of the page at `dist/<path>index.html`, each with its sizes. */
export async function firstView(dist, path = '') {
  const html = await readFile(join(dist, path, 'index.html'));
  const text = html.toString();
  const js = text.match(/import\("\/([^"]+\.js)"\)/)?.[1];
  const wasm = text.match(/fetch\("\/([^"]+\.wasm)"/)?.[1];
  if (!js || !wasm) throw new Error(`dist/${path}index.html does not load the app`);
  const assets = [{ name: `${path}index.html`, ...sizes(html) }];
  for (const file of [js, wasm]) assets.push({ name: file, ...sizes(await readFile(join(dist, file))) });
  const total = assets.reduce(
    (t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip, brotli: t.brotli + a.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { assets, total };
}

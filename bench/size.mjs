// The wasm's weight by part: by crate, and by the project's own modules.
// Reads twiggy's item list of the release wasm *before* wasm-opt (which
// strips the names; its shares carry over), and the shipped wasm in dist/.
// Usage: node bench/size.mjs [twiggy csv file]   (scripts/size.sh runs it)
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { reportTexts, textsIn } from '../end2end/report-texts.mjs';

/** Parses twiggy's CSV (quoted fields with "" escapes). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') fields.push(field), (field = '');
      else field += c;
    }
    fields.push(field);
    rows.push({ name: fields[0], bytes: Number(fields[1]) });
  }
  return rows;
}

/** The crate an item belongs to, from its demangled name. */
function crateOf(name) {
  // Names (stripped by wasm-opt) and type descriptors (removed by wasm-bindgen).
  if (/^custom section|subsection$|^"?function names|__wbindgen_describe|WasmDescribe(Vector)?>::describe|wasm_bindgen::describe::/.test(name)) return null;
  if (/^data segment/.test(name)) return '(data: strings and constants)';
  if (/^(elem|type|import|export|table|memory|global|code)\b|^__wbindgen|^__wbg|^__externref|^intounderlying/.test(name)) return 'wasm-bindgen (glue, imports)';
  if (/^__(fix|float|div|mul|mod|udiv|umod|ashl|lshr)/.test(name)) return 'compiler builtins';
  let n = name.replace(/^[<&\s]+/, '').replace(/^(impl|dyn|mut|const)\s+/, '').replace(/^[<&\s]+/, '');
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  if (!m) return '(other)';
  const first = m[1];
  if (['str', 'u8', 'usize', 'i32', 'u32', 'i64', 'u64', 'f64', 'bool', 'char', 'T', 'A', 'F'].includes(first)) return 'core/alloc/std';
  if (['core', 'alloc', 'std'].includes(first)) return 'core/alloc/std';
  return first;
}

/** The project's own module an item belongs to (two levels), or null. */
function moduleOf(name) {
  const m = name.match(/earnings_explorer::([a-z_]+)(?:::([a-z_]+))?/);
  if (!m) return null;
  return m[2] && !/^[A-Z]/.test(m[2]) ? `${m[1]}::${m[2]}` : m[1];
}

async function stdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
const csv = process.argv[2] ? await readFile(process.argv[2], 'utf8') : await stdin();
const rows = parseCsv(csv);
const byCrate = new Map();
const byModule = new Map();
let total = 0;
for (const { name, bytes } of rows) {
  const crate = crateOf(name);
  if (crate === null) continue;
  total += bytes;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + bytes);
  const mod = moduleOf(name);
  if (mod && crate === 'earnings_explorer') byModule.set(mod, (byModule.get(mod) ?? 0) + bytes);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
const table = (title, map, limit) => {
  const sorted = [...map].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, limit);
  const rest = sorted.slice(limit).reduce((t, [, b]) => t + b, 0);
  console.log(`\n${title}`);
  for (const [k, b] of shown) console.log(`  ${k.padEnd(44)} ${kb(b).padStart(10)}  ${pct(b).padStart(7)}`);
  if (rest) console.log(`  ${`(${sorted.length - limit} more)`.padEnd(44)} ${kb(rest).padStart(10)}  ${pct(rest).padStart(7)}`);
  return Object.fromEntries(sorted.map(([k, b]) => [k, b]));
};

const dist = new URL('../dist/', import.meta.url);
const wasmFile = (await readdir(dist)).find((f) => f.endsWith('_bg.wasm'));
const shipped = wasmFile ? await readFile(new URL(wasmFile, dist)) : null;
const br = shipped ? brotliCompressSync(shipped, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0;
console.log(`wasm before wasm-bindgen and wasm-opt, code and data: ${kb(total)}`);
if (shipped) console.log(`wasm shipped (dist/${wasmFile}): ${kb(shipped.length)}, ${kb(br)} brotli`);
if (shipped) {
  // The islands read what they need from the page: the report's texts stay out.
  const dataset = process.env.EE_DATASET || 'data/cerebras-q1-2026.json';
  const found = textsIn(shipped, await reportTexts(new URL(`../${dataset}`, import.meta.url)));
  console.log(`texts of ${dataset} in the wasm: ${found.length ? found.map((t) => JSON.stringify(t.slice(0, 60))).join(', ') : 'none'}`);
}
const crates = table('By crate (before wasm-opt; shares carry over)', byCrate, 16);
const modules = table('The project\'s own modules', byModule, 20);
if (process.env.SIZE_JSON) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.env.SIZE_JSON, JSON.stringify({ total, shipped: shipped?.length, shippedBrotli: br, crates, modules }, null, 2));
}

// Which of a dataset's texts a wasm carries. The islands read what they need
// from the page, so the wasm should carry none; shared by the budget test and
// scripts/size.sh.
import { readFile } from 'node:fs/promises';

/** The shortest text, and the run of a longer one, that is looked for. */
const RUN = 32;

/** Every string of the dataset at least `min` characters long. */
export async function reportTexts(datasetFile, min = RUN) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      if (v.length >= min) out.add(v);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(await readFile(datasetFile, 'utf8')));
  return [...out];
}

/**
 * The texts found in the wasm's bytes, whole or by a run of RUN characters
 * (shorter runs meet the library's own messages by chance).
 */
export function textsIn(wasm, texts) {
  return texts.filter((text) => {
    const runs = [];
    for (let i = 0; i + RUN <= text.length; i += RUN) runs.push(text.slice(i, i + RUN));
    return runs.some((run) => wasm.includes(Buffer.from(run, 'utf8')));
  });
}

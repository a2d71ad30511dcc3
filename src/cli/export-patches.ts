// `review --export DIR`: writes each variant that has a carrying message as a patch file (see
// report/render-patch.ts). The folder is made when missing; files of the same name are replaced.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Review } from '../replay/types.js';
import type { Carrier } from '../report/carriers.js';
import { InputError } from '../util/errors.js';

export async function exportPatches(r: Review, carriers: ReadonlyMap<string, Carrier>, dir: string): Promise<string[]> {
  const { renderPatch } = await import('../report/render-patch.js');
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new InputError(dir, `cannot make the export folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const written: string[] = [];
  let n = 0;
  for (const v of r.variants) {
    const c = carriers.get(v.label);
    if (!c) continue;
    const p = renderPatch(v, c, ++n);
    const path = join(dir, p.name);
    await writeFile(path, p.text);
    written.push(path);
  }
  return written;
}

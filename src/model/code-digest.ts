// A digest of the code that turns model sources into outlines and runs: every module of
// src/model (lib/model when built; the model imports nothing outside it) and the two wasm files
// of the C parser. What is kept on disk (outlines, baseline runs) is named by it, so another
// build never reads what an older one wrote.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateWasm } from './interp/ts-parser.js';

let digest: string | null | undefined;

/** The digest, or null where the model's modules are not files beside this one (a bundle). */
export function modelCodeDigest(): string | null {
  if (digest !== undefined) return digest;
  try {
    const h = createHash('sha256');
    const root = fileURLToPath(new URL('./', import.meta.url));
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(js|ts|c|h|patch|json)$/.test(e.name)) h.update(p.slice(root.length)).update('\0').update(readFileSync(p)).update('\0');
      }
    };
    walk(join(root, 'interp'));
    walk(join(root, 'kernel'));
    walk(join(root, 'scenario'));
    walk(join(root, 'source'));
    h.update(readFileSync(fileURLToPath(import.meta.url)));
    const { runtime, grammar } = locateWasm();
    h.update(readFileSync(runtime)).update(readFileSync(grammar));
    digest = h.digest('hex');
  } catch {
    digest = null;
  }
  return digest;
}

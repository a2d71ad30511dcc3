#!/usr/bin/env node
// Writes the JSON Schemas of the review and outcome documents from the TypeScript types that
// shape them, so the schema and the output cannot drift apart: test/report/schemas.test.ts
// checks the committed files are what this makes, and validates real output against them.
// schemas/thread.schema.json is written by hand (its document is assembled from several types).
//
//   node scripts/schemas.mjs   (npm run schemas) after changing a type of either document
import { createGenerator } from 'ts-json-schema-generator';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const DOCUMENTS = [
  {
    file: 'schemas/review.schema.json',
    path: 'src/report/render-json.ts',
    type: 'ReviewDocument',
    title: 'lkml-replay review --format json',
    description:
      'The document printed by `lkml-replay review --format json` (format "lkml-replay/review@3"; src/report/render-json.ts, shapes in src/replay/types.ts, src/replay/cause-types.ts and src/map/types.ts; docs/json.md). Made from those types by scripts/schemas.mjs. Objects are closed.',
  },
  {
    file: 'schemas/outcomes.schema.json',
    path: 'src/report/outcomes-json.ts',
    type: 'OutcomesDocument',
    title: 'lkml-replay scenarios --format json',
    description:
      'The document printed by `lkml-replay scenarios --format json`: one outcome per scenario run, with `explored` under --explore (src/report/outcomes-json.ts, shapes in src/model/scenario/types.ts and src/replay/types.ts; docs/json.md). Made from those types by scripts/schemas.mjs. Objects are closed.',
  },
];

/** Each schema file's path (relative to the repository) and its text. */
export function makeSchemas() {
  return DOCUMENTS.map((d) => {
    const made = createGenerator({ path: join(ROOT, d.path), tsconfig: join(ROOT, 'tsconfig.json'), type: d.type, skipTypeCheck: true }).createSchema(d.type);
    const { $schema, ...rest } = made;
    const schema = { $schema, $id: `https://github.com/lkml-replay/lkml-replay/${d.file}`, title: d.title, description: d.description, ...rest };
    return { file: d.file, text: JSON.stringify(schema, null, 2) + '\n' };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const s of makeSchemas()) writeFileSync(join(ROOT, s.file), s.text);
}

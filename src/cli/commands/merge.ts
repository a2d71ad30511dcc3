// `lkml-replay merge share-*.json`: the shares of `review --shard i/n --format json` joined into
// the review one run makes (byte for byte), written in any review format.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../../util/errors.js';

const FORMATS = ['json', 'text', 'markdown'];

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join the shares of a sharded review (review --shard i/n --format json) into one review')
    .argument('<shares...>', 'the JSON files of every share')
    .option('--format <format>', 'json, text or markdown', 'json')
    .action(async (files: string[], opts: { format: string }) => {
      if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be json, text or markdown, not "${opts.format}"`);
      const [{ mergeShards, MergeError }, { REVIEW_FORMAT }] = await Promise.all([import('../../replay/merge-shards.js'), import('../../report/render-json.js')]);
      const shares = [];
      for (const f of files) {
        let doc: { format?: unknown } & Record<string, unknown>;
        try {
          doc = JSON.parse(await readFile(f, 'utf8')) as typeof doc;
        } catch (err) {
          throw new InputError(f, err instanceof SyntaxError ? `not JSON (${err.message})` : (err as Error).message);
        }
        if (doc.format !== REVIEW_FORMAT) throw new InputError(f, `not a ${REVIEW_FORMAT} document`);
        const { format: _format, notice: _notice, ...review } = doc;
        shares.push(review as unknown as import('../../replay/types.js').Review);
      }
      let merged;
      try {
        merged = mergeShards(shares);
      } catch (err) {
        if (err instanceof MergeError) throw new UsageError(err.message);
        throw err;
      }
      if (opts.format === 'json') return void process.stdout.write((await import('../../report/render-json.js')).renderJson(merged));
      if (opts.format === 'markdown') return void process.stdout.write((await import('../../report/render-markdown.js')).renderMarkdown(merged));
      process.stdout.write((await import('../../report/render-text.js')).renderText(merged, { width: 100 }));
    });
}

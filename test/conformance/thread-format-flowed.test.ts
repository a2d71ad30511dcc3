// git t4256: a Thunderbird format=flowed patch mail. Decoding must undo space stuffing and
// join soft-broken lines (mailparser does, behind decodeMessage) and leave the `-- ` signature
// alone; then the diff reads with no repair but the blank context lines Thunderbird emptied.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, path } from '../thread/corpus.js';
import { decodeMessage } from '../../src/thread/mime/decode-message.js';
import { parseThread } from '../../src/thread/parse-thread.js';

const t4256 = corpus('git-t4256-format-flowed');
const mail = () => path(t4256.dir, 'patch');

describe.skipIf(!t4256.present)(t4256.title('git t4256: format=flowed'), () => {
  it('undoes space stuffing and soft line breaks', async () => {
    const body = (await decodeMessage(readFileSync(mail()))).body.split('\n');
    expect(body).toContain('@@ -237,11 +237,22 @@ static int slurp_attr(const char *line, const char *name, struct strbuf *attr)');
    expect(body).toContain('+static int has_attr_value(const char *line, const char *name, const char *value)');
    expect(body).toContain(' \treturn 1;');
    expect(body.filter((l) => l.startsWith('  \t'))).toEqual([]);
    expect(body).toContain('-- ');
  });

  it('gives one mailinfo.c diff whose only repairs are the emptied blank context lines', async () => {
    const parse = await parseThread([mail()]);
    expect(parse.errors).toEqual([]);
    const [m] = parse.messages;
    expect(m!.from).toEqual({ name: 'A', email: 'author@example.com' });
    expect(m!.diffs).toHaveLength(1);
    const [d] = m!.diffs;
    expect(d!.origin).toBe('patch');
    expect(d!.files.map((f) => f.new)).toEqual(['mailinfo.c']);
    expect(d!.files[0]!.hunks).toHaveLength(4);
    expect(new Set(d!.repairs.map((r) => r.kind))).toEqual(new Set(['blank-context-restored']));
  });
});

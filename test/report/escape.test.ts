// Escaping of input-derived strings for the terminal and for markdown (src/report/escape.ts).
import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdLiteral, mdProse, visibleControls } from '../../src/report/escape.js';

describe('visibleControls', () => {
  it('writes C0 (tab and line feed included), DEL and C1 as \\xNN and leaves the rest', () => {
    expect(visibleControls('a\tb\nc\x1b[2J\x7f\x9b31m\x00')).toBe('a\\x09b\\x0ac\\x1b[2J\\x7f\\x9b31m\\x00');
    expect(visibleControls('Ünïcode ✓ 日本 \u00a0')).toBe('Ünïcode ✓ 日本 \u00a0');
  });
});

describe('markdown', () => {
  it('prose: no raw HTML or entities, controls visible', () => {
    expect(mdProse('<!-- x --> <img src=a> &amp; & \x1b')).toBe('&lt;!-- x --&gt; &lt;img src=a&gt; &amp;amp; & \\x1b');
  });

  it('literal input: emphasis, code spans, links and images show as typed', () => {
    expect(mdLiteral('*a* _b_ `c` ![i](u) [l](u) ~~s~~ \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` !\\[i\\](u) \\[l\\](u) \\~\\~s\\~\\~ \\\\');
  });

  it('code spans: the fence is longer than any backtick run inside', () => {
    expect(mdCode('plain.mbox')).toBe('`plain.mbox`');
    expect(mdCode('a`b``c')).toBe('```a`b``c```');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('a\nb')).toBe('`a\\x0ab`');
  });

  it('table cells: pipes escaped, line breaks gone', () => {
    expect(mdCell('a | b\nc')).toBe('a \\| b c');
  });
});

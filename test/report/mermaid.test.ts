// Sequence diagrams: text GitHub's Mermaid takes literally, repeats folded into loops, two runs
// trimmed to where they differ.
import { describe, expect, test } from 'vitest';
import { fold, type Interaction } from '../../src/replay/interactions.js';
import { mermaidText, sequenceDiagram } from '../../src/report/mermaid.js';
import { mermaidProblems } from './mermaid-check.js';

describe('mermaidText', () => {
  test('drops what Mermaid reads as markup and keeps the words', () => {
    expect(mermaidText('a;b#c:d<e>f{g}h%i"j`k')).toBe('a b c d e f g h i j k');
    expect(mermaidText('EXCLUSIVE owner nouveau (drm->dev) [0x7f0000000000, 0x7f0000001000)')).toBe('EXCLUSIVE owner nouveau (drm.dev) [0x7f0000000000, 0x7f0000001000)');
    expect(mermaidText('; # :')).toBe('-');
    expect(mermaidText('x'.repeat(300)).length).toBeLessThanOrEqual(140);
  });
});

describe('sequenceDiagram', () => {
  const steps: Interaction[] = [
    { t: 'msg', from: 'driver', to: 'mm', what: { kind: 'call', fn: 'make_device_exclusive_range' } },
    { t: 'msg', from: 'mm', to: 'notifier', what: { kind: 'notifier', event: 'CLEAR', owner: 'unset', start: '0x7f0000000000', end: '0x7f0000200000', issuer: '__split_huge_pmd; really: #1 <x>' } },
    { t: 'msg', from: 'notifier', to: 'driver', what: { kind: 'subscriber', name: 'nouveau_svm_range_invalidate', action: 'seq-bumped' } },
    { t: 'loop', times: 3, body: [{ t: 'note', over: 'mm', what: { kind: 'step', text: 'end' } }, { t: 'loop', times: 2, body: [{ t: 'msg', from: 'mm', to: 'mm', what: { kind: 'call', fn: 'loop' } }] }] },
    { t: 'note', over: 'scenario', what: { kind: 'end', verdict: 'deadlock', result: null, detail: 'main waits for page lock of pfn 0x1004 held by main (itself)' } },
  ];

  test('is valid in the checked subset, with only the participants used', () => {
    const d = sequenceDiagram(steps);
    expect(mermaidProblems(d)).toEqual([]);
    expect(d).toContain('  participant D as driver\n');
    expect(d).toContain('    loop 2 times\n');
    expect(d).toContain('  M->>N: CLEAR owner unset [0x7f0000000000, 0x7f0000200000) from __split_huge_pmd really 1 x\n');
    expect(d).toContain('  N->>D: nouveau_svm_range_invalidate seq bumped\n');
    expect(d).toContain('  Note over S: deadlock main waits for page lock of pfn 0x1004 held by main (itself)\n');
  });

  test('the checker is not a rubber stamp', () => {
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  S->>S: a; b\n')).toHaveLength(1);
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  S->>D: x\n')).toHaveLength(1);
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  loop 2 times\n  S->>S: x\n')).toHaveLength(1);
  });

  test('the other run\'s participants are declared too, so both diagrams line up', () => {
    const d = sequenceDiagram([{ t: 'note', over: 'scenario', what: { kind: 'step', text: 'x' } }], steps);
    expect(d.match(/participant/g)).toHaveLength(4);
  });
});

describe('fold', () => {
  test('a repeated block of steps becomes one loop; addresses may vary between rounds', () => {
    const round = (i: number): Interaction[] => [
      { t: 'msg', from: 'mm', to: 'notifier', what: { kind: 'notifier', event: 'EXCLUSIVE', owner: null, start: `0x7f000000${i}000`, end: `0x7f000000${i + 1}000`, issuer: 'make_device_exclusive_range' } },
      { t: 'msg', from: 'notifier', to: 'driver', what: { kind: 'subscriber', name: 'dmirror_interval_invalidate', action: 'seq-bumped' } },
    ];
    const note = (text: string): Interaction => ({ t: 'note', over: 'scenario', what: { kind: 'step', text } });
    const items = [note('start'), ...round(0), ...round(1), ...round(2), note('stop')];
    const f = fold(items);
    expect(f).toHaveLength(3);
    expect(f[1]).toEqual({ t: 'loop', times: 3, body: round(0) });
  });

  test('nothing repeats: nothing folds', () => {
    const items: Interaction[] = ['a', 'b', 'c'].map((text) => ({ t: 'note', over: 'mm', what: { kind: 'step', text } }));
    expect(fold(items)).toEqual(items);
  });
});

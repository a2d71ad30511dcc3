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
    { t: 'msg', from: 'driver', to: 'mm', text: 'make_device_exclusive_range' },
    { t: 'msg', from: 'mm', to: 'notifier', text: 'CLEAR owner unset [0x7f0000000000, 0x7f0000200000) from __split_huge_pmd; really: #1 <x>' },
    { t: 'msg', from: 'notifier', to: 'driver', text: 'nouveau_svm_range_invalidate: seq bumped' },
    { t: 'loop', times: 3, body: [{ t: 'note', over: 'mm', text: 'end' }, { t: 'loop', times: 2, body: [{ t: 'msg', from: 'mm', to: 'mm', text: 'loop' }] }] },
    { t: 'note', over: 'scenario', text: 'deadlock: main waits for page lock of pfn 0x1004 held by main (itself)' },
  ];

  test('is valid in the checked subset, with only the participants used', () => {
    const d = sequenceDiagram(steps);
    expect(mermaidProblems(d)).toEqual([]);
    expect(d).toContain('  participant D as driver\n');
    expect(d).toContain('    loop 2 times\n');
  });

  test('the checker is not a rubber stamp', () => {
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  S->>S: a; b\n')).toHaveLength(1);
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  S->>D: x\n')).toHaveLength(1);
    expect(mermaidProblems('sequenceDiagram\n  participant S as scenario\n  loop 2 times\n  S->>S: x\n')).toHaveLength(1);
  });

  test('the other run\'s participants are declared too, so both diagrams line up', () => {
    const d = sequenceDiagram([{ t: 'note', over: 'scenario', text: 'x' }], steps);
    expect(d.match(/participant/g)).toHaveLength(4);
  });
});

describe('fold', () => {
  test('a repeated block of steps becomes one loop; addresses may vary between rounds', () => {
    const round = (i: number): Interaction[] => [
      { t: 'msg', from: 'mm', to: 'notifier', text: `EXCLUSIVE [0x7f000000${i}000, 0x7f000000${i + 1}000)` },
      { t: 'msg', from: 'notifier', to: 'driver', text: 'dmirror_interval_invalidate: seq bumped' },
    ];
    const items = [{ t: 'note', over: 'scenario', text: 'start' } as Interaction, ...round(0), ...round(1), ...round(2), { t: 'note', over: 'scenario', text: 'stop' } as Interaction];
    const f = fold(items);
    expect(f).toHaveLength(3);
    expect(f[1]).toEqual({ t: 'loop', times: 3, body: round(0) });
  });

  test('nothing repeats: nothing folds', () => {
    const items: Interaction[] = ['a', 'b', 'c'].map((text) => ({ t: 'note', over: 'mm', text }));
    expect(fold(items)).toEqual(items);
  });
});

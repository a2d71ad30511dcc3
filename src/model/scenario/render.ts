// Text rendering of Outcomes for `lkml-replay scenarios`: one line a scenario (verdict, result,
// retries, hazards), and with --details the detail, the notifier traffic and the hazards.

import type { Outcome } from './types.js';
import { issuer } from './issuer.js';

const ERRNO: Record<number, string> = { 1: 'EPERM', 2: 'ENOENT', 4: 'EINTR', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 16: 'EBUSY', 22: 'EINVAL' };

function resultText(r: number | null): string {
  if (r === null) return 'none';
  if (r >= 0) return String(r);
  const n = ERRNO[-r];
  return n ? `${r} (-${n})` : String(r);
}

function hazardSummary(o: Outcome): string {
  if (!o.hazards.length) return 'no hazards';
  const byKind = new Map<string, number>();
  for (const h of o.hazards) byKind.set(h.kind, (byKind.get(h.kind) ?? 0) + 1);
  return [...byKind].map(([k, n]) => (n > 1 ? `${k} x${n}` : k)).join(', ');
}

export function outcomesText(outcomes: Outcome[], details: boolean): string {
  const w = Math.max(8, ...outcomes.map((o) => o.scenario.length));
  const bw = Math.max(6, ...outcomes.map((o) => o.base.length));
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(`${o.scenario.padEnd(w)}  ${o.base.padEnd(bw)}  ${o.verdict.padEnd(9)}  result ${resultText(o.result).padEnd(13)}  retries ${String(o.retries).padEnd(3)}  ${hazardSummary(o)}`);
    const f = o.explore?.fault;
    if (f) lines.push(`    fault ${f.id}: ${f.fired ? `failed here (${f.point!.fn}() ${f.point!.says})` : 'not reached in this scenario (nothing failed)'}`);
    const sc = o.explore?.schedule;
    if (sc) lines.push(`    schedule ${sc.id}${sc.diverged !== null ? `: does not apply from point ${sc.diverged} on (the thread it names cannot run there; the rest of the run is the default order)` : ''}`);
    if (!details) continue;
    lines.push(`    ${o.detail}`);
    const groups = new Map<string, number>();
    for (const n of o.notifiers) {
      const key = `${n.event} owner ${n.owner ?? 'NULL'} from ${issuer(n.stack)}: ${n.subscribers.map((s) => `${s.name} ${s.action}`).join(', ') || 'no subscriber'}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [k, n] of groups) lines.push(`    notifier ${n > 1 ? `x${n} ` : ''}${k}`);
    for (const h of o.hazards) lines.push(`    hazard ${h.kind} in ${h.function}: ${h.detail}`);
    for (const f of o.final.asserts.failed) lines.push(`    assert failed: ${f}`);
  }
  return lines.join('\n') + '\n';
}

// Who talks to whom in a run, for the reports' sequence diagrams: the scenario, the driver
// (nouveau, test_hmm), core mm and the MMU-notifier layer. Read from the full trace: calls that
// cross from one of them to another, notifier records with what each subscriber did, retries,
// faults, blocking, hazards and scenario steps. Then both runs are trimmed to where they differ
// and repeated stretches become loops.
import type { TraceEvent } from '../model/interp/api.js';
import type { Outcome } from '../model/scenario/types.js';
import type { ModelSource } from '../model/source/index.js';
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import { addressRenamer, dropPositions, ownerText } from './trace-read.js';

export type Actor = 'scenario' | 'driver' | 'mm' | 'notifier';
export const ACTORS: readonly Actor[] = ['scenario', 'driver', 'mm', 'notifier'];

export type Interaction =
  | { t: 'msg'; from: Actor; to: Actor; text: string }
  | { t: 'note'; over: Actor; text: string }
  | { t: 'loop'; times: number; body: Interaction[] };

export interface SequencePair {
  /** Variant label and scenario the diagrams are of. */
  label: string;
  scenario: string;
  baseline: Interaction[];
  variant: Interaction[];
}

/**
 * Which actor each model function belongs to, by the model file that defines it. Needs the C
 * parser loaded (`initOutline()`); functions of the TypeScript runtime are not in the sources and
 * are placed by name in actorOf().
 */
export function actorMap(sources: readonly ModelSource[]): Map<string, Actor> {
  const out = new Map<string, Actor>();
  for (const s of sources) {
    if (!s.path.endsWith('.c')) continue;
    const actor: Actor = s.path.startsWith('drivers/') || s.path.startsWith('lib/') ? 'driver' : s.path === 'mm/mmu_notifier.c' ? 'notifier' : 'mm';
    for (const f of outlineTranslationUnit(s.text).functions) if (!out.has(f.name)) out.set(f.name, actor);
  }
  return out;
}

function actorOf(fn: string | undefined, actors: Map<string, Actor>): Actor {
  if (!fn || fn === '(scenario)' || fn.startsWith('user ')) return 'scenario';
  const a = actors.get(fn);
  if (a) return a;
  return /^_*mmu_(notifier|interval)_/.test(fn) ? 'notifier' : 'mm';
}

/** The interactions of one run, in order. */
export function interactionsOf(o: Outcome, actors: Map<string, Actor>): Interaction[] {
  const out: Interaction[] = [];
  const stacks = new Map<string, string[]>();
  const skip = new Map<string, number>(); // thread -> depth of a call whose callees are not shown
  const subscriberCalls = new Set<string>();
  const t: readonly TraceEvent[] = o.trace;
  let thread = 'main';
  for (const e of t) {
    if ('thread' in e) thread = e.thread;
    const st = stacks.get(thread) ?? [];
    stacks.set(thread, st);
    switch (e.t) {
      case 'call': {
        st.length = e.depth - 1;
        const hidden = skip.get(thread);
        if (hidden !== undefined && e.depth > hidden) {
          st.push(e.fn);
          break;
        }
        skip.delete(thread);
        const from = actorOf(st[st.length - 1] ?? '(scenario)', actors);
        const to = actorOf(e.fn, actors);
        st.push(e.fn);
        // Notifier records say more than the calls that deliver them.
        if (/^_*mmu_notifier_/.test(e.fn) || subscriberCalls.has(e.fn)) {
          skip.set(thread, e.depth);
          break;
        }
        if (from !== to) out.push({ t: 'msg', from, to, text: e.fn });
        break;
      }
      case 'return':
        st.length = Math.max(0, e.depth - 1);
        if (skip.get(thread) === e.depth) skip.delete(thread);
        break;
      case 'notifier': {
        const n = o.notifiers[e.index];
        if (!n) break;
        let issuer = n.stack.length - 1;
        while (issuer > 0 && /^_*mmu_notifier_/.test(n.stack[issuer]!)) issuer--;
        out.push({ t: 'msg', from: actorOf(n.stack[issuer], actors), to: 'notifier', text: `${n.event} ${ownerText(n.owner)} [${n.start}, ${n.end}) from ${n.stack[issuer] ?? '?'}` });
        for (const s of n.subscribers) {
          subscriberCalls.add(s.name);
          out.push({ t: 'msg', from: 'notifier', to: actorOf(s.name, actors), text: `${s.name}: ${s.action === 'seq-bumped' ? 'seq bumped' : s.action}` });
        }
        break;
      }
      case 'retry':
        out.push({ t: 'note', over: actorOf(e.fn, actors), text: `${e.fn} retries: pass ${e.pass}` });
        break;
      case 'fault':
        if (e.fn === '(scenario)') {
          // a user access: the fault and the handle_mm_fault call it makes are one message
          const last = out[out.length - 1];
          const text = `CPU ${e.kind} fault at ${e.addr}`;
          if (last?.t === 'msg' && last.from === 'scenario' && last.text === 'handle_mm_fault') last.text = `${text} (handle_mm_fault)`;
          else out.push({ t: 'msg', from: 'scenario', to: 'mm', text });
        }
        else out.push({ t: 'note', over: actorOf(e.fn, actors), text: `${e.fn}: ${e.kind} fault at ${e.addr}` });
        break;
      case 'lock':
        if (e.op === 'block') out.push({ t: 'note', over: actorOf(e.fn, actors), text: `${e.fn} blocks on ${e.lock}` });
        break;
      case 'hazard': {
        const h = o.hazards[e.index];
        if (h) out.push({ t: 'note', over: actorOf(h.function, actors), text: `hazard ${h.kind} in ${h.function}` });
        break;
      }
      case 'note':
        if (e.fn === '(scenario)') out.push({ t: 'note', over: 'scenario', text: e.text });
        break;
    }
  }
  const end = o.verdict === 'completed' ? `completed, result ${o.result}` : `${o.verdict}: ${dropPositions(o.detail.replace(/ \[stack: [^\]]*\]/, ''))}`;
  out.push({ t: 'note', over: 'scenario', text: end });
  return out;
}

const CONTEXT = 2;
const MAX_ITEMS = 40;

/** Both runs' interactions, trimmed to where they differ, repeats folded into loops. */
export function sequencePair(label: string, scenario: string, baseline: Outcome, variant: Outcome, actors: Map<string, Actor>): SequencePair {
  const b = interactionsOf(baseline, actors);
  const v = interactionsOf(variant, actors);
  const rb = addressRenamer();
  const rv = addressRenamer();
  const kb = b.map((x) => rb(key(x)));
  const kv = v.map((x) => rv(key(x)));
  let p = 0;
  while (p < kb.length && p < kv.length && kb[p] === kv[p]) p++;
  let s = 0;
  while (s < kb.length - p && s < kv.length - p && kb[kb.length - 1 - s] === kv[kv.length - 1 - s]) s++;
  const from = Math.max(0, p - CONTEXT);
  const cut = (list: Interaction[]) => {
    const end = Math.min(list.length, list.length - s + CONTEXT);
    const kept = fold(list.slice(from, end));
    const out: Interaction[] = [];
    if (from > 0) out.push({ t: 'note', over: 'scenario', text: `${from} step(s) as in both runs` });
    out.push(...kept.slice(0, MAX_ITEMS));
    if (kept.length > MAX_ITEMS) out.push({ t: 'note', over: 'scenario', text: `${kept.length - MAX_ITEMS} more step(s)` });
    if (end < list.length) out.push({ t: 'note', over: 'scenario', text: `${list.length - end} step(s) as in both runs` });
    return out;
  };
  return { label, scenario, baseline: cut(b), variant: cut(v) };
}

function key(x: Interaction): string {
  return x.t === 'msg' ? `${x.from}>${x.to}:${x.text}` : x.t === 'note' ? `note ${x.over}:${x.text}` : `loop ${x.times}`;
}

/** Same step up to addresses and ranges: what makes a repeat. */
function shape(x: Interaction): string {
  return key(x).replace(/0x[0-9a-f]+/gi, 'X');
}

/** Consecutive repeats of a block of up to 8 steps become one loop. */
export function fold(items: Interaction[]): Interaction[] {
  const sh = items.map(shape);
  const out: Interaction[] = [];
  for (let i = 0; i < items.length; ) {
    let best = { p: 0, k: 1 };
    for (let p = 1; p <= 8 && i + 2 * p <= items.length; p++) {
      let k = 1;
      while (i + (k + 1) * p <= items.length && sameBlock(sh, i, i + k * p, p)) k++;
      if (k > 1 && k * p > best.k * best.p) best = { p, k };
    }
    if (best.p) {
      out.push({ t: 'loop', times: best.k, body: items.slice(i, i + best.p) });
      i += best.k * best.p;
    } else out.push(items[i++]!);
  }
  return out;
}

function sameBlock(sh: string[], a: number, b: number, p: number): boolean {
  for (let j = 0; j < p; j++) if (sh[a + j] !== sh[b + j]) return false;
  return true;
}

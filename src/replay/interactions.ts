// Who talks to whom in a run, for the reports' sequence diagrams: the scenario, the driver
// (nouveau, test_hmm), core mm and the MMU-notifier layer. Read from the full trace: calls that
// cross from one of them to another, notifier records with what each subscriber did, retries,
// faults, blocking, hazards and scenario steps, each as facts (report/interaction-words.ts says
// them). Then both runs are trimmed to where they differ and repeated stretches become loops.
import type { TraceEvent } from '../model/interp/api.js';
import type { Outcome } from '../model/scenario/types.js';
import type { ModelSource } from '../model/source/index.js';
import { outlineTranslationUnit } from '../model/interp/source-outline.js';
import type { RunEnd } from './cause-types.js';
import { addressRenamer, runEnd } from './trace-read.js';

export type Actor = 'scenario' | 'driver' | 'mm' | 'notifier';
export const ACTORS: readonly Actor[] = ['scenario', 'driver', 'mm', 'notifier'];

export type Interaction =
  | { t: 'msg'; from: Actor; to: Actor; what: Happening }
  | { t: 'note'; over: Actor; what: Happening }
  | { t: 'loop'; times: number; body: Interaction[] };

/** What a message or note of a sequence diagram stands for. */
export type Happening =
  | { kind: 'call'; fn: string }
  /** A CPU access in a scenario step faults; `call`: the runtime function it enters mm through. */
  | { kind: 'user-fault'; access: string; addr: string; call: string | null }
  /** `issuer`: the function below the mmu_notifier_* frames (null: none). */
  | { kind: 'notifier'; event: string; owner: string | null; start: string; end: string; issuer: string | null }
  | { kind: 'subscriber'; name: string; action: string }
  | { kind: 'retry'; fn: string; pass: number }
  | { kind: 'fault'; fn: string; access: string; addr: string }
  | { kind: 'block'; fn: string; lock: string }
  | { kind: 'hazard'; hazard: string; function: string }
  | { kind: 'step'; text: string }
  /** How the run ended (`detail` without its stack). */
  | ({ kind: 'end' } & RunEnd)
  /** Trimmed: steps both runs share, or more steps than a diagram shows. */
  | { kind: 'same-steps'; steps: number }
  | { kind: 'more-steps'; steps: number };

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
        if (from !== to) out.push({ t: 'msg', from, to, what: { kind: 'call', fn: e.fn } });
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
        out.push({
          t: 'msg',
          from: actorOf(n.stack[issuer], actors),
          to: 'notifier',
          what: { kind: 'notifier', event: n.event, owner: n.owner, start: n.start, end: n.end, issuer: n.stack[issuer] ?? null },
        });
        for (const s of n.subscribers) {
          subscriberCalls.add(s.name);
          out.push({ t: 'msg', from: 'notifier', to: actorOf(s.name, actors), what: { kind: 'subscriber', name: s.name, action: s.action } });
        }
        break;
      }
      case 'retry':
        out.push({ t: 'note', over: actorOf(e.fn, actors), what: { kind: 'retry', fn: e.fn, pass: e.pass } });
        break;
      case 'fault':
        if (e.fn === '(scenario)') {
          // a user access: the fault and the handle_mm_fault call it makes are one message
          const last = out[out.length - 1];
          const what = { kind: 'user-fault' as const, access: e.kind, addr: e.addr, call: null };
          if (last?.t === 'msg' && last.from === 'scenario' && last.what.kind === 'call' && last.what.fn === 'handle_mm_fault') last.what = { ...what, call: last.what.fn };
          else out.push({ t: 'msg', from: 'scenario', to: 'mm', what });
        }
        else out.push({ t: 'note', over: actorOf(e.fn, actors), what: { kind: 'fault', fn: e.fn, access: e.kind, addr: e.addr } });
        break;
      case 'lock':
        if (e.op === 'block') out.push({ t: 'note', over: actorOf(e.fn, actors), what: { kind: 'block', fn: e.fn, lock: e.lock } });
        break;
      case 'hazard': {
        const h = o.hazards[e.index];
        if (h) out.push({ t: 'note', over: actorOf(h.function, actors), what: { kind: 'hazard', hazard: h.kind, function: h.function } });
        break;
      }
      case 'note':
        if (e.fn === '(scenario)') out.push({ t: 'note', over: 'scenario', what: { kind: 'step', text: e.text } });
        break;
    }
  }
  out.push({ t: 'note', over: 'scenario', what: { kind: 'end', ...runEnd(o, false) } });
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
    if (from > 0) out.push({ t: 'note', over: 'scenario', what: { kind: 'same-steps', steps: from } });
    out.push(...kept.slice(0, MAX_ITEMS));
    if (kept.length > MAX_ITEMS) out.push({ t: 'note', over: 'scenario', what: { kind: 'more-steps', steps: kept.length - MAX_ITEMS } });
    if (end < list.length) out.push({ t: 'note', over: 'scenario', what: { kind: 'same-steps', steps: list.length - end } });
    return out;
  };
  return { label, scenario, baseline: cut(b), variant: cut(v) };
}

function key(x: Interaction): string {
  return x.t === 'msg' ? `${x.from}>${x.to}:${JSON.stringify(x.what)}` : x.t === 'note' ? `note ${x.over}:${JSON.stringify(x.what)}` : `loop ${x.times}`;
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

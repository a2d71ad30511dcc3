// Reading an Outcome's trace: comparable keys for every event (incidental fields normalised),
// call stacks per thread, and the events that matter for a cause (notifiers with what each
// subscriber did, retries, faults, blocking lock operations, hazards, scenario steps), each as
// facts (cause-types.ts) for the report to put in words.
import type { TraceEvent } from '../model/interp/api.js';
import type { NotifierRecord } from '../model/kernel/mm/mmu_notifier.js';
import type { Outcome } from '../model/scenario/types.js';
import type { NotifierFact, NotifierGroup, RunEnd, TraceFact } from './cause-types.js';

/**
 * Kernel-virtual addresses of runtime objects (page tables, heap) depend on allocation order, not
 * on behaviour: each trace gets them renamed in order of first appearance. User addresses, pfns
 * (`&memmap[n]`), seq values and symbolic locals (`&local range in f`) are kept.
 */
export function addressRenamer(): (s: string) => string {
  const r = new Renamer();
  return (s) => r.rename(s);
}

class Renamer {
  constructor(private readonly names = new Map<string, string>()) {}
  private readonly one = (m: string): string => {
    let n = this.names.get(m);
    if (!n) this.names.set(m, (n = `K${this.names.size}`));
    return n;
  };
  /** Most texts hold no kernel address: no regex, no new string. */
  rename(s: string): string {
    return s.includes('0xffff') ? s.replace(/0xffff[0-9a-f]{8,12}/g, this.one) : s;
  }
  clone(): Renamer {
    return new Renamer(new Map(this.names));
  }
}

/**
 * Where two runs' traces part: the first index whose keys (eventKeys) differ, or null when the
 * traces are the same event for event. Events are first compared field by field, which needs no
 * key: equal fields give equal keys while both renamers have seen the same texts. Keys are made
 * only from the first event whose fields differ (where renamed addresses may still make the keys
 * equal), the renamers taught the addresses of the common part before.
 */
export function firstKeyDifference(b: Outcome, v: Outcome): number | null {
  const tb = b.trace;
  const tv = v.trace;
  const n = Math.min(tb.length, tv.length);
  let j = 0;
  while (j < n && sameFields(tb[j]!, b, tv[j]!, v)) j++;
  if (j === tb.length && j === tv.length) return null;
  const common = new Renamer();
  for (let i = 0; i < j; i++) if (mayHoldAddress(tb[i]!)) common.rename(eventKey(tb[i]!, b));
  const rb = common.clone();
  const rv = common;
  for (let i = j; i < n; i++) if (rb.rename(eventKey(tb[i]!, b)) !== rv.rename(eventKey(tv[i]!, v))) return i;
  return tb.length === tv.length ? null : n;
}

/** Fields equal (a stricter test than equal keys). */
function sameFields(x: TraceEvent, ox: Outcome, y: TraceEvent, oy: Outcome): boolean {
  if (x.t !== y.t) return false;
  switch (x.t) {
    case 'call': {
      const c = y as typeof x;
      if (x.fn !== c.fn || x.depth !== c.depth || x.thread !== c.thread) return false;
      const a = x.args ?? [];
      const d = c.args ?? [];
      if (a.length !== d.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== d[i]) return false;
      return true;
    }
    case 'return': {
      const r = y as typeof x;
      return x.fn === r.fn && x.depth === r.depth && x.thread === r.thread && (x.value ?? '') === (r.value ?? '');
    }
    case 'lock': {
      const l = y as typeof x;
      return x.op === l.op && x.lock === l.lock && x.thread === l.thread && x.fn === l.fn;
    }
    default:
      return eventKey(x, ox) === eventKey(y, oy);
  }
}

/** Could the event's key hold a kernel address (calls, returns and locks checked field by field)? */
function mayHoldAddress(e: TraceEvent): boolean {
  switch (e.t) {
    case 'call':
      return e.fn.includes('0xffff') || e.thread.includes('0xffff') || (e.args ?? []).some((a) => a.includes('0xffff'));
    case 'return':
      return e.fn.includes('0xffff') || e.thread.includes('0xffff') || (e.value ?? '').includes('0xffff');
    case 'lock':
      return e.lock.includes('0xffff') || e.thread.includes('0xffff') || e.fn.includes('0xffff');
    default:
      return true;
  }
}

/** Source positions move when a variant adds lines; they never say what happened. */
export function dropPositions(s: string): string {
  return s.replace(/ at [\w./-]+\.[ch]:\d+/g, '').replace(/\b([\w./-]+\.[ch]):\d+\b/g, '$1');
}

/** A key per trace event: equal keys in two runs mean the same thing happened. */
export function eventKeys(o: Outcome): string[] {
  // A baseline is compared with every variant: its keys are made once.
  const hit = keysMade.get(o.trace);
  if (hit && hit.notifiers === o.notifiers && hit.hazards === o.hazards) return hit.keys;
  const ren = addressRenamer();
  const keys = o.trace.map((e) => ren(eventKey(e, o)));
  keysMade.set(o.trace, { notifiers: o.notifiers, hazards: o.hazards, keys });
  return keys;
}

const keysMade = new WeakMap<readonly TraceEvent[], { notifiers: Outcome['notifiers']; hazards: Outcome['hazards']; keys: string[] }>();

/**
 * The key of a trace event: the one definition of "the same thing happened" (a notifier with its
 * range, issuer and what each subscriber did; a fault at its address; a lock operation ...).
 */
function eventKey(e: TraceEvent, o: Outcome): string {
  switch (e.t) {
    case 'call':
      return `call|${e.thread}|${e.depth}|${e.fn}|${(e.args ?? []).join(',')}`;
    case 'return':
      return `ret|${e.thread}|${e.depth}|${e.fn}|${e.value ?? ''}`;
    case 'notifier':
      return `ntf|${notifierKey(o.notifiers[e.index])}`;
    case 'lock':
      return `lock|${e.op}|${e.lock}|${e.thread}|${e.fn}`;
    case 'fault':
      return `fault|${e.addr}|${e.kind}|${e.thread}|${e.fn}`;
    case 'retry':
      return `retry|${e.fn}|${e.pass}|${e.thread}`;
    case 'hazard': {
      const h = o.hazards[e.index];
      return `hazard|${h ? `${h.kind}|${h.function}|${dropPositions(h.detail)}` : e.index}`;
    }
    case 'note':
      return `note|${e.fn}|${dropPositions(e.text)}`;
  }
}

/** The key without the range or address: events of one shape in a row fold into one step ("×N"). */
function eventShape(e: TraceEvent, o: Outcome): string {
  switch (e.t) {
    case 'notifier': {
      const n = o.notifiers[e.index];
      return n ? `ntf|${notifierGroupKey(n, false)}` : eventKey(e, o);
    }
    case 'lock':
      return `lock|${e.op}|${e.thread}|${e.fn}`;
    case 'fault':
      return `fault|${e.kind}|${e.thread}|${e.fn}`;
    case 'retry':
      return `retry|${e.fn}|${e.thread}`;
    case 'hazard': {
      const h = o.hazards[e.index];
      return h ? `hazard|${h.kind}|${h.function}` : eventKey(e, o);
    }
    default:
      return eventKey(e, o);
  }
}

function notifierKey(n: NotifierRecord | undefined): string {
  if (!n) return '?';
  return `${n.event}|${n.owner ?? 'NULL'}|${n.start}|${n.end}|${n.stack.join('>')}|${n.subscribers.map((s) => `${s.name}:${s.action}`).join(',')}`;
}

/**
 * A notifier without its range: event, owner, issuer and how it was reached, and what the
 * subscribers did (`names`: which subscriber did what; else only the actions, in order).
 */
export function notifierGroupKey(n: NotifierRecord, names = true): string {
  const { issuer, via } = issuerOf(n.stack);
  const subs = n.subscribers.map((s) => (names ? `${s.name}:${s.action}` : s.action)).join(',');
  return `${n.event}|${n.owner ?? 'NULL'}|${issuer}|${via.join('<')}|${subs}`;
}

/** Model call stack of every thread at each point, replayed from call/return events. */
export class Stacks {
  private readonly cur = new Map<string, string[]>();
  private at = 0;
  constructor(private readonly trace: readonly TraceEvent[]) {}
  /** The stack of `thread` just before event `index` (call events show the caller's stack). */
  before(index: number, thread: string): string[] {
    if (index < this.at) {
      this.cur.clear();
      this.at = 0;
    }
    for (; this.at < index && this.at < this.trace.length; this.at++) {
      const e = this.trace[this.at]!;
      if (e.t !== 'call' && e.t !== 'return') continue;
      const st = this.cur.get(e.thread) ?? [];
      if (e.t === 'call') {
        st.length = e.depth - 1;
        st.push(e.fn);
      } else st.length = Math.max(0, e.depth - 1);
      this.cur.set(e.thread, st);
    }
    return [...(this.cur.get(thread) ?? [])];
  }
}

/** The thread of event `index`: its own, or for notifier/hazard/note events the last one seen. */
export function threadAt(trace: readonly TraceEvent[], index: number): string {
  for (let i = Math.min(index, trace.length - 1); i >= 0; i--) {
    const e = trace[i]!;
    if ('thread' in e) return e.thread;
  }
  return 'main';
}

// ----------------------------------------------------------------------------------------------
// Events that matter for a cause

export interface Significant {
  /** Index in the trace. */
  index: number;
  thread: string;
  /** Pass of the thread's retry loop the event happened in (1 before any retry). */
  pass: number;
  /** Equal in two runs when the same thing happened (ranges, addresses included): eventKey. */
  key: string;
  /** Equal for events of the same kind that differ only in range or address (for "×N"). */
  shape: string;
  /** The event as facts (made when first read: most significant events are only matched by key). */
  readonly fact: TraceFact;
  kind: 'notifier' | 'retry' | 'fault' | 'lock' | 'hazard' | 'step';
}

const BORING_CALLEES = new Set(['mmu_notifier_range_blockable', 'mmu_interval_set_seq', 'mm_has_notifiers']);

/** The function that issued a notifier and up to two callers it was reached through, innermost first. */
function issuerOf(stack: readonly string[]): { issuer: string | null; via: string[] } {
  let end = stack.length;
  while (end > 0 && /^_*mmu_notifier_/.test(stack[end - 1]!)) end--;
  const issuer = stack[end - 1] ?? null;
  const via = stack.slice(Math.max(0, end - 3), end - 1).reverse();
  return { issuer, via };
}

/** The part of a notifier record that does not depend on the range. */
export function notifierGroup(n: NotifierRecord): NotifierGroup {
  const { issuer, via } = issuerOf(n.stack);
  return { event: n.event, owner: n.owner, issuer, via, subscribers: n.subscribers.map((s) => ({ name: s.name, action: s.action })) };
}

/** Direct model callees of a subscriber callback that starts at trace index `from`. */
function calleesOf(trace: readonly TraceEvent[], from: number, fn: string): { fn: string; args: string[] }[] {
  let start = -1;
  for (let i = from; i < trace.length && i <= from + 4; i++) {
    const e = trace[i]!;
    if (e.t === 'call' && e.fn === fn) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const first = trace[start] as Extract<TraceEvent, { t: 'call' }>;
  const out: { fn: string; args: string[] }[] = [];
  for (let i = start + 1; i < trace.length; i++) {
    const e = trace[i]!;
    if (e.t === 'return' && e.depth === first.depth && e.thread === first.thread) break;
    if (e.t === 'call' && e.depth === first.depth + 1 && e.thread === first.thread && !BORING_CALLEES.has(e.fn)) {
      const args = e.args ?? [];
      if (!out.some((c) => c.fn === e.fn && c.args.join(', ') === args.join(', '))) out.push({ fn: e.fn, args: [...args] });
      if (out.length >= 2) break;
    }
  }
  return out;
}

/** The notifier record as facts: issuer, event, owner, range, what each subscriber did and called. */
function notifierFact(o: Outcome, index: number, traceAt: number | null): NotifierFact {
  const n = o.notifiers[index]!;
  const { issuer, via } = issuerOf(n.stack);
  let at = traceAt;
  const subscribers = n.subscribers.map((s) => {
    let calls: { fn: string; args: string[] }[] = [];
    if (at !== null) {
      calls = calleesOf(o.trace, at, s.name);
      for (let i = at + 1; i < o.trace.length; i++) {
        const e = o.trace[i]!;
        if (e.t === 'return' && e.fn === s.name) {
          at = i;
          break;
        }
        if (e.t === 'notifier') break;
      }
    }
    return { name: s.name, action: s.action, calls };
  });
  return { kind: 'notifier', event: n.event, owner: n.owner, start: n.start, end: n.end, issuer, via, subscribers };
}

/** The function whose return value the retry loop acted on (the read_retry check), if traced. */
function retryCheck(trace: readonly TraceEvent[], at: number, thread: string): string | null {
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const e = trace[i]!;
    if (e.t === 'return' && e.thread === thread) return e.fn;
  }
  return null;
}

/** Who holds a lock at `at`: the thread and function of the last acquire without a release. */
function holderOf(trace: readonly TraceEvent[], at: number, lock: string): { thread: string; fn: string; index: number } | null {
  for (let i = at - 1; i >= 0; i--) {
    const e = trace[i]!;
    if (e.t !== 'lock' || e.lock !== lock) continue;
    if (e.op === 'release') return null;
    if (e.op === 'acquire') return { thread: e.thread, fn: e.fn, index: i };
  }
  return null;
}

/** What kind of significant event `e` is, or null for one that is not. */
function significantKind(e: TraceEvent, o: Outcome): Significant['kind'] | null {
  switch (e.t) {
    case 'notifier':
      return o.notifiers[e.index] ? 'notifier' : null;
    case 'retry':
      return 'retry';
    case 'fault':
      return 'fault';
    case 'lock':
      return e.op === 'block' || e.op === 'trylock-fail' ? 'lock' : null;
    case 'hazard':
      return o.hazards[e.index] ? 'hazard' : null;
    case 'note':
      return e.fn === '(scenario)' ? 'step' : null;
    default:
      return null;
  }
}

/** The significant event at `i`, keyed (key first, then shape: `ren` numbers addresses as met), its facts made when first read. */
function significant(o: Outcome, i: number, thread: string, pass: number, kind: Significant['kind'], ren: (s: string) => string, passAt: { index: number; thread: string; pass: number }[]): Significant {
  const trace = o.trace;
  const e = trace[i]!;
  let fact: TraceFact | null = null;
  const make = (): TraceFact => {
    switch (e.t) {
      case 'notifier':
        return notifierFact(o, e.index, i);
      case 'retry':
        return { kind: 'retry', fn: e.fn, pass: e.pass, check: retryCheck(trace, i, e.thread) };
      case 'fault':
        return { kind: 'fault', fn: e.fn, addr: e.addr, access: e.kind };
      case 'lock': {
        const h = holderOf(trace, i, e.lock);
        const holder = h ? { thread: h.thread, fn: h.fn, pass: passOf(passAt, h.index, h.thread) } : null;
        return { kind: 'lock', op: e.op, fn: e.fn, lock: e.lock, thread: e.thread, holder };
      }
      case 'hazard': {
        const hz = o.hazards[e.index]!;
        return { kind: 'hazard', hazard: hz.kind, function: hz.function, detail: dropPositions(hz.detail) };
      }
      case 'note':
        return { kind: 'note', fn: e.fn, text: e.text };
      default:
        throw new Error(`trace event ${i} (${e.t}) is not significant`);
    }
  };
  return {
    index: i,
    thread,
    pass,
    kind,
    key: ren(eventKey(e, o)),
    shape: ren(eventShape(e, o)),
    get fact() {
      return (fact ??= make());
    },
  };
}

/** The significant events of a run from `from` on, each keyed and read as facts. */
export function significantEvents(o: Outcome, from = 0): Significant[] {
  const ren = addressRenamer();
  const pass = new Map<string, number>();
  const passAt: { index: number; thread: string; pass: number }[] = [];
  const out: Significant[] = [];
  const trace = o.trace;
  let lastThread = 'main';
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    if ('thread' in e) lastThread = e.thread;
    const thread = lastThread;
    // A retry event belongs to the pass it ends; what follows it is the next pass.
    const p = pass.get(thread) ?? 1;
    if (e.t === 'retry') {
      pass.set(e.thread, e.pass);
      passAt.push({ index: i, thread: e.thread, pass: e.pass });
    }
    if (i < from) continue;
    // The closures are made only for the few events that are significant: the loop itself
    // captures nothing, so a call or return event costs no allocation.
    const kind = significantKind(e, o);
    if (kind) out.push(significant(o, i, thread, p, kind, ren, passAt));
  }
  return out;
}

function passOf(passAt: { index: number; thread: string; pass: number }[], index: number, thread: string): number {
  let p = 1;
  for (const x of passAt) if (x.index < index && x.thread === thread) p = x.pass;
  return p;
}

/** A run's end: verdict, result and the model's detail (positions dropped; `withStack` false: its stack too). */
export function runEnd(o: Outcome, withStack: boolean): RunEnd {
  const detail = withStack ? o.detail : o.detail.replace(/ \[stack: [^\]]*\]/, '');
  return { verdict: o.verdict, result: o.result, detail: dropPositions(detail) };
}

/** A trace event as facts (for the divergence point); past the last event, how the run ended. */
export function eventFact(o: Outcome, index: number, caller: string | null, withArgs: boolean): TraceFact {
  const e = o.trace[index];
  if (!e) return { kind: 'end', ...runEnd(o, true) };
  switch (e.t) {
    case 'call':
      return { kind: 'call', caller, fn: e.fn, args: withArgs ? [...(e.args ?? [])] : null };
    case 'return':
      return { kind: 'return', fn: e.fn, value: e.value ?? null };
    case 'notifier':
      return notifierFact(o, e.index, index);
    case 'lock':
      return { kind: 'lock', op: e.op, fn: e.fn, lock: e.lock, thread: e.thread };
    case 'fault':
      return { kind: 'fault', fn: e.fn, addr: e.addr, access: e.kind };
    case 'retry':
      return { kind: 'retry', fn: e.fn, pass: e.pass, check: null };
    case 'hazard': {
      const h = o.hazards[e.index]!;
      return { kind: 'hazard', hazard: h.kind, function: h.function, detail: dropPositions(h.detail) };
    }
    case 'note':
      return { kind: 'note', fn: e.fn, text: e.text };
  }
}

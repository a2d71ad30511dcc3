// Reading an Outcome's trace: comparable keys for every event (incidental fields normalised),
// call stacks per thread, and the events that matter for a cause (notifiers with what each
// subscriber did, retries, faults, blocking lock operations, hazards, scenario steps).
import type { TraceEvent } from '../model/interp/api.js';
import type { NotifierRecord } from '../model/kernel/mm/mmu_notifier.js';
import type { Outcome } from '../model/scenario/types.js';

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

function notifierKey(n: NotifierRecord | undefined): string {
  if (!n) return '?';
  return `${n.event}|${n.owner ?? 'NULL'}|${n.start}|${n.end}|${n.stack.join('>')}|${n.subscribers.map((s) => `${s.name}:${s.action}`).join(',')}`;
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
  /** Equal in two runs when the same thing happened (ranges, addresses included). */
  key: string;
  /** Equal for events of the same kind that differ only in range or address (for "×N"). */
  shape: string;
  /** The event in words (made when first read: most significant events are only matched by key). */
  readonly text: string;
  kind: 'notifier' | 'retry' | 'fault' | 'lock' | 'hazard' | 'step';
  /** For notifiers: the record's index. */
  notifier?: number;
}

const BORING_CALLEES = new Set(['mmu_notifier_range_blockable', 'mmu_interval_set_seq', 'mm_has_notifiers']);

export function code(name: string): string {
  return '`' + name + '`';
}

/** The function that issued a notifier and how it was reached: `__split_huge_pmd` (from `x` in `y`). */
export function issuerOf(stack: readonly string[]): { issuer: string; via: string[]; text: string } {
  let end = stack.length;
  while (end > 0 && /^_*mmu_notifier_/.test(stack[end - 1]!)) end--;
  const issuer = stack[end - 1] ?? '(unknown)';
  const via = stack.slice(Math.max(0, end - 3), end - 1).reverse();
  const text = via.length === 0 ? code(issuer) : via.length === 1 ? `${code(issuer)} (from ${code(via[0]!)})` : `${code(issuer)} (from ${code(via[0]!)} in ${code(via[1]!)})`;
  return { issuer, via, text };
}

export function ownerText(owner: string | null): string {
  return owner === null ? 'owner NULL' : owner === 'unset' ? 'owner unset' : `owner ${owner}`;
}

function rangeText(n: NotifierRecord): string {
  return `[${n.start}, ${n.end})`;
}

function subscriberText(name: string, action: string, callees: string[]): string {
  const tail = callees.length ? `, calls ${callees.join(', ')}` : '';
  if (action === 'filtered') return `${code(name)} filters it${tail}`;
  if (action === 'seq-bumped') return `${code(name)} does not filter it: seq bumped${tail}`;
  return `${code(name)} is called${tail}`;
}

/** Direct model callees of a subscriber callback that starts at trace index `from`. */
function calleesOf(trace: readonly TraceEvent[], from: number, fn: string): string[] {
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
  const out: string[] = [];
  for (let i = start + 1; i < trace.length; i++) {
    const e = trace[i]!;
    if (e.t === 'return' && e.depth === first.depth && e.thread === first.thread) break;
    if (e.t === 'call' && e.depth === first.depth + 1 && e.thread === first.thread && !BORING_CALLEES.has(e.fn)) {
      const call = `${code(e.fn)}(${(e.args ?? []).join(', ')})`;
      if (!out.includes(call)) out.push(call);
      if (out.length >= 2) break;
    }
  }
  return out;
}

/** The notifier record as a sentence: issuer, event, owner, range, what each subscriber did. */
function notifierText(o: Outcome, index: number, traceAt: number | null): string {
  const n = o.notifiers[index]!;
  const who = issuerOf(n.stack).text;
  let at = traceAt;
  const subs = n.subscribers.map((s) => {
    let callees: string[] = [];
    if (at !== null) {
      callees = calleesOf(o.trace, at, s.name);
      for (let i = at + 1; i < o.trace.length; i++) {
        const e = o.trace[i]!;
        if (e.t === 'return' && e.fn === s.name) {
          at = i;
          break;
        }
        if (e.t === 'notifier') break;
      }
    }
    return subscriberText(s.name, s.action, callees);
  });
  return `${who} issues ${n.event} with ${ownerText(n.owner)} over ${rangeText(n)}${subs.length ? '; ' + subs.join('; ') : '; no subscriber is called'}`;
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

/** The significant events of a run from `from` on, each keyed and described. */
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
    const push = (s: Omit<Significant, 'index' | 'thread' | 'pass' | 'text'> & { text: () => string }) => {
      let text: string | null = null;
      const make = s.text;
      out.push({
        index: i,
        thread,
        pass: p,
        kind: s.kind,
        ...(s.notifier !== undefined ? { notifier: s.notifier } : {}),
        key: ren(s.key),
        shape: ren(s.shape),
        get text() {
          return (text ??= make());
        },
      });
    };
    switch (e.t) {
      case 'notifier': {
        const n = o.notifiers[e.index];
        if (!n) break;
        const who = issuerOf(n.stack);
        push({
          kind: 'notifier',
          notifier: e.index,
          key: `ntf|${notifierKey(n)}`,
          shape: `ntf|${n.event}|${n.owner}|${who.issuer}|${who.via.join('<')}|${n.subscribers.map((s) => s.action).join(',')}`,
          text: () => notifierText(o, e.index, i),
        });
        break;
      }
      case 'retry': {
        const check = retryCheck(trace, i, e.thread);
        push({
          kind: 'retry',
          key: `retry|${e.fn}|${e.pass}|${e.thread}`,
          shape: `retry|${e.fn}|${e.thread}`,
          text: () => `${check ? `${code(check)} returns true: ` : ''}${code(e.fn)} goes round again (pass ${e.pass})`,
        });
        break;
      }
      case 'fault':
        push({
          kind: 'fault',
          key: `fault|${e.fn}|${e.addr}|${e.kind}|${e.thread}`,
          shape: `fault|${e.fn}|${e.kind}|${e.thread}`,
          text: () => `${e.fn === '(scenario)' ? 'the CPU (scenario step)' : code(e.fn)} faults at ${e.addr} (${e.kind})`,
        });
        break;
      case 'lock': {
        if (e.op !== 'block' && e.op !== 'trylock-fail') break;
        const held = (): string => {
          const h = holderOf(trace, i, e.lock);
          if (!h) return '';
          const hp = passOf(passAt, h.index, h.thread);
          const whose = h.thread === e.thread ? `this thread (${e.thread}) itself holds it` : `thread ${h.thread} holds it`;
          return `: ${whose}, taken by ${code(h.fn)}${hp > 1 || p > 1 ? ` in pass ${hp}` : ''}`;
        };
        push({
          kind: 'lock',
          key: `lock|${e.op}|${e.lock}|${e.fn}|${e.thread}`,
          shape: `lock|${e.op}|${e.fn}|${e.thread}`,
          text: () => `${code(e.fn)} ${e.op === 'block' ? 'blocks on' : 'fails to trylock'} ${e.lock}${held()}`,
        });
        break;
      }
      case 'hazard': {
        const hz = o.hazards[e.index];
        if (!hz) break;
        push({
          kind: 'hazard',
          key: `hazard|${hz.kind}|${hz.function}|${dropPositions(hz.detail)}`,
          shape: `hazard|${hz.kind}|${hz.function}`,
          text: () => `hazard ${hz.kind} in ${code(hz.function)}: ${dropPositions(hz.detail)}`,
        });
        break;
      }
      case 'note':
        if (e.fn !== '(scenario)') break;
        push({ kind: 'step', key: `step|${e.text}`, shape: `step|${e.text}`, text: () => `scenario: ${e.text}` });
        break;
      default:
        break;
    }
  }
  return out;
}

function passOf(passAt: { index: number; thread: string; pass: number }[], index: number, thread: string): number {
  let p = 1;
  for (const x of passAt) if (x.index < index && x.thread === thread) p = x.pass;
  return p;
}

/** A trace event in words (for the divergence point). */
export function describeEvent(o: Outcome, index: number, caller: string | null, withArgs: boolean): string {
  const e = o.trace[index];
  if (!e) return `the run ends: ${o.verdict}${o.verdict === 'completed' ? `, result ${o.result}` : ''} (${dropPositions(o.detail)})`;
  const by = caller ? code(caller) : 'the scenario';
  switch (e.t) {
    case 'call':
      return `${by} calls ${code(e.fn)}${withArgs ? `(${(e.args ?? []).join(', ')})` : '()'}`;
    case 'return':
      return `${code(e.fn)} returns ${e.value ?? 'void'}`;
    case 'notifier':
      return notifierText(o, e.index, index);
    case 'lock':
      return `${code(e.fn)} ${{ acquire: 'takes', release: 'releases', block: 'blocks on', 'trylock-fail': 'fails to trylock' }[e.op]} ${e.lock}`;
    case 'fault':
      return `${e.fn === '(scenario)' ? 'the CPU (scenario step)' : code(e.fn)} faults at ${e.addr} (${e.kind})`;
    case 'retry':
      return `${code(e.fn)} goes round again (pass ${e.pass})`;
    case 'hazard': {
      const h = o.hazards[e.index];
      return h ? `hazard ${h.kind} in ${code(h.function)}: ${dropPositions(h.detail)}` : 'a hazard';
    }
    case 'note':
      return e.fn === '(scenario)' ? `scenario: ${e.text}` : `note from ${e.fn}: ${e.text}`;
  }
}

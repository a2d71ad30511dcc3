// Trace events and the steps of a cause in words: the report's reading of TraceFact and
// CauseStep (replay/cause-types.ts). Names of model functions are code spans.
import type { CauseStep, NotifierFact, RunEnd, TraceFact } from '../replay/cause-types.js';

export function code(name: string): string {
  return '`' + name + '`';
}

export function ownerText(owner: string | null): string {
  return owner === null ? 'owner NULL' : owner === 'unset' ? 'owner unset' : `owner ${owner}`;
}

/** `__split_huge_pmd` (from `x` in `y`): the function that issued a notifier and how it was reached. */
export function issuerText(issuer: string | null, via: readonly string[]): string {
  const who = code(issuer ?? '(unknown)');
  if (via.length === 0) return who;
  return via.length === 1 ? `${who} (from ${code(via[0]!)})` : `${who} (from ${code(via[0]!)} in ${code(via[1]!)})`;
}

const ERRNO: Record<number, string> = { 1: 'EPERM', 2: 'ENOENT', 4: 'EINTR', 5: 'EIO', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 16: 'EBUSY', 17: 'EEXIST', 22: 'EINVAL' };

/** `-22 (EINVAL)`, `0`, or that there is none. */
export function errnoText(v: number | null): string {
  if (v === null) return 'none (the call never returned)';
  return v < 0 && ERRNO[-v] ? `${v} (${ERRNO[-v]})` : String(v);
}

function subscriberText(s: NotifierFact['subscribers'][number]): string {
  const calls = s.calls.map((c) => `${code(c.fn)}(${c.args.join(', ')})`);
  const tail = calls.length ? `, calls ${calls.join(', ')}` : '';
  if (s.action === 'filtered') return `${code(s.name)} filters it${tail}`;
  if (s.action === 'seq-bumped') return `${code(s.name)} does not filter it: seq bumped${tail}`;
  return `${code(s.name)} is called${tail}`;
}

function notifierText(n: NotifierFact): string {
  const subs = n.subscribers.map(subscriberText);
  return `${issuerText(n.issuer, n.via)} issues ${n.event} with ${ownerText(n.owner)} over [${n.start}, ${n.end})${subs.length ? '; ' + subs.join('; ') : '; no subscriber is called'}`;
}

function faulterText(fn: string): string {
  return fn === '(scenario)' ? 'the CPU (scenario step)' : code(fn);
}

const LOCK_VERB = { acquire: 'takes', release: 'releases', block: 'blocks on', 'trylock-fail': 'fails to trylock' } as const;

/** A trace event in words; `pass`: the pass of the thread's retry loop it happened in. */
export function eventText(e: TraceFact, pass = 1): string {
  switch (e.kind) {
    case 'call':
      return `${e.caller ? code(e.caller) : 'the scenario'} calls ${code(e.fn)}${e.args ? `(${e.args.join(', ')})` : '()'}`;
    case 'return':
      return `${code(e.fn)} returns ${e.value ?? 'void'}`;
    case 'notifier':
      return notifierText(e);
    case 'lock': {
      const h = e.holder;
      const whose = !h ? '' : h.thread === e.thread ? `this thread (${e.thread}) itself holds it` : `thread ${h.thread} holds it`;
      const held = h ? `: ${whose}, taken by ${code(h.fn)}${h.pass > 1 || pass > 1 ? ` in pass ${h.pass}` : ''}` : '';
      return `${code(e.fn)} ${LOCK_VERB[e.op]} ${e.lock}${held}`;
    }
    case 'fault':
      return `${faulterText(e.fn)} faults at ${e.addr} (${e.access})`;
    case 'retry':
      return `${e.check ? `${code(e.check)} returns true: ` : ''}${code(e.fn)} goes round again (pass ${e.pass})`;
    case 'hazard':
      return `hazard ${e.hazard} in ${code(e.function)}: ${e.detail}`;
    case 'note':
      return e.fn === '(scenario)' ? `scenario: ${e.text}` : `note from ${e.fn}: ${e.text}`;
    case 'end':
      return `the run ends: ${e.verdict}${e.verdict === 'completed' ? `, result ${e.result}` : ''} (${e.detail})`;
  }
}

function endText(e: RunEnd): string {
  if (e.verdict === 'completed') return `the run completes with result ${errnoText(e.result)} (${e.detail})`;
  return `${e.verdict}: ${e.detail}`;
}

/** One step of a cause in words, with its repeat count and the pass it starts. */
export function stepText(s: CauseStep): string {
  switch (s.kind) {
    case 'event': {
      let text = eventText(s.event, s.pass);
      const r = s.repeat;
      if (r) text += ` (×${r.times}${r.distinct > 1 ? `, ${r.distinct} different ${s.event.kind === 'notifier' ? 'ranges' : 'addresses'}` : ''})`;
      return s.firstOfPass ? `pass ${s.pass}: ${text}` : text;
    }
    case 'result': {
      const [inner, ...outer] = s.from;
      if (inner === undefined) return `the scenario's result is ${errnoText(s.value)}`;
      return `${code(inner)} returns ${errnoText(s.value)}${outer.length ? `, passed up by ${outer.map(code).join(', ')}` : ''}: the scenario's result`;
    }
    case 'end':
      return endText(s);
    case 'lost-notifier':
      return s.endsBefore ? `the variant's run ends before it issues this ${s.event}` : `the variant no longer issues this ${s.event}`;
    case 'lost-hazard':
      return s.endsBefore ? "the variant's run ends before this hazard" : 'the variant no longer hits this hazard';
    case 'elided':
      return `… ${s.steps} more step(s) …`;
  }
}

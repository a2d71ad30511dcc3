// Which base the variants are replayed on: the one asked for; else the one named by the
// thread's subject version when the model has it ([PATCH v10 ...] -> v10); else v5.14, the
// merged code.
import { BASES } from '../model/source/index.js';
import type { Message } from '../thread/types.js';

export interface BaseChoice {
  name: string;
  why: string;
}

const FALLBACK_BASE = 'v5.14';

export class UnknownBase extends Error {}

export function chooseBase(messages: readonly Message[], asked?: string): BaseChoice {
  const known = BASES as readonly string[];
  if (asked !== undefined) {
    if (!known.includes(asked)) throw new UnknownBase(`--base ${asked}: not a model base (bases: ${known.join(', ')})`);
    return { name: asked, why: `asked for with --base ${asked}` };
  }
  const version = subjectVersion(messages);
  if (version) {
    const name = `v${version.version}`;
    if (known.includes(name)) {
      return { name, why: `the thread's subject is version ${version.version} (${version.subject}) and the model has that base` };
    }
    return {
      name: FALLBACK_BASE,
      why: `the thread's subject is version ${version.version} (${version.subject}), which the model does not have (bases: ${known.join(', ')}); using the merged code, ${FALLBACK_BASE}`,
    };
  }
  return { name: FALLBACK_BASE, why: `no patch version in the subjects; using the merged code, ${FALLBACK_BASE}` };
}

/**
 * The version the thread is about: of its patch mails (not replies) when there are any, else of
 * any message; the most frequent one, ties to the earliest seen. One pass, holding no message:
 * a big input's messages are made again each time one is read.
 */
function subjectVersion(messages: readonly Message[]): { version: number; subject: string } | null {
  const fresh = new Map<number, { n: number; subject: string }>();
  const any = new Map<number, { n: number; subject: string }>();
  const count = (to: Map<number, { n: number; subject: string }>, v: number, subject: string): void => {
    const c = to.get(v);
    if (c) c.n++;
    else to.set(v, { n: 1, subject });
  };
  for (const m of messages) {
    const v = m.tags?.version;
    if (v == null) continue;
    count(any, v, m.subject);
    if (!m.tags?.reply) count(fresh, v, m.subject);
  }
  const pick = (count: Map<number, { n: number; subject: string }>) => {
    let best: { version: number; subject: string; n: number } | null = null;
    for (const [version, c] of count) if (!best || c.n > best.n) best = { version, subject: c.subject, n: c.n };
    return best;
  };
  const best = pick(fresh) ?? pick(any);
  return best ? { version: best.version, subject: best.subject } : null;
}

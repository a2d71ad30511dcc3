// Which base the variants are replayed on: the one asked for; else the one named by the
// thread's subject version when the model has it ([PATCH v10 ...] -> v10); else v5.14, the
// merged code.
import { BASES } from '../model/source/index.js';
import type { Message } from '../thread/types.js';

export interface BaseChoice {
  name: string;
  why: string;
}

export const FALLBACK_BASE = 'v5.14';

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
 * any message; the most frequent one, ties to the earliest seen.
 */
function subjectVersion(messages: readonly Message[]): { version: number; subject: string } | null {
  const pick = (ms: readonly Message[]) => {
    const count = new Map<number, { n: number; subject: string }>();
    for (const m of ms) {
      const v = m.tags?.version;
      if (v == null) continue;
      const c = count.get(v);
      if (c) c.n++;
      else count.set(v, { n: 1, subject: m.subject });
    }
    let best: { version: number; subject: string; n: number } | null = null;
    for (const [version, c] of count) if (!best || c.n > best.n) best = { version, subject: c.subject, n: c.n };
    return best;
  };
  const fresh = pick(messages.filter((m) => !m.tags?.reply));
  const any = fresh ?? pick(messages);
  return any ? { version: any.version, subject: any.subject } : null;
}

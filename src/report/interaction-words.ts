// The messages and notes of the sequence diagrams in words: the report's reading of the
// interactions replay/interactions.ts records. Plain names (mermaid.ts keeps what Mermaid takes).
import type { Happening } from '../replay/interactions.js';
import { ownerText } from './trace-words.js';

export function happeningText(h: Happening): string {
  switch (h.kind) {
    case 'call':
      return h.fn;
    case 'user-fault':
      return `CPU ${h.access} fault at ${h.addr}${h.call ? ` (${h.call})` : ''}`;
    case 'notifier':
      return `${h.event} ${ownerText(h.owner)} [${h.start}, ${h.end}) from ${h.issuer ?? '?'}`;
    case 'subscriber':
      return `${h.name}: ${h.action === 'seq-bumped' ? 'seq bumped' : h.action}`;
    case 'retry':
      return `${h.fn} retries: pass ${h.pass}`;
    case 'fault':
      return `${h.fn}: ${h.access} fault at ${h.addr}`;
    case 'block':
      return `${h.fn} blocks on ${h.lock}`;
    case 'hazard':
      return `hazard ${h.hazard} in ${h.function}`;
    case 'step':
      return h.text;
    case 'end':
      return h.verdict === 'completed' ? `completed, result ${h.result}` : `${h.verdict}: ${h.detail}`;
    case 'same-steps':
      return `${h.steps} step(s) as in both runs`;
    case 'more-steps':
      return `${h.steps} more step(s)`;
  }
}

// A run's Outcome as bytes, for the baseline cache (baseline-cache.ts). A full trace is most of
// an outcome (an hmm run: 135,000 events, 15 MB as JSON, about as long to parse as to run it
// again) yet holds few distinct strings (about 10,000), so the events go as 32-bit integers: a
// shape (the event's keys in order and what each holds) and per key a string's number in one
// table, a small integer, or a list of strings. Everything else is JSON. Decoding gives objects
// equal to the encoded ones, keys in the same order.
import type { TraceEvent } from '../model/interp/api.js';
import type { Outcome } from '../model/scenario/types.js';

const MAGIC = 0x4c524f31; // "LRO1"

/** s: string, n: int32, a: string[], u: present but undefined. */
type Kind = 's' | 'n' | 'a' | 'u';

interface Head {
  /** The outcome with `trace: null`, so that the trace keeps its place among the keys. */
  outcome: Omit<Outcome, 'trace'> & { trace: null };
  strings: string[];
  shapes: { keys: string[]; kinds: Kind[] }[];
  events: number;
}

function kindOf(v: unknown): Kind | null {
  if (typeof v === 'string') return 's';
  if (v === undefined) return 'u';
  if (typeof v === 'number') return (v | 0) === v && !Object.is(v, -0) ? 'n' : null;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return 'a';
  return null;
}

/** The outcome as bytes; null when its trace holds a value this encoding does not keep. */
export function encodeOutcome(o: Outcome): Buffer | null {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) stringIds.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const shapes: Head['shapes'] = [];
  const shapeIds = new Map<string, number>();
  const data: number[] = [];
  for (const ev of o.trace) {
    const keys = Object.keys(ev);
    const values = keys.map((k) => (ev as unknown as Record<string, unknown>)[k]);
    const kinds: Kind[] = [];
    for (const v of values) {
      const k = kindOf(v);
      if (k === null) return null;
      kinds.push(k);
    }
    const sig = `${keys.join(',')}:${kinds.join('')}`;
    let shape = shapeIds.get(sig);
    if (shape === undefined) shapeIds.set(sig, (shape = shapes.push({ keys, kinds }) - 1));
    data.push(shape);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (kinds[i] === 's') data.push(str(v as string));
      else if (kinds[i] === 'n') data.push(v as number);
      else if (kinds[i] === 'a') data.push((v as string[]).length, ...(v as string[]).map(str));
    }
  }
  const head: Head = { outcome: { ...o, trace: null }, strings, shapes, events: o.trace.length };
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const headBytes = (json.length + 3) & ~3; // the integers start 4-byte aligned
  const out = Buffer.alloc(8 + headBytes + data.length * 4);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  new Int32Array(out.buffer, out.byteOffset + 8 + headBytes, data.length).set(data);
  return out;
}

/** The outcome `encodeOutcome` made these bytes of; throws on bytes it did not make. */
export function decodeOutcome(buf: Buffer): Outcome {
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not an encoded outcome');
  const jsonLength = buf.readUInt32LE(4);
  const headBytes = (jsonLength + 3) & ~3;
  if (8 + headBytes > buf.length || (buf.length - 8 - headBytes) % 4) throw new Error('encoded outcome cut short');
  const head = JSON.parse(buf.toString('utf8', 8, 8 + jsonLength)) as Head;
  // A copy, aligned whatever the Buffer's offset in its pool.
  const data = new Int32Array(buf.buffer.slice(buf.byteOffset + 8 + headBytes, buf.byteOffset + buf.length));
  const { strings, shapes } = head;
  const trace: TraceEvent[] = new Array(head.events);
  let at = 0;
  for (let e = 0; e < head.events; e++) {
    const shape = shapes[data[at++]!];
    if (!shape) throw new Error('encoded outcome: unknown event shape');
    const ev: Record<string, unknown> = {};
    for (let i = 0; i < shape.keys.length; i++) {
      const key = shape.keys[i]!;
      switch (shape.kinds[i]) {
        case 's':
          ev[key] = strings[data[at++]!];
          break;
        case 'n':
          ev[key] = data[at++];
          break;
        case 'a': {
          const n = data[at++]!;
          const list: string[] = new Array(n);
          for (let j = 0; j < n; j++) list[j] = strings[data[at++]!]!;
          ev[key] = list;
          break;
        }
        default:
          ev[key] = undefined;
      }
    }
    trace[e] = ev as unknown as TraceEvent;
  }
  if (at !== data.length) throw new Error('encoded outcome: events and data disagree');
  const outcome = head.outcome as unknown as Outcome;
  outcome.trace = trace;
  return outcome;
}

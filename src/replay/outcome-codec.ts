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

/** Int32 values, grown by doubling. */
class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const more = new Int32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }
}

interface Shape {
  id: number;
  keys: string[];
  kinds: Kind[];
}

/** Whether `ev` has exactly `shape`'s keys, in its order, each holding its kind of value. */
function fits(ev: Record<string, unknown>, shape: Shape): boolean {
  let i = 0;
  for (const k in ev) {
    if (k !== shape.keys[i] || kindOf(ev[k]) !== shape.kinds[i]) return false;
    i++;
  }
  return i === shape.keys.length;
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
  // Shapes by the event's kind (its `t`): a few each, tried in turn.
  const byType = new Map<unknown, Shape[]>();
  const data = new IntList();
  for (const event of o.trace) {
    const ev = event as unknown as Record<string, unknown>;
    let list = byType.get(ev.t);
    if (!list) byType.set(ev.t, (list = []));
    let shape = list.find((sh) => fits(ev, sh));
    if (!shape) {
      const keys = Object.keys(ev);
      const kinds: Kind[] = [];
      for (const k of keys) {
        const kind = kindOf(ev[k]);
        if (kind === null) return null;
        kinds.push(kind);
      }
      shape = { id: shapes.push({ keys, kinds }) - 1, keys, kinds };
      list.push(shape);
    }
    data.push(shape.id);
    for (let i = 0; i < shape.keys.length; i++) {
      const v = ev[shape.keys[i]!];
      switch (shape.kinds[i]) {
        case 's':
          data.push(str(v as string));
          break;
        case 'n':
          data.push(v as number);
          break;
        case 'a':
          data.push((v as string[]).length);
          for (const x of v as string[]) data.push(str(x));
          break;
        default:
      }
    }
  }
  const head: Head = { outcome: { ...o, trace: null }, strings, shapes, events: o.trace.length };
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const headBytes = (json.length + 3) & ~3; // the integers start 4-byte aligned
  const out = Buffer.alloc(8 + headBytes + data.length * 4);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  new Int32Array(out.buffer, out.byteOffset + 8 + headBytes, data.length).set(data.data.subarray(0, data.length));
  return out;
}

type Reader = (data: Int32Array, strings: readonly string[], cursor: { at: number }) => Record<string, unknown>;

/**
 * The reader of one shape's events: a function made from source that builds the event as one
 * object literal, its keys in the shape's order, so that every event of a shape is made at once
 * with one hidden class (a hundred thousand events and more per hmm baseline).
 */
function readerOf(shape: { keys: string[]; kinds: Kind[] }): Reader {
  const fields = shape.keys.map((key, i) => {
    if (key === '__proto__') throw new Error('encoded outcome: an event key this decoder does not make');
    return `${JSON.stringify(key)}: ${valueOf(shape.kinds[i]!)}`;
  });
  const make = new Function('list', `return (data, strings, cursor) => ({ ${fields.join(', ')} });`) as (l: typeof list) => Reader;
  return make(list);
}

function valueOf(kind: Kind): string {
  switch (kind) {
    case 's':
      return 'strings[data[cursor.at++]]';
    case 'n':
      return 'data[cursor.at++]';
    case 'a':
      return 'list(data, strings, cursor)';
    case 'u':
      return 'undefined';
    default:
      throw new Error('encoded outcome: unknown kind of value');
  }
}

function list(data: Int32Array, strings: readonly string[], cursor: { at: number }): string[] {
  const n = data[cursor.at++]!;
  const out: string[] = new Array(n);
  for (let j = 0; j < n; j++) out[j] = strings[data[cursor.at++]!]!;
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
  const readers = shapes.map(readerOf);
  const trace: TraceEvent[] = new Array(head.events);
  const cursor = { at: 0 };
  for (let e = 0; e < head.events; e++) {
    const read = readers[data[cursor.at++]!];
    if (!read) throw new Error('encoded outcome: unknown event shape');
    trace[e] = read(data, strings, cursor) as unknown as TraceEvent;
  }
  if (cursor.at !== data.length) throw new Error('encoded outcome: events and data disagree');
  const outcome = head.outcome as unknown as Outcome;
  outcome.trace = trace;
  return outcome;
}

// Where the thread builder keeps the parts of each message that threading does not need (its
// subject, tags, trailers, attributions, and each diff's files and text) until the message is
// made. Two kinds, the same output from either (test/thread/message-store.test.ts):
// - in memory, for inputs of ordinary size: the parts stay as they were read, and messages are
//   made once;
// - spilled, for big inputs: the parts go as JSON to an unlinked temporary file (SpillFile), and
//   a message is made again each time it is read (lazyList), so memory grows with the number of
//   messages (a few dozen bytes each in typed arrays), not with what they hold.
import type { DiffOrigin } from '../../patch/types.js';
import type { Attribution } from '../message/attribution.js';
import type { Diff, InBodyHeaders, MessagePosition, Person, SeriesFacts, SubjectTags, Trailer } from '../types.js';
import { SpillFile } from '../../util/spill-file.js';
import { float64s, int32s } from '../../util/grow-array.js';

/** The parts of a message kept in the store. */
export interface MessageParts {
  idSynthesised: boolean;
  subject: string;
  tags: SubjectTags | null;
  trailers: Trailer[];
  series: SeriesFacts;
  inBody: InBodyHeaders | null;
  position: MessagePosition;
  attributions: Attribution[];
  textDepths: number[];
}

/** The parts of a diff kept in the store. */
export type DiffParts = Pick<Diff, 'repairs' | 'files' | 'text'>;

/** A diff's facts that stay with the builder (in Diff's key order). */
export type DiffFacts = Pick<Diff, 'id' | 'author' | 'quoteDepth' | 'quotedFrom' | 'origin'>;

export interface MessageStore {
  /** Messages are kept once made (in memory), or made again when read (spilled). */
  readonly keepsMessages: boolean;
  putMessage(parts: MessageParts): number;
  message(ref: number): MessageParts;
  putDiff(parts: DiffParts): number;
  /** The Diff with these facts and the stored parts `ref`. */
  diff(facts: DiffFacts, ref: number): Diff;
}

export class MemoryStore implements MessageStore {
  readonly keepsMessages = true;
  private readonly messages: MessageParts[] = [];
  private readonly diffs: DiffParts[] = [];

  putMessage(parts: MessageParts): number {
    return this.messages.push(parts) - 1;
  }

  message(ref: number): MessageParts {
    return this.messages[ref]!;
  }

  putDiff(parts: DiffParts): number {
    return this.diffs.push(parts) - 1;
  }

  diff(facts: DiffFacts, ref: number): Diff {
    const { repairs, files, text } = this.diffs[ref]!;
    return { ...facts, repairs, files, text };
  }
}

export class SpillStore implements MessageStore {
  readonly keepsMessages = false;
  private readonly file = new SpillFile();
  /** Where part n is in the file. */
  private readonly at = float64s();
  private readonly bytes = int32s();

  putMessage(parts: MessageParts): number {
    return this.put(parts);
  }

  message(ref: number): MessageParts {
    return this.get(ref) as MessageParts;
  }

  putDiff(parts: DiffParts): number {
    return this.put({ files: parts.files, repairs: parts.repairs, text: parts.text });
  }

  diff(facts: DiffFacts, ref: number): Diff {
    return new SpilledDiff(facts, ref, this);
  }

  /** The parts of diff `ref`; the last ones read are kept (a renderer reads files, then text). */
  diffParts(ref: number): DiffParts {
    if (this.last?.ref !== ref) this.last = { ref, parts: this.get(ref) as DiffParts };
    return this.last.parts;
  }

  private last: { ref: number; parts: DiffParts } | null = null;

  private put(value: unknown): number {
    const r = this.file.write(JSON.stringify(value));
    this.at.push(r.offset);
    return this.bytes.push(r.bytes);
  }

  private get(ref: number): unknown {
    return JSON.parse(this.file.read({ offset: this.at.array[ref]!, bytes: this.bytes.array[ref]! }));
  }
}

/**
 * A Diff whose files, repairs and text are read back from the spill file when used. The getters
 * live on the prototype, so a message's diffs cost a few fields each.
 */
class SpilledDiff implements Diff {
  readonly id: string;
  readonly author: Person | null;
  readonly quoteDepth: number;
  readonly quotedFrom: string | null;
  readonly origin: DiffOrigin;
  readonly #ref: number;
  readonly #store: SpillStore;

  constructor(facts: DiffFacts, ref: number, store: SpillStore) {
    this.id = facts.id;
    this.author = facts.author;
    this.quoteDepth = facts.quoteDepth;
    this.quotedFrom = facts.quotedFrom;
    this.origin = facts.origin;
    this.#ref = ref;
    this.#store = store;
  }

  get repairs(): Diff['repairs'] {
    return this.#store.diffParts(this.#ref).repairs;
  }

  get files(): Diff['files'] {
    return this.#store.diffParts(this.#ref).files;
  }

  get text(): string {
    return this.#store.diffParts(this.#ref).text;
  }

  /** The keys in the order of a Diff made in memory. */
  toJSON(): Diff {
    const { repairs, files, text } = this.#store.diffParts(this.#ref);
    return { id: this.id, author: this.author, quoteDepth: this.quoteDepth, quotedFrom: this.quotedFrom, origin: this.origin, repairs, files, text };
  }
}

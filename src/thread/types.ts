// Core types of a parsed thread. The JSON printed by `lkml-replay thread --format json`
// is these shapes (less each hunk's `lines`; see src/report/thread-json.ts and the README's
// "JSON output"), so change them together with the README.
import type { DiffOrigin, FileDiff, Repair } from '../patch/types.js';

export interface Person {
  name: string;
  email: string;
}

/** What the subject's bracket prefix says: `[RFC PATCH v10 07/10]`, `[PATCHv3]`, `(v3)`, `[dpdk-dev]`. */
export interface SubjectTags {
  /** The tag word as written, upper-cased: PATCH, RFC PATCH, GIT PULL ... */
  prefix: string;
  version: number | null;
  index: number | null;
  total: number | null;
  rfc: boolean;
  resend: boolean;
  /** Mailing-list tags such as `dpdk-dev`, `Nouveau`, `Buildroot`. */
  lists: string[];
  /** `Re:`/`Aw:`/`Fwd:`-style reply marker present. */
  reply: boolean;
  /** `0/N` (or `0 of N`): a cover letter. */
  cover: boolean;
}

/** Who wrote the lines at one quote depth of a message body. */
export interface QuoteLayer {
  depth: number;
  author: Person | null;
  /** How the author was found: an attribution line, the reply tree, or not at all. */
  via: 'attribution' | 'reply-tree' | 'none';
  /** True when the depth has an attribution line but no quoted text of its own. */
  attributionOnly: boolean;
}

/** format-patch --base / b4 lines of a patch or cover letter (null when absent). */
export interface SeriesFacts {
  /** The commit the series applies to, lower-case hex as written (7 to 40 digits). */
  baseCommit: string | null;
  /** b4's series identity, the same across revisions. */
  changeId: string | null;
}

export interface Trailer {
  key: string;
  value: string;
}

export type InputFormat = 'mbox' | 'maildir' | 'eml' | 'archive-text' | 'patch';

export interface MessageSource {
  file: string;
  /** 0-based index of the message inside its file (mbox position, maildir entry order). */
  index: number;
  format: InputFormat;
}

export interface Message {
  id: string;
  /** True when the mail had no Message-ID and one was made up from its content. */
  idSynthesised: boolean;
  from: Person;
  /** ISO 8601 (UTC) or null when the mail has no parseable date. */
  date: string | null;
  subject: string;
  tags: SubjectTags | null;
  inReplyTo: string | null;
  references: string[];
  /** Parent in the rebuilt reply tree (may name a placeholder), null for roots. */
  parent: string | null;
  quotes: QuoteLayer[];
  diffs: Diff[];
  trailers: Trailer[];
  series: SeriesFacts;
  /**
   * In-body `From:`/`Subject:`/`Date:` at the top of a patch mail's body (git mailinfo's rules):
   * they name the patch's author and commit subject when the sender is someone else.
   * Null when the mail has no patch part or no such lines.
   */
  inBody: InBodyHeaders | null;
  source: MessageSource;
  /**
   * Where the message sits in its input file, for annotations on the file's lines (not part of
   * the `thread` JSON). Absent for messages built by hand.
   */
  position?: MessagePosition;
}

export interface MessagePosition {
  /** 1-based line of the file where the message starts (its first header line). */
  line: number;
  /**
   * 1-based line of the file holding line 1 of the decoded body (a hunk line's `lineNo` sits at
   * `body + lineNo - 1`), or null when the body is not stored as it reads (quoted-printable,
   * base64, format=flowed, multipart).
   */
  body: number | null;
}

export interface InBodyHeaders {
  from: Person | null;
  /** The subject line as written (not cleaned). */
  subject: string | null;
  /** The date text as written. */
  date: string | null;
}

/** A message that could not be read; the rest of its input is still parsed. */
export interface InputError {
  file: string;
  index: number | null;
  message: string;
  /**
   * Set on a second copy of a Message-ID already read (overlapping inputs, a list mirror): a
   * notice, not bad input, so the CLI does not exit 2 for it.
   */
  duplicate?: true;
}

/** A Message-ID that replies point at but that is not in the input. */
export interface Placeholder {
  id: string;
  /** The placeholder's own parent (a longer References chain), null at the top. */
  parent: string | null;
  children: string[];
}

/** A diff of a message (found by src/patch), with who proposed it and where it was seen first. */
export interface Diff {
  /** Content identity (normalised like git patch-id): equal for the same diff quoted again. */
  id: string;
  author: Person | null;
  quoteDepth: number;
  /** Message-ID of the first message in the input carrying this diff, when this is a later copy. */
  quotedFrom: string | null;
  origin: DiffOrigin;
  repairs: Repair[];
  files: FileDiff[];
  /** The repaired diff as unified-diff text that `diff` (jsdiff) can parse and apply. */
  text: string;
}

export interface ThreadParse {
  messages: Message[];
  placeholders: Placeholder[];
  /** Messages kept out of the tree because only their subject matched (lore t.mbox.gz). */
  unlinked: string[];
  errors: InputError[];
}

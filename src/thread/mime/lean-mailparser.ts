// mailparser's MailParser driven directly (what simpleParser does for us, minus what we never
// read), for the mails that need MIME decoding:
// - the root header fields are decoded only for the keys asked for: those DecodedMail reads, or
//   only the MIME ones when plain-headers.ts has read the others (processHeaders treats fields
//   one by one; To/Cc lists, with their addressparser and HTML formatting, were much of its
//   work). Part headers are decoded in full: mailparser prints From/To/Cc/Date of an attached
//   message/rfc822 into the text;
// - attachments that cannot hold a diff are drained unread, the others buffered;
// - no attachment checksums, no text-to-HTML, no image links (options);
// - format=flowed is undone by flowed.ts, which keeps a diff's blank context lines apart.
// test/thread/fast-path.test.ts checks this gives simpleParser's DecodedMail on every conformance mail.
import { MailParser, type AttachmentStream, type HeaderLines, type Headers, type MessageText } from 'mailparser';
import { PARSER_OPTIONS } from './mailparser-headers.js';
import { decodeFlowed } from './flowed.js';

/** What DecodedMail is made from, as simpleParser would have handed it out. */
export interface LeanParsed {
  headers: Headers;
  headerLines: HeaderLines;
  text?: string | undefined;
  attachments: LeanAttachment[];
}

export interface LeanAttachment {
  contentType: string;
  filename?: string | undefined;
  headers: Headers;
  content: Buffer;
}

/** The root header fields read from mailparser's result when it decodes them all (mailOf, textPart). */
export const ALL_ROOT_KEYS: ReadonlySet<string> = new Set(['from', 'subject', 'message-id', 'in-reply-to', 'references', 'content-type', 'content-id']);
/** The root header fields mailparser itself needs when we read the others (plain-mail.ts). */
export const MIME_ROOT_KEYS: ReadonlySet<string> = new Set(['content-type', 'content-id']);

interface ParserInternals {
  createNode(node: MimeNodeLike): unknown;
  processHeaders(lines: HeaderLines): Map<string, unknown>;
  getTextContent(): unknown;
}

/** What createNode reads of mailsplit's MimeNode here. */
interface MimeNodeLike {
  root: boolean;
  flowed: boolean;
  delSp: boolean;
}

/** mailparser's node for a part: a text part's decoded text lands in textContent. */
interface TextNode {
  textContent?: string;
}
const base = MailParser.prototype as unknown as ParserInternals;

const OPTIONS = { ...PARSER_OPTIONS, checksumAlgo: false } as const;

class LeanMailParser extends MailParser {
  #decodingRoot = false;
  readonly #rootKeys: ReadonlySet<string>;
  /** Text nodes sent format=flowed: undone here (flowed.ts), not by mailparser. */
  readonly #flowed: { node: TextNode; delSp: boolean }[] = [];

  constructor(rootKeys: ReadonlySet<string>) {
    super(OPTIONS);
    this.#rootKeys = rootKeys;
  }

  createNode(node: MimeNodeLike): unknown {
    this.#decodingRoot = node.root;
    try {
      const made = base.createNode.call(this, node) as TextNode;
      if (node.flowed) {
        this.#flowed.push({ node: made, delSp: node.delSp });
        node.flowed = false;
      }
      return made;
    } finally {
      this.#decodingRoot = false;
    }
  }

  getTextContent(): unknown {
    for (const f of this.#flowed) if (typeof f.node.textContent === 'string') f.node.textContent = decodeFlowed(f.node.textContent, f.delSp);
    this.#flowed.length = 0;
    return base.getTextContent.call(this);
  }

  processHeaders(lines: HeaderLines): Map<string, unknown> {
    return base.processHeaders.call(this, this.#decodingRoot ? lines.filter((l) => this.#rootKeys.has(l.key)) : lines);
  }
}

/**
 * Parses one mail. `keep` says which attachments to buffer (from their type and file name);
 * the others are drained unread. Of the root header fields, only `rootKeys` are decoded.
 */
export function leanParse(
  raw: Buffer,
  keep: (contentType: string, filename: string | undefined) => boolean,
  rootKeys: ReadonlySet<string>,
): Promise<LeanParsed> {
  return new Promise((resolve, reject) => {
    const parser = new LeanMailParser(rootKeys);
    const out: Partial<LeanParsed> & { attachments: LeanAttachment[] } = { attachments: [], text: undefined };
    // MailParser may emit a non-fatal 'error' and still reach 'end': the first outcome wins.
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    parser.on('error', fail);
    parser.on('headers', (headers: Headers) => {
      out.headers = headers;
      out.headerLines = parser.headerLines || [];
    });
    let reading = false;
    const read = (): void => {
      reading = true;
      for (;;) {
        const data = parser.read();
        if (data === null) break;
        if (data.type === 'text') {
          out.text = (data as MessageText).text;
          continue;
        }
        const a = data as AttachmentStream;
        if (!keep(a.contentType, a.filename)) {
          a.content.resume(); // drained unread
          a.release?.();
          continue;
        }
        buffer(a, () => read());
        return; // the parser waits for this attachment; read() goes on once it is buffered
      }
      reading = false;
    };
    parser.on('readable', () => {
      if (!reading) read();
    });
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(out as LeanParsed);
    });
    parser.end(raw);

    function buffer(a: AttachmentStream, next: () => void): void {
      const chunks: Buffer[] = [];
      a.content.on('readable', () => {
        let chunk: Buffer | null;
        while ((chunk = a.content.read() as Buffer | null) !== null) chunks.push(chunk);
      });
      a.content.on('end', () => {
        out.attachments.push({ contentType: a.contentType, filename: a.filename, headers: a.headers, content: Buffer.concat(chunks) });
        a.release?.();
        next();
      });
    }
  });
}

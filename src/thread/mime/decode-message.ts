// The one place a raw RFC 5322 message is decoded (quoted-printable, base64, charsets, RFC 2047,
// format=flowed, multipart). A plain 7-bit/8-bit text mail takes the fast path, everything else
// mailparser (src/thread/mime-decode.ts); everything else works on DecodedMail.
import type { DecodedMail } from './decoded-mail.js';
import { loadMailparser, MailparserNotLoaded } from './mailparser-headers.js';

type Decoders = typeof import('./mime-decode.js');
let decoders: Promise<Decoders> | null = null;

/** The decoders are loaded on first use, and mailparser only when a mail needs it (mailparser-headers.ts). */
function load(): Promise<Decoders> {
  decoders ??= import('./mime-decode.js');
  return decoders;
}

export async function decodeMessage(raw: Buffer): Promise<DecodedMail> {
  const d = await load();
  let plain: DecodedMail | null;
  try {
    plain = d.decodePlain(raw);
  } catch (err) {
    // A header field only mailparser decodes: load it, and decode the mail again.
    if (!(err instanceof MailparserNotLoaded)) throw err;
    await loadMailparser();
    plain = d.decodePlain(raw);
  }
  return plain ?? (await d.decodeWithMailparser(raw));
}


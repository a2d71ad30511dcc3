// The one place a raw RFC 5322 message is decoded (quoted-printable, base64, charsets, RFC 2047,
// format=flowed, multipart). A plain 7-bit/8-bit text mail takes the fast path, everything else
// mailparser (src/thread/mime-decode.ts); everything else works on DecodedMail.
import type { DecodedMail } from './decoded-mail.js';

type Decoders = typeof import('./mime-decode.js');
let decoders: Promise<Decoders> | null = null;

/** mailparser is loaded on first use, so CLI start-up does not pay for it. */
function load(): Promise<Decoders> {
  decoders ??= import('./mime-decode.js');
  return decoders;
}

export async function decodeMessage(raw: Buffer): Promise<DecodedMail> {
  const d = await load();
  return d.decodePlain(raw) ?? (await d.decodeWithMailparser(raw));
}


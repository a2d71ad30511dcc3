// The sender of a From header of one of the simple shapes, read as mailparser reads it
// (nodemailer's addressparser, then the display name trimmed), without running addressparser:
//   Name <local@domain>      "Quoted Name" <local@domain>      <local@domain>
//   local@domain             local@domain (Comment)
// The value is the unfolded, trimmed, UTF-8 decoded header value. Anything else (encoded words,
// escapes, nested comments, groups, several addresses, specials in a name, control characters,
// punycode domains, text after the address) answers undefined: mailparser reads that one.
import type { Person } from '../types.js';

/** An addr-spec with no whitespace, quoting, comment or specials, and one '@'. */
const ADDR = String.raw`[^\s"()<>[\]\\,;:@]+@[^\s"()<>[\]\\,;:@]+`;
/** Display-name text outside quotes: no specials, no '@'. */
const NAME = String.raw`[^"()<>[\]\\,;:@]*`;

const NAME_ADDR = new RegExp(`^(${NAME})<(${ADDR})>$`);
const QUOTED_ADDR = new RegExp(String.raw`^"([^"\\@]*)"[ \t]*<(${ADDR})>$`);
const BARE_ADDR = new RegExp(`^(${ADDR})$`);
const ADDR_COMMENT = new RegExp(String.raw`^(${ADDR})[ \t]*\(([^()\\"<>[\]@]*)\)$`);

/** Control characters addressparser drops or reads specially (tab is kept as text). */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** The sender as decodeWithMailparser's firstPerson gives it, or undefined when the shape is not simple. */
export function simpleFrom(value: string): Person | null | undefined {
  if (value.includes('=?') || CONTROL.test(value)) return undefined;
  if (value === '') return null;
  let name: string;
  let address: string;
  let m = NAME_ADDR.exec(value) ?? QUOTED_ADDR.exec(value);
  if (m) [, name, address] = m as unknown as [string, string, string];
  else if ((m = ADDR_COMMENT.exec(value))) [, address, name] = m as unknown as [string, string, string];
  else if (BARE_ADDR.test(value)) [name, address] = ['', value];
  else return undefined;
  // mailparser decodes punycode domains.
  if (address.includes('@xn--')) return undefined;
  name = name.trim();
  return { name: name || address, email: address };
}

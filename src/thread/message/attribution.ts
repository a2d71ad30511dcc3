// Attribution lines: who wrote the text quoted one level deeper. Common forms:
//   KMail  `On Thursday, 10 June 2021 2:05:06 AM AEST Peter Xu wrote:`
//   mutt   `On Wed, Jun 09, 2021 at 07:38:04PM +1000, Alistair Popple wrote:`
//   Gmail  `On Wed, Jun 9, 2021 at 7:38 PM Name <email> wrote:`
//   mutt/slrn `* Name <email> [2021-06-09 12:05]:`
//   plain  `Name <email> wrote:` (only when quoted text follows)
// and any of them wrapped over two lines. Outlook header blocks are in outlook-blocks.ts.
import type { QuotedLine } from '../../patch/types.js';
import type { Person } from '../types.js';
import { parsePerson } from '../mime/person.js';
import { firstNonSpace, isJsSpace, lastNonSpace } from '../../util/js-space.js';

export interface Attribution {
  /** The quote depth whose text this line introduces (the line's own depth + 1). */
  depth: number;
  person: Person;
  /** 1-based body line of the attribution (its first line when wrapped). */
  lineNo: number;
}

const WROTE = String.raw`(?:wrote|writes|said|a écrit|schrieb|escribió|scrisse)\s*:\s*$`;
const ON_WROTE = new RegExp(String.raw`^(?:On|Le|Am|El|Il)\s+(.+?)\s*,?\s*` + WROTE, 'i');
const NAME_WROTE = new RegExp(String.raw`^(.{2,100}?)\s+` + WROTE, 'i');
const STAR_BRACKET = /^\*\s+(.+?)\s*\[[^\]]*\]\s*:\s*$/;
const QUOTING = /^Quoting\s+(.+?)\s*\([^)]*\)\s*:\s*$/i;
// The date/time part that ends before the name: `2:05:06 AM AEST `, `07:38:04PM +1000, `, `7:38 PM `.
const TIME_THEN_ZONE =
  /\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[+-]\d{4}|\([A-Z]{2,5}\)|[A-Z]{1,4}T|UTC|GMT|Z)\b)*\s*,?\s*/g;

/** Every attribution in a body, wrapped ones joined. */
export function findAttributions(lines: QuotedLine[]): Attribution[] {
  const out: Attribution[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // Every form ends in `:` (all the regexes end `:\s*$`); a line that does not can only be the
    // first half of a wrapped `On ...`. Most lines are neither, and are passed over unread.
    const last = lastNonSpace(l.text);
    if (last < 0) continue;
    let person: Person | null = null;
    let used = 1;
    if (l.text.charCodeAt(last) === COLON) {
      const text = l.text.trim();
      person = strongAttribution(text);
      if (!person) {
        person = weakAttribution(text);
        if (person && !quotedTextFollows(lines, i, l.depth)) person = null;
      }
    } else if (opensWrapped(l.text)) {
      // Wrapped: `On <date>, Name` / `wrote:` (or Gmail's `Name <` / `email> wrote:`); the joined
      // text ends as the next line does, so that line must end in `:`.
      const next = lines[i + 1];
      if (next && next.depth === l.depth && endsInColon(next.text) && next.text.trim().length < 80) {
        const text = l.text.trim();
        const joiner = text.endsWith('<') ? '' : ' ';
        person = strongAttribution(text + joiner + next.text.trim());
        used = 2;
      }
    }
    if (person) {
      out.push({ depth: l.depth + 1, person, lineNo: l.lineNo });
      i += used - 1;
    }
  }
  return out;
}

const COLON = 58;

function endsInColon(s: string): boolean {
  const k = lastNonSpace(s);
  return k >= 0 && s.charCodeAt(k) === COLON;
}

/** Same as /^(On|Le|Am)\s/i on the trimmed line. */
function opensWrapped(s: string): boolean {
  const f = firstNonSpace(s);
  const a = s.charCodeAt(f) | 0x20;
  const b = s.charCodeAt(f + 1) | 0x20;
  const pair = (a === 0x6f && b === 0x6e) || (a === 0x6c && b === 0x65) || (a === 0x61 && b === 0x6d); // on le am
  return pair && f + 2 < s.length && isJsSpace(s.charCodeAt(f + 2));
}

const VERBS = ['wrote', 'writes', 'said', 'a écrit', 'schrieb', 'escribió', 'scrisse'];

/**
 * NAME_WROTE can only match when a verb of WROTE stands before the colon (and its blanks). Case
 * folded with `| 0x20`, which folds ASCII and Latin-1 letters (and lets a few other chars
 * through: then the regex decides).
 */
function endsWithVerb(text: string): boolean {
  let k = text.length - 2; // text is trimmed and ends with ':'
  while (k >= 0 && isJsSpace(text.charCodeAt(k))) k--;
  for (const v of VERBS) {
    const from = k + 1 - v.length;
    if (from < 0) continue;
    let j = 0;
    while (j < v.length && (text.charCodeAt(from + j) | 0x20) === v.charCodeAt(j)) j++;
    if (j === v.length) return true;
  }
  return false;
}

/** Forms that say "attribution" on their own: `On ... wrote:`, `* Name [...]:`, `Quoting Name (...):`. */
function strongAttribution(text: string): Person | null {
  const on = ON_WROTE.exec(text);
  // A real `On <date> ... wrote:` has digits in its date; "On Monday I wrote:" is prose.
  if (on && /\d/.test(on[1]!)) return personAfterDate(on[1]!);
  const star = STAR_BRACKET.exec(text) ?? QUOTING.exec(text);
  if (star) return nonEmpty(parsePerson(star[1]!));
  return null;
}

/** `Name <email> wrote:`: also how prose can end, so quoted text must follow it. */
function weakAttribution(text: string): Person | null {
  if (!endsWithVerb(text)) return null;
  const m = NAME_WROTE.exec(text);
  if (!m) return null;
  const who = m[1]!;
  // A name is a few words or an address, not a sentence.
  if (!/@/.test(who) && (who.split(/\s+/).length > 4 || /[.!?;]/.test(who))) return null;
  if (/^(on|as|and|but|what|i|you|we|he|she|they)\s/i.test(who)) return null;
  return nonEmpty(parsePerson(who));
}

/** Drops the date and time in front of the name. */
function personAfterDate(s: string): Person | null {
  let cut = -1;
  // exec on the shared /g regex: matchAll would clone the regex on every call. It cannot match
  // empty, and a failed exec leaves lastIndex at 0 for the next caller.
  TIME_THEN_ZONE.lastIndex = 0;
  for (let m = TIME_THEN_ZONE.exec(s); m !== null; m = TIME_THEN_ZONE.exec(s)) cut = m.index + m[0].length;
  let who = cut >= 0 ? s.slice(cut) : s;
  if (cut < 0 && who.includes(',')) who = who.slice(who.lastIndexOf(',') + 1);
  return nonEmpty(parsePerson(who.replace(/^\s*(at\s+)?/i, '')));
}

function nonEmpty(p: Person): Person | null {
  return p.name || p.email ? p : null;
}

function quotedTextFollows(lines: QuotedLine[], i: number, depth: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.text.trim() === '' && l.depth <= depth) continue;
    return l.depth > depth;
  }
  return false;
}

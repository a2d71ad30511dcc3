// What a subject's prefix says: reply marker, list tags, and the patch tag group
// (`[RFC PATCH v10 07/10]`, `[PATCHv3]`, `[PATCH 0 of 2]`, `PATCH 1/8:`, `... (v3)`).
import type { SubjectTags } from '../types.js';

/** `Re:`, `RE:`, `Aw:`, `Fwd:`, `Re[2]:` ... (b4: any 2-3 letter word and a colon before the tags). */
const REPLY_MARKER = /^\s*(re|aw|sv|fw|fwd|antw|odp|vs)(\[\d+\])?\s*:\s*/i;
const KIND_WORD = /^(PATCH|RFC|RFT|RESEND|REPOST|PULL|GIT|PATCHSET)(.*)$/i;
const VERSION = /^v(\d+)$/i;
const COUNTER = /^(\d+)\/(\d+)$/;
const PAREN_VERSION = /\(v(\d+)\)/i;

/** The bracket groups, reply markers and the rest of a subject, in the order they were written. */
export interface SubjectParts {
  reply: boolean;
  groups: string[];
  rest: string;
}

export function splitSubject(subject: string): SubjectParts {
  let s = subject.trim();
  let reply = false;
  const groups: string[] = [];
  for (;;) {
    // s starts with no blank here; a marker starts with one of r a s f o v (either case).
    const r = mayStartReply(s.charCodeAt(0)) ? REPLY_MARKER.exec(s) : null;
    if (r) {
      reply = true;
      s = s.slice(r[0].length);
      continue;
    }
    if (s.startsWith('[')) {
      const end = matchingBracket(s);
      if (end < 0) break;
      // Nested brackets are flattened (b4 does the same): `[PATCH [v2] 1/3]`.
      const inner = s.slice(1, end);
      groups.push((inner.includes('[') || inner.includes(']') ? inner.replace(/[[\]]/g, ' ') : inner).trim());
      s = s.slice(end + 1).trimStart();
      continue;
    }
    break;
  }
  // `PATCH 1/8: subject` without brackets.
  const c0 = s.charCodeAt(0) | 0x20;
  const bare = c0 === 0x72 || c0 === 0x70 ? /^((?:RFC\s+)?PATCH(?:v\d+)?(?:\s+v\d+)?(?:\s+\d+\/\d+)?)\s*:?\s+/i.exec(s) : null; // r p
  if (bare && /\d|v\d/i.test(bare[1]!)) {
    groups.push(bare[1]!);
    s = s.slice(bare[0].length);
  }
  return { reply, groups, rest: (s.charCodeAt(0) === 0x3a ? s.replace(/^:\s*/, '') : s).trim() };
}

/** r a s f o v, either case: the first letters of REPLY_MARKER's words. */
function mayStartReply(c: number): boolean {
  const l = c | 0x20;
  return l === 0x72 || l === 0x61 || l === 0x73 || l === 0x66 || l === 0x6f || l === 0x76;
}

function matchingBracket(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b) depth++; // [
    else if (c === 0x5d && --depth === 0) return i; // ]
  }
  return -1;
}

export function parseSubjectTags(subject: string): SubjectTags | null {
  return tagsOf(splitSubject(subject));
}

/** parseSubjectTags for a subject already split (a caller that needs both splits once). */
export function tagsOf(parts: SubjectParts): SubjectTags | null {
  const { reply, groups, rest } = parts;
  const tags: SubjectTags = {
    prefix: '',
    version: null,
    index: null,
    total: null,
    rfc: false,
    resend: false,
    lists: [],
    reply,
    cover: false,
  };
  const kinds: string[] = [];
  let found = false;
  for (const g of groups) {
    const read = readGroup(g);
    if (!read.isTagGroup) {
      tags.lists.push(g);
      found = true;
      continue;
    }
    found = true;
    kinds.push(...read.kinds);
    tags.version ??= read.version;
    if (read.index !== null && tags.index === null) {
      tags.index = read.index;
      tags.total = read.total;
    }
  }
  const pv = rest.includes('(') ? PAREN_VERSION.exec(rest) : null;
  if (pv && tags.version === null) {
    tags.version = Number(pv[1]);
    found = true;
  }
  if (!found) return null;
  tags.prefix = kinds.join(' ');
  tags.rfc = kinds.includes('RFC');
  tags.resend = kinds.includes('RESEND');
  tags.cover = tags.index === 0 && (tags.total ?? 0) > 0;
  return tags;
}

interface GroupRead {
  isTagGroup: boolean;
  kinds: string[];
  version: number | null;
  index: number | null;
  total: number | null;
}

/** One bracket group: kind words, `vN`, `N/M` or `N of M`; anything else (net-next) is ignored. */
function readGroup(g: string): GroupRead {
  const out: GroupRead = { isTagGroup: false, kinds: [], version: null, index: null, total: null };
  const words = g.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    const k = KIND_WORD.exec(w);
    if (k) {
      out.kinds.push(k[1]!.toUpperCase());
      out.isTagGroup = true;
      w = k[2]!;
      if (w.charCodeAt(0) === 0x2d || w.charCodeAt(0) === 0x5f) w = w.slice(1); // PATCHv3, PATCH1/8, RFC-v2
      if (w === '') continue;
    }
    const v = VERSION.exec(w);
    if (v) {
      out.version = Number(v[1]);
      out.isTagGroup = true;
      continue;
    }
    const c = COUNTER.exec(w);
    if (c) {
      out.index = Number(c[1]);
      out.total = Number(c[2]);
      out.isTagGroup = true;
      continue;
    }
    if (/^\d+$/.test(w) && words[i + 1]?.toLowerCase() === 'of' && /^\d+$/.test(words[i + 2] ?? '')) {
      out.index = Number(w);
      out.total = Number(words[i + 2]);
      out.isTagGroup = true;
      i += 2;
    }
  }
  return out;
}

/** The subject without reply markers and tag groups, lower-cased: what "same subject" compares. */
export function threadSubject(subject: string): string {
  const { rest } = splitSubject(subject);
  return rest.replace(/\s*\(v\d+\)\s*/gi, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * git mailinfo's subject clean-up (default mode): leading `Re:`, blanks, colons and every
 * leading `[...]` group go, whatever is inside the brackets.
 */
export function cleanSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ');
  for (;;) {
    if (/^re:/i.test(s)) s = s.slice(3);
    else if (/^[ \t:]/.test(s)) s = s.slice(1);
    else if (s.startsWith('[') && s.includes(']')) s = s.slice(s.indexOf(']') + 1);
    else break;
  }
  return s.trim();
}

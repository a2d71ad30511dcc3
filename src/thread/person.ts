// A person as written in attribution lines and archive `From:` lines:
// `Name <email>`, `"Name" <email>`, `email (Name)`, `Name [mailto:email]`, `email`, `Name`.
import type { Person } from './types.js';

const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/;

export function parsePerson(text: string): Person {
  let s = text.trim();
  const em = EMAIL.exec(s);
  const email = em ? em[0].replace(/^mailto:/i, '').replace(/[.>]+$/, '') : '';
  if (em) {
    // Drop the address with whatever brackets hold it.
    s = (s.slice(0, em.index) + s.slice(em.index + em[0].length))
      .replace(/<\s*(mailto:)?\s*>|\[\s*(mailto:)?\s*\]|\(\s*\)/gi, '')
      .trim();
  }
  s = s.replace(/^\((.*)\)$/, '$1');
  let name = s.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
  if (name === '') name = email;
  return { name, email };
}

/** Same person: same address when both have one, else same name (case and spacing ignored). */
export function samePerson(a: Person | null, b: Person | null): boolean {
  if (!a || !b) return false;
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return normName(a.name) !== '' && normName(a.name) === normName(b.name);
}

function normName(n: string): string {
  return n.toLowerCase().replace(/\s+/g, ' ').trim();
}

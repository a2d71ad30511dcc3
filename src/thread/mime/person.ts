// A person as written in attribution lines and archive `From:` lines:
// `Name <email>`, `"Name" <email>`, `email (Name)`, `Name [mailto:email]`, `email`, `Name`.
import type { Person } from '../types.js';

const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/;

export function parsePerson(text: string): Person {
  let s = text.trim();
  const em = EMAIL.exec(s);
  let email = '';
  if (em) {
    // Each clean-up runs only where its pattern can match (a first or last char, a backslash):
    // this runs for every attribution line.
    email = em[0];
    if ((email.charCodeAt(0) | 0x20) === 0x6d) email = email.replace(/^mailto:/i, ''); // m
    const last = email.charCodeAt(email.length - 1);
    if (last === 0x2e || last === 0x3e) email = email.replace(/[.>]+$/, ''); // . >
    // Drop the address with whatever brackets hold it.
    s = s.slice(0, em.index) + s.slice(em.index + em[0].length);
    if (s.includes('<') || s.includes('[') || s.includes('(')) {
      s = s.replace(/<\s*(mailto:)?\s*>|\[\s*(mailto:)?\s*\]|\(\s*\)/gi, '');
    }
    s = s.trim();
  }
  if (s.charCodeAt(0) === 0x28) s = s.replace(/^\((.*)\)$/, '$1'); // (
  let name = s.charCodeAt(0) === 0x22 ? s.replace(/^"(.*)"$/, '$1') : s; // "
  if (name.includes('\\')) name = name.replace(/\\(.)/g, '$1');
  name = name.trim();
  if (name === '') name = email;
  return { name, email };
}

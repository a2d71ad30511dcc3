// What `git mailinfo` would print as the patch's author, email, subject and date: in-body
// headers win over the mail's, and the subject is cleaned of `Re:` and `[...]` groups.
import type { Message } from '../types.js';
import { cleanSubject } from '../message/subject-tags.js';

export interface MailInfo {
  author: string;
  email: string;
  subject: string;
  /** The in-body `Date:` as written, else the mail's date (ISO), else null. */
  date: string | null;
}

export function mailInfo(m: Message): MailInfo {
  const person = m.inBody?.from ?? m.from;
  return {
    author: person.name,
    email: person.email,
    subject: cleanSubject(m.inBody?.subject ?? m.subject),
    date: m.inBody?.date ?? m.date,
  };
}

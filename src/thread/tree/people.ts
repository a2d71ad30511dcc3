// The people of a thread: attribution lines often give only a name (KMail) or only an address;
// the senders of the thread (and in-body `From:` lines) fill in the other half.
import type { Person } from '../types.js';

export interface PersonResolver {
  /** Learns a sender; the first one seen with a name or an address wins it. */
  know(p: Person): void;
  /** The person with a missing name or address filled in, when the thread knows it. */
  resolve(p: Person): Person;
}

export function personResolver(): PersonResolver {
  const byEmail = new Map<string, Person>();
  const byName = new Map<string, Person>();
  return {
    know(q) {
      if (!q.email || !q.name || q.name === q.email) return;
      const e = q.email.toLowerCase();
      const n = nameKey(q.name);
      if (!byEmail.has(e)) byEmail.set(e, q);
      if (!byName.has(n)) byName.set(n, q);
    },
    resolve(p) {
      if (p.name && p.email && p.name !== p.email) return p;
      const match = p.email ? byEmail.get(p.email.toLowerCase()) : byName.get(nameKey(p.name));
      if (!match) return p;
      return { name: p.name && p.name !== p.email ? p.name : match.name, email: p.email || match.email };
    },
  };
}

/** One key per person as written (name and address exactly). */
export function personKey(p: Person): string {
  return `${p.name}\0${p.email}`;
}

/** Same person: same address when both have one, else same name (case and spacing ignored). */
export function samePerson(a: Person | null, b: Person | null): boolean {
  if (!a || !b) return false;
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return nameKey(a.name) !== '' && nameKey(a.name) === nameKey(b.name);
}

/** Names compare without case and with blanks collapsed. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

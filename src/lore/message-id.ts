// Which review inputs name a thread on lore rather than a file: a Message-ID as mutt shows it
// (`<x@y>`) or bare (`x@y`), or a public-inbox URL (`https://lore.kernel.org/<list>/<msgid>/...`).
// b4 takes the same three; a URL's list and host are dropped (the thread comes from the lore base).

/** The Message-ID an input names, without angle brackets; null when the input is not one. */
export function messageIdOf(input: string): string | null {
  const s = input.trim();
  const bracketed = /^<([^<>\s]+@[^<>\s]+)>$/.exec(s);
  if (bracketed) return bracketed[1]!;
  if (/^https?:\/\//i.test(s)) return messageIdOfUrl(s);
  // A bare id has no slash (a path would) and one `@` with text on both sides.
  if (/^[^\s/<>@]+@[^\s/<>@]+$/.test(s)) return s;
  return null;
}

/** `https://lore.kernel.org/linux-mm/<msgid>/T/#u` and the like: the first path segment with an `@`. */
function messageIdOfUrl(s: string): string | null {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  for (const seg of url.pathname.split('/')) {
    let id: string;
    try {
      id = decodeURIComponent(seg);
    } catch {
      continue;
    }
    id = id.replace(/^<(.*)>$/, '$1');
    if (/^[^\s<>@]+@[^\s<>@]+$/.test(id)) return id;
  }
  return null;
}

/** The id as it goes in a lore URL: percent-encoded, with `@` left as it is (as lore writes its links). */
export function messageIdPath(id: string): string {
  return encodeURIComponent(id).replace(/%40/g, '@');
}

// The `paths` input: globs over repository paths ("**/*.patch", "series/*.mbox", "!drafts/**"),
// matched by picomatch (micromatch's engine, what fast-glob and vite use): `**`, `*`, `?`,
// `[...]` classes and `{a,b}` choices, and names that start with a dot are matched like any other.
import picomatch from 'picomatch';

/** A matcher for a list of globs; a glob starting with `!` excludes what earlier ones included; `#` starts a comment. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const rules = globs
    .map((g) => g.trim())
    .filter((g) => g !== '' && !g.startsWith('#'))
    .map((g) => (g.startsWith('!') ? { include: false, test: picomatch(g.slice(1), OPTIONS) } : { include: true, test: picomatch(g, OPTIONS) }));
  return (path) => {
    let matched = false;
    for (const rule of rules) {
      if (rule.include !== matched && rule.test(path)) matched = rule.include;
    }
    return matched;
  };
}

const OPTIONS: picomatch.PicomatchOptions = { dot: true };

// The `paths` input: globs over repository paths ("**/*.patch", "series/*.mbox", "!drafts/**").
// Node 20 has no stable glob matcher, and the rules needed are few: `**` (any number of
// directories), `*` and `?` (within one path segment), `[...]` classes and `{a,b}` choices.

/** Compiles one glob to an anchored regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const next = glob[i + 2];
        if (atSegmentStart && next === '/') {
          re += '(?:[^/]*/)*'; // "**/": zero or more whole directories
          i += 2;
          continue;
        }
        if (atSegmentStart && next === undefined) {
          re += '.*'; // trailing "**": everything below
          i += 1;
          continue;
        }
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\{}\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** A matcher for a list of globs; a glob starting with `!` excludes what earlier ones included. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const rules = globs
    .map((g) => g.trim())
    .filter((g) => g !== '' && !g.startsWith('#'))
    .map((g) => (g.startsWith('!') ? { include: false, re: globToRegExp(g.slice(1)) } : { include: true, re: globToRegExp(g) }));
  return (path) => {
    let matched = false;
    for (const rule of rules) {
      if (rule.include !== matched && rule.re.test(path)) matched = rule.include;
    }
    return matched;
  };
}

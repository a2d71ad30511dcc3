// Lines the model's kernel configuration compiles out: the branches of `#ifdef CONFIG_X`,
// `#ifndef`, `#if defined(...)`/`IS_ENABLED(...)` and their `#else`/`#elif` that are not taken
// with the model's config (src/model/scenario/run.ts MODEL_CONFIG). A hunk that changes only
// such lines changes nothing the model runs. Conditions it cannot read count as taken.

const DIRECTIVE = /^[ \t]*#[ \t]*(ifdef|ifndef|if|elif|else|endif)\b(.*)$/;

/** Whether a simple `#if` condition holds with `config`; null when it is not one this reads. */
function holds(cond: string, config: ReadonlySet<string>): boolean | null {
  const c = cond.replace(/\/\*.*?\*\//g, '').trim();
  let m = /^!?\s*(?:defined\s*\(?\s*|IS_ENABLED\s*\(\s*)(CONFIG_\w+)\s*\)?$/.exec(c);
  if (m) return c.startsWith('!') ? !config.has(m[1]!) : config.has(m[1]!);
  m = /^(CONFIG_\w+)$/.exec(c);
  if (m) return config.has(m[1]!);
  return null;
}

/** The branch a compiled-out line sits in: the `#if`/`#ifdef`/`#ifndef` that opens its group. */
export interface OffBranch {
  /** The opening directive, as written (`#ifdef CONFIG_TRANSPARENT_HUGEPAGE`). */
  directive: string;
  /** Its 1-based line in the model file. */
  line: number;
  /** Which branch of it is not taken. */
  branch: 'if' | 'elif' | 'else';
}

/** Per 1-based line of `text`: true when the model's config compiles it out. */
export function inactiveLines(text: string, config: readonly string[]): boolean[] {
  return offBranches(text, config).map((b) => b !== null);
}

/** Per 1-based line of `text`: the outermost branch not taken that holds it, else null. */
export function offBranches(text: string, config: readonly string[]): (OffBranch | null)[] {
  const cfg = new Set(config);
  const lines = text.split('\n');
  const out: (OffBranch | null)[] = [null];
  // each open #if: whether some branch was taken, whether the current one is, and which
  // directive and branch it is
  const stack: { taken: boolean; on: boolean; directive: string; line: number; branch: OffBranch['branch'] }[] = [];
  const off = (): OffBranch | null => {
    const s = stack.find((x) => !x.on);
    return s ? { directive: s.directive, line: s.line, branch: s.branch } : null;
  };
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (m) {
      const [, kw, rest] = m as unknown as [string, string, string];
      if (kw === 'ifdef' || kw === 'ifndef' || kw === 'if') {
        const name = rest.trim().split(/\s/)[0] ?? '';
        const h = kw === 'if' ? holds(rest, cfg) : name.startsWith('CONFIG_') ? (kw === 'ifdef') === cfg.has(name) : null;
        const on = h ?? true;
        stack.push({ taken: on, on, directive: line.trim().replace(/\s+/g, ' '), line: i + 1, branch: 'if' });
      } else if (kw === 'elif' && stack.length) {
        const top = stack[stack.length - 1]!;
        const h = holds(rest, cfg) ?? true;
        top.on = !top.taken && h;
        top.taken ||= top.on;
        top.branch = 'elif';
      } else if (kw === 'else' && stack.length) {
        const top = stack[stack.length - 1]!;
        top.on = !top.taken;
        top.taken = true;
        top.branch = 'else';
      } else if (kw === 'endif') stack.pop();
      out.push(null);
      return;
    }
    out.push(off());
  });
  return out;
}

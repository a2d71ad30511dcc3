// The parse API the hunk mapper uses: where the functions of a C file are, the line ranges of
// their statements, and the statements of a fragment (a hunk's added lines). Pure syntax, no
// types: it works on any C the grammar reads, including code the interpreter would reject.

import { Preprocessor, type ConfigSet } from './preprocess.js';
import { syntaxErrors } from './compiler-support.js';
import { cParserSync, loadCParser, withTree, type TSNode } from './ts-parser.js';
import { precomputedOutline } from './outline-cache.js';

export interface StatementOutline {
  /** tree-sitter node type: expression_statement, if_statement, declaration, return_statement ... */
  kind: string;
  startLine: number;
  endLine: number;
  text: string;
  /** For labeled statements. */
  label?: string;
  /** Statements nested in its blocks (if/else branches, loop bodies, case bodies, blocks). */
  children: StatementOutline[];
}

export interface FunctionOutline {
  name: string;
  isStatic: boolean;
  /** The declaration text before the body: `static bool page_make_device_exclusive(...)`. */
  signature: string;
  startLine: number;
  endLine: number;
  /** Lines of the `{` and `}` of the body. */
  bodyStartLine: number;
  bodyEndLine: number;
  statements: StatementOutline[];
}

export interface OutlineOptions {
  /**
   * Evaluate #if branches for this config (inactive ones blanked; lines and columns never move).
   * Without it directives stay in the text. Either way annotations are blanked and uses of
   * loop-header macros (`anon_vma_interval_tree_foreach(...) { }`, known from `sources` or
   * recognised by shape) and type arguments of macros are made parseable.
   */
  config?: ConfigSet;
  /** Model path of `text` ("mm/rmap.c") and the other model sources, for #include of macros. */
  path?: string;
  sources?: { path: string; text: string }[];
}

export interface Outline {
  functions: FunctionOutline[];
  syntaxErrors: { line: number; message: string }[];
}

/** Make sure the parser is loaded (the outline functions are synchronous after that). */
export async function initOutline(): Promise<void> {
  await loadCParser();
}

/** Functions and statement ranges of a translation unit. Call `initOutline()` once first. */
export function outlineTranslationUnit(text: string, opts: OutlineOptions = {}): Outline {
  const plain = opts.config === undefined && opts.path === undefined && opts.sources === undefined;
  const kept = plain ? precomputedOutline(text) : null;
  if (kept) return kept;
  cParserSync();
  const path = opts.path ?? '<outline>';
  let src: string;
  if (opts.config) {
    const all = new Map((opts.sources ?? []).map((x) => [x.path, x.text]));
    all.set(path, text);
    src = new Preprocessor(all, opts.config).run([path]).find((u) => u.path === path)!.text;
  } else {
    // directives stay; annotations, type arguments and loop-header macro uses are made parseable
    const pp = new Preprocessor(new Map((opts.sources ?? []).map((x) => [x.path, x.text])), []);
    if (opts.sources) pp.run(opts.sources.filter((x) => x.path.endsWith('.h')).map((x) => x.path));
    src = pp.rewriteForOutline(path, text);
  }
  return withTree(src, (tree) => {
    const functions: FunctionOutline[] = [];
    const visit = (n: TSNode): void => {
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === 'function_definition') functions.push(outlineFunction(c, text));
        else if (/^preproc_(if|ifdef|else|elif)/.test(c.type)) visit(c);
      }
    };
    visit(tree.rootNode);
    return { functions, syntaxErrors: syntaxErrors(tree.rootNode, 1) };
  });
}

/** Statements of a fragment of function-body code (e.g. a hunk's added lines), lines from 1. */
export function outlineStatements(text: string): { statements: StatementOutline[]; syntaxErrors: { line: number; message: string }[] } {
  cParserSync();
  // the wrapper opens on its own line so fragment line N is tree row N
  const wrapped = `void __lkml_fragment(void) {\n${text}\n}`;
  const parsed = new Preprocessor(new Map(), []).rewriteForOutline('<fragment>', wrapped);
  return withTree(parsed, (tree) => {
    const fn = tree.rootNode.namedChildren.find((c) => c?.type === 'function_definition');
    const body = fn?.childForFieldName('body');
    const statements = body ? stmtsOf(body, 0, wrapped) : [];
    // an error the parser pins on the wrapper line belongs to the fragment's first line
    return { statements, syntaxErrors: syntaxErrors(tree.rootNode, 0).map((e) => ({ ...e, line: Math.max(1, e.line) })) };
  });
}

/** `text` is the source as given (the parsed text may have preprocessor markers, same offsets). */
function outlineFunction(n: TSNode, text: string): FunctionOutline {
  const body = n.childForFieldName('body')!;
  let d = n.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  let nameNode = d?.childForFieldName('declarator') ?? null;
  while (nameNode && nameNode.type !== 'identifier') nameNode = nameNode.childForFieldName('declarator') ?? nameNode.namedChildren[0] ?? null;
  const sigEnd = body.startIndex - n.startIndex;
  return {
    name: nameNode?.text ?? '<unknown>',
    isStatic: n.namedChildren.some((c) => c?.type === 'storage_class_specifier' && c.text === 'static'),
    signature: text.slice(n.startIndex, n.startIndex + sigEnd).replace(/\s+/g, ' ').trim(),
    startLine: n.startPosition.row + 1,
    endLine: n.endPosition.row + 1,
    bodyStartLine: body.startPosition.row + 1,
    bodyEndLine: body.endPosition.row + 1,
    statements: stmtsOf(body, 1, text),
  };
}

const BLOCKY = new Set(['compound_statement', 'else_clause', 'case_statement', 'labeled_statement']);

function stmtsOf(block: TSNode, base: number, text: string): StatementOutline[] {
  const out: StatementOutline[] = [];
  for (const c of block.namedChildren) {
    if (!c || c.type === 'comment') continue;
    out.push(outlineStmt(c, base, text));
  }
  return out;
}

function outlineStmt(n: TSNode, base: number, text: string): StatementOutline {
  const children: StatementOutline[] = [];
  const collect = (x: TSNode): void => {
    for (const c of x.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'compound_statement' || c.type === 'else_clause') collect(c);
      else if (/_statement$|^declaration$/.test(c.type) && c.type !== 'expression_statement' && c.type !== 'parenthesized_expression') children.push(outlineStmt(c, base, text));
      else if (c.type === 'expression_statement' && (BLOCKY.has(x.type) || x.type === 'if_statement' || /while|for|do/.test(x.type))) children.push(outlineStmt(c, base, text));
    }
  };
  if (n.type !== 'expression_statement' && n.type !== 'declaration') collect(n);
  const label = n.type === 'labeled_statement' ? n.childForFieldName('label')?.text : undefined;
  return {
    kind: n.type,
    startLine: n.startPosition.row + base,
    endLine: n.endPosition.row + base,
    text: text.slice(n.startIndex, n.endIndex),
    ...(label ? { label } : {}),
    children,
  };
}

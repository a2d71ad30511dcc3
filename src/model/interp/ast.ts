// Our own small C AST: what lower.ts makes of a tree-sitter tree. Plain data, no tree-sitter
// nodes survive into it (trees are freed right after lowering), so the compiler and everything
// after it never touch the parser. Every node carries the 1-based source line it starts on.

// ----------------------------------------------------------------------------- type syntax

export type TypeSpec =
  | { k: 'prim'; words: string[] } // int, unsigned long, char, bool, void, long long ...
  | { k: 'name'; name: string } // a typedef name
  | { k: 'struct'; union: boolean; name: string | null; fields: FieldDecl[] | null; line: number }
  | { k: 'enum'; name: string | null; items: EnumItem[] | null; line: number };

export interface FieldDecl {
  spec: TypeSpec;
  /** null for an unnamed member (anonymous struct/union or padding bitfield). */
  decl: Declarator | null;
  bits: Expr | null;
  line: number;
}

export interface EnumItem {
  name: string;
  value: Expr | null;
  line: number;
}

/** Declarator chain, innermost name last: `*(*fp)(int)` is ptr -> func -> ptr -> name. */
export type Declarator =
  | { k: 'name'; name: string }
  | { k: 'abstract' }
  | { k: 'ptr'; of: Declarator }
  | { k: 'array'; of: Declarator; size: Expr | null }
  | { k: 'func'; of: Declarator; params: ParamDecl[]; variadic: boolean };

export interface ParamDecl {
  spec: TypeSpec;
  decl: Declarator;
  line: number;
}

export interface TypeName {
  spec: TypeSpec;
  decl: Declarator;
}

// ----------------------------------------------------------------------------- expressions

interface RawArgs {
  /** The text between the call's parentheses, for macros and type-taking intrinsics. */
  text: string;
  line: number;
}

export type Expr = { line: number; src: string } & (
  | { k: 'num'; text: string }
  | { k: 'char'; value: number }
  | { k: 'str'; value: string }
  | { k: 'bool'; value: boolean }
  | { k: 'null' }
  | { k: 'ident'; name: string }
  | { k: 'unary'; op: '-' | '+' | '!' | '~'; arg: Expr }
  | { k: 'deref'; arg: Expr }
  | { k: 'addr'; arg: Expr }
  | { k: 'binary'; op: string; left: Expr; right: Expr }
  | { k: 'assign'; op: string; left: Expr; right: Expr }
  | { k: 'update'; op: '++' | '--'; prefix: boolean; arg: Expr }
  | { k: 'call'; callee: Expr; args: Expr[] | null; raw: RawArgs }
  | { k: 'field'; obj: Expr; field: string; arrow: boolean }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'cast'; type: TypeName; arg: Expr }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr }
  | { k: 'comma'; left: Expr; right: Expr }
  | { k: 'sizeofType'; type: TypeName }
  | { k: 'sizeofExpr'; arg: Expr }
  | { k: 'offsetof'; type: TypeName; field: string }
  | { k: 'compoundLit'; type: TypeName; init: Init }
  | { k: 'stmtExpr'; body: Stmt[] }
  | { k: 'paren'; arg: Expr }
  /** Syntax the lowering could not take; compiling it is a compile error with this message. */
  | { k: 'bad'; message: string }
);

export type Designator = { k: 'field'; name: string } | { k: 'index'; index: Expr };

export type Init =
  | { k: 'expr'; e: Expr }
  | { k: 'list'; items: { designators: Designator[]; value: Init }[]; line: number };

// ----------------------------------------------------------------------------- statements

export interface VarDecl {
  name: string;
  type: TypeName;
  init: Init | null;
  line: number;
}

export type Stmt = { line: number; endLine: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'decl'; storage: string[]; decls: VarDecl[]; spec: TypeSpec }
  | { k: 'typedef'; spec: TypeSpec; names: { name: string; decl: Declarator }[] }
  | { k: 'block'; body: Stmt[] }
  | { k: 'if'; test: Expr; then: Stmt; else: Stmt | null }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt }
  | { k: 'switch'; test: Expr; body: Stmt }
  | { k: 'case'; value: Expr | null; body: Stmt[] }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'return'; e: Expr | null }
  | { k: 'goto'; label: string }
  | { k: 'label'; label: string; body: Stmt }
  | { k: 'empty' }
);

// ----------------------------------------------------------------------------- top level

export interface FunctionDef {
  name: string;
  storage: string[];
  spec: TypeSpec;
  decl: Declarator; // the full declarator (a func declarator around the name)
  body: Stmt[];
  file: string;
  line: number;
  endLine: number;
  bodyLine: number;
}

export type TopDecl =
  | { k: 'function'; def: FunctionDef }
  | { k: 'decl'; storage: string[]; spec: TypeSpec; decls: VarDecl[]; line: number; file: string }
  | { k: 'typedef'; spec: TypeSpec; names: { name: string; decl: Declarator }[]; line: number; file: string };

/** A syntax problem found while lowering (ERROR/MISSING nodes, unsupported constructs). */
export interface SyntaxProblem {
  line: number;
  message: string;
}

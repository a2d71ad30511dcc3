// Token-level alignment of a hunk's old side (context and removed lines) with a region of a
// model file. Dynamic programming, global over the hunk (every hunk token is matched or skipped)
// and local over the model (the match may start and end anywhere in the region):
//
//   match a token                       +3 for a name/number/literal, +1 for punctuation
//   skip one hunk token                 -1   (the model words a statement a little differently)
//   skip a whole hunk line              -1   (a declaration or statement the model leaves out)
//   skip one model token inside         -1   (the model has something the kernel's text lacks)
//
// Comments and whitespace are not tokens, so lost indentation, re-wrapped calls and comment
// edits cost nothing. Ties are broken in a fixed order (match, line skip, hunk skip, model
// skip; the earliest end), so the result is deterministic. Cost is O(hunk tokens x region
// tokens); the caller keeps regions small (the `@@` function, or one file).
import { weight, type Tok } from './tokens.js';

const HSKIP = 1;
const LSKIP = 1;
const MSKIP = 1;

export interface AlignLine {
  first: number;
  end: number;
}

export interface Alignment {
  score: number;
  /** Per hunk token: index of the model token it matched (in the file's token array), or -1. */
  match: Int32Array;
  /** Per hunk line (old side): skipped as a whole. */
  lineSkipped: boolean[];
  /** First and last matched model token (file token indices), -1 when nothing matched. */
  firstModel: number;
  lastModel: number;
}

/**
 * Align hunk tokens `h` (grouped in `lines`, each token's `line` = its index in `lines`) with
 * model tokens m[from, to). Tokens in `masked` (file token indices) cannot be matched.
 */
export function align(h: Tok[], lines: AlignLine[], m: Tok[], from: number, to: number, masked?: { from: number; to: number }): Alignment {
  const n = h.length;
  const M = Math.max(0, to - from);
  const W = M + 1;
  const S = new Int32Array((n + 1) * W);
  const TB = new Uint8Array((n + 1) * W);
  const hw = h.map(weight);
  for (let i = 1; i <= n; i++) {
    const tok = h[i - 1]!;
    const ln = lines[tok.line]!;
    const lineStart = i === ln.end ? ln.first : -1;
    const row = i * W;
    const up = (i - 1) * W;
    const ls = lineStart >= 0 ? lineStart * W : -1;
    // column 0: nothing of the model consumed yet
    let b0 = S[up]! - HSKIP;
    let c0 = 2;
    if (ls >= 0 && S[ls]! - LSKIP > b0) {
      b0 = S[ls]! - LSKIP;
      c0 = 4;
    }
    S[row] = b0;
    TB[row] = c0;
    const t = tok.t;
    const w = hw[i - 1]!;
    for (let j = 1; j <= M; j++) {
      const mi = from + j - 1;
      let best = -0x3fffffff;
      let code = 0;
      if (m[mi]!.t === t && !(masked && mi >= masked.from && mi <= masked.to)) {
        best = S[up + j - 1]! + w;
        code = 1;
      }
      if (ls >= 0) {
        const v = S[ls + j]! - LSKIP;
        if (v > best) {
          best = v;
          code = 4;
        }
      }
      let v = S[up + j]! - HSKIP;
      if (v > best) {
        best = v;
        code = 2;
      }
      v = S[row + j - 1]! - MSKIP;
      if (v > best) {
        best = v;
        code = 3;
      }
      S[row + j] = best;
      TB[row + j] = code;
    }
  }
  // best end over the model columns (the earliest on ties)
  const last = n * W;
  let jBest = 0;
  for (let j = 1; j <= M; j++) if (S[last + j]! > S[last + jBest]!) jBest = j;
  const match = new Int32Array(n).fill(-1);
  const lineSkipped = lines.map(() => false);
  let i = n;
  let j = jBest;
  while (i > 0) {
    const code = TB[i * W + j]!;
    if (code === 1) {
      match[i - 1] = from + j - 1;
      i--;
      j--;
    } else if (code === 2) i--;
    else if (code === 3) j--;
    else if (code === 4) {
      const k = h[i - 1]!.line;
      lineSkipped[k] = true;
      i = lines[k]!.first;
    } else break;
  }
  let firstModel = -1;
  let lastModel = -1;
  for (const x of match) {
    if (x < 0) continue;
    if (firstModel < 0) firstModel = x;
    lastModel = x;
  }
  return { score: n === 0 ? 0 : S[last + jBest]!, match, lineSkipped, firstModel, lastModel };
}

/** Longest common subsequence length of two token-text lists (for "k of n tokens" reports). */
export function lcsLength(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

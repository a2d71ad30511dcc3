// How a hunk was placed, why it was not, what to know about it, and why a variant was not
// replayed (or only in part), in words: the report's reading of the mapper's facts
// (map/types.ts) and the variant's note (replay/types.ts). Code is in code spans.
import type { Change, MapNote, ModelLine, NoBehaviourWhy, Placement, SearchRegion, WhyUnplaced } from '../map/types.js';
import type { HunkReview, MapperFailed, VariantNote } from '../replay/types.js';
import { code } from './trace-words.js';

const NO_BEHAVIOUR: Record<NoBehaviourWhy, string> = {
  documentation: 'documentation',
  kconfig: 'Kconfig (the model runs one fixed configuration)',
  metadata: 'project metadata',
  build: 'build rules',
  git: 'git metadata',
};

function fns(names: readonly string[]): string {
  return names.map((n) => `${n}()`).join(', ');
}

function at(l: ModelLine): string {
  return `${l.file}:${l.line}`;
}

const VERB = { replace: 'replacing', remove: 'removing', before: 'before', after: 'after' } as const;

function changeText(c: Change): string {
  switch (c.kind) {
    case 'statement':
      return `${VERB[c.op]} ${code(c.statement)}`;
    case 'line':
      return c.text === null ? `${VERB[c.op]} the model's line ${c.line}` : `${VERB[c.op]} the model's line ${c.line} ${code(c.text)}`;
    case 'add-functions':
      return `adding ${fns(c.functions)}${c.after ? ` after ${c.after}()` : c.before ? ` before ${c.before}()` : ''}`;
    case 'replace-definitions':
      return `replacing the model's ${fns(c.functions)} with the posting's`;
    case 'none':
      return 'no change to the model text';
  }
}

/**
 * Where a hunk was placed, without the model's own file and line (the kernel's lines, from the
 * hunk's `@@` header, are what a reader knows; the model's are in the JSON).
 */
export function placementWords(p: Placement): string {
  const inFn = 'inFunction' in p && p.inFunction ? ` in ${p.inFunction}` : '';
  switch (p.kind) {
    case 'spliced':
      return `${changeText(p.change)}${inFn}`;
    case 'already-applied':
      return `${changeText(p.change)}${inFn}: the model already has this change`;
    case 'compiled-out':
      return `${changeText(p.change)}${inFn}: code the model's configuration compiles out (${p.off.branch === 'if' ? '' : `the #${p.off.branch} branch of `}\`${p.off.directive}\`, not taken), no behaviour to replay`;
    case 'comments-only':
      if (!p.at) return 'comments or whitespace only (not located in the model)';
      return p.inFunction ? `in ${p.inFunction}: comments or whitespace only` : 'comments or whitespace only';
    case 'as-posted':
      return `${p.file}: the model already has this code as posted`;
    case 'no-behaviour':
      return `${p.path}: ${NO_BEHAVIOUR[p.why]}, no behaviour to replay`;
    case 'baseline':
      return `adds ${fns(p.functions)} as the model has them: the base's own code, not spliced`;
    case 'outside-model':
      return `${reasonText(p.why)}: outside the model, which the base leaves out of this series too`;
  }
}

function regionText(r: SearchRegion): string {
  return r.function ? `${r.function}() (${r.file})` : r.file;
}

function elsewhereText(list: { name: string; struct?: string | null; elsewhere: string[] }[]): string {
  const known = list.filter((m) => m.elsewhere.length);
  if (!known.length) return '';
  return `; ${known.map((m) => `the model has ${code(m.name)}${m.struct ? ` in struct ${m.struct}` : ''} in ${m.elsewhere.join(', ')}`).join('; ')}`;
}

/** Why a hunk could not be placed, in one sentence. */
export function reasonText(r: WhyUnplaced | MapperFailed): string {
  switch (r.kind) {
    case 'function-elsewhere':
      return `${r.path ? `${r.path} is not a model file` : 'the hunk names no file'}, and ${r.function}() as the model has it (${r.modelFiles.join(', ')}) does not hold this hunk's context`;
    case 'unknown-function':
      return `the hunk names no file, and its ${code('@@')} context names ${r.function}(), which the model does not have`;
    case 'file-not-modelled':
      return `${r.path} is not a model file (the model has ${r.modelFiles.join(', ')} and include/linux headers)`;
    case 'runtime-primitive':
      return `${r.function}() is a primitive of the model's TypeScript runtime, not model C: a change to it cannot be replayed as source`;
    case 'function-not-modelled':
      return `${r.function}() is not in the model's ${r.file} (it has: ${r.has.join(', ') || 'no functions'})`;
    case 'too-large': {
      const where = r.regions === 1 ? regionText(r.largest) : `any of the ${r.regions} places searched (largest: ${regionText(r.largest)})`;
      return (
        `hunk of ${r.hunk.lines} old-side lines (${r.hunk.tokens} tokens) is larger than ${where}, ${r.largest.lines} lines (${r.largest.tokens} tokens): ` +
        `it is not aligned (a match needs ${r.minCoverage * 100}% of the context's words; at most ${r.maxPerModelToken} hunk tokens per model token)`
      );
    }
    case 'ambiguous':
      return `the context fits ${at(r.places[0])} and ${at(r.places[1])} equally well (${r.words.matched} of ${r.words.total} context words); an ambiguous place is not a placement`;
    case 'not-found': {
      const where = r.region ? regionText(r.region) : r.regions ? `${r.regions} model files` : 'the model';
      const cov = r.words ? `${r.words.matched} of ${r.words.total} context words match${r.strict ? " (a near-complete match is needed outside the diff's own file)" : ''}` : 'nothing to search';
      const c = r.closest;
      const closest =
        r.statement === null
          ? ''
          : c
            ? `; for ${code(r.statement)} the closest model statement is ${at(c)} ${code(c.statement)} (${c.matched} of ${c.tokens} context tokens)`
            : `; ${code(r.statement)} has no counterpart in the model`;
      return `context not found in ${where}: ${cov}${closest}`;
    }
    case 'overlaps':
      return `its change lands on the same model text as hunk ${r.hunk} of ${r.file}`;
    case 'removed-line-missing':
    case 'removed-line-differs':
    case 'no-anchor':
      return `${planProblemText(r)} (${r.file}${r.function ? `, ${r.function}` : ''})`;
    case 'does-not-parse':
      return `with this hunk spliced in, ${r.function ? `${r.function}() in ` : ''}${r.file} does not parse: ${r.message} at line ${r.line}`;
    case 'calls-unknown': {
      const list = (calls: typeof r.calls) => calls.map((c) => `${code(`${c.name}()`)} (${c.at.map(at).join(', ')})`).join(', ');
      const added = r.calls.filter((c) => c.added);
      const left = r.calls.filter((c) => !c.added);
      const parts: string[] = [];
      if (added.length) parts.push(`the added code calls ${list(added)}, which the model has neither as C nor as a runtime primitive`);
      if (left.length) parts.push(`with this hunk spliced in, ${list(left)} ${left.length > 1 ? 'are' : 'is'} called but the model no longer has ${left.length > 1 ? 'them' : 'it'}`);
      return parts.join('; ') + elsewhereText(added);
    }
    case 'does-not-compile': {
      const more = r.more ? ` and ${r.more} more error${r.more > 1 ? 's' : ''}` : '';
      return `with this hunk spliced in, ${r.function ? `${r.function}()` : r.file} does not compile: ${r.message} (${r.file}:${r.line})${more}${elsewhereText(r.missing)}`;
    }
    case 'mapper-failed':
      return `not replayed: the hunk mapper failed on this diff (${r.error})`;
  }
}

function planProblemText(p: Extract<WhyUnplaced, { kind: 'removed-line-missing' | 'removed-line-differs' | 'no-anchor' }>): string {
  switch (p.kind) {
    case 'removed-line-missing': {
      const m = p.model;
      return `the removed line ${code(p.line)} is not in the model at this place${m ? `; the model has ${code(m.statement)} there (${m.matched} of ${m.tokens} tokens match)` : ''}`;
    }
    case 'removed-line-differs':
      return `the removed line ${code(p.line)} differs in code from the model's ${code(p.model.statement)} there (${p.model.matched} of ${p.model.tokens} tokens match)`;
    case 'no-anchor':
      return 'no line next to the change is in the model, so there is no place to put it';
  }
}

/** What a reviewer should know about a placement, in one sentence. */
export function noteText(n: MapNote): string {
  switch (n.kind) {
    case 'outside-named-function':
      return `the ${code('@@')} context names ${n.function}(), but the context lines are in ${n.file} outside it`;
    case 'function-elsewhere':
      return `the diff names ${n.path ?? 'no file'}; the model has ${n.function}() in ${n.modelFiles.join(', ')}`;
    case 'runs-into':
      return `the hunk starts in ${n.function}(), which the model does not have, and runs into ${n.into}()`;
    case 'file-elsewhere':
      return `the diff names ${n.path}; the context is in the model's ${n.file}`;
    case 'removed-line-missing':
      return `removed line ${code(n.line)} is not in the model (nothing to remove)`;
    case 'definition-differs':
      return `${n.function}(): ${n.matched} of the posting's ${n.tokens} tokens are the model's, in order (the model's has ${n.modelTokens})`;
    case 'not-replaced':
      return `not replaced (defined in another model file than the hunk's first): ${fns(n.functions)}`;
    case 'posted-names': {
      const k = n.tokens.length;
      return `the posted code is the model's but for ${k} token${k > 1 ? 's' : ''} (${[...new Set(n.tokens)].map(code).join(', ')}): the names of the tree it was posted on`;
    }
    case 'already-applied':
      return 'the new side of the hunk is already in the model here: nothing to splice';
    case 'cut-short':
      return `the mail cuts this hunk short: its ${code('@@')} line counts ${n.sent.oldLines} old and ${n.sent.newLines} new lines, ${n.quoted.oldLines} and ${n.quoted.newLines} follow it`;
  }
}

/** Why a variant was not replayed, or what its partial replay left out. */
export function variantNoteText(n: VariantNote, hunks: readonly HunkReview[]): string {
  const where = (i: number, inFile: number) => {
    const h = hunks[i - 1]!;
    return `hunk ${inFile} of ${h.file}${h.function ? ` (${h.function})` : ''}`;
  };
  const why = (i: number) => {
    const h = hunks[i - 1]!;
    return h.reason ? reasonText(h.reason) : h.unplaced;
  };
  switch (n.kind) {
    case 'stopped':
      return `not replayed: ${where(n.at.hunk, n.at.inFile)} could not be placed: ${why(n.at.hunk) ?? 'no reason given'}`;
    case 'nothing-to-replay':
      return 'not replayed: the mapper found nothing to replay';
    case 'partial':
      return `replayed in part (--partial): ${n.leftOut.map((x) => `${where(x.hunk, x.inFile)} left out (${why(x.hunk)})`).join('; ')}`;
    case 'no-code-change':
      return 'no hunk changes code (comments, whitespace or files without behaviour): replayed to show it behaves the same';
    case 'partly-applied': {
      const k = n.applied.length;
      return `${n.applied.map((x) => where(x.hunk, x.inFile)).join(', ')} ${k > 1 ? 'are' : 'is'} already in the base; the other hunks were replayed on top of it: the base may already make this change in another form, so a difference may be the change made twice`;
    }
    case 'mapper-failed':
      return reasonText(n);
    case 'series-unplaced':
      return `not replayed: no patch of the series v${n.version} could be placed`;
  }
}

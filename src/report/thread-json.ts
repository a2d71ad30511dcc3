// The `thread --format json` document. It is the ThreadParse types (src/thread/types.ts,
// src/patch/types.ts) with one thing left out: the per-line `lines` of each hunk, which the
// diff's `text` already carries. Field order is fixed here so the output diffs well.
import type { Diff, Message, ThreadParse } from '../thread/types.js';
import type { FileDiff, Hunk } from '../patch/types.js';

export function threadJson(parse: ThreadParse): string {
  return [...threadJsonChunks(parse)].join('');
}

/**
 * The same text as threadJson (JSON.stringify of the document with 2-space indents), a message
 * at a time, so a big thread is written out without building one huge string.
 */
export function* threadJsonChunks(parse: ThreadParse): Generator<string> {
  // JSON strings never hold a raw newline, so indenting a nested value is a newline replace.
  const nested = (v: unknown, indent: string): string => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);
  if (parse.messages.length === 0) yield '{\n  "messages": [],\n';
  else {
    yield '{\n  "messages": [\n';
    for (let i = 0; i < parse.messages.length; i++) {
      yield `    ${nested(message(parse.messages[i]!), '    ')}${i + 1 < parse.messages.length ? ',' : ''}\n`;
    }
    yield '  ],\n';
  }
  yield `  "placeholders": ${nested(parse.placeholders, '  ')},\n`;
  yield `  "unlinked": ${nested(parse.unlinked, '  ')},\n`;
  yield `  "errors": ${nested(parse.errors, '  ')}\n}\n`;
}

function message(m: Message) {
  return {
    id: m.id,
    idSynthesised: m.idSynthesised,
    from: m.from,
    date: m.date,
    subject: m.subject,
    tags: m.tags,
    parent: m.parent,
    inReplyTo: m.inReplyTo,
    references: m.references,
    quotes: m.quotes,
    diffs: m.diffs.map(diff),
    trailers: m.trailers,
    inBody: m.inBody,
    source: m.source,
  };
}

function diff(d: Diff) {
  return {
    id: d.id,
    author: d.author,
    quoteDepth: d.quoteDepth,
    quotedFrom: d.quotedFrom,
    origin: d.origin,
    repairs: d.repairs,
    files: d.files.map(file),
    text: d.text,
  };
}

function file(f: FileDiff) {
  return { old: f.old, new: f.new, extended: f.extended, binary: f.binary, hunks: f.hunks.map(hunk) };
}

function hunk(h: Hunk) {
  return {
    header: h.header,
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    function: h.function,
    added: h.added,
    removed: h.removed,
  };
}

// The published JSON Schemas: schemas/review.schema.json and schemas/outcomes.schema.json are
// what scripts/schemas.mjs makes from the documents' types today, and real output of the CLI
// (the seed, a real patch, a --partial replay, a series, explored faults and schedules, scenario
// runs on two bases) meets them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { makeSchemas } from '../../scripts/schemas.mjs';
import { cli, ROOT } from '../review/built-cli.js';

const T = 300_000;

function validator(file: string) {
  return new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as object);
}

/** The CLI's JSON for these arguments (exit 0), checked against the schema. */
function meets(validate: ReturnType<typeof validator>, args: string[]): unknown {
  const r = cli(args);
  expect([r.code, r.stderr]).toEqual([0, '']);
  const doc = JSON.parse(r.stdout) as unknown;
  const ok = validate(doc);
  expect(ok ? [] : validate.errors).toEqual([]);
  return doc;
}

interface Finding {
  kind: string;
  shows: { kind: string }[];
  steps?: { did: { kind: string }[] }[];
}

interface Doc {
  format: string;
  variants: {
    replayed: boolean;
    partial: boolean;
    series: unknown;
    hunks: { mapped: boolean; reason: { kind: string } | null }[];
    results: { explore?: { findings: Finding[] } }[];
  }[];
}

const findings = (doc: Doc) => doc.variants.flatMap((v) => v.results.flatMap((r) => r.explore?.findings ?? []));

test('the committed schemas are the ones the types make', () => {
  for (const s of makeSchemas()) expect(readFileSync(join(ROOT, s.file), 'utf8'), s.file).toBe(s.text);
});

/** The real patches are read from ../shared (CI has it); without it, their cases are skipped. */
const REAL = existsSync(join(ROOT, '../shared/real-patches'));

describe('review --format json meets schemas/review.schema.json', () => {
  const validate = validator('schemas/review.schema.json');

  test('the seed thread: one variant replayed', { timeout: T }, () => {
    const doc = meets(validate, ['review', 'fixtures/threads/000_00c7ef2d00851f1b.txt', '--format', 'json']) as Doc;
    expect(doc.format).toBe('lkml-replay/review@3');
    expect(doc.variants.map((v) => v.replayed)).toEqual([true]);
  });

  test.skipIf(!REAL)('a real patch on a base where its code does not compile: an unplaced hunk with its reason', { timeout: T }, () => {
    const doc = meets(validate, ['review', '../shared/real-patches/13-rmap-convert-to-make_device_exclusive.patch', '--base', 'v5.14', '--format', 'json']) as Doc;
    expect(doc.variants.flatMap((v) => v.hunks).some((h) => !h.mapped && h.reason?.kind === 'does-not-compile')).toBe(true);
  });

  test.skipIf(!REAL)('--partial: a variant replayed with hunks left out', { timeout: T }, () => {
    const doc = meets(validate, ['review', '../shared/real-patches/16-single-SWP_DEVICE_EXCLUSIVE-entry-type.patch', '--partial', '--format', 'json']) as Doc;
    expect(doc.variants.some((v) => v.replayed && v.partial)).toBe(true);
  });

  test('a series: its patches and the series as a whole', { timeout: T }, () => {
    const doc = meets(validate, ['review', 'fixtures/series/two-rmap-fixes.mbox', '--format', 'json']) as Doc;
    expect(doc.variants.filter((v) => v.series !== null).length).toBeGreaterThan(1);
  });

  test('--explore faults: a finding under a fault that shows a difference', { timeout: T }, () => {
    const args = ['review', 'fixtures/patches/explore-check-before-unlock.patch', '--base', 'v5.14', '--scenario', 'nouveau-atomic-small', '--explore', 'faults', '--format', 'json'];
    const doc = meets(validate, args) as Doc;
    expect(findings(doc).some((f) => f.kind === 'fault' && f.shows.some((s) => s.kind === 'difference'))).toBe(true);
  });

  test('--explore schedules: a finding with the schedule\'s steps', { timeout: T }, () => {
    const args = ['review', 'fixtures/patches/explore-page-ref-before-lock.patch', '--base', 'v6.1', '--scenario', 'nouveau-race-unmap', '--explore', 'schedules', '--preemptions', '1', '--format', 'json'];
    const doc = meets(validate, args) as Doc;
    expect(findings(doc).some((f) => f.kind === 'schedule' && f.steps!.some((st) => st.did.some((d) => d.kind === 'switch')))).toBe(true);
  });
});

describe('scenarios --format json meets schemas/outcomes.schema.json', () => {
  const validate = validator('schemas/outcomes.schema.json');

  test.each([
    ['v5.14', 'full'],
    ['v10', 'none'],
  ])('every bundled scenario on %s, trace %s', { timeout: T }, (base, trace) => {
    const doc = meets(validate, ['scenarios', '--base', base, '--trace', trace, '--format', 'json']) as unknown[];
    expect(doc.length).toBeGreaterThan(1);
  });

  test('--explore schedules: the base\'s findings as `explored`', { timeout: T }, () => {
    const doc = meets(validate, ['scenarios', '--base', 'v6.1', '--scenario', 'nouveau-race-unmap', '--explore', 'schedules', '--preemptions', '1', '--format', 'json']) as { explored?: { findings: Finding[] } }[];
    expect(doc[0]!.explored!.findings.length).toBeGreaterThan(0);
  });
});

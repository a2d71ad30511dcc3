// Web-archive text: the seed's header shape and lkml.iu.edu's "EST" (really US Eastern time).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArchiveDate } from '../../src/thread/mime/archive-date.js';
import { parseArchiveText } from '../../src/thread/mime/archive-text.js';
import { sniff } from '../../src/thread/input/sniff.js';

const SEED = 'fixtures/threads/000_00c7ef2d00851f1b.txt';

describe('archive text', () => {
  it('reads lkml.iu.edu dates as New York wall time', () => {
    // The mail said Thu, 10 Jun 2021 10:18:38 +1000 = 00:18:38 UTC; the archive says 20:18:38 "EST".
    expect(parseArchiveDate('Wed Jun 09 2021 - 20:18:38 EST')?.toISOString()).toBe('2021-06-10T00:18:38.000Z');
    expect(parseArchiveDate('Wed Jan 13 2021 - 20:18:38 EST')?.toISOString()).toBe('2021-01-14T01:18:38.000Z');
    expect(parseArchiveDate('Thu, 10 Jun 2021 10:18:38 +1000')?.toISOString()).toBe('2021-06-10T00:18:38.000Z');
    expect(parseArchiveDate('not a date')).toBeNull();
  });

  it('splits the seed into subject, From, Date and body', () => {
    const text = readFileSync(SEED);
    expect(sniff(text, SEED)).toEqual({ layout: 'archive', format: 'archive-text' });
    const m = parseArchiveText(text.toString('utf8'));
    expect(m.subject).toBe('Re: [PATCH v10 07/10] mm: Device exclusive memory access');
    expect(m.from).toEqual({ name: 'Alistair Popple', email: '' });
    expect(m.messageId).toBeNull();
    expect(m.body.startsWith('On Thursday, 10 June 2021 2:05:06 AM AEST Peter Xu wrote:\n')).toBe(true);
    expect(m.body.endsWith('> Peter Xu\n>')).toBe(true);
  });
});

describe('sniff', () => {
  const s = (text: string | Buffer, name = 'x') => sniff(Buffer.isBuffer(text) ? text : Buffer.from(text), name);
  it('tells the layouts apart', () => {
    expect(s('From a@b Thu Jan  1 00:00:00 1970\nSubject: x\n\nbody\n')).toEqual({ layout: 'mbox', format: 'mbox' });
    expect(s('From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001\nFrom: a\n', 'a.patch')).toEqual({
      layout: 'mbox',
      format: 'patch',
    });
    expect(s('Return-Path: <a@b>\nFrom: A <a@b>\nSubject: x\n\nbody\n')).toEqual({ layout: 'mail', format: 'eml' });
    expect(s('diff --git a/x b/x\n--- a/x\n+++ b/x\n')).toEqual({ layout: 'diff', format: 'patch' });
    expect(s('some words\n\ndiff --git a/x b/x\n', 'fix.diff')).toEqual({ layout: 'diff', format: 'patch' });
    expect(s(Buffer.from([0x1f, 0x8b, 8, 0]))).toEqual({ layout: 'gzip' });
  });
  it('takes an archive copy whose From: follows the subject line directly', () => {
    expect(s('Re: [PATCH] x\nFrom: A <a@b>\nDate: Wed Jun 09 2021 - 20:18:38 EST\n\nbody\n')).toEqual({
      layout: 'archive',
      format: 'archive-text',
    });
  });
  it('names what is wrong with junk', () => {
    expect(s(Buffer.from([0, 1, 2, 3, 4, 5, 0, 0, 7, 8, 0xff, 0xfe]))).toEqual({
      problem: 'binary data, not a mailbox, mail, patch or archive text',
    });
    expect(s('just some prose\nwith lines\n')).toHaveProperty('problem');
    expect(s('')).toEqual({ problem: 'empty file' });
  });
});

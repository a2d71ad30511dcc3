// mailparser is loaded only when a mail needs it: a plain patch mail is read without it, and a
// mail whose From is an RFC 2047 encoded word (which only mailparser's header decoding reads)
// loads it and is decoded as mailparser decodes it. Each runs the built CLI in a process of its
// own, which says at exit which packages it loaded.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../temp-dir.js';
import { ensureBuilt, ROOT } from './built-cli.js';

const HOOK = `process.on('exit', () => process.stderr.write('LOADED ' + Object.keys(require.cache).some((k) => k.includes('/node_modules/mailparser/')) + '\\n'));\n`;

function thread(file: string): { code: number | null; stdout: string; mailparser: boolean } {
  ensureBuilt();
  const dir = tempDir('lkml-mailparser-');
  writeFileSync(join(dir, 'hook.cjs'), HOOK);
  const r = spawnSync(process.execPath, ['--require', join(dir, 'hook.cjs'), join(ROOT, 'bin/lkml-replay.js'), 'thread', file, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  const loaded = /LOADED (true|false)/.exec(r.stderr);
  expect(loaded, r.stderr).not.toBeNull();
  return { code: r.status, stdout: r.stdout, mailparser: loaded![1] === 'true' };
}

test('a plain patch mail is read without mailparser', () => {
  const r = thread('fixtures/patches/review-unmodelled-function.patch');
  expect(r.code).toBe(0);
  expect(r.mailparser).toBe(false);
  expect(JSON.parse(r.stdout).messages).toHaveLength(1);
});

test('an encoded-word sender loads mailparser and is decoded by it', () => {
  const file = join(tempDir('lkml-mailparser-'), 'encoded.eml');
  writeFileSync(
    file,
    ['From: =?UTF-8?Q?J=C3=B6rg_R=C3=B6del?= <joro@example.org>', 'Subject: [PATCH] mm: a test', 'Message-ID: <encoded@example.org>', 'Date: Mon, 7 Jun 2021 10:00:00 +0000', '', 'Body.', ''].join('\n'),
  );
  const r = thread(file);
  expect(r.code).toBe(0);
  expect(r.mailparser).toBe(true);
  expect(JSON.stringify(JSON.parse(r.stdout).messages[0])).toContain('Jörg Rödel');
});

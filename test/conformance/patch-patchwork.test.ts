// patchwork's parser test mails: does a mail carry a diff, which files, how many hunks
// (asserted by patchwork's tests or derived by its rules; see the corpus README table).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { splitQuoted } from '../../src/thread/message/quote-depth.js';
import { findDiffs, parseDiffText, type FoundDiff } from '../../src/patch/index.js';
import { CORPUS, HAVE_CORPUS, isReply, messagesOf, skipNote, strictReadingDiffers } from '../patch/corpus.js';
import { applyFailures } from '../patch/apply-helper.js';

const DIR = `${CORPUS}patchwork-mail/`;
skipNote('patchwork mails (diffs)');

interface Expect {
  /** Paths (new side, else old side) of the files, in order; [] = no diff at all. */
  files: string[];
  hunks: number;
  check?: (d: FoundDiff) => void;
}

const count = (s: string, sub: string) => s.split(sub).length - 1;

const TABLE: Record<string, Expect> = {
  'mail-0001-git-pull-request.mbox': { files: [], hunks: 0 },
  'mail-0003-git-pull-request-with-diff.mbox': {
    files: ['arch/x86/include/asm/smp.h', 'arch/x86/kernel/acpi/sleep.c', 'arch/x86/kernel/cpu/mtrr/main.c'],
    hunks: 3,
    check: (d) => {
      expect(d.text.startsWith('diff --git a/arch/x86/include/asm/smp.h')).toBe(true);
      // The list copy turned tabs into 4 spaces; they are put back.
      expect(d.repairs.every((r) => r.kind === 'tab-restored')).toBe(true);
      expect(d.files[0]!.hunks[0]!.lines.find((l) => l.text.includes('void *sp;'))!.text).toBe('\tvoid *sp;');
    },
  },
  'mail-0007-cvs-format-diff.mbox': {
    files: ['bfd/elf-bfd.h', 'bfd/elflink.c', 'bfd/elfxx-mips.c'],
    hunks: 3,
    check: (d) => expect(d.origin).toBe('attachment'),
  },
  'mail-0008-git-rename.mbox': {
    files: [
      'package/rpi-userland/rpi-userland-000-add-pkgconfig-files.patch',
      'package/rpi-userland/rpi-userland-001-makefiles-cmake-vmcs.cmake-allow-to-override-VMCS_IN.patch',
    ],
    hunks: 0,
    check: (d) => {
      const ext = d.files.flatMap((f) => f.extended);
      expect(ext.filter((e) => e.startsWith('rename from '))).toHaveLength(2);
      expect(ext.filter((e) => e.startsWith('rename to '))).toHaveLength(2);
      expect(d.files[0]!.old).toBe('package/rpi-userland/rpi-userland-add-pkgconfig-files.patch');
    },
  },
  'mail-0009-git-rename-with-diff.mbox': {
    files: [
      'package/rpi-userland/rpi-userland-000-add-pkgconfig-files.patch',
      'package/rpi-userland/rpi-userland-001-makefiles-cmake-vmcs.cmake-allow-to-override-VMCS_IN.patch',
    ],
    hunks: 1,
    check: (d) => {
      const lines = d.files.flatMap((f) => f.hunks.flatMap((h) => h.lines)).filter((l) => l.op !== ' ');
      expect(lines.map((l) => l.op + l.text)).toEqual(['-a', '+b']);
      // The hunk says 7 lines where there are 6, and has no ---/+++ pair.
      expect(d.repairs.map((r) => r.kind).sort()).toEqual(['header-synthesised', 'hunk-count-fixed']);
    },
  },
  'mail-0010-invalid-charset.mbox': { files: ['sysdeps/x86_64/fpu/multiarch/e_pow.c'], hunks: 1 },
  'mail-0011-no-newline-at-end-of-file.mbox': {
    files: [
      'tools/testing/selftests/powerpc/Makefile',
      'tools/testing/selftests/powerpc/vphn/vphn.c',
      'tools/testing/selftests/powerpc/vphn/vphn.h',
    ],
    hunks: 3,
    check: (d) => {
      expect(d.text.startsWith('diff --git a/tools/testing/selftests/powerpc/Makefile')).toBe(true);
      expect(count(d.text, '\\ No newline at end of file')).toBe(2);
      expect(d.text.trimEnd().endsWith('\\ No newline at end of file')).toBe(true);
    },
  },
  'mail-0012-invalid-header-char.mbox': { files: ['lib/librte_eal/linuxapp/kni/kni_net.c'], hunks: 1 },
  'mail-0013-with-utf8-body.mbox': { files: ['MAINTAINERS'], hunks: 1 },
  'mail-0014-with-unencoded-utf8-headers.mbox': { files: ['MAINTAINERS'], hunks: 1 },
  'mail-0015-with-invalid-utf8-headers.mbox': { files: ['MAINTAINERS'], hunks: 1 },
  'mail-0016-no-subject.mbox': {
    files: [
      'package/rpi-userland/rpi-userland-000-add-pkgconfig-files.patch',
      'package/rpi-userland/rpi-userland-001-makefiles-cmake-vmcs.cmake-allow-to-override-VMCS_IN.patch',
    ],
    hunks: 0,
  },
  'mail-0018-git-pull-request-crlf-newlines.mbox': { files: [], hunks: 0 },
  'mail-0019-multipart-patch.mbox': {
    files: ['patchwork/parser.py'],
    hunks: 1,
    check: (d) => {
      expect(d.text).not.toContain('<div');
      // The text part lost the hunk's last (blank) context line: recounted.
      expect(d.repairs.map((r) => r.kind)).toContain('hunk-count-fixed');
    },
  },
  'mail-0020-multipart-comment.mbox': { files: [], hunks: 0 },
  'mail-0021-git-empty-new-file.mbox': {
    files: ['banana'],
    hunks: 0,
    check: (d) => expect(d.files[0]!.old).toBeNull(),
  },
  'mail-0022-git-mode-change.mbox': {
    files: ['scripts/kconfig/nconf-cfg.sh'],
    hunks: 0,
    check: (d) => expect(d.files[0]!.extended.slice(0, 2)).toEqual(['old mode 100644', 'new mode 100755']),
  },
  'mail-0023-git-pull-request-newline-in-url.mbox': { files: [], hunks: 0 },
  'mail-0025-git-add-binary-file.mbox': {
    files: ['pixel.bmp'],
    hunks: 0,
    check: (d) => {
      expect(d.files[0]!.binary).toBe(true);
      // Deliberate difference: patchwork keeps `diff --git pixel.bmp pixel.bmp`; our text is
      // canonical (a/ b/ prefixes), which git apply -p1 reads the same way.
      expect(d.text.startsWith('diff --git a/pixel.bmp b/pixel.bmp\n')).toBe(true);
      for (const s of ['GIT binary patch', 'literal 142', 'literal 0']) expect(d.text).toContain(s);
    },
  },
  'mail-0026-git-add-mixed-binary-text-files.mbox': {
    files: ['pixel.bmp', 'quit.sh'],
    hunks: 1,
    check: (d) => {
      expect(d.files.map((f) => f.binary)).toEqual([true, false]);
      expect(d.text).toContain('GIT binary patch');
      expect(d.text).toContain('diff --git a/quit.sh b/quit.sh');
    },
  },
  'mail-0027-git-modify-binary-file.mbox': {
    files: ['pixel.bmp'],
    hunks: 0,
    check: (d) => {
      for (const s of ['GIT binary patch', 'literal 0', 'literal 142']) expect(d.text).toContain(s);
    },
  },
};

/** All diffs of one mail, as the thread side collects them: body, then diff-bearing parts. */
async function diffsOf(path: string): Promise<{ diffs: FoundDiff[]; body: string }[]> {
  const mails = await messagesOf(path);
  return mails.map((m) => {
    const diffs = findDiffs(splitQuoted(m.body), { patchMail: !isReply(m.subject) });
    for (const p of m.parts) {
      const d = parseDiffText(p.text, 'attachment');
      if (d) diffs.push(d);
    }
    return { diffs, body: m.body };
  });
}

describe.skipIf(!HAVE_CORPUS)('patchwork mail-* cases', () => {
  it('the table covers every mail-* file of the corpus', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('mail-'));
    expect(files.sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(Object.entries(TABLE))('%s', async (file, want) => {
    const [mail] = await diffsOf(DIR + file);
    const { diffs, body } = mail!;
    if (want.files.length === 0) {
      expect(diffs).toEqual([]);
      return;
    }
    expect(diffs).toHaveLength(1);
    const d = diffs[0]!;
    expect(d.files.map((f) => f.new ?? f.old)).toEqual(want.files);
    expect(d.files.reduce((n, f) => n + f.hunks.length, 0)).toBe(want.hunks);
    expect(applyFailures(d.text)).toEqual([]);
    if (d.origin !== 'attachment') expect(strictReadingDiffers(body.split('\n'), d)).toBeNull();
    want.check?.(d);
  });
});

describe.skipIf(!HAVE_CORPUS)('patchwork patch-* raw diffs and the mails its tests build from them', () => {
  const raw = HAVE_CORPUS ? readFileSync(`${DIR}patch-0001-add-line.patch`, 'utf8') : '';
  const utf8 = HAVE_CORPUS ? readFileSync(`${DIR}patch-0002-utf-8.patch`, 'utf8') : '';
  const one = (body: string) => findDiffs(splitQuoted(body), { patchMail: true });

  it.each([
    ['patch-0001-add-line.patch', () => raw, '+meep'],
    ['patch-0002-utf-8.patch', () => utf8, '+meëp'],
  ])('%s: one file meep.text, one hunk @@ -1,1 +1,2 @@, rendered back byte for byte', (_, text, added) => {
    const d = parseDiffText(text(), 'attachment')!;
    expect(d.files.map((f) => f.new)).toEqual(['meep.text']);
    expect(d.files[0]!.hunks.map((h) => h.header)).toEqual(['@@ -1,1 +1,2 @@']);
    expect(d.text).toBe(text());
    expect(d.text).toContain(added);
    expect(d.repairs).toEqual([]);
  });

  it('inline after a comment: the diff is the file exactly, the comment is not in it', () => {
    const d = one(`Test for attached patch\n${raw}`);
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toBe(raw);
    expect(d[0]!.firstLine).toBe(2);
  });

  it('a `-- ` signature between comment and diff does not hide the diff', () => {
    expect(one(`Test comment\n-- \nsig\n${raw}`).map((d) => d.text)).toEqual([raw]);
  });

  it('a lone `---` followed by prose is not a diff', () => {
    expect(one('Test comment\n---\nUpdate: test update\n')).toEqual([]);
    expect(one(`Test comment\n---\nUpdate: test update\n${raw}`).map((d) => d.firstLine)).toEqual([4]);
  });

  it('a list footer before the diff is not part of it', () => {
    const footer = '_______________________________________________\nLinuxppc-dev mailing list\n';
    expect(one(`Test comment\n${footer}${raw}`).map((d) => d.text)).toEqual([raw]);
  });

  it('comment lines starting with `difficult` or `Different` start no diff', () => {
    expect(one('Test comment\ndifficult\nDifferent\ndiff between versions\n')).toEqual([]);
    expect(one(`difficult\nDifferent\n${raw}`).map((d) => d.firstLine)).toEqual([3]);
  });
});

describe.skipIf(!HAVE_CORPUS)('patchwork series-* mboxes', () => {
  // Patches per file (asserted counts): every non-cover message of these series has a diff.
  const PATCHES: Record<string, number> = {
    'series-base-cover-letter.mbox': 2,
    'series-base-deep-threaded.mbox': 2,
    'series-base-out-of-order.mbox': 2,
    'series-base-incomplete.mbox': 1,
    'series-base-different-versions.mbox': 4,
    'series-base-no-references-no-cover.mbox': 2,
    'series-bugs-multiple-references.mbox': 4,
    'series-bugs-multiple-content-types.mbox': 1,
    'series-bugs-unnumbered.mbox': 2,
    'series-bugs-nocover-noversion.mbox': 4,
    'series-bugs-mixed-versions.mbox': 2,
    'series-revision-basic.mbox': 4,
    'series-revision-threaded-to-cover.mbox': 4,
    'series-revision-unlabeled.mbox': 4,
    'series-mercurial-cover-letter.mbox': 2,
  };

  it('the table covers every series-* file', () => {
    expect(readdirSync(DIR).filter((f) => f.startsWith('series-')).sort()).toEqual(Object.keys(PATCHES).sort());
  });

  it.each(Object.entries(PATCHES))('%s: %i messages carry their own patch', async (file, n) => {
    const mails = await diffsOf(DIR + file);
    const own = mails.filter((m) => m.diffs.some((d) => d.quoteDepth === 0));
    expect(own).toHaveLength(n);
    for (const m of mails) for (const d of m.diffs) expect(applyFailures(d.text)).toEqual([]);
  });

  it('series-base-different-versions: 30/8/6/10 hunks per patch', async () => {
    const mails = await diffsOf(`${DIR}series-base-different-versions.mbox`);
    const hunks = mails
      .filter((m) => m.diffs.length > 0)
      .map((m) => m.diffs[0]!.files.reduce((n, f) => n + f.hunks.length, 0));
    expect(hunks).toEqual([30, 8, 6, 10]);
  });

  it('series-bugs-multiple-content-types: the reply quotes the patch; same change, same identity', async () => {
    const { diffIdentity } = await import('../../src/patch/index.js');
    const [patch, reply] = await diffsOf(`${DIR}series-bugs-multiple-content-types.mbox`);
    expect(reply!.diffs).toHaveLength(1);
    expect(reply!.diffs[0]!.quoteDepth).toBe(1);
    expect(reply!.diffs[0]!.origin).toBe('quoted');
    expect(diffIdentity(reply!.diffs[0]!.files)).toBe(diffIdentity(patch!.diffs[0]!.files));
  });
});

describe.skipIf(!HAVE_CORPUS)('patchwork fuzz-* mails', () => {
  it.each(['fuzz-base64err.mbox', 'fuzz-charset.mbox'])('%s: reading never throws', (file) => {
    const text = readFileSync(DIR + file, 'latin1');
    expect(() => findDiffs(splitQuoted(text), { patchMail: true })).not.toThrow();
    expect(() => parseDiffText(text, 'attachment')).not.toThrow();
    for (const d of findDiffs(splitQuoted(text))) expect(applyFailures(d.text)).toEqual([]);
  });
});

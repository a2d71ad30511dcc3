// The mprotect() system call around the model C change_protection() (mm/mprotect.c):
// mmap_lock for writing, the vma's vm_flags and vm_page_prot updated (mprotect_fixup() for a vma
// covered exactly; splitting a vma is not modelled), then the page tables -- in v5.14 with
// change_protection(vma, start, end, newprot, cp_flags), in v6.1 with the mmu_gather of
// tlb_gather_mmu() first and MM_CP_TRY_CHANGE_WRITABLE for a writable private vma, in v6.13
// without newprot (change_protection() reads vma->vm_page_prot).

import type { Blocked, ExecCtx } from '../../interp/api.js';
import type { Kernel } from '../state.js';
import { acquire, release } from '../locks.js';
import { hex } from '../object.js';
import type { MmStruct } from './vma.js';
import { VM_EXEC, VM_MAYEXEC, VM_MAYREAD, VM_MAYWRITE, VM_READ, VM_WRITE, vmGetPageProt } from './pgtable-types.js';

const PROT_READ = 1;
const PROT_WRITE = 2;
const PROT_EXEC = 4;
const MM_CP_TRY_CHANGE_WRITABLE = 1n;

export function* mprotect(ctx: ExecCtx, k: Kernel, mm: MmStruct, start: bigint, len: bigint, prot: number): Generator<Blocked, number, void> {
  return yield* k.tsFrame(ctx, 'mprotect (mprotect_fixup)', mprotectBody(ctx, k, mm, start, len, prot));
}

function* mprotectBody(ctx: ExecCtx, k: Kernel, mm: MmStruct, start: bigint, len: bigint, prot: number): Generator<Blocked, number, void> {
  const end = start + ((len + 0xfffn) & ~0xfffn);
  yield* acquire(ctx, mm.mmapLock, false);
  try {
    const vmas = mm.vmas.filter((v) => v.start < end && v.end > start);
    if (vmas.length === 0) return -12; // -ENOMEM: nothing mapped there
    for (const vma of vmas) {
      if (vma.start < start || vma.end > end) ctx.notModelled(`mprotect of part of ${vma.name} (vma split) [${hex(start)}, ${hex(end)})`);
      let want = 0n;
      if (prot & PROT_READ) want |= VM_READ;
      if (prot & PROT_WRITE) want |= VM_WRITE;
      if (prot & PROT_EXEC) want |= VM_EXEC;
      const may = (vma.flags & (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)) >> 4n;
      if ((want & ~may) !== 0n) return -13; // -EACCES
      vma.flags = (vma.flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | want;
      vma.prot = vmGetPageProt(vma.flags);
      if (k.release.mprotectGathers) {
        // do_mprotect_pkey()'s tlb_gather_mmu(&tlb, current->mm); mprotect_fixup() asks to try
        // making ptes writable in a writable private vma (shared anonymous vmas are not modelled)
        const tlb = k.plain('mmu_gather', `mmu_gather of mprotect in ${mm.name}`, { mm: mm.self, start: 0n, end: 0n });
        const cpFlags = (vma.flags & VM_WRITE) !== 0n ? MM_CP_TRY_CHANGE_WRITABLE : 0n;
        const args = k.release.protectionFromVma ? [tlb.self, vma.self, vma.start, vma.end, cpFlags] : [tlb.self, vma.self, vma.start, vma.end, vma.prot, cpFlags];
        yield* ctx.call('change_protection', args);
      } else {
        // dirty_accountable: vma_wants_writenotify() is false for private anonymous memory.
        yield* ctx.call('change_protection', [vma.self, vma.start, vma.end, vma.prot, 0n]);
      }
    }
    return 0;
  } finally {
    release(ctx, mm.mmapLock, false);
  }
}

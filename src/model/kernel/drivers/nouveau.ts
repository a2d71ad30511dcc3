// The GPU side of nouveau: what nvif_object_ioctl(PFNMAP) and nvif_object_mthd(PFNCLR) do to the
// GPU's page table for SVM (drivers/gpu/drm/nouveau/nvkm/subdev/mmu/vmm*.c, reduced to the
// entries and their V/W/A bits). Deterministic: a sorted map from GPU virtual page to entry.

export interface GpuPte {
  pfn: bigint;
  valid: boolean;
  write: boolean;
  atomic: boolean;
}

export class GpuPageTable {
  readonly entries = new Map<bigint, GpuPte>();
  /** Count of PFNCLR calls and of pages they cleared (the process-wide notifier's work). */
  clears = 0;
  cleared = 0;

  map(addr: bigint, phys: bigint): void {
    const V = 1n,
      W = 2n,
      A = 4n;
    this.entries.set(addr & ~0xfffn, { pfn: phys >> 12n, valid: (phys & V) !== 0n, write: (phys & W) !== 0n, atomic: (phys & A) !== 0n });
  }

  clear(start: bigint, size: bigint): void {
    this.clears++;
    for (const a of [...this.entries.keys()]) {
      if (a >= start && a < start + size) {
        this.entries.delete(a);
        this.cleared++;
      }
    }
  }

  describe(): string[] {
    return [...this.entries.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([a, e]) => `0x${a.toString(16)} -> pfn 0x${e.pfn.toString(16)} ${e.valid ? 'V' : ''}${e.write ? 'W' : ''}${e.atomic ? 'A' : ''}`);
  }
}

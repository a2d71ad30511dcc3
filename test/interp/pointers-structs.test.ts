// Pointers (arithmetic on the memmap, pointer <-> integer through the AddressSpace, tagged
// pointers, wild pointers), structs (designated initialisers, UNINIT fields, embedded structs,
// container_of), arrays, function pointers, sizeof, opaque runtime values.

import { describe, expect, it } from 'vitest';
import { Ptr, UNINIT } from '../../src/model/interp/index.js';
import { FakePte, rt, run1 } from './fake-runtime.js';

describe('pointer arithmetic on runtime regions', () => {
  it('finds a subpage as page - page_to_pfn(page) + pte_pfn(pte) (memmap arithmetic in elements)', async () => {
    const { compile } = await import('./fake-runtime.js');
    const p = await compile(`
      struct page *f(struct page *page) {
        pte_t pte = pfn_pte(page_to_pfn(page) + 3);
        struct page *subpage = page - page_to_pfn(page) + pte_pfn(pte);
        record(subpage - page);
        record_i(subpage > page);
        record_i(subpage == pfn_to_page(515));
        record_i(&page[3] == subpage);
        return subpage;
      }`);
    expect(p.errors).toEqual([]);
    rt.reset();
    const page = new Ptr(rt.memmap, 512);
    const r = p.run({ mem: rt.mem, threads: [{ name: 'm', entry: 'f', args: [page] }] });
    expect(r.verdict).toBe('completed');
    expect(r.value).toBeInstanceOf(Ptr);
    expect((r.value as Ptr).index).toBe(515);
    expect(rt.log).toEqual([3n, 1, 1, 1]);
  });

  it('round-trips pointers through unsigned long and finds objects by address', async () => {
    const r = await run1(`
      struct anon_vma av;
      int f(void) {
        struct page *p = pfn_to_page(7);
        unsigned long a = (unsigned long)p;
        struct page *q = (struct page *)a;
        unsigned long b = (unsigned long)&av;
        struct anon_vma *back = (struct anon_vma *)b;
        record_u(a);
        return (q == p) + 2 * (back == &av) + 4 * ((struct page *)(a + sizeof(struct page) * 0) == p);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(7);
    expect(rt.log).toEqual([0xffffea0000000000n + 7n * 64n]);
  });

  it('decodes a low-bit tagged anon_vma pointer and refuses to dereference the tagged one', async () => {
    const src = `
      struct anon_vma the_av;
      struct anon_vma *page_anon_vma(struct page *page) {
        unsigned long anon_mapping = (unsigned long)READ_ONCE(page->mapping);
        if ((anon_mapping & PAGE_MAPPING_FLAGS) != PAGE_MAPPING_ANON)
          return NULL;
        return (struct anon_vma *)(anon_mapping - PAGE_MAPPING_ANON);
      }
      int good(void) {
        struct page *page = pfn_to_page(1);
        the_av.refcount = 5;
        page->mapping = (void *)((unsigned long)&the_av + PAGE_MAPPING_ANON);
        return page_anon_vma(page)->refcount + 10 * (page_anon_vma(pfn_to_page(2)) == NULL);
      }
      int bad(void) {
        struct page *page = pfn_to_page(1);
        struct anon_vma *tagged;
        page->mapping = (void *)((unsigned long)&the_av + PAGE_MAPPING_ANON);
        tagged = (struct anon_vma *)page->mapping;
        return tagged->refcount;
      }`;
    expect((await run1(src, 'good')).value).toBe(15);
    const r = await run1(src, 'bad');
    expect(r.verdict).toBe('bug');
    expect(r.detail).toMatch(/tagged pointer dereference: tagged is global the_av\+1/);
    expect(r.stack!.map((s) => s.function)).toEqual(['bad']);
  });

  it('makes an address nothing lives at a wild pointer whose dereference is a bug', async () => {
    const r = await run1(`
      int f(void) {
        struct anon_vma *av = (struct anon_vma *)0x1234000UL;
        return av->refcount;
      }`, 'f');
    expect(r.verdict).toBe('bug');
    expect(r.detail).toMatch(/wild pointer 0x1234000/);
  });

  it('treats NULL dereference as bug with the stack and position', async () => {
    const r = await run1(`
      struct walk { struct page *page; unsigned long *pte; };
      unsigned long inner(struct walk *w) {
        return *w->pte;
      }
      unsigned long outer(void) {
        struct walk w = { .page = pfn_to_page(0) };
        return inner(&w);
      }`, 'outer');
    expect(r.verdict).toBe('bug');
    expect(r.detail).toBe('NULL pointer dereference: w->pte');
    expect(r.stack).toEqual([
      { function: 'outer', file: 't.c', line: 9 },
      { function: 'inner', file: 't.c', line: 5 },
    ]);
  });

  it('bounds-checks local arrays', async () => {
    const r = await run1(`int f(void) { int a[4]; int *p = a; a[3] = 1; return p[4]; }`, 'f');
    expect(r.verdict).toBe('bug');
    expect(r.detail).toBe('out-of-bounds access: p[4] is local a in f[4] (length 4)');
  });
});

describe('structs and initialisers', () => {
  const RANGE = `
    struct mmu_notifier_range { void *vma; void *mm; unsigned long start; unsigned long end; unsigned int flags; int event; void *owner; };
    static void range_init(struct mmu_notifier_range *range, int event, unsigned int flags, unsigned long start, unsigned long end) {
      range->vma = NULL; range->mm = NULL; range->event = event; range->flags = flags;
      range->start = start; range->end = end;
    }`;

  it('leaves fields the initialiser skipped UNINIT when there is no initialiser; copying is not a read', async () => {
    const r = await run1(`${RANGE}
      int f(void) {
        struct mmu_notifier_range range;
        struct mmu_notifier_range copy;
        range_init(&range, 1, 0, 0, 4096);
        record_ptr(range.owner);
        copy = range;
        record_ptr(copy.owner);
        return range.event;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([UNINIT, UNINIT]);
    expect(r.hazards).toEqual([]);
  });

  it('records uninitialised-read once per site when UNINIT is compared, and compares unequal', async () => {
    const r = await run1(`${RANGE}
      int f(void) {
        struct mmu_notifier_range range;
        int hits = 0, i;
        range_init(&range, 7, 0, 0, 4096);
        for (i = 0; i < 3; i++) {
          if (range.event == 7 && range.owner == NULL) hits += 1;     /* owner is garbage */
          if (range.owner != NULL) hits += 10;
        }
        return hits;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(30);
    expect(r.hazards.map((h) => [h.kind, h.function, h.loc?.line])).toEqual([
      ['uninitialised-read', 'f', 13],
      ['uninitialised-read', 'f', 14],
    ]);
    expect(r.hazards[0]!.detail).toBe('reads uninitialised `range.owner` in `range.owner == NULL`');
  });

  it('zero-fills with = {...}, designated and positional, nested and arrays', async () => {
    const r = await run1(`${RANGE}
      struct inner { int a; int b[3]; };
      struct outer { long x; struct inner in; struct page *pages[2]; };
      void f(void) {
        struct mmu_notifier_range r2 = { .event = 3, .start = 4096 };
        struct outer o = { 1, .in = { .b = { [1] = 5 } }, .pages[1] = pfn_to_page(9) };
        struct outer z = {};
        int arr[4] = { 1, 2 };
        record_ptr(r2.owner); record_i(r2.event); record_u(r2.end);
        record(o.x); record_i(o.in.a); record_i(o.in.b[1]); record_i(o.in.b[2]);
        record_ptr(o.pages[0]); record_ptr(o.pages[1]);
        record(z.x); record_i(arr[1] + arr[3]);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log.slice(0, 8)).toEqual([null, 3, 0n, 1n, 0, 5, 0, null]);
    expect((rt.log[8] as Ptr).index).toBe(9);
    expect(rt.log.slice(9)).toEqual([0n, 2]);
    expect(r.hazards).toEqual([]);
  });

  it('re-initialises a struct local each time its declaration runs', async () => {
    const r = await run1(`
      struct args { long sum; int valid; };
      long f(void) {
        long total = 0;
        int i;
        for (i = 0; i < 3; i++) {
          struct args a = { .valid = 1 };
          a.sum += i;
          total += a.sum;
        }
        return total;
      }`, 'f');
    expect(r.value).toBe(3n);
  });

  it('calls through function pointers in a struct built with designated initialisers', async () => {
    const r = await run1(`
      struct walk_args { long visits; };
      struct rmap_walk_control {
        void *arg;
        bool (*rmap_one)(struct page *page, unsigned long address, void *arg);
        int (*done)(struct page *page);
        struct anon_vma *(*anon_lock)(struct page *page);
      };
      static bool one(struct page *page, unsigned long address, void *arg) {
        struct walk_args *a = arg;
        a->visits += address;
        return a->visits < 10;
      }
      static void walk(struct page *page, struct rmap_walk_control *rwc) {
        unsigned long addr;
        for (addr = 1; addr < 100; addr++) {
          if (!rwc->rmap_one(page, addr, rwc->arg)) break;
          if (rwc->done && rwc->done(page)) break;
        }
      }
      long f(void) {
        struct walk_args args = { .visits = 0 };
        struct rmap_walk_control rwc = { .rmap_one = one, .arg = &args, };
        walk(pfn_to_page(0), &rwc);
        return args.visits + 1000 * (rwc.anon_lock == NULL);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(1010n);
  });

  it('finds the container of an embedded struct (container_of) and by address arithmetic', async () => {
    const r = await run1(`
      struct notifier { unsigned long seq; };
      struct svm_notifier { long pad; struct notifier notifier; int tag; };
      struct svm_notifier sn_global;
      static int tag_of(struct notifier *mni) {
        struct svm_notifier *sn = container_of(mni, struct svm_notifier, notifier);
        return sn->tag;
      }
      int f(void) {
        struct svm_notifier sn = { .tag = 7 };
        struct notifier *via_addr;
        sn_global.tag = 30;
        via_addr = (struct notifier *)((unsigned long)&sn_global + 8);
        return tag_of(&sn.notifier) + tag_of(&sn_global.notifier) + 100 * (container_of(via_addr, struct svm_notifier, notifier) == &sn_global);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(137);
  });

  it('decays arrays, counts ARRAY_SIZE and sizeof of types and expressions', async () => {
    const r = await run1(`
      struct three { char c; long l; int i; };
      static void fill(struct page **pages, int n) { int i; for (i = 0; i < n; i++) pages[i] = pfn_to_page(i * 2); }
      long f(void) {
        struct page *pages[64];
        struct three t;
        fill(pages, ARRAY_SIZE(pages));
        record(pages[63] - pages[0]);
        return sizeof(pages) + sizeof(struct three) * 1000 + sizeof t.l * 100000 + sizeof(pte_t) * 10000000;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(rt.log).toEqual([126n]);
    expect(r.value).toBe(512n + 24000n + 800000n + 80000000n);
  });

  it('passes opaque runtime values through locals, struct fields and builtins', async () => {
    const r = await run1(`
      struct pvmw { struct page *page; pte_t *pte; pte_t orig; };
      unsigned long f(void) {
        pte_t ptes[4];
        struct pvmw w = { .page = pfn_to_page(1) };
        ptes[2] = pfn_pte(42);
        w.pte = &ptes[2];
        w.orig = *w.pte;
        return pte_pfn(w.orig) + pte_pfn(*w.pte);
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(84n);
  });

  it('keeps void * round trips and address-taken scalars', async () => {
    const r = await run1(`
      static void set(unsigned long *p, void *q) { *p = (unsigned long)q; }
      static void get_page(struct page **out) { *out = pfn_to_page(5); }
      int f(void) {
        unsigned long v = 0;
        struct page *page = NULL;
        void *vp;
        get_page(&page);
        vp = page;
        set(&v, vp);
        return ((struct page *)vp == page) + 2 * (v == (unsigned long)pfn_to_page(5));
      }`, 'f');
    expect(r.value).toBe(3);
    expect(new FakePte(1n).equals(new FakePte(1n))).toBe(true);
  });
});

describe('structs by value', () => {
  it('copies struct arguments and return values (the callee frame is gone afterwards)', async () => {
    const r = await run1(`
      struct pair { long a; long b; };
      static struct pair make(long a) { struct pair p = { .a = a, .b = a * 2 }; return p; }
      static long sum(struct pair p) { p.a += 100; return p.a + p.b; }
      long f(void) {
        struct pair x = make(5);
        struct pair y;
        y = make(1);
        return sum(x) + x.a * 1000 + y.b * 100000;
      }`, 'f');
    expect(r.verdict).toBe('completed');
    expect(r.value).toBe(115n + 5000n + 200000n);
  });
});

describe('macros that declare, compound literals as objects', () => {
  it('a statement macro that expands to a declaration declares in the enclosing scope (DEFINE_FOLIO_VMA_WALK)', async () => {
    const r = await run1(`
      struct walk { unsigned long pfn; unsigned long nr; int flags; };
      #define DEFINE_WALK(name, _pfn, _flags) struct walk name = { .pfn = (_pfn), .nr = 1, .flags = _flags, }
      int f(int x) {
        int y = 2;
        DEFINE_WALK(w, x, 3);
        w.nr += y;
        return w.pfn * 100 + w.nr * 10 + w.flags;
      }`, 'f', [5]);
    expect([r.verdict, r.value]).toEqual(['completed', 533]);
  });

  it('takes the address of a struct compound literal (nouveau_svmm_invalidate passes &(struct ...){ ... })', async () => {
    const r = await run1(`
      struct range { unsigned long addr; unsigned long size; };
      static unsigned long end_of(const struct range *r) { return r->addr + r->size; }
      unsigned long f(unsigned long start, unsigned long limit) {
        return end_of(&(struct range) {
          .addr = start,
          .size = limit - start,
        });
      }`, 'f', [0x1000n, 0x3000n]);
    expect([r.verdict, r.value]).toEqual(['completed', 0x3000n]);
  });
});

describe('annotations in macro bodies', () => {
  it('blanks __force in a macro body, as in the text (RMAP_NONE is ((__force rmap_t)0))', async () => {
    const r = await run1(`
      typedef int rmap_t;
      #define RMAP_NONE ((__force rmap_t)0)
      #define RMAP_EXCLUSIVE ((__force rmap_t)(1UL << 0))
      int f(void) { rmap_t flags = RMAP_NONE; return flags | RMAP_EXCLUSIVE; }`, 'f');
    expect([r.verdict, r.value]).toEqual(['completed', 1]);
  });
});

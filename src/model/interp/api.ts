// The contract between the C-subset interpreter (src/model/interp) and the kernel runtime
// (src/model/kernel). Model C sources see kernel state only through these shapes, and the
// runtime sees the interpreter only through ExecCtx. Keep changes additive: both sides build on it.

// ---------------------------------------------------------------------------------------------
// Static C types
// ---------------------------------------------------------------------------------------------

export type CType =
  | { k: 'void' }
  /** Integer types. `bool` is { bits: 1, signed: false }; `char` is 8 bits signed. */
  | { k: 'int'; bits: 1 | 8 | 16 | 32 | 64; signed: boolean; name: string }
  | { k: 'ptr'; to: CType }
  | { k: 'struct'; name: string }
  | { k: 'array'; of: CType; len: number }
  | { k: 'func'; ret: CType; params: CType[]; variadic: boolean }
  /** Values only the runtime understands (pte_t, pmd_t, swp_entry_t, pgprot_t, spinlock_t ...). */
  | { k: 'opaque'; name: string };

// ---------------------------------------------------------------------------------------------
// Run-time values
// ---------------------------------------------------------------------------------------------

/**
 * A C value as both sides see it:
 * - integer types of up to 32 bits (and bool, as 0/1): `number`, already truncated to the type;
 * - 64-bit integer types (long, unsigned long, u64, size_t, pgoff_t ...): `bigint`, already
 *   wrapped to the type (unsigned long is 0 .. 2^64-1, long is -2^63 .. 2^63-1);
 * - pointers: a `Ptr`, or `null` for NULL;
 * - a struct lvalue (what `*p` or a struct variable denotes): a `StructRef`;
 * - runtime-defined scalar types (pte_t ...): an `Opaque`;
 * - a value nobody ever wrote (an on-stack field the initialiser skipped): `UNINIT`;
 * - `undefined` for void.
 */
export type Value = number | bigint | Ptr | null | StructRef | Opaque | typeof UNINIT | undefined;

/** Marker for never-initialised storage (e.g. `range.owner` after `mmu_notifier_range_init`). */
export const UNINIT: unique symbol = Symbol('uninitialised');

/** A runtime-defined scalar value (pte_t, pmd_t, swp_entry_t ...). Immutable. */
export interface Opaque {
  readonly opaqueType: string;
  /** Stable text for traces, fingerprints and equality (`pte_same` and friends use equals). */
  describe(): string;
  equals(other: Opaque): boolean;
}

/**
 * Something a pointer can point into: an array of elements of one type, with a kernel-like
 * base address so that pointer <-> integer casts and pointer arithmetic behave as in C.
 * The memmap (struct page, index = pfn), a page table (pte_t slots), a local array, a single
 * struct object (length 1), a scalar local whose address was taken, a function.
 */
export interface Region {
  /** For messages: "memmap", "pte table @0x7f0000000000 (mm 1)", "local pages[64] in dmirror_exclusive". */
  readonly name: string;
  readonly elemType: CType;
  readonly elemSize: number;
  /** Kernel virtual address of element 0 (assigned by the AddressSpace). */
  readonly base: bigint;
  /** Valid indices are [0, length). */
  readonly length: number;
  /** The element's value; for struct elements a StructRef (reference semantics). */
  load(index: number, ctx: ExecCtx): Value;
  store(index: number, value: Value, ctx: ExecCtx): void;
}

/** A pointer: an element of a region, plus a byte offset for low-bit tagging (`anon_vma | 1`). */
export class Ptr {
  constructor(
    readonly region: Region,
    readonly index: number,
    readonly byteOffset: number = 0,
  ) {}
  get address(): bigint {
    const r = this.region;
    if (this.byteOffset === 0) {
      if (this.index === 0) return r.base;
      const off = this.index * r.elemSize;
      if (Number.isSafeInteger(off)) return r.base + BigInt(off);
    }
    return r.base + BigInt(this.index) * BigInt(r.elemSize) + BigInt(this.byteOffset);
  }
  add(n: number): Ptr {
    return new Ptr(this.region, this.index + n, this.byteOffset);
  }
  equals(o: Ptr | null): boolean {
    return o !== null && this.address === o.address;
  }
}

/** A struct object, runtime-owned (struct page, vm_area_struct ...) or a model local. */
export interface StructRef {
  readonly structName: string;
  get(field: string, ctx: ExecCtx): Value;
  set(field: string, value: Value, ctx: ExecCtx): void;
  /** `&obj->field`. For an embedded struct field this is a pointer to the embedded StructRef. */
  fieldPtr(field: string, ctx: ExecCtx): Ptr;
  /** Pointer to this object (for `&local`, and so that container_of can find the container). */
  readonly self: Ptr;
  /** When this struct is embedded in another one (`struct svm_notifier { struct mmu_interval_notifier notifier; }`). */
  readonly container?: { obj: StructRef; field: string };
}

// ---------------------------------------------------------------------------------------------
// Builtins: kernel primitives the runtime implements in TypeScript
// ---------------------------------------------------------------------------------------------

/** What a blocking builtin yields to the scheduler: "I cannot go on until this is released". */
export interface Blocked {
  readonly blockedOn: Waitable;
}

/** A lock, a wait queue or anything else a thread can sleep on. */
export interface Waitable {
  readonly name: string;
  /** Thread that must act before the waiter can go on (the holder), for deadlock wait chains. */
  holder(): ThreadRef | null;
  /** True when a thread blocked on it could now proceed. */
  ready(): boolean;
}

export interface ThreadRef {
  readonly id: number;
  readonly name: string;
}

export type BuiltinResult = Value | Generator<Blocked, Value, void>;

export interface Builtin {
  /**
   * The C prototype the model sources call it by, e.g. `bool trylock_page(struct page *page)`.
   * The interpreter converts arguments to these parameter types before the call and trusts the
   * return value to be of the declared type (see Value for representations).
   */
  proto: string;
  /** Plain function, or a generator function when `blocking` (it may yield Blocked). */
  fn: (ctx: ExecCtx, ...args: Value[]) => BuiltinResult;
  blocking?: boolean;
  /** Header file that declares it in the kernel (for `lkml-replay model`): "include/linux/pagemap.h". */
  header?: string;
}

export type BuiltinTable = Record<string, Builtin>;

// ---------------------------------------------------------------------------------------------
// Execution context handed to builtins
// ---------------------------------------------------------------------------------------------

export interface SourceLoc {
  file: string; // model path, e.g. "mm/rmap.c"
  line: number;
  function: string;
}

/** Kinds of hazards the runtime and interpreter record (open set; these are the common ones). */
export type HazardKind =
  | 'tail-mapping-read'
  | 'uninitialised-read'
  | 'warn'
  | 'page-left-locked'
  | 'mapcount-mismatch'
  | 'refcount-leak'
  | 'lock-leak'
  | string;

export interface Hazard {
  kind: HazardKind;
  function: string;
  detail: string;
  stack?: string[];
  loc?: SourceLoc;
}

/** Ordered events of a run, as they appear in an Outcome's `trace`. */
export type TraceEvent =
  | { t: 'call'; fn: string; depth: number; thread: string; args?: string[] }
  | { t: 'return'; fn: string; depth: number; thread: string; value?: string }
  | { t: 'notifier'; index: number } // index into Outcome.notifiers
  | { t: 'lock'; op: 'acquire' | 'release' | 'block' | 'trylock-fail'; lock: string; thread: string; fn: string }
  | { t: 'fault'; addr: string; kind: string; thread: string; fn: string }
  | { t: 'retry'; fn: string; pass: number; thread: string; why: string }
  | { t: 'hazard'; index: number }
  | { t: 'note'; text: string; fn: string };

export interface ExecCtx {
  readonly thread: ThreadRef;
  /** Function names of the current thread's model call stack, outermost first. */
  stack(): string[];
  loc(): SourceLoc;
  hazard(kind: HazardKind, detail: string): void;
  trace(ev: TraceEvent): void;
  /** BUG()/VM_BUG_ON/NULL dereference: ends the run with verdict `bug`. */
  bug(message: string): never;
  /** A call the model cannot honour: ends the run with verdict `error`. */
  notModelled(what: string): never;
  /** Call a model function (C source or builtin) by name or function pointer from TypeScript. */
  call(fn: string | Ptr, args: Value[]): Generator<Blocked, Value, void>;
  /** The pointer for a runtime object's address (int -> pointer casts go through this too). */
  readonly mem: AddressSpace;

  // --- Added with the interpreter (additive; implemented by the interpreter's threads) ---

  /** End the run now with `verdict` (e.g. 'livelock') and `detail`, from a builtin or a hook. */
  endRun(verdict: string, detail: string): never;
  /**
   * Keep running, but if the run then completes normally its verdict is `verdict` (a later bug,
   * deadlock, budget or error still wins). E.g. a proven livelock whose loop then times out.
   */
  setVerdict(verdict: string, detail: string): void;
  /** ExecCtx.call for code that cannot block; ends the run with `error` if the callee blocks. */
  callSync(fn: string | Ptr, args: Value[]): Value;
  /** Statements executed so far in this run (all threads). */
  readonly steps: number;

  // --- Added with schedule exploration (additive) ---

  /**
   * A point where a schedule explorer may let another thread run before runtime code makes
   * operation `op` (a lock taken, a page lock waited for ...): a Blocked to yield, or null to go
   * on (always null when no explorer runs).
   */
  preemptPoint?(op: string, args: readonly unknown[]): Blocked | null;
}

/** Assigns kernel-like addresses to regions and maps addresses back to pointers. */
export interface AddressSpace {
  register(region: Region): void;
  /** The pointer at `addr`, or a wild pointer (whose dereference is a bug) when nothing is there. */
  ptrAt(addr: bigint, elemType: CType): Ptr;
  /** Allocate an address range for a new region of `bytes` bytes. */
  allocate(bytes: number, align?: number): bigint;
}

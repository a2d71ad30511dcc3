// Strings numbered 0, 1, 2 ... in the order they are first added, kept as UTF-8 bytes in one
// buffer with an open-addressing hash table over them. A big mbox names a few hundred thousand
// Message-IDs; as JS strings in a Map each costs about twice its length in headers and entries.
// Only for strings that survive UTF-8 (Message-IDs come from decoded bytes, so they do).

export class IdTable {
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** starts[i] .. starts[i + 1]: the bytes of string i. */
  private starts = new Uint32Array(1025);
  private count = 0;
  /** Hash slots: string number + 1, 0 when empty; at most half full. */
  private slots = new Int32Array(2048);
  private scratch: Buffer = Buffer.allocUnsafe(1024);

  get size(): number {
    return this.count;
  }

  /** The number of `s`, or -1 when it was never added. */
  find(s: string): number {
    return this.slotOf(s) >= 0 ? this.found : -1;
  }

  /** The number of `s`, which is added when new. */
  add(s: string): number {
    const slot = this.slotOf(s);
    if (slot >= 0) return this.found;
    const n = this.key;
    if (this.used + n > this.bytes.length) this.bytes = grownBuffer(this.bytes, this.used + n);
    if (this.ascii) this.bytes.write(s, this.used, 'latin1');
    else this.scratch.copy(this.bytes, this.used, 0, n);
    if (this.count + 2 > this.starts.length) {
      const next = new Uint32Array(Math.ceil(this.starts.length * 1.5) + 16);
      next.set(this.starts);
      this.starts = next;
    }
    this.starts[this.count] = this.used;
    this.used += n;
    this.starts[this.count + 1] = this.used;
    const id = this.count++;
    this.slots[-slot - 1] = id + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** String number `i` (a new string each time). */
  text(i: number): string {
    return this.bytes.toString('utf8', this.starts[i]!, this.starts[i + 1]!);
  }

  private found = -1;
  /** Of the last string looked up: its length in bytes, and whether it is ASCII (then not encoded). */
  private key = 0;
  private ascii = true;

  /**
   * Looks `s` up: a slot >= 0 when found (its number in `found`), else -(the empty slot) - 1.
   * An ASCII string (nearly every Message-ID) is hashed and compared char by char, not encoded.
   */
  private slotOf(s: string): number {
    let h = FNV_START;
    this.ascii = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        this.ascii = false;
        break;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    let n = s.length;
    if (!this.ascii) {
      if (s.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(s.length * 3 + 64);
      n = this.scratch.write(s, 0, 'utf8');
      h = fnv(this.scratch, 0, n);
    }
    this.key = n;
    h = mix(h);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot]!;
      if (v === 0) return -slot - 1;
      const start = this.starts[v - 1]!;
      if (this.starts[v]! - start === n && (this.ascii ? sameChars(this.bytes, start, s) : sameBytes(this.bytes, start, this.scratch, n))) {
        this.found = v - 1;
        return slot;
      }
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = mix(fnv(this.bytes, this.starts[i]!, this.starts[i + 1]!)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.slots = slots;
  }
}

function grownBuffer(old: Buffer, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, Math.ceil(old.length * 1.5)));
  old.copy(next);
  return next;
}

function sameBytes(a: Buffer, at: number, b: Buffer, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[at + i] !== b[i]) return false;
  return true;
}

function sameChars(a: Buffer, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (a[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-8 bytes (for ASCII, the same as over the chars). */
function fnv(buf: Buffer, start: number, end: number): number {
  let h = FNV_START;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  return h;
}

/** murmur3's finaliser, so the low bits (the slot) mix well. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

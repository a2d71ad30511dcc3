// The expression language of #if/#elif after macro expansion: integer literals, character
// constants, parentheses, unary ! - + ~, the binary operators of C and ?:, in intmax_t (bigint).

export class IfParser {
  private i = 0;
  constructor(private readonly t: string[]) {}
  done(): boolean {
    return this.i >= this.t.length;
  }
  peek(): string {
    return this.t[this.i] ?? '<end>';
  }
  private eat(s: string): boolean {
    if (this.t[this.i] === s) {
      this.i++;
      return true;
    }
    return false;
  }
  ternary(): bigint {
    const c = this.binary(0);
    if (!this.eat('?')) return c;
    const a = this.ternary();
    if (!this.eat(':')) throw new Error('expected :');
    const b = this.ternary();
    return c !== 0n ? a : b;
  }
  private static LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  private binary(level: number): bigint {
    if (level >= IfParser.LEVELS.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      const op = this.t[this.i];
      if (op === undefined || !IfParser.LEVELS[level]!.includes(op)) return l;
      this.i++;
      const r = this.binary(level + 1);
      l = applyIf(op, l, r);
    }
  }
  private unary(): bigint {
    if (this.eat('!')) return this.unary() === 0n ? 1n : 0n;
    if (this.eat('-')) return -this.unary();
    if (this.eat('+')) return this.unary();
    if (this.eat('~')) return ~this.unary();
    if (this.eat('(')) {
      const v = this.ternary();
      if (!this.eat(')')) throw new Error('expected )');
      return v;
    }
    const tok = this.t[this.i++];
    if (tok === undefined) throw new Error('unexpected end');
    if (/^(0x[0-9a-f]+|\d+)$/i.test(tok)) return BigInt(tok);
    if (/^'.'$/.test(tok)) return BigInt(tok.charCodeAt(1));
    throw new Error(`unexpected ${tok}`);
  }
}

function applyIf(op: string, l: bigint, r: bigint): bigint {
  const b = (x: boolean) => (x ? 1n : 0n);
  switch (op) {
    case '||': return b(l !== 0n || r !== 0n);
    case '&&': return b(l !== 0n && r !== 0n);
    case '|': return l | r;
    case '^': return l ^ r;
    case '&': return l & r;
    case '==': return b(l === r);
    case '!=': return b(l !== r);
    case '<': return b(l < r);
    case '>': return b(l > r);
    case '<=': return b(l <= r);
    case '>=': return b(l >= r);
    case '<<': return l << r;
    case '>>': return l >> r;
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': if (r === 0n) throw new Error('division by zero'); return l / r;
    case '%': if (r === 0n) throw new Error('division by zero'); return l % r;
  }
  throw new Error(`operator ${op}`);
}

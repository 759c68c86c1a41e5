/**
 * Reading a page's content the way a reader (poppler) does, to find what `qpdf --check` calls damage — a string or
 * inline image the content ends inside, a hex string with stray characters, a name with a stray `#` or a NUL, a
 * brace, an unbalanced array or dictionary, `ID` / `EI` out of place — and to write such content again in plain
 * syntax that both read the same way: stray characters left out as the reader skips them, operands no operator
 * uses dropped, an inline image the content ends inside closed.
 */

const WHITE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIM;

const code = (c: string) => c.charCodeAt(0);
const [LPAREN, RPAREN, LT, GT, LBRACKET, RBRACKET] = [code('('), code(')'), code('<'), code('>'), code('['), code(']')];
const [LBRACE, RBRACE, SLASH, PERCENT, BACKSLASH, HASH] = [
  code('{'),
  code('}'),
  code('/'),
  code('%'),
  code('\\'),
  code('#'),
];
const EI = Buffer.from('EI', 'latin1');
/** A name no resource dictionary holds: a reader finds nothing under a name it cannot read either. */
const UNREADABLE_NAME = '/JzUnreadableName';

type Chunk = string | Uint8Array;

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const isNumberStart = (c: number) => (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;

/** An open array or dictionary operand: its parts, what is open inside it, whether it is broken. */
interface Composite {
  parts: Chunk[];
  open: number[];
  broken: boolean;
}

class ContentWalker {
  pos = 0;
  damaged = false;
  private readonly out: Chunk[] = [];
  private pending: Chunk[] = [];
  private composite: Composite | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly writing: boolean,
    /** Where each content stream after the first starts: a reader ends a name, number or keyword there. */
    private readonly starts: number[] = [],
  ) {}

  /** The end of a name, number or keyword that starts at `start`: the next delimiter or stream start. */
  private runEnd(start: number): number {
    const b = this.bytes;
    let limit = b.length;
    for (const s of this.starts) if (s > start && s < limit) limit = s;
    let end = start;
    while (end < limit && CLASS[b[end]!] === 0) end++;
    return end;
  }

  walk(): void {
    const b = this.bytes;
    for (;;) {
      this.skipSpace();
      if (this.pos >= b.length) break;
      const c = b[this.pos]!;
      if (c === LPAREN) this.literalString();
      else if (c === LT && b[this.pos + 1] === LT) this.open(LT, 2);
      else if (c === LT) this.hexString();
      else if (c === GT && b[this.pos + 1] === GT) this.close(LT, 2);
      else if (c === LBRACKET) this.open(LBRACKET, 1);
      else if (c === RBRACKET) this.close(LBRACKET, 1);
      else if (c === SLASH) this.name();
      else if (c === RPAREN || c === GT || c === LBRACE || c === RBRACE) this.stray();
      else this.word();
    }
    // The content ends inside an array or dictionary, or with operands no operator uses: a reader draws nothing.
    if (this.composite) this.damaged = true;
  }

  result(): Buffer {
    return Buffer.concat(this.out.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)));
  }

  private skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (CLASS[c] === WHITE) this.pos++;
      else if (c === PERCENT) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** Called only when writing. */
  private operand(chunk: Chunk): void {
    (this.composite ? this.composite.parts : this.pending).push(chunk);
  }

  /** Something a reader reads as nothing: the token is left out, an open array or dictionary is spoilt. */
  private drop(): void {
    this.damaged = true;
    if (this.composite) this.composite.broken = true;
  }

  private literalString(): void {
    const b = this.bytes;
    const start = this.pos;
    let depth = 0;
    for (; this.pos < b.length; this.pos++) {
      const c = b[this.pos]!;
      if (c === BACKSLASH) this.pos++;
      else if (c === LPAREN) depth++;
      else if (c === RPAREN && --depth === 0) {
        this.pos++;
        if (this.writing) this.operand(b.subarray(start, this.pos));
        return;
      }
    }
    this.drop();
  }

  private hexString(): void {
    const b = this.bytes;
    let digits = '';
    let clean = true;
    for (this.pos++; this.pos < b.length; this.pos++) {
      const c = b[this.pos]!;
      if (c === GT) {
        this.pos++;
        if (!clean) this.damaged = true;
        if (this.writing) this.operand(`<${digits}>`);
        return;
      }
      if (hexValue(c) >= 0) {
        if (this.writing) digits += String.fromCharCode(c);
      } else if (CLASS[c] !== WHITE) clean = false; // a reader skips it
    }
    this.drop();
  }

  private name(): void {
    const b = this.bytes;
    const start = this.pos;
    let text = '/';
    let unreadable = false;
    let stray = false;
    const end = this.runEnd(this.pos + 1);
    for (this.pos++; this.pos < end; this.pos++) {
      const c = b[this.pos]!;
      if (c !== HASH) {
        if (this.writing) text += String.fromCharCode(c);
        continue;
      }
      const [hi, lo] = this.pos + 2 < end ? [hexValue(b[this.pos + 1]), hexValue(b[this.pos + 2])] : [-1, -1];
      if (hi < 0 || lo < 0) {
        stray = true;
        if (this.writing) text += '#23';
      } else {
        if (hi === 0 && lo === 0) unreadable = true;
        if (this.writing) text += String.fromCharCode(c, b[this.pos + 1]!, b[this.pos + 2]!);
        this.pos += 2;
      }
    }
    if (stray || unreadable) this.damaged = true;
    if (this.writing) this.operand(unreadable ? UNREADABLE_NAME : stray ? text : b.subarray(start, this.pos));
  }

  private stray(): void {
    const brace = this.bytes[this.pos] === LBRACE || this.bytes[this.pos] === RBRACE;
    this.pos++;
    this.drop();
    // A reader takes a brace for an operator it does not know, and forgets the operands before it.
    if (brace && !this.composite) this.pending = [];
  }

  private open(kind: number, length: number): void {
    this.pos += length;
    const token = kind === LT ? '<<' : '[';
    if (!this.composite) this.composite = { parts: [token], open: [kind], broken: false };
    else {
      this.composite.open.push(kind);
      if (this.writing) this.composite.parts.push(token);
    }
  }

  private close(kind: number, length: number): void {
    this.pos += length;
    const c = this.composite;
    if (!c || c.open[c.open.length - 1] !== kind) return this.drop();
    c.open.pop();
    if (this.writing) c.parts.push(kind === LT ? '>>' : ']');
    if (c.open.length > 0) return;
    this.composite = undefined;
    if (!c.broken && this.writing) this.pending.push(c.parts.join(' '));
  }

  private wordIs(start: number, end: number, word: string): boolean {
    if (end - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.bytes[start + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  private word(): void {
    const b = this.bytes;
    const start = this.pos;
    const end = (this.pos = this.runEnd(start));
    const value =
      isNumberStart(b[start]!) ||
      (end - start >= 4 &&
        (this.wordIs(start, end, 'true') || this.wordIs(start, end, 'false') || this.wordIs(start, end, 'null')));
    if (value) return void (this.writing && this.operand(b.subarray(start, end)));
    if (this.composite) {
      // A keyword in an array (`[(a) 0 Tc (b)] TJ`) is an element readers skip; in a dictionary, a broken one.
      const open = this.composite.open;
      if (open[open.length - 1] === LT) return this.drop();
      return void (this.writing && this.operand(b.subarray(start, end)));
    }
    const two = end - start === 2;
    if (two && this.wordIs(start, end, 'BI')) return this.inlineImage();
    if (two && (this.wordIs(start, end, 'ID') || this.wordIs(start, end, 'EI'))) {
      this.damaged = true;
      this.pending = [];
      return;
    }
    this.emit(b.subarray(start, end));
  }

  private emit(operator: Chunk): void {
    if (!this.writing) return;
    for (const operand of this.pending) this.out.push(operand, ' ');
    this.out.push(operator, '\n');
    this.pending = [];
  }

  /** `BI` … `ID` data `EI`: the data runs to an `EI` between white space (or the end of the content). */
  private inlineImage(): void {
    const b = this.bytes;
    const start = this.pos;
    for (;;) {
      this.skipSpace();
      if (this.pos >= b.length) return this.drop();
      const at = this.pos;
      while (this.pos < b.length && CLASS[b[this.pos]!] === 0) this.pos++;
      if (this.pos === at) this.pos++;
      else if (this.wordIs(at, this.pos, 'ID')) break;
    }
    const header = b.subarray(start, this.pos);
    if (CLASS[b[this.pos]!] === WHITE) this.pos++;
    const data = this.pos;
    const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    let ei = view.indexOf(EI, data);
    while (ei >= 0 && !(CLASS[b[ei - 1]!] === WHITE && (ei + 2 >= b.length || CLASS[b[ei + 2]!] !== 0)))
      ei = view.indexOf(EI, ei + 1);
    if (ei < 0) this.damaged = true;
    this.pos = ei < 0 ? b.length : ei + 2;
    this.emit('BI');
    if (this.writing) this.out.push(header, ' ', b.subarray(data, ei < 0 ? b.length : ei), ei < 0 ? '\nEI\n' : 'EI\n');
  }
}

/**
 * Whether a reader and `qpdf --check` find damage in a page's content: its streams' decoded data, joined, with
 * `starts` where each stream after the first begins.
 */
export function contentIsDamaged(content: Uint8Array, starts: number[] = []): boolean {
  const walker = new ContentWalker(content, false, starts);
  walker.walk();
  return walker.damaged;
}

/** The page's content written again as a reader reads it, in syntax `qpdf --check` passes. */
export function repairContent(content: Uint8Array, starts: number[] = []): Buffer {
  const walker = new ContentWalker(content, true, starts);
  walker.walk();
  return walker.result();
}

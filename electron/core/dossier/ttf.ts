/**
 * The dossier's font without fontkit: WenQuanYi Micro Hei read straight from its TrueType collection (cmap for
 * characters, hmtx for widths) and embedded as a CIDFontType2 subset that keeps the original glyph ids — only
 * the glyphs drawn keep their outlines. Loading fontkit and laying out every string cost ~0.25 s of every
 * assembly; this takes a few milliseconds. (The checklist, a small pdf-lib document, still uses fontkit.)
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { TextFont } from './font.ts';

interface Table {
  offset: number;
  length: number;
}

/** One face of a TrueType collection (or a plain .ttf). */
export class TrueTypeFace {
  private readonly tables = new Map<string, Table>();
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;
  private readonly cmap: (cp: number) => number;

  constructor(
    private readonly data: Buffer,
    faceOffset: number,
  ) {
    const count = data.readUInt16BE(faceOffset + 4);
    for (let i = 0; i < count; i += 1) {
      const r = faceOffset + 12 + i * 16;
      this.tables.set(data.toString('latin1', r, r + 4), {
        offset: data.readUInt32BE(r + 8),
        length: data.readUInt32BE(r + 12),
      });
    }
    const head = this.table('head');
    this.unitsPerEm = data.readUInt16BE(head.offset + 18);
    this.longLoca = data.readInt16BE(head.offset + 50) === 1;
    this.numGlyphs = data.readUInt16BE(this.table('maxp').offset + 4);
    this.numberOfHMetrics = data.readUInt16BE(this.table('hhea').offset + 34);
    this.cmap = this.readCmap();
  }

  table(tag: string): Table {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  }

  hasTable(tag: string): boolean {
    return this.tables.has(tag);
  }

  tableBytes(tag: string): Buffer {
    const t = this.table(tag);
    return this.data.subarray(t.offset, t.offset + t.length);
  }

  /** The postscript name (name id 6), for picking a face out of a collection. */
  postscriptName(): string {
    const name = this.table('name');
    const count = this.data.readUInt16BE(name.offset + 2);
    const strings = name.offset + this.data.readUInt16BE(name.offset + 4);
    for (let i = 0; i < count; i += 1) {
      const r = name.offset + 6 + i * 12;
      if (this.data.readUInt16BE(r + 6) !== 6) continue;
      const platform = this.data.readUInt16BE(r);
      const bytes = this.data.subarray(
        strings + this.data.readUInt16BE(r + 10),
        strings + this.data.readUInt16BE(r + 10) + this.data.readUInt16BE(r + 8),
      );
      return platform === 3 ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('latin1');
    }
    return '';
  }

  glyphId(codePoint: number): number {
    return this.cmap(codePoint);
  }

  advance(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    return this.data.readUInt16BE(hmtx + 4 * Math.min(gid, this.numberOfHMetrics - 1));
  }

  private locaAt(gid: number): number {
    const loca = this.table('loca').offset;
    return this.longLoca ? this.data.readUInt32BE(loca + 4 * gid) : 2 * this.data.readUInt16BE(loca + 2 * gid);
  }

  glyph(gid: number): Buffer {
    const glyf = this.table('glyf').offset;
    return this.data.subarray(glyf + this.locaAt(gid), glyf + this.locaAt(gid + 1));
  }

  /** Glyph ids a composite glyph is built from (none for a simple glyph). */
  components(gid: number): number[] {
    const g = this.glyph(gid);
    if (g.length < 10 || g.readInt16BE(0) >= 0) return [];
    const ids: number[] = [];
    let at = 10;
    for (;;) {
      const flags = g.readUInt16BE(at);
      ids.push(g.readUInt16BE(at + 2));
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) return ids;
    }
  }

  /** Format 12 (full Unicode) or format 4 (BMP) from the Windows Unicode cmap. */
  private readCmap(): (cp: number) => number {
    const cmap = this.table('cmap').offset;
    const d = this.data;
    let format4 = -1;
    let format12 = -1;
    for (let i = 0; i < d.readUInt16BE(cmap + 2); i += 1) {
      const r = cmap + 4 + i * 8;
      const [platform, encoding, sub] = [d.readUInt16BE(r), d.readUInt16BE(r + 2), cmap + d.readUInt32BE(r + 4)];
      if (platform === 3 && encoding === 10 && d.readUInt16BE(sub) === 12) format12 = sub;
      if (platform === 3 && encoding === 1 && d.readUInt16BE(sub) === 4) format4 = sub;
    }
    if (format12 >= 0) return (cp) => lookup12(d, format12, cp);
    if (format4 >= 0) return (cp) => lookup4(d, format4, cp);
    throw new Error('font has no Windows Unicode cmap');
  }
}

function lookup12(d: Buffer, sub: number, cp: number): number {
  let lo = 0;
  let hi = d.readUInt32BE(sub + 12) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = sub + 16 + mid * 12;
    if (cp < d.readUInt32BE(r)) hi = mid - 1;
    else if (cp > d.readUInt32BE(r + 4)) lo = mid + 1;
    else return d.readUInt32BE(r + 8) + cp - d.readUInt32BE(r);
  }
  return 0;
}

function lookup4(d: Buffer, sub: number, cp: number): number {
  if (cp > 0xffff) return 0;
  const segs = d.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  for (let i = 0; i < segs; i += 1) {
    if (cp > d.readUInt16BE(ends + 2 * i)) continue;
    const start = d.readUInt16BE(starts + 2 * i);
    if (cp < start) return 0;
    const delta = d.readInt16BE(deltas + 2 * i);
    const rangeOffset = d.readUInt16BE(ranges + 2 * i);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const g = d.readUInt16BE(ranges + 2 * i + rangeOffset + 2 * (cp - start));
    return g === 0 ? 0 : (g + delta) & 0xffff;
  }
  return 0;
}

/** The face named `postscriptName` in a .ttc (or the only face of a .ttf). */
export function loadFace(file: string, postscriptName: string): TrueTypeFace {
  const data = fs.readFileSync(file);
  if (data.toString('latin1', 0, 4) !== 'ttcf') return new TrueTypeFace(data, 0);
  const faces = Array.from(
    { length: data.readUInt32BE(8) },
    (_, i) => new TrueTypeFace(data, data.readUInt32BE(12 + 4 * i)),
  );
  return faces.find((f) => f.postscriptName() === postscriptName) ?? faces[0]!;
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A TrueType file holding only `used` glyphs' outlines (ids unchanged), with the tables a PDF renderer needs. */
export function subsetFont(face: TrueTypeFace, used: Set<number>): Buffer {
  const keep = new Set([0, ...used]);
  for (const gid of [...keep]) for (const c of face.components(gid)) keep.add(c);
  const loca = Buffer.alloc(4 * (face.numGlyphs + 1));
  const parts: Buffer[] = [];
  let at = 0;
  for (let gid = 0; gid < face.numGlyphs; gid += 1) {
    loca.writeUInt32BE(at, 4 * gid);
    if (!keep.has(gid)) continue;
    const g = face.glyph(gid);
    const padded = Buffer.alloc(g.length + ((4 - (g.length % 4)) % 4));
    g.copy(padded);
    parts.push(padded);
    at += padded.length;
  }
  loca.writeUInt32BE(at, 4 * face.numGlyphs);
  const head = Buffer.from(face.tableBytes('head'));
  head.writeInt16BE(1, 50);
  head.writeUInt32BE(0, 8);
  const tables = new Map<string, Buffer>([
    ['head', head],
    ['loca', loca],
    ['glyf', Buffer.concat(parts)],
  ]);
  for (const tag of ['hhea', 'maxp', 'hmtx', 'cvt ', 'fpgm', 'prep', 'OS/2'])
    if (face.hasTable(tag)) tables.set(tag, face.tableBytes(tag));
  return sfnt(tables);
}

function sfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const dir = Buffer.alloc(12 + 16 * tags.length);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(tags.length, 4);
  dir.writeUInt16BE(power * 16, 6);
  dir.writeUInt16BE(Math.log2(power), 8);
  dir.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const raw = tables.get(tag)!;
    const body = Buffer.alloc(raw.length + ((4 - (raw.length % 4)) % 4));
    raw.copy(body);
    const r = 12 + 16 * i;
    dir.write(tag, r, 'latin1');
    dir.writeUInt32BE(checksum(body), r + 4);
    dir.writeUInt32BE(offset, r + 8);
    dir.writeUInt32BE(raw.length, r + 12);
    bodies.push(body);
    offset += body.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

/** Text set in one face: glyph ids (as 4-digit hex) and widths, with every glyph drawn remembered. */
export class SubsetText implements TextFont {
  readonly used = new Map<number, number>();
  constructor(readonly face: TrueTypeFace) {}

  encode(text: string): string {
    let hex = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const gid = this.face.glyphId(cp);
      if (!this.used.has(gid)) this.used.set(gid, cp);
      hex += gid.toString(16).padStart(4, '0');
    }
    return `<${hex}>`;
  }

  /** The characters of `text` this face has no glyph for (it would draw them as .notdef: a box). */
  missing(text: string): string[] {
    return [...new Set([...text].filter((ch) => this.face.glyphId(ch.codePointAt(0)!) === 0))];
  }

  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.face.advance(this.face.glyphId(ch.codePointAt(0)!));
    return (units * size) / this.face.unitsPerEm;
  }
}

/** The PDF objects of the subset font, as (object body or stream) to write; `ref(i)` names object i of them. */
export function fontObjects(
  text: SubsetText,
  baseFont: string,
  ref: (i: number) => string,
): { body: string; stream?: Buffer }[] {
  const face = text.face;
  const scale = 1000 / face.unitsPerEm;
  const head = face.tableBytes('head');
  const bbox = [36, 38, 40, 42].map((o) => Math.round(head.readInt16BE(o) * scale));
  const hhea = face.tableBytes('hhea');
  const ascent = Math.round(hhea.readInt16BE(4) * scale);
  const descent = Math.round(hhea.readInt16BE(6) * scale);
  const gids = [...text.used.keys()].sort((a, b) => a - b);
  const widths = gids.map((g) => `${g}[${Math.round(face.advance(g) * scale)}]`).join(' ');
  const program = subsetFont(face, new Set(gids));
  const toUnicode = Buffer.from(cmapText(text.used), 'latin1');
  return [
    {
      body: `<</Type/Font/Subtype/Type0/BaseFont/${baseFont}/Encoding/Identity-H/DescendantFonts[${ref(1)}]/ToUnicode ${ref(4)}>>`,
    },
    {
      body: `<</Type/Font/Subtype/CIDFontType2/BaseFont/${baseFont}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ${ref(2)}/DW 1000/W[${widths}]/CIDToGIDMap/Identity>>`,
    },
    {
      body: `<</Type/FontDescriptor/FontName/${baseFont}/Flags 4/FontBBox[${bbox.join(' ')}]/ItalicAngle 0/Ascent ${ascent}/Descent ${descent}/CapHeight ${ascent}/StemV 80/FontFile2 ${ref(3)}>>`,
    },
    { body: `/Filter/FlateDecode/Length1 ${program.length}`, stream: zlib.deflateSync(program) },
    { body: '/Filter/FlateDecode', stream: zlib.deflateSync(toUnicode) },
  ];
}

/** A ToUnicode CMap: each glyph id drawn → the character it was drawn for. */
function cmapText(used: Map<number, number>): string {
  const entries = [...used].sort((a, b) => a[0] - b[0]);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const utf16 = (cp: number) => Buffer.from(String.fromCodePoint(cp), 'utf16le').swap16().toString('hex');
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([g, cp]) => `<${hex4(g)}> <${utf16(cp)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMapResource defineresource pop',
    'end',
    'end',
  ].join('\n');
}

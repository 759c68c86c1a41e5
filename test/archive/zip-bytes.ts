/**
 * Zip files written byte by byte for the hostile-archive tests (the deflated data by fflate): shapes no honest
 * zip tool makes, such as many directory entries that point at the same data.
 */
import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Where the directory says the entry's local header is; by default, where it was written. */
  localOffset?: number;
  /** Whether the entry gets its own local header and data (false: only a directory record). */
  written: boolean;
  data: Uint8Array;
}

function localHeader(name: Buffer, crc: number, compressed: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(8, 8); // deflated
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function directoryRecord(name: Buffer, crc: number, compressed: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/**
 * A deflated zip of `entries`. An entry that is not `written` reuses the local header and data of the entry whose
 * offset it names (its directory record still gives its own name): the overlapping-entries bomb.
 */
export function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const records: Buffer[] = [];
  const at: number[] = [];
  let offset = 0;
  const known = new Map<Uint8Array, { deflated: Uint8Array; crc: number }>();
  const factsOf = (data: Uint8Array) =>
    known.get(data) ?? known.set(data, { deflated: deflateSync(data, { level: 9 }), crc: crc32(data) }).get(data)!;
  const facts = entries.map((e) => factsOf(e.data));
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const { deflated, crc } = facts[i]!;
    at.push(offset);
    if (e.written) {
      const part = Buffer.concat([localHeader(name, crc, deflated.length, e.data.length), deflated]);
      parts.push(part);
      offset += part.length;
    }
    records.push(directoryRecord(name, crc, deflated.length, e.data.length, e.localOffset ?? at[i]!));
  });
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

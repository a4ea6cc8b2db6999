import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

/*
 * Reading an uploaded zip archive (an .xlsx) with a bound on what it expands to. The sizes a zip declares can lie,
 * so every entry is really inflated, off the event loop, with zlib's output cap: a bomb stops at the budget instead
 * of expanding to gigabytes (D10). Only what an .xlsx needs: no zip64, no encryption, stored or deflated entries.
 */

const inflate = promisify(inflateRaw);

export type ZipEntry = { name: string; data: Buffer };

/** Why an archive is refused: `format` — not a plain zip we read; `size` — it expands beyond the budget. */
export class ZipRefused extends Error {
  constructor(readonly reason: 'format' | 'size') {
    super(reason);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Directory = { name: string; method: number; flags: number; compressed: number; size: number; offset: number }[];

function directory(buf: Buffer, maxEntries: number): Directory {
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipRefused('format');
  const count = buf.readUInt16LE(eocd + 10);
  const start = buf.readUInt32LE(eocd + 16);
  if (count > maxEntries) throw new ZipRefused('size');
  const out: Directory = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('format');
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // 0xFFFFFFFF: a zip64 entry, which no spreadsheet of an importable size needs.
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) throw new ZipRefused('format');
    out.push(entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** The names in the archive's central directory, nothing inflated: enough to tell an .xlsx from a .docx. */
export function zipEntryNames(buf: Buffer, maxEntries: number): string[] {
  return directory(buf, maxEntries).map((e) => e.name);
}

/**
 * Every entry of the archive, inflated; throws ZipRefused('size') as soon as the entries together would exceed
 * `maxBytes` (their real size, whatever they declare) or there are more than `maxEntries`.
 */
export async function unzipBounded(buf: Buffer, limits: { maxBytes: number; maxEntries: number }): Promise<ZipEntry[]> {
  const entries = directory(buf, limits.maxEntries);
  let budget = limits.maxBytes;
  const out: ZipEntry[] = [];
  for (const e of entries) {
    // Bit 0: encrypted.
    if (e.flags & 1) throw new ZipRefused('format');
    if (e.name.endsWith('/')) continue;
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) throw new ZipRefused('format');
    const from = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (from + e.compressed > buf.length) throw new ZipRefused('format');
    const raw = buf.subarray(from, from + e.compressed);
    let data: Buffer;
    if (e.method === 0) {
      data = raw;
    } else if (e.method === 8) {
      if (budget <= 0) throw new ZipRefused('size');
      try {
        data = await inflate(raw, { maxOutputLength: budget });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('size');
        throw new ZipRefused('format');
      }
    } else {
      throw new ZipRefused('format');
    }
    budget -= data.length;
    if (budget < 0) throw new ZipRefused('size');
    out.push({ name: e.name, data });
  }
  return out;
}

/**
 * The first 100 bytes of a SQLite file say what the rest is (page size, format). When only they are
 * damaged, every page behind them is still readable: this puts back a header SQLite accepts, with the
 * page size taken from the write-ahead log's own header when there is one, else guessed.
 * See https://www.sqlite.org/fileformat2.html#the_database_header.
 */
import { closeSync, existsSync, openSync, readSync, statSync, writeSync } from "node:fs";

const MAGIC = Buffer.from("SQLite format 3\0", "latin1");

function readBytes(path: string, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

const validPageSize = (n: number) => n >= 512 && n <= 65536 && (n & (n - 1)) === 0;

/** The page size field as stored (1 means 65536), or 0 when it is not a valid one. */
function pageSizeOf(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return validPageSize(size) ? size : 0;
}

/** Whether the header is one SQLite would open (the fields it refuses a file for). */
export function headerLooksValid(path: string): boolean {
  const h = readBytes(path, 0, 100);
  return (
    h.subarray(0, 16).equals(MAGIC) &&
    pageSizeOf(h) > 0 &&
    h[21] === 64 &&
    h[22] === 32 &&
    h[23] === 32 &&
    [1, 2].includes(h[18] ?? 0) &&
    [1, 2].includes(h[19] ?? 0)
  );
}

/** Page sizes worth trying, most likely first: the WAL's, the file's own if valid, then the usual ones. */
export function pageSizeCandidates(path: string): number[] {
  const size = statSync(path).size;
  const found: number[] = [];
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size >= 32) {
    const fromWal = readBytes(wal, 8, 4).readUInt32BE(0);
    if (validPageSize(fromWal)) found.push(fromWal);
  }
  const own = pageSizeOf(readBytes(path, 0, 100));
  if (own) found.push(own);
  found.push(4096, 1024, 2048, 8192, 16384, 32768, 65536, 512);
  return [...new Set(found)].filter((n) => size % n === 0 || n === found[0]);
}

/** Writes a fresh header with this page size (WAL format when a -wal file lies beside it). */
export function writeHeader(path: string, pageSize: number): void {
  const h = Buffer.alloc(100);
  MAGIC.copy(h, 0);
  h.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  const wal = existsSync(`${path}-wal`) ? 2 : 1;
  h[18] = wal; // write and read versions: 2 makes SQLite read the -wal
  h[19] = wal;
  h[20] = 0; // no reserved bytes per page
  h[21] = 64; // payload fractions, fixed by the format
  h[22] = 32;
  h[23] = 32;
  h.writeUInt32BE(1, 24); // change counter; "version valid for" (92) left 0 so the size in pages
  h.writeUInt32BE(Math.floor(statSync(path).size / pageSize), 28); // is taken from the file's length
  h.writeUInt32BE(1, 40); // schema cookie
  h.writeUInt32BE(4, 44); // schema format 4
  h.writeUInt32BE(1, 56); // UTF-8, as every database this server writes
  h.writeUInt32BE(3045001, 96);
  const fd = openSync(path, "r+");
  try {
    writeSync(fd, h, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}

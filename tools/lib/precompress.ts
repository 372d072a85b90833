/**
 * Writes file.gz and file.br beside every text file of a built client, at the strongest settings (done
 * once at build time, so the server sends the smallest bytes without spending CPU per request). Files
 * that compression would not shrink by at least a tenth are left alone.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Extensions worth compressing: text. Images and fonts (png, woff2) are compressed already. */
export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".mjs"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface Precompressed {
  files: number;
  /** Bytes of the compressible files, and of their brotli versions. */
  before: number;
  after: number;
}

async function compressOne(path: string): Promise<{ before: number; after: number } | null> {
  const raw = readFileSync(path);
  const br = await brotli(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  if (br.length > raw.length * 0.9) return null;
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, await gz(raw, { level: constants.Z_BEST_COMPRESSION }));
  return { before: raw.length, after: br.length };
}

export async function precompressDir(dir: string): Promise<Precompressed> {
  const total: Precompressed = { files: 0, before: 0, after: 0 };
  const targets = filesUnder(dir).filter((f) => COMPRESSIBLE.has(extname(f)));
  for (const result of await Promise.all(targets.map(compressOne))) {
    if (!result) continue;
    total.files++;
    total.before += result.before;
    total.after += result.after;
  }
  return total;
}

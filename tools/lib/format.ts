/** Text formatting for the tools' printed reports: aligned tables and numbers for people. */

export type Align = "l" | "r";

/**
 * Lays out rows as columns separated by two spaces. The first row is the header, underlined;
 * `align` gives each column's alignment (left when missing).
 */
export function table(rows: string[][], align: Align[] = [], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: string[]): string =>
    indent +
    row
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return align[i] === "r" ? cell.padStart(w) : cell.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return [];
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)];
}

/** 1234567 → "1,234,567". */
export function int(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Signed percent: 4.567 → "+4.57%". */
export function signedPct(pct: number, digits = 2): string {
  const text = pct.toFixed(digits);
  return `${pct >= 0 && !text.startsWith("-") ? "+" : ""}${text}%`;
}

/** A share 0..1 as a percent, blank-ish for nothing so tables stay readable. */
export function share(x: number, digits = 1): string {
  return x === 0 ? "-" : `${(x * 100).toFixed(digits)}%`;
}

/** Difficulty in trillions, the unit miners quote: 15.96 T. */
export function difficultyT(d: number): string {
  return `${(d / 1e12).toFixed(2)} T`;
}

export function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

/** "label   value" lines with the values aligned. */
export function keyValues(pairs: [string, string][], indent = "  "): string[] {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`);
}

/** A small CSV reader for the shipped data: `#` comment lines, a header row, double-quoted fields. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string, name = "csv"): CsvTable {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0 && !l.startsWith("#"));
  const first = lines.shift();
  if (first === undefined) throw new Error(`${name}: no header row`);
  const header = splitLine(first);
  const rows = lines.map((line, i) => {
    const cells = splitLine(line);
    if (cells.length !== header.length) {
      throw new Error(
        `${name}: data row ${i + 1} has ${cells.length} fields, the header has ${header.length}`,
      );
    }
    return cells;
  });
  return { header, rows };
}

function splitLine(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** Rows as records keyed by header name. */
export function records(table: CsvTable): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? ""])));
}

/**
 * The teacher's CSV exports, as spreadsheets open them (issue #15 §3):
 * - RFC 4180 (csv-stringify): CRLF between records, fields with a comma, quote or line break quoted,
 *   quotes doubled;
 * - a UTF-8 byte-order mark first, without which Excel reads the file as the local code page and
 *   garbles Chinese nicknames;
 * - no formulas: a text cell starting with = + - @, a tab or a carriage return would be run by the
 *   spreadsheet (nicknames are free text: "=HYPERLINK(…)"), so it gets a leading apostrophe, which
 *   spreadsheets show as text. Numbers stay numbers, negative ones too.
 */
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text ("-12.5"): a spreadsheet reads it as the number it is, not a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** The cell as written: text that a spreadsheet would take for a formula is neutralised. */
export function safeCell(value: CsvCell): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The rows (the header first) as a CSV file's text, BOM included. */
export function csv(rows: CsvCell[][]): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    {
      bom: true,
      record_delimiter: "windows",
      // A line break of either kind inside a field is quoted (csv-stringify quotes only the delimiter
      // it writes, CRLF, and a spreadsheet would split a cell at a lone LF).
      quoted_match: /[\r\n]/,
      // As written before: true/false spelled out (csv-stringify would write 1 and an empty cell).
      cast: { number: (n) => String(n), boolean: (b) => String(b) },
    },
  );
}

import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";

/**
 * CSV that a French Excel opens as is, by a double click: UTF-8 with a byte order mark (or
 * Excel reads it as Windows-1252 and breaks the accents), `;` between fields (the list
 * separator of the French locale, where `,` is the decimal mark), CRLF line ends, and euros
 * written with a decimal comma and no grouping, so that Excel reads them as numbers.
 */

export type CsvCell = string | null;

/** Euros with a decimal comma: 225000 cents → "2250,00"; an unknown amount is an empty cell. */
export const euros = (cents: number | null | undefined): CsvCell => {
  if (cents === null || cents === undefined) return null;
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
};

/**
 * Text typed by people (names, emails, hosts) as a cell that a spreadsheet shows and never
 * runs: one starting like a formula gets a leading apostrophe (OWASP, "CSV injection").
 */
export const text = (value: string | null | undefined): CsvCell => {
  if (value === null || value === undefined) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};

/** The header and the rows as French-Excel CSV; fields with `;`, a quote or a line break are quoted. */
export const frenchExcelCsv = (
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string =>
  stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    delimiter: ";",
    record_delimiter: "\r\n",
    quote: '"',
    escape: '"',
  });

/** Sends CSV as a download. */
export const csvDownload = (c: Context, filename: string, body: string): Response =>
  c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });

import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";

/**
 * CSV that a French Excel opens as is, by a double click: UTF-8 with a byte order mark (or
 * Excel reads it as Windows-1252 and breaks the accents), `;` between fields (the list
 * separator of the French locale, where `,` is the decimal mark), CRLF line ends, and euros
 * written with a decimal comma and no grouping, so that Excel reads them as numbers.
 */

/** A cell: text as typed, or an amount in euros (a number, see `euros`); null is empty. */
export type CsvCell = string | number | null | undefined;

/** An amount in cents as a number of euros (exact to the cent); an unknown amount is empty. */
export const euros = (cents: number | null | undefined): CsvCell =>
  cents === null || cents === undefined ? null : cents / 100;

/**
 * The header and the rows as French-Excel CSV. Every text cell is shown, never run (OWASP,
 * "CSV injection"): one starting like a formula (`= + - @`, a tab, a CR or their full-width
 * forms) gets a leading apostrophe (csv-stringify's `escape_formulas`), while an amount stays a
 * number, negative ones included. Fields with `;`, a quote or any line break (a lone LF or CR
 * too, which a CRLF record delimiter alone would leave bare) are quoted.
 */
export const frenchExcelCsv = (
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string =>
  stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    delimiter: ";",
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
    quote: '"',
    escape: '"',
    escape_formulas: true,
    // two decimals with a comma, no grouping: a French Excel reads it as a number
    cast: { number: (value) => value.toFixed(2).replace(".", ",") },
  });

/** Sends CSV as a download. */
export const csvDownload = (c: Context, filename: string, body: string): Response =>
  c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });

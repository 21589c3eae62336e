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
): string => csvLines([header, ...rows], true);

const csvLines = (rows: readonly (readonly CsvCell[])[], bom: boolean): string =>
  stringify(rows as CsvCell[][], {
    bom,
    delimiter: ";",
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
    quote: '"',
    escape: '"',
    escape_formulas: true,
    // two decimals with a comma, no grouping: a French Excel reads it as a number
    cast: { number: (value) => value.toFixed(2).replace(".", ",") },
  });

/**
 * Sends CSV as a download written as `batches` come, in the same form as `frenchExcelCsv`: the
 * next batch is asked for only once the client has taken the last one, so that the memory
 * holds one batch at a time. A batch that fails cuts the body short.
 */
export const csvStream = (
  c: Context,
  filename: string,
  header: readonly string[],
  batches: AsyncIterator<readonly (readonly CsvCell[])[]>,
): Response => {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await batches.next();
        if (next.done) return controller.close();
        const text = csvLines(started ? next.value : [header, ...next.value], !started);
        started = true;
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await batches.return?.();
      },
    },
    { highWaterMark: 0 },
  );
  return c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });
};

/** Sends CSV as a download. */
export const csvDownload = (c: Context, filename: string, body: string): Response =>
  c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });

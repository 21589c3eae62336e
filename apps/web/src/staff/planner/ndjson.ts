/**
 * Newline-delimited JSON read as it arrives (`application/x-ndjson`, the what-if's stream, ADR
 * 020): the bytes come in chunks cut anywhere, even inside a character or a line; each complete
 * line is one JSON value, handed over as soon as its newline is there. A last line without a
 * newline is still a line; blank lines are skipped.
 */

/** Splits text chunks into lines: `push` returns the lines a chunk completes, `end` the rest. */
export const lineSplitter = () => {
  let pending = "";
  return {
    push(chunk: string): string[] {
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      return parts.filter((line) => line.trim() !== "");
    },
    end(): string[] {
      const last = pending;
      pending = "";
      return last.trim() === "" ? [] : [last];
    },
  };
};

/**
 * Each JSON value of an NDJSON byte stream, in order, as soon as its line is complete (UTF-8
 * decoded across chunk boundaries). A line that is not JSON throws, naming it.
 */
export async function* ndjsonValues(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines = lineSplitter();
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`not a JSON line: ${line.slice(0, 80)}`);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const line of lines.push(decoder.decode(value, { stream: true }))) yield parse(line);
    }
    for (const line of lines.push(decoder.decode())) yield parse(line);
    for (const line of lines.end()) yield parse(line);
  } finally {
    reader.releaseLock();
  }
}

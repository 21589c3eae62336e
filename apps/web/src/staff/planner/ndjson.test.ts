import { describe, expect, it } from "vitest";
import { lineSplitter, ndjsonValues } from "./ndjson.ts";

const streamOf = (chunks: readonly Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });

const collect = async (body: ReadableStream<Uint8Array>) => {
  const values: unknown[] = [];
  for await (const v of ndjsonValues(body)) values.push(v);
  return values;
};

describe("lineSplitter", () => {
  it("gives each line once its newline has come, keeping a cut line for the next chunk", () => {
    const lines = lineSplitter();
    expect(lines.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(lines.push(":2}\n\n")).toEqual(['{"b":2}']);
    expect(lines.push('{"c":3}')).toEqual([]);
    expect(lines.end()).toEqual(['{"c":3}']);
    expect(lines.end()).toEqual([]);
  });
});

describe("ndjsonValues", () => {
  it("reads progress then the result, whatever the chunks' cuts, a character split in two included", async () => {
    const text =
      '{"type":"progress","done":0,"total":2}\n{"type":"progress","done":2,"total":2}\n{"type":"result","title":"Île-de-France 400 €"}\n';
    const bytes = new TextEncoder().encode(text);
    const euro = bytes.indexOf(0xe2); // the first byte of "€", cut from the two others
    const chunks = [bytes.slice(0, 5), bytes.slice(5, euro + 1), bytes.slice(euro + 1)];
    expect(await collect(streamOf(chunks))).toEqual([
      { type: "progress", done: 0, total: 2 },
      { type: "progress", done: 2, total: 2 },
      { type: "result", title: "Île-de-France 400 €" },
    ]);
  });

  it("reads a last line without its newline, and nothing from an empty stream", async () => {
    const enc = new TextEncoder();
    expect(await collect(streamOf([enc.encode('{"x":1}\n{"y":2}')]))).toEqual([{ x: 1 }, { y: 2 }]);
    expect(await collect(streamOf([]))).toEqual([]);
  });

  it("throws on a line that is not JSON, naming it", async () => {
    const enc = new TextEncoder();
    await expect(collect(streamOf([enc.encode('{"x":1}\n<html>\n')]))).rejects.toThrow(
      "not a JSON line: <html>",
    );
  });
});

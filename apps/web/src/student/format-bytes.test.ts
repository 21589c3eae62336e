import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes.ts";

// Intl writes a no-break space between a number and its unit
const plain = (s: string) => s.replace(/\s/g, " ");

describe("a file's size", () => {
  it.each([
    [0, "fr", "1 ko"],
    [300, "en", "1 kB"],
    [850 * 1024, "fr", "850 ko"],
    [2.4 * 1024 * 1024, "fr", "2,4 Mo"],
    [2.4 * 1024 * 1024, "en", "2.4 MB"],
    [10 * 1024 * 1024, "en", "10 MB"],
  ] as const)("%i bytes in %s is %s", (bytes, lang, expected) => {
    expect(plain(formatBytes(bytes, lang))).toBe(expected);
  });
});

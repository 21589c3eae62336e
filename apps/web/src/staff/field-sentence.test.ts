import { describe, expect, it } from "vitest";
import { fieldSentence } from "./field-sentence.ts";

describe("fieldSentence", () => {
  it("makes the API's fragment a sentence: a capital and a full stop", () => {
    expect(fieldSentence("est trop grand")).toBe("Est trop grand.");
    expect(fieldSentence("doit dire pourquoi")).toBe("Doit dire pourquoi.");
    expect(fieldSentence("élevé")).toBe("Élevé.");
  });

  it("leaves a sentence as it is", () => {
    expect(fieldSentence("Indiquez un nombre.")).toBe("Indiquez un nombre.");
    expect(fieldSentence("Vraiment\u00a0?")).toBe("Vraiment\u00a0?");
  });
});

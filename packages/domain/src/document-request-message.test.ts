import { describe, expect, it } from "vitest";
import { documentRequestMessage } from "./document-request-message.ts";

const facts = {
  label: { fr: "RIB", en: "Bank details (RIB)" },
  message: "Le RIB envoyé est illisible.",
  dueDate: "2027-02-01",
};

describe("documentRequestMessage", () => {
  it("names the document, the date and the office's words in French", () => {
    const m = documentRequestMessage(facts, "fr");
    expect(m.subject).toBe("Document demandé : RIB");
    expect(m.body).toContain("« RIB » avant le 1er février 2027");
    expect(m.body).toContain("Son message : Le RIB envoyé est illisible.");
  });

  it("writes the same in English", () => {
    const m = documentRequestMessage(facts, "en");
    expect(m.subject).toBe("Document requested: Bank details (RIB)");
    expect(m.body).toContain('"Bank details (RIB)" by 1 February 2027');
  });
});

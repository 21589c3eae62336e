import { describe, expect, it } from "vitest";
import { ACCEPT, checkFile, MAX_DOCUMENT_BYTES } from "./upload-validation.ts";

describe("a document is checked before it is sent", () => {
  it.each([
    [{ name: "agreement.pdf", type: "application/pdf", size: 120_000 }, null],
    [{ name: "photo.JPG", type: "image/jpeg", size: 2_000_000 }, null],
    [{ name: "rib.png", type: "image/png", size: MAX_DOCUMENT_BYTES }, null],
    // no type from the system: the extension decides
    [{ name: "scan.jpeg", type: "", size: 10 }, null],
    [{ name: "scan", type: "", size: 10 }, "type"],
    [{ name: "notes.docx", type: "application/vnd.openxmlformats", size: 10 }, "type"],
    [{ name: "virus.pdf.exe", type: "application/x-msdownload", size: 10 }, "type"],
    // a renamed file is the API's to refuse (it reads the content)
    [{ name: "renamed.pdf", type: "", size: 10 }, null],
    [{ name: "empty.pdf", type: "application/pdf", size: 0 }, "empty"],
    [{ name: "big.pdf", type: "application/pdf", size: MAX_DOCUMENT_BYTES + 1 }, "too-large"],
  ])("%j → %s", (file, refusal) => {
    expect(checkFile(file)).toBe(refusal);
  });

  it("the file picker offers the same types", () => {
    expect(ACCEPT.split(",")).toEqual(
      expect.arrayContaining(["application/pdf", ".pdf", "image/jpeg", ".jpg", ".png"]),
    );
  });
});

/**
 * What the student area checks of a document before sending it, so that a refusal is said at
 * once rather than after an upload: the API's own limits (`apps/api`, students.routes.ts), a
 * PDF, a JPEG or a PNG of 10 MiB at most. The API still checks the content itself (magic
 * bytes): a renamed file passes here and is refused there.
 */

/** The largest document: 10 MiB, as the API's `MAX_DOCUMENT_BYTES`. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};

/** The file input's `accept`: the types and their usual extensions. */
export const ACCEPT = Object.entries(ACCEPTED)
  .flatMap(([type, extensions]) => [type, ...extensions])
  .join(",");

export type FileRefusal = "empty" | "too-large" | "type";

/** What a browser tells of a chosen file. */
export interface ChosenFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

const extension = (name: string): string => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
};

/**
 * Why the file cannot be sent, or null when it can. The type is the browser's when it knows
 * one, else the name's extension (some systems give no type).
 */
export const checkFile = (file: ChosenFile): FileRefusal | null => {
  const known =
    file.type === ""
      ? Object.values(ACCEPTED).some((exts) => exts.includes(extension(file.name)))
      : file.type in ACCEPTED;
  if (!known) return "type";
  if (file.size === 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "too-large";
  return null;
};

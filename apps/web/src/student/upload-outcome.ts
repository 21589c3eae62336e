import type { StudentDocument } from "./student-api.ts";

/**
 * What the API's answer to an upload (`POST /api/applications/{id}/documents`) means for the
 * student: the document stored, or why not — each refusal with its own sentence, and the
 * API's `detail` (already in the student's language) when it gave one.
 */
export type UploadRefusal =
  | "too-large"
  | "type"
  | "invalid"
  | "signed-out"
  | "forbidden"
  | "not-found"
  | "failed";

export type UploadOutcome =
  | { readonly kind: "uploaded"; readonly document: StudentDocument }
  | { readonly kind: "refused"; readonly reason: UploadRefusal; readonly detail?: string };

const REFUSALS: Readonly<Record<number, UploadRefusal>> = {
  401: "signed-out",
  403: "forbidden",
  404: "not-found",
  413: "too-large",
  415: "type",
  422: "invalid",
};

const detailOf = (body: unknown): string | undefined => {
  if (typeof body !== "object" || body === null) return undefined;
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  if (typeof detail === "string" && detail !== "") return detail;
  if (Array.isArray(errors)) {
    const messages = errors
      .map((e) =>
        typeof e === "object" && e !== null ? (e as { message?: unknown }).message : null,
      )
      .filter((m): m is string => typeof m === "string" && m !== "");
    if (messages.length > 0) return messages.join(" ; ");
  }
  return undefined;
};

/** The outcome of an answer with this status and (parsed JSON, or null) body. */
export const uploadOutcome = (status: number, body: unknown): UploadOutcome => {
  if (status === 201 && typeof body === "object" && body !== null && "id" in body)
    return { kind: "uploaded", document: body as StudentDocument };
  const reason = REFUSALS[status] ?? "failed";
  const detail = reason === "failed" ? undefined : detailOf(body);
  return detail === undefined ? { kind: "refused", reason } : { kind: "refused", reason, detail };
};

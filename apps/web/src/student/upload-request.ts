import { signedInHeaders } from "../auth/use-envol-client.ts";
import { type UploadOutcome, uploadOutcome } from "./upload-outcome.ts";

/** The upload was stopped by the student (`signal`), or the network failed. */
export class UploadInterrupted extends Error {
  constructor(readonly why: "aborted" | "network") {
    super(`upload ${why}`);
  }
}

export interface UploadInput {
  /** `documentsUrl(envol, id)`: the application's documents, same origin. */
  readonly url: string;
  /** The checklist item the file answers. */
  readonly kind: string;
  readonly file: File;
  readonly csrfToken: string;
  readonly lang: string;
  /** Bytes sent so far and in all, as the browser reports them. */
  readonly onProgress: (loaded: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Sends a document as multipart (`kind` and `file`) with XMLHttpRequest, whose upload events
 * report the bytes sent (fetch and the typed client cannot). The session cookie goes with it
 * (same origin), and the CSRF token every write needs.
 *
 * @throws UploadInterrupted when stopped or when the network fails
 */
export const uploadDocument = ({
  url,
  kind,
  file,
  csrfToken,
  lang,
  onProgress,
  signal,
}: UploadInput): Promise<UploadOutcome> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(signedInHeaders(csrfToken, lang)))
      xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) =>
      onProgress(e.loaded, e.lengthComputable ? e.total : file.size),
    );
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (a proxy's error page): the status says enough
      }
      resolve(uploadOutcome(xhr.status, body));
    });
    xhr.addEventListener("error", () => reject(new UploadInterrupted("network")));
    xhr.addEventListener("abort", () => reject(new UploadInterrupted("aborted")));
    if (signal?.aborted) {
      reject(new UploadInterrupted("aborted"));
      return;
    }
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append("kind", kind);
    body.append("file", file, file.name);
    xhr.send(body);
  });

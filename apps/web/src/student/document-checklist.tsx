import "./document-checklist.css";
import type { Lang } from "@envol/domain";
import { useEffect, useRef, useState } from "react";
import { Button, FileTrigger, Label, ProgressBar } from "react-aria-components";
import { isProblem } from "../api/api-problem.ts";
import { useSession } from "../auth/session.ts";
import { useEnvolClient } from "../auth/use-envol-client.ts";
import { formatDate } from "../i18n/format-date.ts";
import { formatInstant } from "../i18n/format-instant.ts";
import { missingByDue } from "./document-steps.ts";
import { formatBytes } from "./format-bytes.ts";
import {
  type ApplicationDetail,
  type ChecklistItem,
  deleteDocument,
  documentsUrl,
  documentUrl,
} from "./student-api.ts";
import { useRefreshApplication } from "./student-queries.ts";
import { useStudentTranslation } from "./student-texts.ts";
import type { UploadRefusal } from "./upload-outcome.ts";
import { UploadInterrupted, uploadDocument } from "./upload-request.ts";
import { ACCEPT, checkFile, type FileRefusal } from "./upload-validation.ts";

/**
 * The documents the requested grants ask for (the API's checklist: each once, with the grants
 * that want it), each marked provided or not, with the files sent and a button to add one.
 */
export const DocumentChecklist = ({
  application,
  schemeName,
}: {
  readonly application: ApplicationDetail;
  readonly schemeName: (id: string) => string;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const { checklist } = application;
  const done = checklist.filter((item) => item.uploaded).length;
  const missing = missingByDue(checklist);
  const asked = application.documentRequests.filter((r) => r.answeredAt === null);
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">{t("documents.title")}</h2>
      <p>{t("documents.intro")}</p>
      {checklist.length === 0 ? (
        <p>{t("documents.empty")}</p>
      ) : (
        <>
          <p className="checklist__count">
            <strong>{t("documents.progressLabel")}</strong>{" "}
            {t("documents.progress", { done, total: checklist.length })}
          </p>
          {asked.length > 0 && (
            <div className="notice notice--warning checklist__asked">
              <h3>{t("documents.asked.title")}</h3>
              <ul>
                {asked.map((r) => (
                  <li key={r.id}>
                    <strong>{r.label}</strong>{" "}
                    {t(r.overdue ? "documents.asked.overdue" : "documents.asked.due", {
                      date: formatDate(r.dueDate, lang),
                    })}
                    <p className="checklist__message">{r.message}</p>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(["before-departure", "after-return"] as const).map((due) => {
            const items = checklist.filter((item) => item.due === due);
            if (items.length === 0) return null;
            return (
              <section key={due} aria-labelledby={`documents-${due}`}>
                <h3 id={`documents-${due}`} className="checklist__due">
                  {t(`documents.due.${due}`)}{" "}
                  <span className="checklist__missing">
                    {t("documents.missingCount", { count: missing[due].length })}
                  </span>
                </h3>
                <ul className="checklist">
                  {items.map((item) => (
                    <li key={item.id}>
                      <ChecklistEntry
                        applicationId={application.id}
                        item={item}
                        schemeName={schemeName}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
};

type UploadState =
  | { readonly kind: "idle" }
  | {
      readonly kind: "sending";
      readonly name: string;
      readonly loaded: number;
      readonly total: number;
    }
  | { readonly kind: "done"; readonly name: string }
  | {
      readonly kind: "refused";
      readonly name: string;
      readonly reason: FileRefusal | UploadRefusal | "network" | "aborted";
      readonly size: number;
      readonly detail?: string;
    };

const ChecklistEntry = ({
  applicationId,
  item,
  schemeName,
}: {
  readonly applicationId: string;
  readonly item: ChecklistItem;
  readonly schemeName: (id: string) => string;
}) => {
  const { t, i18n } = useStudentTranslation();
  const lang = i18n.language as Lang;
  const envol = useEnvolClient();
  const csrfToken = useSession().data?.csrfToken ?? "";
  const refresh = useRefreshApplication(applicationId);
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // the cancel button had the focus when the upload ended: it goes to the button that replaces it
  const refocus = useRef(false);
  useEffect(() => {
    if (state.kind !== "sending" && refocus.current) {
      refocus.current = false;
      pickButton.current?.focus();
    }
  }, [state.kind]);
  const headingId = `checklist-${item.id}`;
  const [removal, setRemoval] = useState<string | null>(null);
  const remove = async (documentId: string, name: string) => {
    setRemoval(null);
    try {
      await deleteDocument(envol, applicationId, documentId);
      await refresh();
      setRemoval(t("documents.deleted", { name }));
    } catch (e) {
      setRemoval(isProblem(e) && e.detail ? e.detail : t("documents.deleteFailed", { name }));
    }
  };

  /** Uploads `file`; when it replaces an upload, that one is deleted once the new one is in. */
  const send = async (file: File, replaces?: { readonly id: string; readonly name: string }) => {
    const refusal = checkFile(file);
    if (refusal) {
      setState({ kind: "refused", name: file.name, reason: refusal, size: file.size });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "sending", name: file.name, loaded: 0, total: file.size });
    try {
      const outcome = await uploadDocument({
        url: documentsUrl(envol, applicationId),
        kind: item.id,
        file,
        csrfToken,
        lang,
        signal: controller.signal,
        onProgress: (loaded, total) =>
          setState({ kind: "sending", name: file.name, loaded, total }),
      });
      if (outcome.kind === "uploaded") {
        if (replaces) await remove(replaces.id, replaces.name);
        else await refresh();
        setState({ kind: "done", name: file.name });
      } else {
        setState({
          kind: "refused",
          name: file.name,
          reason: outcome.reason,
          size: file.size,
          detail: outcome.reason === "invalid" ? outcome.detail : undefined,
        });
      }
    } catch (e) {
      setState({
        kind: "refused",
        name: file.name,
        reason: e instanceof UploadInterrupted ? e.why : "failed",
        size: file.size,
      });
    } finally {
      abort.current = null;
      refocus.current = document.activeElement === cancelButton.current;
    }
  };

  const sending = state.kind === "sending";
  return (
    <article
      className={`checklist__item${item.uploaded ? " checklist__item--done" : ""}`}
      aria-labelledby={headingId}
    >
      <header className="checklist__header">
        <h3 id={headingId} className="checklist__label">
          {item.label}
        </h3>
        <span className={`badge state ${item.uploaded ? "tone--ok" : "tone--progress"}`}>
          <span aria-hidden="true">{item.uploaded ? "✓ " : "• "}</span>
          {item.uploaded ? t("documents.uploaded") : t("documents.missing")}
        </span>
      </header>
      <p className="checklist__for">
        {t("documents.for", { schemes: item.schemes.map(schemeName).join(", ") })}
      </p>
      {item.documents.length > 0 && (
        <ul className="files">
          {item.documents.map((d) => (
            <li key={d.id} className="files__item">
              <span>
                {t("documents.item", {
                  name: d.fileName,
                  size: formatBytes(d.sizeBytes, lang),
                  date: formatInstant(d.uploadedAt, lang),
                })}
              </span>{" "}
              <a
                href={documentUrl(envol, applicationId, d.id)}
                download={d.fileName}
                aria-label={t("documents.downloadName", { name: d.fileName })}
              >
                {t("documents.download")}
              </a>{" "}
              {d.reviewedAt ? (
                <span className="badge state tone--ok">{t("documents.reviewed")}</span>
              ) : (
                <>
                  <FileTrigger
                    acceptedFileTypes={ACCEPT.split(",")}
                    onSelect={(files) => {
                      const file = files?.[0];
                      if (file && !sending) void send(file, { id: d.id, name: d.fileName });
                    }}
                  >
                    <Button
                      className="button button--small"
                      aria-label={t("documents.replaceName", { name: d.fileName })}
                    >
                      {t("documents.replace")}
                    </Button>
                  </FileTrigger>{" "}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t("documents.deleteName", { name: d.fileName })}
                    onClick={() => void remove(d.id, d.fileName)}
                  >
                    {t("documents.delete")}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="upload">
        {sending ? (
          <div className="upload__progress">
            <ProgressBar
              className="progress"
              value={state.loaded}
              maxValue={Math.max(state.total, 1)}
            >
              {({ percentage, valueText }) => (
                <>
                  <div className="progress__labels">
                    <Label className="progress__label">
                      {t("documents.sending", { name: state.name })}
                    </Label>
                    <span className="progress__value">{valueText}</span>
                  </div>
                  <div className="progress__track">
                    <div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} />
                  </div>
                </>
              )}
            </ProgressBar>
            <button
              ref={cancelButton}
              type="button"
              className="button"
              onClick={() => abort.current?.abort()}
            >
              {t("documents.cancel")}
            </button>
          </div>
        ) : (
          <FileTrigger
            acceptedFileTypes={ACCEPT.split(",")}
            onSelect={(files) => {
              const file = files?.[0];
              if (file) void send(file);
            }}
          >
            <Button ref={pickButton} className="button" aria-describedby={headingId}>
              {item.documents.length > 0 ? t("documents.another") : t("documents.file")}
            </Button>
          </FileTrigger>
        )}
        <p role="status" className="upload__status">
          {state.kind === "done" && t("documents.done", { name: state.name })}
          {removal}
        </p>
        <div role="alert">
          {state.kind === "refused" && (
            <p className="field__error">
              {t(`documents.refused.${state.reason}`, {
                name: state.name,
                size: formatBytes(state.size, lang),
              })}
              {state.detail && ` (${state.detail})`}
            </p>
          )}
        </div>
      </div>
    </article>
  );
};

import type { AddressInfo } from "node:net";
import { Applications, type Decision, Outbox, Users } from "@envol/db";
import { semesterAt, testEngines } from "@envol/db/testing";
import type { Actor } from "@envol/domain";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logTransport, type MailLogger, smtpTransport } from "./lib/mailer.ts";
import { createOutboxSender, startOutboxSender } from "./notifications.ts";
import { DEMO, openTestApp, type TestApp } from "./testing/test-app.ts";

/** One email as the SMTP server received it: envelope, headers and decoded text. */
interface Received {
  readonly rcptTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
}

/** Quoted-printable (and the Q encoding of headers) to bytes. */
const qpBytes = (s: string): Buffer => {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return Buffer.from(bytes);
};

/** RFC 2047 encoded words, adjacent ones joined before decoding (a character may straddle two). */
const decodeWords = (value: string): string =>
  value.replace(/(=\?[^?]+\?[QB]\?[^?]*\?=\s*)+/gi, (run) => {
    const parts = [...run.matchAll(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi)].map(([, enc, text = ""]) =>
      enc?.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " ")),
    );
    return Buffer.concat(parts).toString("utf8") + (/\s$/.test(run) ? " " : "");
  });

const parse = (raw: string, rcptTo: readonly string[]): Received => {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? qpBytes(body.replace(/=\r\n/g, "")).toString("utf8")
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8")
        : body;
  return {
    rcptTo,
    headers,
    subject: decodeWords(headers.get("subject") ?? "").trim(),
    text: text.trim(),
  };
};

/** A real SMTP server on 127.0.0.1 that keeps what it receives and can refuse a recipient once. */
const openSmtpServer = async () => {
  const received: Received[] = [];
  const refuseOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseOnce.delete(address.address)) {
        const error = Object.assign(new Error("Mailbox temporarily unavailable"), {
          responseCode: 450,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(
          parse(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseOnce,
    to: (email: string) => received.filter((m) => m.rcptTo.includes(email)),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};

const collectingLogger = () => {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields: fields as Record<string, unknown>, message });
    };
  const logger: MailLogger = { info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
};

const situation = semesterAt({
  start: "2027-01-18",
  end: "2027-06-16",
  echelon: "4",
  quotientFamilial: 900_000,
  residenceRegion: "11",
});

const MINUTE = 60_000;

describe.each(testEngines().map((e) => [e.name, e] as const))(
  "notifications on %s",
  (_name, engine) => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof openSmtpServer>>;
    let staff: Actor;

    /** A new student's IDF request taken through `steps` by the repositories (student, then staff). */
    const decide = async (email: string, lang: "fr" | "en", steps: readonly Decision[]) => {
      const student = await t.runtime.runPromise(
        Users.use((u) => u.ensure({ email, name: email, role: "student", lang })),
      );
      const application = await t.runtime.runPromise(
        Applications.use((a) => a.create({ studentId: student.id, situation, schemes: ["idf"] })),
      );
      const requestId = application.requests[0]?.id ?? "";
      for (const decision of steps)
        await t.runtime.runPromise(
          Applications.use((a) =>
            a.decide(
              requestId,
              decision,
              decision.action === "submit" ? { kind: "student", userId: student.id } : staff,
            ),
          ),
        );
    };
    const run: Parameters<typeof createOutboxSender>[0]["run"] = (effect) =>
      t.runtime.runPromiseExit(effect);
    const messagesTo = (email: string) =>
      t.runtime.runPromise(Outbox.use((o) => o.forRecipient(email)));

    beforeAll(async () => {
      t = await openTestApp(engine);
      smtp = await openSmtpServer();
      const user = await t.runtime.runPromise(Users.use((u) => u.findByEmail(DEMO.staff.email)));
      staff = { kind: "staff", userId: user?.id ?? "" };
      // the seed's own messages go first, so that each test sees only its own
      const { logger } = collectingLogger();
      const drain = createOutboxSender({ run, transport: logTransport(logger, "x"), logger });
      while ((await drain.runOnce()).claimed > 0);
    });
    afterAll(async () => {
      await smtp?.close();
      await t?.dispose();
    });

    it("delivers a decision's message over SMTP, in the student's language, and records it", async () => {
      const transport = smtpTransport(smtp.url, "Envol <no-reply@envol.test>");
      const { logger } = collectingLogger();
      const sender = createOutboxSender({ run, transport, logger });
      await decide("camille.fr@example.org", "fr", [
        { action: "submit" },
        { action: "start-review" },
        { action: "approve" },
      ]);
      await decide("jamie.en@example.org", "en", [{ action: "submit" }]);

      const result = await sender.runOnce();
      expect(result).toEqual({ claimed: 4, sent: 4, failed: 0 });
      transport.close();

      const fr = smtp.to("camille.fr@example.org");
      expect(fr.map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Demande envoyée : /),
        expect.stringMatching(/^Demande en cours d'examen : /),
        expect.stringMatching(/^Bourse accordée : /),
      ]);
      const approval = fr[2];
      expect(approval?.headers.get("to")).toBe("camille.fr@example.org");
      expect(approval?.headers.get("from")).toBe("Envol <no-reply@envol.test>");
      expect(approval?.headers.get("content-language")).toBe("fr");
      // 150 days of IDF: 2 250 €, written the French way
      expect(approval?.text).toMatch(/est acceptée pour 2\s250\s€/);

      const en = smtp.to("jamie.en@example.org");
      expect(en).toHaveLength(1);
      expect(en[0]?.subject).toMatch(/^Application sent: /);
      expect(en[0]?.text).toContain("has been sent to the international relations office");
      expect(en[0]?.headers.get("content-language")).toBe("en");

      const stored = await messagesTo("camille.fr@example.org");
      expect(stored.every((m) => m.sentAt !== null && m.attempts === 0)).toBe(true);
      // nothing is due any more: a second run sends nothing again
      expect(await sender.runOnce()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    });

    it("e-mails the office's request for a document in the student's language, with its label, date and message", async () => {
      const transport = smtpTransport(smtp.url, "Envol <no-reply@envol.test>");
      const { logger } = collectingLogger();
      const sender = createOutboxSender({ run, transport, logger });
      const student = await t.runtime.runPromise(
        Users.use((u) =>
          u.ensure({ email: "robin.en@example.org", name: "Robin", role: "student", lang: "en" }),
        ),
      );
      const application = await t.runtime.runPromise(
        Applications.use((a) => a.create({ studentId: student.id, situation, schemes: ["idf"] })),
      );
      const office = await t.signIn(DEMO.staff.email, DEMO.staff.password);
      // the clerk reads French: the student still gets English
      const asked = await t.call(
        office,
        "POST",
        `/api/staff/applications/${application.id}/document-requests`,
        { kind: "bank-details", message: "The RIB you sent is unreadable.", dueDate: "2027-01-01" },
        { "accept-language": "fr" },
      );
      expect(asked.status).toBe(201);
      expect(await asked.json()).toMatchObject({ label: "RIB", answeredAt: null, overdue: false });

      expect(await sender.runOnce()).toEqual({ claimed: 1, sent: 1, failed: 0 });
      transport.close();
      const [mail] = smtp.to("robin.en@example.org");
      expect(mail?.subject).toBe("Document requested: Bank details (RIB)");
      expect(mail?.headers.get("content-language")).toBe("en");
      expect(mail?.text).toContain(
        'asks you for the document "Bank details (RIB)" by 1 January 2027',
      );
      expect(mail?.text).toContain("Their message: The RIB you sent is unreadable.");
    });

    it("retries a message the server refused, after the backoff, and delivers it once", async () => {
      const transport = smtpTransport(smtp.url, "Envol <no-reply@envol.test>");
      const { logger, lines } = collectingLogger();
      const sender = createOutboxSender({ run, transport, logger });
      const email = "retry@example.org";
      await decide(email, "fr", [{ action: "submit" }]);
      smtp.refuseOnce.add(email);

      const first = await sender.runOnce();
      expect(first).toEqual({ claimed: 1, sent: 0, failed: 1 });
      expect(smtp.to(email)).toHaveLength(0);
      const [failed] = await messagesTo(email);
      expect(failed).toMatchObject({ attempts: 1, sentAt: null });
      expect(failed?.lastError).toContain("Mailbox temporarily unavailable");
      expect(lines.find((l) => l.level === "warn")?.fields).toMatchObject({
        attempts: 1,
        error: expect.stringContaining("450"),
      });

      // before the backoff (a minute after the first failure) the message is not due
      expect(await sender.runOnce(new Date())).toEqual({ claimed: 0, sent: 0, failed: 0 });
      // past it, it is delivered
      const later = new Date(Date.now() + 2 * MINUTE);
      expect(await sender.runOnce(later)).toEqual({ claimed: 1, sent: 1, failed: 0 });
      transport.close();
      const delivered = smtp.to(email);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.subject).toMatch(/^Demande envoyée : /);
      const [sent] = await messagesTo(email);
      expect(sent?.sentAt).not.toBeNull();
      expect(await sender.runOnce(new Date(Date.now() + 60 * MINUTE))).toEqual({
        claimed: 0,
        sent: 0,
        failed: 0,
      });
    });

    it("runs in the background until stopped", async () => {
      const transport = smtpTransport(smtp.url, "Envol <no-reply@envol.test>");
      const { logger } = collectingLogger();
      const stop = startOutboxSender({ run, transport, logger, intervalMs: 20 });
      const email = "loop@example.org";
      await decide(email, "en", [{ action: "submit" }]);
      for (let i = 0; i < 250 && smtp.to(email).length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      await stop();
      transport.close();
      expect(smtp.to(email).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Application sent: /),
      ]);
      // stopped: a new message stays in the outbox
      await decide("after-stop@example.org", "en", [{ action: "submit" }]);
      await new Promise((r) => setTimeout(r, 100));
      expect(smtp.to("after-stop@example.org")).toHaveLength(0);
      expect((await messagesTo("after-stop@example.org"))[0]?.sentAt).toBeNull();
    });

    it("without SMTP_URL, logs each email and records it as sent", async () => {
      const { logger, lines } = collectingLogger();
      const sender = createOutboxSender({
        run,
        transport: logTransport(logger, "Envol <no-reply@envol.local>"),
        logger,
      });
      const email = "logged@example.org";
      await decide(email, "fr", [{ action: "submit" }]);
      const result = await sender.runOnce();
      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(lines.find((l) => l.fields.to === email)).toMatchObject({
        level: "info",
        fields: { subject: expect.stringMatching(/^Demande envoyée : /), lang: "fr" },
      });
      expect((await messagesTo(email))[0]?.sentAt).not.toBeNull();
    });
  },
);

/**
 * The request-size limit, over real HTTP (issue #10, item 4): a JSON body larger than 64 KiB
 * is refused with a 413 problem before it is read, whether its size is announced
 * (Content-Length) or not (chunked), and the server goes on answering.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { MAX_JSON_BODY_BYTES } from "./lib/body-limit.ts";
import { databaseLessDeps } from "./testing/database-less-deps.ts";
import { type Listening, listen } from "./testing/listen.ts";

const app = createApp(databaseLessDeps());

let server: Listening;
let base = "";
beforeAll(async () => {
  server = await listen(app);
  base = server.url;
});
afterAll(() => server.close());

const SITUATION = {
  mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
};

/** A valid situation padded with spaces (still valid JSON) to `bytes`. */
const paddedSituation = (bytes: number) => {
  const text = JSON.stringify(SITUATION);
  return `${text}${" ".repeat(Math.max(0, bytes - text.length))}`;
};

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * Sends the head and `sent` bytes of a body, then waits for the answer without sending the
 * rest (the request is left open): only a server that answers before reading the whole body
 * answers at all. With `contentLength` the size is announced, otherwise the body is chunked.
 */
const answerBeforeTheEnd = (
  path: string,
  options: { readonly contentLength?: number; readonly sent: number; readonly lang?: string },
): Promise<Answer> =>
  new Promise((done, fail) => {
    const req = request(
      `${base}${path}`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.lang ? { "accept-language": options.lang } : {}),
          ...(options.contentLength === undefined
            ? {}
            : { "content-length": String(options.contentLength) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          req.destroy();
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    req.on("error", fail);
    req.write(`{"mobility":"${"x".repeat(options.sent)}`);
  });

const expectTooLargeProblem = (answer: Answer, title: string) => {
  expect(answer.status).toBe(413);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body) as { status: number; title: string; detail: string };
  expect(problem.status).toBe(413);
  expect(problem.title).toBe(title);
  expect(problem.detail).toMatch(/64 Kio|64 KiB/);
};

const simulateWith = (body: string) =>
  fetch(`${base}/api/simulations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("the request-size limit over HTTP", () => {
  it("refuses a 5 MB JSON body with a 413 problem, in French and in English, and goes on answering", async () => {
    const fr = await simulateWith(paddedSituation(5_000_000));
    expect(fr.status).toBe(413);
    expect(fr.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await fr.json()) as { title: string }).title).toBe("Requête trop volumineuse");

    const en = await fetch(`${base}/api/simulations`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: paddedSituation(5_000_000),
    });
    expect(en.status).toBe(413);
    expect(((await en.json()) as { title: string }).title).toBe("Request too large");

    const after = await simulateWith(JSON.stringify(SITUATION));
    expect(after.status).toBe(200);
    expect(((await after.json()) as { fundedDays: number }).fundedDays).toBe(150);
  });

  it("answers 413 on the announced size, without waiting for the body", async () => {
    const answer = await answerBeforeTheEnd("/api/simulations", {
      contentLength: 5_000_000,
      sent: 1_000,
      lang: "en",
    });
    expectTooLargeProblem(answer, "Request too large");
  });

  it("stops reading a chunked body at the limit and answers 413", async () => {
    const answer = await answerBeforeTheEnd("/api/simulations", {
      sent: MAX_JSON_BODY_BYTES + 1_000,
    });
    expectTooLargeProblem(answer, "Requête trop volumineuse");
  });

  it("keeps the limit on every JSON route, signed in or not (sign-in, a staff write)", async () => {
    for (const path of ["/api/auth/sign-in", "/api/staff/partner-keys", "/api/no-such-route"]) {
      const answer = await answerBeforeTheEnd(path, {
        contentLength: MAX_JSON_BODY_BYTES + 1,
        sent: 10,
      });
      expect(answer.status, path).toBe(413);
    }
  });

  it("lets a body at the limit through to validation", async () => {
    const atLimit = await simulateWith(paddedSituation(MAX_JSON_BODY_BYTES));
    expect(atLimit.status).toBe(200);
  });
});

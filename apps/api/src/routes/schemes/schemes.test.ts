import type { SchemeRules, SimulationReport } from "@envol/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { databaseLessDeps } from "../../testing/database-less-deps.ts";
import { type Listening, listen } from "../../testing/listen.ts";

const deps = databaseLessDeps();
const registry = deps.registry();
let server: Listening;

beforeAll(async () => {
  server = await listen(createApp(deps));
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, lang = "fr") =>
  fetch(`${server.url}${path}`, { headers: { "accept-language": lang } });

const rulesOf = async (id: string, lang = "fr"): Promise<SchemeRules> => {
  const r = await get(`/api/schemes/${id}/rules`, lang);
  expect(r.status, id).toBe(200);
  return (await r.json()) as SchemeRules;
};

/** What the simulator's own endpoint answers for a situation, over HTTP. */
const simulate = async (situation: unknown, lang: string): Promise<SimulationReport> => {
  const r = await fetch(`${server.url}/api/simulations`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify(situation),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as SimulationReport;
};

describe("GET /api/schemes/{id}/rules: a scheme's published rules", () => {
  it("gives every period with its criteria in words and dated, sourced figures, the one in force on the API's today marked", async () => {
    for (const plugin of registry.plugins) {
      const rules = await rulesOf(plugin.id, "en");
      expect(rules.today).toBe(deps.today());
      expect(rules.periods.map((p) => p.since)).toEqual(plugin.periods.map((p) => p.since).sort());
      expect(rules.periods.filter((p) => p.inForce).map((p) => p.since)).toEqual([
        plugin.periodFor(deps.today()).since,
      ]);
      expect(rules.periods.at(-1)?.until).toBeNull();
      for (const period of rules.periods) {
        expect(period.criteria.length, plugin.id).toBeGreaterThan(0);
        for (const c of period.criteria) {
          expect(c.rule.trim(), c.id).not.toBe("");
          // a sentence: a capital, a full stop, no "label : value" template
          expect(c.sentence, c.id).toMatch(/^\p{Lu}.*\.$/u);
          expect(c.sentence, c.id).not.toMatch(/\s:\s|: (yes|no)\b/);
        }
        for (const f of period.figures)
          expect(f).toMatchObject({
            since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            source: expect.stringMatching(/\S/),
            display: expect.stringMatching(/\S/),
            confidence: expect.stringMatching(/^(official|secondary|assumed)$/),
          });
      }
    }
  });

  it("shows Erasmus+'s rules of Call 2024 and of Call 2025 on, each period ending the day before the next", async () => {
    const erasmus = await rulesOf("erasmus");
    expect(erasmus.periods.map((p) => p.since)).toEqual(["2024-07-01", "2025-07-01"]);
    expect(erasmus.periods[0]?.until).toBe("2025-06-30");
    expect(erasmus.periods.map((p) => p.inForce)).toEqual([false, true]);
    for (const [i, p] of erasmus.periods.slice(0, -1).entries()) {
      const next = erasmus.periods[i + 1];
      expect(p.until && next && new Date(`${p.until}T00:00Z`).getTime() + 86_400_000).toBe(
        next && new Date(`${next.since}T00:00Z`).getTime(),
      );
    }
  });

  it("writes every figure for people: no object dumped, no code in place of words, in either language", async () => {
    const codes = /\[object|[{}]|fewer-opportunities|^(true|false|all|none)$/;
    // the programme levels' codes are English words: in French they mean a code was left
    const english = /\bengineering\b|\bdoctorate\b|\brulebook\b/;
    for (const lang of ["fr", "en"]) {
      for (const plugin of registry.plugins) {
        for (const period of (await rulesOf(plugin.id, lang)).periods) {
          for (const figure of period.figures) {
            expect(figure.display, `${plugin.id} ${figure.name} (${lang})`).not.toMatch(codes);
            if (lang === "fr")
              expect(figure.display, `${plugin.id} ${figure.name}`).not.toMatch(english);
          }
        }
      }
    }
    const mic = await rulesOf("mic", "fr");
    const bands = mic.periods[0]?.figures.find((f) => f.name === "travelBands")?.display;
    expect(bands?.replace(/[\u00a0\u202f]/g, " ")).toMatch(
      /^10–99 km : 28 € \(56 € en voyage bas carbone\)/,
    );
    const fitec = await rulesOf("fitec", "en");
    expect(fitec.periods[0]?.figures.find((f) => f.name === "programmes")?.display).toBe(
      "BRAFITEC (Brazil), ARFITEC (Argentina), MEXFITEC (Mexico)",
    );
  });

  it("evaluates every scheme's worked examples as the simulator does: the same verdict, amount and lines with their basis", async () => {
    for (const lang of ["fr", "en"]) {
      for (const plugin of registry.plugins) {
        const rules = await rulesOf(plugin.id, lang);
        expect(rules.examples.length, `${plugin.id} has worked examples`).toBeGreaterThan(0);
        expect(rules.examples.map((e) => e.title)).toEqual(
          plugin.examples.map((e) => e.title[lang as "fr" | "en"]),
        );
        for (const example of rules.examples) {
          const report = await simulate(example.situation, lang);
          expect(example.result, `${plugin.id}: ${example.title}`).toEqual(
            report.schemes.find((s) => s.scheme === plugin.id),
          );
          expect(example.plan.amountCents).toBe(
            report.plan.items.find((i) => i.scheme === plugin.id)?.amountCents ?? null,
          );
          expect(example.plan.totalCents).toBe(report.plan.totalCents);
          expect(example.fundedDays).toBe(report.fundedDays);
        }
      }
    }
  });

  it("holds the rulebook's examples: Polimi's 44 days are short of Erasmus+'s minimum, Germany is no KA171 destination, and the Île-de-France grant pays 450 € × 44/30", async () => {
    const erasmus = await rulesOf("erasmus", "en");
    const polimi = erasmus.examples.find((e) => e.title.startsWith("Rulebook example 3"));
    expect(polimi?.fundedDays).toBe(44);
    expect(polimi?.result.verdict).toBe("ineligible");
    const duration = polimi?.result.criteria.find((c) => c.id === "duration");
    expect(duration?.status).toBe("unmet");
    expect(duration?.hint).toMatch(/16/);
    const mic = await rulesOf("mic", "en");
    const berlin = mic.examples.find((e) => e.title.startsWith("Rulebook example 1"));
    expect(berlin?.result.criteria.filter((c) => c.status === "unmet").map((c) => c.id)).toContain(
      "destination",
    );
    const idf = await rulesOf("idf", "en");
    const milan = idf.examples.find((e) => e.title.startsWith("Rulebook example 3"));
    // the Region's monthly rate and the 44 days of §9.3: a figure no rule change of this turn moves
    expect(milan?.result.estimate?.totalCents).toBe(66_000);
    expect(milan?.result.estimate?.lines[0]?.basis).toMatch(/44\/30 days/);
  });

  it("answers in the language asked", async () => {
    const r = await get("/api/schemes/idf/rules", "en-GB,en;q=0.9");
    expect(r.headers.get("content-language")).toBe("en");
    const en = (await r.json()) as SchemeRules;
    expect(en.name).toBe("Île-de-France mobility grant");
    expect(en.examples[0]?.title).toMatch(/^Rulebook example 1/);
    const fr = await rulesOf("idf", "fr");
    expect(fr.name).toBe("Bourse Mobilité Île-de-France");
    expect(fr.examples[0]?.title).toMatch(/^Exemple 1 du règlement/);
  });

  it("says 404 in problem+json for a scheme it does not have", async () => {
    const r = await get("/api/schemes/nope/rules", "en");
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { status: number }).status).toBe(404);
  });

  it("is in the OpenAPI document, with its schema", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths).toHaveProperty("/api/schemes/{id}/rules");
    expect(doc.components.schemas).toHaveProperty("SchemeRules");
    // added beside the catalogue, which keeps its shape
    expect(doc.paths).toHaveProperty("/api/schemes/{id}");
    expect(doc.components.schemas).toHaveProperty("SchemeDescription");
  });
});

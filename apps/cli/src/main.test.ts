import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { loadRegistry, TELECOM_PARIS_CONFIG } from "@envol/institution";
import { describe, expect, it } from "vitest";

const main = resolve(import.meta.dirname, "main.ts");
const tsx = resolve(import.meta.dirname, "../node_modules/.bin/tsx");

/** Runs the real CLI in a child process, with `stdin` as standard input. */
const run = (args: string[], stdin: string) => {
  const r = spawnSync(tsx, [main, ...args], { input: stdin, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const situation = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    asOf: "2026-11-26",
    mobility: { host: { partner: "tu-berlin" }, start: "2027-02-01", end: "2027-06-30" },
    ...extra,
  });

describe("pnpm envol simulate", () => {
  it("prints the simulation response and exits 0", () => {
    const r = run(["simulate", "--lang", "en"], situation());
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ academicYear: "2026-2027", fundedDays: 150, distanceKm: 890 });
    expect(report.schemes.map((s: { scheme: string }) => s.scheme)).toEqual(
      loadRegistry(TELECOM_PARIS_CONFIG).plugins.map((p) => p.id),
    );
  });

  it("evaluates the switched-off schemes with --all-schemes", () => {
    const r = run(["simulate", "--all-schemes"], situation());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemes.map((s: { scheme: string }) => s.scheme)).toContain("ami");
  });

  it("evaluates only the schemes named with --schemes, switched off or not, and names an unknown one", () => {
    const r = run(["simulate", "--schemes", "erasmus,ami"], situation());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemes.map((s: { scheme: string }) => s.scheme)).toEqual([
      "erasmus",
      "ami",
    ]);
    const wrong = run(["simulate", "--schemes", "erasmus,nope"], situation());
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--schemes: no registered scheme "nope" \(registered: idf, /);
  });

  it("prints each field issue to stderr, in the report's language, and exits 2 on an invalid situation", () => {
    const bad = JSON.stringify({
      mobility: { host: { partner: "nowhere" }, start: "2027-02-30", end: "2027-01-01", typo: 1 },
    });
    const r = run(["simulate"], bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("mobility.start: doit être une date écrite AAAA-MM-JJ");
    expect(r.stderr).toContain('mobility: champ inconnu : "typo"');
    const en = run(["simulate", "--lang", "en"], bad);
    expect(en.stderr).toContain("mobility.start: must be a calendar date written YYYY-MM-DD");
    expect(en.stderr).toContain('mobility: unknown field: "typo"');
  });

  it("names an unknown partner", () => {
    const r = run(
      ["simulate"],
      JSON.stringify({
        mobility: { host: { partner: "nowhere" }, start: "2027-02-01", end: "2027-03-01" },
      }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "mobility.host.partner: aucun partenaire « nowhere » dans le catalogue",
    );
  });

  it("refuses input that is not JSON, a bad language and a bad date", () => {
    expect(run(["simulate"], "{not json").stderr).toMatch(/\(body\): not JSON/);
    const lang = run(["simulate", "--lang", "de"], situation());
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/--lang: must be fr or en/);
    expect(run(["simulate", "--as-of", "2026-13-01"], situation()).stderr).toMatch(/--as-of/);
    expect(run(["frobnicate"], situation()).status).toBe(2);
  });

  it("reads the situation from a file named after the options, and says which file it cannot read", () => {
    const missing = run(["simulate", "no-such-situation.json"], "");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /no-such-situation\.json: cannot read the situation file \(ENOENT\)/,
    );
    const two = run(["simulate", "a.json", "b.json"], "");
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/one situation file at most/);
  });
});

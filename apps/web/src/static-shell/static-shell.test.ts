import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { rulesEn } from "../rules/rules.en.ts";
import { rulesFr } from "../rules/rules.fr.ts";
import { fillStaticShell, STATIC_SHELL_PAGES, staticShellFile } from "./static-shell.ts";

const template = readFileSync(join(import.meta.dirname, "../../index.html"), "utf8");

describe("the static first screen", () => {
  it("is index.html filled with the app's own texts, in French and in English", () => {
    const french = fillStaticShell(template, "fr", fr);
    const english = fillStaticShell(template, "en", en);
    for (const page of [french, english]) expect(page).not.toMatch(/\{\{|\}\}/);
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain(`<h1>${fr.simulator.title.replace("'", "&#39;")}</h1>`);
    expect(french).toContain(`<title>${fr.simulator.documentTitle} — Envol</title>`);
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(`<h1>${en.simulator.title.replace("'", "&#39;")}</h1>`);
    expect(english).toContain(`aria-label="${en.app.navLabel}"`);
    expect(english).toContain(`>${en.app.nav.staff}</a>`);
    // the description, written at build time only (not in the app's texts, the first screen's)
    expect(french).toContain(
      '<meta name="description" content="Envol\u00a0: les aides à la mobilité internationale de Télécom Paris, simulées en une minute." />',
    );
    expect(english).toContain(
      '<meta name="description" content="Envol: Télécom Paris&#39;s funding for stays abroad, simulated in a minute." />',
    );
    // the same page otherwise: only the texts differ
    expect(english.replace(/>[^<]*</g, "><").replace(/"[^"]*"/g, '""')).toBe(
      french.replace(/>[^<]*</g, "><").replace(/"[^"]*"/g, '""'),
    );
  });

  it("escapes the texts and names a placeholder that the resources lack", () => {
    const messages = { ...fr, app: { ...fr.app, name: `<b>"Envol" & co</b>` } };
    expect(fillStaticShell("<a title='{{app.name}}'>{{app.name}}</a>", "fr", messages)).toBe(
      "<a title='&lt;b&gt;&quot;Envol&quot; &amp; co&lt;/b&gt;'>&lt;b&gt;&quot;Envol&quot; &amp; co&lt;/b&gt;</a>",
    );
    expect(() => fillStaticShell("<p>{{simulator.nothing}}</p>", "fr", fr)).toThrow(
      'index.html: no text "simulator.nothing" in the resources',
    );
    expect(() => fillStaticShell("<p>{{app.nav}}</p>", "fr", fr)).toThrow(/"app.nav"/);
  });

  it("has a page for the other pages: the shell without the simulator's heading", () => {
    const other = fillStaticShell(template, "en", en, "other");
    expect(other).not.toMatch(/\{\{|\}\}|<h1>|simulator__intro/);
    expect(other).toContain("<title>Envol</title>");
    expect(other).toContain(`<a href="/">${en.app.nav.simulator}</a>`);
    expect(fillStaticShell(template, "fr", fr)).toContain(
      `<a href="/" aria-current="page">${fr.app.nav.simulator}</a>`,
    );
    expect(other).toContain('<main id="main" class="site-main" tabindex="-1">');
  });

  it("writes four files: the simulator's and the other pages', in French and in English", () => {
    expect(staticShellFile("fr")).toBe("index.html");
    expect(staticShellFile("en")).toBe("index.en.html");
    expect(staticShellFile("fr", "other")).toBe("page.html");
    expect(staticShellFile("en", "other")).toBe("page.en.html");
    expect(STATIC_SHELL_PAGES.map((p) => staticShellFile(p.lang, p.page))).toEqual([
      "index.en.html",
      "page.html",
      "page.en.html",
      "rules.html",
      "rules.en.html",
      "scheme-rules.html",
      "scheme-rules.en.html",
    ]);
  });

  it("has the rule pages: the other pages' with the top of a rule page, in its language", () => {
    const list = fillStaticShell(template, "fr", fr, "rules", rulesFr);
    expect(list).toContain('<html lang="fr">');
    expect(list).toContain(
      `<main id="main" class="site-main" tabindex="-1"><div class="rules" lang="fr"><h1>${rulesFr.index.title}</h1><p class="rules__lede">`,
    );
    expect(list).not.toMatch(/simulator__intro/);
    const scheme = fillStaticShell(template, "en", en, "scheme-rules", rulesEn);
    expect(scheme).toContain('<html lang="en">');
    expect(scheme).toContain(
      `<div class="rules" lang="en"><p class="rules__back"><a href="/rules">${rulesEn.back}</a></p><p class="rules__about">${rulesEn.about.replaceAll("'", "&#39;")}</p></div>`,
    );
    expect(() => fillStaticShell(template, "en", en, "rules")).toThrow(/rule pages' texts/);
  });
});

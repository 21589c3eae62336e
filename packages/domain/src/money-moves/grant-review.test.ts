import { describe, expect, it } from "vitest";
import { formatMoney } from "../money.ts";
import {
  isWithin,
  outsideWindow,
  staleGrantOf,
  statementAwaitingOffice,
  statementWindow,
} from "./grant-review.ts";

const FITEC = { fr: "FITEC", en: "FITEC" };
const ERASMUS = { fr: "Erasmus+ Europe", en: "Erasmus+ Europe" };

describe("statementWindow", () => {
  it("widens the planned stay by the window, within the academic year", () => {
    const planned = { startDate: "2027-02-01", endDate: "2027-06-10" };
    expect(statementWindow(planned, "2026-2027", 30)).toEqual({
      from: "2027-01-02",
      to: "2027-06-30",
    });
    expect(statementWindow(planned, "2026-2027", 0)).toEqual({
      from: "2027-02-01",
      to: "2027-06-10",
    });
    // a stay from September: the window cannot reach into the year before
    expect(
      statementWindow({ startDate: "2026-07-10", endDate: "2026-12-20" }, "2026-2027", 30),
    ).toEqual({ from: "2026-07-01", to: "2027-01-19" });
    // a stay planned past 30 June: its planned dates stay allowed, the margin beyond is cut
    expect(
      statementWindow({ startDate: "2027-03-01", endDate: "2027-08-31" }, "2026-2027", 30),
    ).toEqual({ from: "2027-01-30", to: "2027-08-31" });
  });

  it("says which dates are allowed, in both languages", () => {
    const window = { from: "2027-01-02", to: "2027-06-30" };
    expect(isWithin("2027-01-02", window)).toBe(true);
    expect(isWithin("2027-07-01", window)).toBe(false);
    expect(outsideWindow(window, 30, "fr")).toBe(
      "doit être entre le 2 janvier 2027 et le 30 juin 2027 (2027-01-02 – 2027-06-30) : 30 jours autour du séjour prévu, dans son année universitaire",
    );
    expect(outsideWindow(window, 30, "en")).toContain(
      "must be from 2 January 2027 to 30 June 2027",
    );
  });
});

describe("statementAwaitingOffice", () => {
  it("says the amounts before and after and who must confirm", () => {
    const text = statementAwaitingOffice({
      startDate: "2027-02-01",
      endDate: "2027-06-30",
      schemeName: FITEC,
      beforeCents: 100_253,
      afterCents: 334_827,
      hold: "rise",
    });
    expect(text.fr).toContain("du 1er février 2027 au 30 juin 2027");
    expect(text.fr).toContain("le montant accordé au titre de FITEC passerait de");
    expect(text.en).toContain("the amount granted under FITEC would go from");
    expect(text.fr).toContain("confirmée par la DRI");
    expect(text.en).toContain("only once the office confirms it");
  });

  it("says why a lowering waits too: an override, or money already paid", () => {
    const lowering = {
      startDate: "2027-02-01",
      endDate: "2027-04-30",
      schemeName: FITEC,
      beforeCents: 150_000,
      afterCents: 146_000,
    };
    const overridden = statementAwaitingOffice({ ...lowering, hold: "override" });
    expect(overridden.fr).toContain("par dérogation");
    expect(overridden.en).toContain("by override");
    const paid = statementAwaitingOffice({ ...lowering, hold: "paid" });
    expect(paid.fr).toContain("déjà versée");
    expect(paid.en).toContain("already paid");
  });
});

describe("staleGrantOf", () => {
  const before = {
    startDate: "2027-02-01",
    endDate: "2027-06-30",
    verdict: "eligible",
    estimateCents: 300_000,
  } as const;

  it("flags nothing when the verdict and the amount stay the same", () => {
    expect(
      staleGrantOf({ schemeName: FITEC, approvedCents: 250_000 }, before, {
        ...before,
        endDate: "2027-06-29",
      }),
    ).toBeUndefined();
  });

  it("flags a grant whose scheme no longer finds the stay eligible, explaining both", () => {
    const stale = staleGrantOf({ schemeName: FITEC, approvedCents: 300_000 }, before, {
      startDate: "2027-02-01",
      endDate: "2027-05-30",
      verdict: "ineligible",
      estimateCents: null,
    });
    expect(stale).toMatchObject({ afterVerdict: "ineligible", afterCents: null });
    expect(stale?.explanation.fr).toContain(
      "Les dates réelles du séjour ont changé : du 1er février 2027 au 30 mai 2027, le séjour n'est pas éligible au titre de FITEC, au lieu d'être éligible pour ",
    );
    expect(stale?.explanation.en).toContain(
      "The stay's actual dates changed: from 1 February 2027 to 30 May 2027, the stay is not eligible under FITEC, instead of being eligible for ",
    );
    expect(stale?.explanation.en).toContain("was not changed: recompute it or dismiss");
  });

  it("flags a grant whose amount changes, saying both amounts in a sentence", () => {
    const stale = staleGrantOf({ schemeName: ERASMUS, approvedCents: 300_000 }, before, {
      ...before,
      estimateCents: 280_000,
    });
    expect(stale).toMatchObject({ afterVerdict: "eligible", afterCents: 280_000 });
    const [now, was] = [formatMoney(280_000, "fr"), formatMoney(300_000, "fr")];
    expect(stale?.explanation.fr).toContain(
      `du 1er février 2027 au 30 juin 2027, le séjour est éligible pour ${now} au titre d'Erasmus+ Europe, au lieu d'être éligible pour ${was} du 1er février 2027 au 30 juin 2027.`,
    );
    const [nowEn, wasEn] = [formatMoney(280_000, "en"), formatMoney(300_000, "en")];
    expect(stale?.explanation.en).toContain(
      `the stay is eligible for ${nowEn} under Erasmus+ Europe, instead of being eligible for ${wasEn} from 1 February 2027 to 30 June 2027.`,
    );
  });
});

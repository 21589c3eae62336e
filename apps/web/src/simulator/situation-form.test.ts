import { SituationSchema } from "@envol/domain";
import { WORKED_EXAMPLE_1 } from "@envol/domain/reference";
import { describe, expect, it } from "vitest";
import { emptyForm, fromSituation, type SituationForm, toSituation } from "./situation-form.ts";

/** The request of ARCHITECTURE §4.1, without asOf. */
const { asOf: _, ...REQUEST } = WORKED_EXAMPLE_1;

const withMobility = (patch: Partial<SituationForm["mobility"]>): SituationForm => {
  const form = emptyForm();
  return { ...form, mobility: { ...form.mobility, ...patch } };
};

describe("toSituation", () => {
  it("leaves every unanswered question out, so that the engine reads it as unknown", () => {
    expect(toSituation(emptyForm())).toEqual({ mobility: {} });
  });

  it("turns euros into cents, rounded to the cent", () => {
    const form = emptyForm();
    form.student.household.quotientFamilial = 12000.5;
    form.mobility.costs.transport = 0.1 + 0.2;
    const request = toSituation(form);
    expect(request.student).toEqual({ household: { quotientFamilial: 1200050 } });
    expect(request.mobility).toEqual({ costs: { transport: 30 } });
  });

  it("keeps a 'no' as false and drops an unanswered question", () => {
    const form = emptyForm();
    form.student.fewerOpportunities = { disability: "no", qpv: "", zrr: "yes" };
    expect(toSituation(form).student).toEqual({
      fewerOpportunities: { disability: false, zrr: true },
    });
  });

  it("sends no destination until the student chooses how to give it", () => {
    const host = { partner: "kth", name: "", country: "BR", city: "", lat: null, lon: null };
    expect(toSituation(withMobility({ destination: "", host })).mobility).toEqual({});
  });

  it("sends the partner only when the student chose one, else the destination typed", () => {
    const host = {
      partner: "kth",
      name: "",
      country: "BR",
      city: " Recife ",
      lat: -8.05,
      lon: null,
    };
    expect(toSituation(withMobility({ destination: "partner", host })).mobility).toEqual({
      host: { partner: "kth" },
    });
    expect(toSituation(withMobility({ destination: "typed", host })).mobility).toEqual({
      host: { country: "BR", city: "Recife", lat: -8.05 },
    });
  });

  it("drops the échelon of a student who says they hold no CROUS grant", () => {
    const form = emptyForm();
    form.student.crous = { boursier: "no", echelon: "6" };
    expect(toSituation(form).student).toEqual({ crous: { boursier: false } });
  });

  it("keeps a value out of range as typed, so that the schema names it", () => {
    const form = emptyForm();
    form.student.programme.year = 12;
    expect(toSituation(form).student).toEqual({ programme: { year: 12 } });
  });
});

describe("fromSituation", () => {
  it("reads the contract's example back into answers that give the same request", () => {
    const form = fromSituation(REQUEST);
    expect(form.mobility.destination).toBe("partner");
    expect(form.student.household.quotientFamilial).toBe(12000);
    expect(form.student.programme.gapYear).toBe("no");
    expect(toSituation(form)).toEqual(REQUEST);
    expect(SituationSchema.safeParse(toSituation(form)).success).toBe(true);
  });

  it("reads a typed destination as one", () => {
    const form = fromSituation({ mobility: { host: { country: "JP", city: "Kyoto" } } });
    expect(form.mobility.destination).toBe("typed");
    expect(form.mobility.host.country).toBe("JP");
  });

  it("leaves unanswered what it cannot read, whatever a link holds", () => {
    for (const junk of [
      null,
      42,
      "x",
      [],
      { mobility: 3 },
      { student: { crous: { echelon: "9" } } },
    ]) {
      expect(fromSituation(junk)).toEqual(emptyForm());
    }
    const form = fromSituation({
      mobility: { kind: "holiday", start: 20270201, costs: { visa: "10" } },
    });
    expect(form.mobility.kind).toBe("");
    expect(form.mobility.start).toBe("");
    expect(form.mobility.costs.visa).toBeNull();
  });
});

describe("a member of the personnel's answers (ADR 016)", () => {
  const teacher = (): SituationForm => {
    const form = emptyForm();
    form.participant = "personnel";
    form.mobility.destination = "partner";
    form.mobility.host.partner = "tu-berlin";
    form.mobility.start = "2027-03-08";
    form.mobility.end = "2027-03-12";
    form.personnel = { role: "teaching", activity: "teaching", teachingHours: 8 };
    return form;
  };

  it("send a personnel block and no student, even when nothing is answered yet", () => {
    const form = emptyForm();
    form.participant = "personnel";
    expect(toSituation(form)).toEqual({ personnel: {}, mobility: {} });
  });

  it("leave out the student's answers and the student schemes' questions of the stay", () => {
    const form = teacher();
    form.student.crous.boursier = "yes";
    form.mobility.kind = "study";
    form.mobility.framework = "free-mover";
    form.mobility.costs.transport = 300;
    form.mobility.greenTravel = "yes";
    const request = toSituation(form);
    expect(request).toEqual({
      personnel: { role: "teaching", activity: "teaching", teachingHours: 8 },
      mobility: {
        host: { partner: "tu-berlin" },
        start: "2027-03-08",
        end: "2027-03-12",
        greenTravel: true,
      },
    });
    expect(SituationSchema.safeParse(request).success).toBe(true);
  });

  it("send the hours taught only for a teaching stay", () => {
    const form = teacher();
    form.personnel.activity = "training";
    expect(toSituation(form).personnel).toEqual({ role: "teaching", activity: "training" });
    form.personnel.activity = "";
    expect(toSituation(form).personnel).toEqual({ role: "teaching" });
  });

  it("read back into the same answers, the participant with them", () => {
    const request = toSituation(teacher());
    const form = fromSituation(request);
    expect(form.participant).toBe("personnel");
    expect(form.personnel).toEqual(teacher().personnel);
    expect(toSituation(form)).toEqual(request);
    expect(fromSituation({ personnel: {}, mobility: {} }).participant).toBe("personnel");
  });

  it("are a student's when the request has no personnel block, as every one before them", () => {
    expect(fromSituation(REQUEST).participant).toBe("student");
    expect(fromSituation({ mobility: {} }).participant).toBe("student");
    expect(fromSituation({ personnel: "teacher", mobility: {} }).participant).toBe("student");
    const form = fromSituation({ personnel: { role: "dean", activity: "teaching" } });
    expect(form.personnel).toEqual({ role: "", activity: "teaching", teachingHours: null });
  });
});

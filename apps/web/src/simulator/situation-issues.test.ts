import { SituationSchema } from "@envol/domain";
import { describe, expect, it } from "vitest";
import {
  type DestinationMode,
  emptyForm,
  type SituationForm,
  toSituation,
} from "./situation-form.ts";
import { fieldProblems } from "./situation-issues.ts";

const problems = (form: SituationForm) => {
  const request = toSituation(form);
  const parsed = SituationSchema.safeParse(request);
  return parsed.success
    ? []
    : fieldProblems(parsed.error.issues, request, form.mobility.destination);
};

const stay = (destination: DestinationMode, start = "2027-02-01", end = "2027-06-30") => {
  const form = emptyForm();
  form.mobility.destination = destination;
  form.mobility.start = start;
  form.mobility.end = end;
  return form;
};

describe("fieldProblems", () => {
  it("asks for the destination and the dates of an empty form", () => {
    expect(problems(emptyForm())).toEqual([
      { field: "mobility.destination", key: "destination" },
      { field: "mobility.start", key: "required" },
      { field: "mobility.end", key: "required" },
    ]);
  });

  it("puts a missing partner on the partner field once the student chose to pick one", () => {
    expect(problems(stay("partner"))).toEqual([
      { field: "mobility.host.partner", key: "destination" },
    ]);
  });

  it("puts a missing destination on the country when the student types it", () => {
    const form = stay("typed");
    form.mobility.host.city = "Berlin";
    expect(problems(form)).toEqual([{ field: "mobility.host.country", key: "destination" }]);
  });

  it("names the coordinate out of range", () => {
    const form = stay("typed");
    form.mobility.host.country = "DE";
    form.mobility.host.lat = 95;
    form.mobility.host.lon = -200;
    expect(problems(form)).toEqual([
      { field: "mobility.host.lat", key: "latitude" },
      { field: "mobility.host.lon", key: "longitude" },
    ]);
  });

  it("tells an impossible date from a stay that ends before it starts", () => {
    const impossible = stay("partner", "2027-02-31");
    impossible.mobility.host.partner = "kth";
    expect(problems(impossible)).toEqual([{ field: "mobility.start", key: "date" }]);
    const backwards = stay("partner", "2027-06-30", "2027-02-01");
    backwards.mobility.host.partner = "kth";
    expect(problems(backwards)).toEqual([{ field: "mobility.end", key: "endBeforeStart" }]);
  });

  it("explains numbers out of range in the field's own terms", () => {
    const form = stay("partner");
    form.mobility.host.partner = "kth";
    form.student.programme.year = 9;
    form.student.history.erasmusDaysInCycle = 1.5;
    form.student.history.amiMonthsTotal = -1;
    form.mobility.costs.visa = -20;
    expect(problems(form)).toEqual([
      { field: "student.programme.year", key: "year" },
      { field: "student.history.erasmusDaysInCycle", key: "wholeNumber" },
      { field: "student.history.amiMonthsTotal", key: "notNegative" },
      { field: "mobility.costs.visa", key: "notNegative" },
    ]);
  });

  it("says a typed name or city is too long, on its field", () => {
    const form = stay("typed");
    form.mobility.host.country = "DE";
    form.mobility.host.name = "x".repeat(201);
    form.mobility.host.city = "Berlin";
    expect(problems(form)).toEqual([{ field: "mobility.host.name", key: "tooLong" }]);
  });

  it("tells a date outside 2000-2100 from one that is not a date", () => {
    expect(problems(stay("partner", "0001-01-01", "9999-12-31"))).toEqual([
      { field: "mobility.host.partner", key: "destination" },
      { field: "mobility.start", key: "dateOutOfRange" },
      { field: "mobility.end", key: "dateOutOfRange" },
    ]);
  });

  it("finds nothing wrong with a complete stay", () => {
    const form = stay("partner");
    form.mobility.host.partner = "kth";
    expect(problems(form)).toEqual([]);
  });
});

describe("fieldProblems for a member of the personnel", () => {
  it("puts a problem with the hours taught on their field", () => {
    const form = stay("typed");
    form.mobility.host.country = "DE";
    form.participant = "personnel";
    form.personnel = { role: "teaching", activity: "teaching", teachingHours: -1 };
    expect(problems(form)).toEqual([{ field: "personnel.teachingHours", key: "notNegative" }]);
    form.personnel.teachingHours = 500;
    expect(problems(form)).toEqual([{ field: "personnel.teachingHours", key: "invalid" }]);
  });
});

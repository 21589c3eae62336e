import type {
  CostKind,
  CrousEchelon,
  Framework,
  MobilityKind,
  Participant,
  PersonnelActivity,
  PersonnelRole,
  ProgrammeLevel,
  ProgrammeMode,
} from "@envol/domain";
import {
  COST_OPTIONS,
  ECHELON_OPTIONS,
  FRAMEWORK_OPTIONS,
  LEVEL_OPTIONS,
  MOBILITY_KIND_OPTIONS,
  MODE_OPTIONS,
  PERSONNEL_ACTIVITY_OPTIONS,
  PERSONNEL_ROLE_OPTIONS,
} from "./answer-options.ts";

/**
 * The simulator's form: the situation of ARCHITECTURE §4.1 as people answer it. Amounts are in
 * euros (the request wants cents), a yes/no question can be left unanswered, and the destination
 * is either a catalogue partner or a place typed by hand. Who goes is a student or a member of the
 * school's personnel (ADR 016): each has their own questions, and the request carries only those
 * of the participant chosen (a `personnel` block makes it a personnel member's, even empty).
 * `toSituation` turns it into the request (which `SituationSchema` then validates) and
 * `fromSituation` reads a request back, so that a shared link or a saved draft reopens the same
 * answers; one without `personnel`, as every one before staff mobility, is a student's.
 */

/** A yes/no question; "" when not answered, which the engine reads as unknown, never as "no". */
export type Answer = "" | "yes" | "no";

/** How the student gives the destination; "" until they choose. */
export type DestinationMode = "" | "partner" | "typed";

export interface SituationForm {
  participant: Participant;
  mobility: {
    destination: DestinationMode;
    host: {
      partner: string;
      name: string;
      country: string;
      city: string;
      lat: number | null;
      lon: number | null;
    };
    start: string;
    end: string;
    kind: "" | MobilityKind;
    framework: "" | Framework;
    greenTravel: Answer;
    /** euros */
    costs: Record<CostKind, number | null>;
  };
  student: {
    programme: {
      level: "" | ProgrammeLevel;
      year: number | null;
      mode: "" | ProgrammeMode;
      gapYear: Answer;
    };
    residenceRegion: string;
    crous: { boursier: Answer; echelon: "" | CrousEchelon };
    /** the quotient familial in euros */
    household: { quotientFamilial: number | null; nonTaxable: Answer };
    fewerOpportunities: { disability: Answer; qpv: Answer; zrr: Answer };
    history: { erasmusDaysInCycle: number | null; amiMonthsTotal: number | null };
  };
  personnel: {
    role: "" | PersonnelRole;
    activity: "" | PersonnelActivity;
    teachingHours: number | null;
  };
}

export const emptyForm = (): SituationForm => ({
  participant: "student",
  mobility: {
    destination: "",
    host: { partner: "", name: "", country: "", city: "", lat: null, lon: null },
    start: "",
    end: "",
    kind: "",
    framework: "",
    greenTravel: "",
    costs: { transport: null, visa: null, insurance: null, installation: null },
  },
  student: {
    programme: { level: "", year: null, mode: "", gapYear: "" },
    residenceRegion: "",
    crous: { boursier: "", echelon: "" },
    household: { quotientFamilial: null, nonTaxable: "" },
    fewerOpportunities: { disability: "", qpv: "", zrr: "" },
    history: { erasmusDaysInCycle: null, amiMonthsTotal: null },
  },
  personnel: { role: "", activity: "", teachingHours: null },
});

type Json = { [key: string]: unknown };

/** The object without its undefined fields and empty sub-objects; undefined when nothing is left. */
const compact = (o: Json): Json | undefined => {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
};

const text = (s: string): string | undefined => (s.trim() === "" ? undefined : s.trim());
const answer = (a: Answer): boolean | undefined => (a === "" ? undefined : a === "yes");
const number = (n: number | null): number | undefined =>
  n === null || Number.isNaN(n) ? undefined : n;
// euros to cents, rounded to the cent: 12 000,50 € is 1200050
const cents = (euros: number | null): number | undefined => {
  const n = number(euros);
  return n === undefined ? undefined : Math.round(n * 100);
};

/**
 * The simulation request for these answers, as the API reads it: unanswered questions are left
 * out, and so are the other participant's answers (kept in the form, should they switch back). It
 * is not validated here: a value out of range stays as typed, so that the schema names it.
 */
export const toSituation = (form: SituationForm): Json => {
  const { mobility: m, student: s, personnel: p } = form;
  const host =
    m.destination === ""
      ? undefined
      : m.destination === "partner"
        ? compact({ partner: text(m.host.partner) })
        : compact({
            name: text(m.host.name),
            country: text(m.host.country),
            city: text(m.host.city),
            lat: number(m.host.lat),
            lon: number(m.host.lon),
          });
  const student = compact({
    programme: compact({
      level: s.programme.level || undefined,
      year: number(s.programme.year),
      mode: s.programme.mode || undefined,
      gapYear: answer(s.programme.gapYear),
    }),
    residenceRegion: s.residenceRegion || undefined,
    crous: compact({
      boursier: answer(s.crous.boursier),
      // an échelon belongs to a grant holder: dropped when the student says they hold none
      echelon: s.crous.boursier === "no" ? undefined : s.crous.echelon || undefined,
    }),
    household: compact({
      quotientFamilial: cents(s.household.quotientFamilial),
      nonTaxable: answer(s.household.nonTaxable),
    }),
    fewerOpportunities: compact({
      disability: answer(s.fewerOpportunities.disability),
      qpv: answer(s.fewerOpportunities.qpv),
      zrr: answer(s.fewerOpportunities.zrr),
    }),
    history: compact({
      erasmusDaysInCycle: number(s.history.erasmusDaysInCycle),
      amiMonthsTotal: number(s.history.amiMonthsTotal),
    }),
  });
  if (form.participant === "personnel") {
    // a member of the personnel is asked neither the kind of stay, nor its framework, nor its
    // costs: those are the student schemes' questions
    const personnel = compact({
      role: p.role || undefined,
      activity: p.activity || undefined,
      // the hours taught belong to a teaching stay, the one where they are asked
      teachingHours: p.activity === "teaching" ? number(p.teachingHours) : undefined,
    });
    const mobility = compact({
      host,
      start: text(m.start),
      end: text(m.end),
      greenTravel: answer(m.greenTravel),
    });
    return { personnel: personnel ?? {}, mobility: mobility ?? {} };
  }
  const mobility = compact({
    kind: m.kind || undefined,
    framework: m.framework || undefined,
    host,
    start: text(m.start),
    end: text(m.end),
    greenTravel: answer(m.greenTravel),
    costs: compact(Object.fromEntries(COST_OPTIONS.map((k) => [k, cents(m.costs[k])]))),
  });
  return { ...(student ? { student } : {}), mobility: mobility ?? {} };
};

// ---- reading a request back: anything may come from a link, so every field is checked ----

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const euros = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : n / 100;
};
const yesNo = (v: unknown): Answer => (v === true ? "yes" : v === false ? "no" : "");
const oneOf = <T extends string>(values: readonly T[], v: unknown): "" | T =>
  (values as readonly unknown[]).includes(v) ? (v as T) : "";

/** The form for a request (from a link or a saved draft); what it cannot read stays unanswered. */
export const fromSituation = (input: unknown): SituationForm => {
  const m = obj(obj(input).mobility);
  const s = obj(obj(input).student);
  const host = obj(m.host);
  const costs = obj(m.costs);
  const programme = obj(s.programme);
  const crous = obj(s.crous);
  const household = obj(s.household);
  const fewer = obj(s.fewerOpportunities);
  const history = obj(s.history);
  const p = obj(obj(input).personnel);
  const destination: DestinationMode =
    "partner" in host ? "partner" : Object.keys(host).length > 0 ? "typed" : "";
  return {
    // a `personnel` block, even empty, is a personnel member's situation (ADR 016)
    participant: isObject(obj(input).personnel) ? "personnel" : "student",
    mobility: {
      destination,
      host: {
        partner: str(host.partner),
        name: str(host.name),
        country: str(host.country),
        city: str(host.city),
        lat: num(host.lat),
        lon: num(host.lon),
      },
      start: str(m.start),
      end: str(m.end),
      kind: oneOf(MOBILITY_KIND_OPTIONS, m.kind),
      framework: oneOf(FRAMEWORK_OPTIONS, m.framework),
      greenTravel: yesNo(m.greenTravel),
      costs: {
        transport: euros(costs.transport),
        visa: euros(costs.visa),
        insurance: euros(costs.insurance),
        installation: euros(costs.installation),
      },
    },
    student: {
      programme: {
        level: oneOf(LEVEL_OPTIONS, programme.level),
        year: num(programme.year),
        mode: oneOf(MODE_OPTIONS, programme.mode),
        gapYear: yesNo(programme.gapYear),
      },
      residenceRegion: str(s.residenceRegion),
      crous: { boursier: yesNo(crous.boursier), echelon: oneOf(ECHELON_OPTIONS, crous.echelon) },
      household: {
        quotientFamilial: euros(household.quotientFamilial),
        nonTaxable: yesNo(household.nonTaxable),
      },
      fewerOpportunities: {
        disability: yesNo(fewer.disability),
        qpv: yesNo(fewer.qpv),
        zrr: yesNo(fewer.zrr),
      },
      history: {
        erasmusDaysInCycle: num(history.erasmusDaysInCycle),
        amiMonthsTotal: num(history.amiMonthsTotal),
      },
    },
    personnel: {
      role: oneOf(PERSONNEL_ROLE_OPTIONS, p.role),
      activity: oneOf(PERSONNEL_ACTIVITY_OPTIONS, p.activity),
      teachingHours: num(p.teachingHours),
    },
  };
};

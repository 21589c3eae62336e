import { type AcademicYear, academicYearOf } from "./academic-year.ts";
import type { IsoDate } from "./calendar-date.ts";
import { greatCircleKm } from "./distance.ts";
import { UnknownPartner } from "./errors.ts";
import { fundedDays } from "./funded-days.ts";
import type { Institution, Partner } from "./institution.ts";
import { type InlineHost, isPartnerHost, type Situation } from "./situation.ts";
import type { Lang } from "./text.ts";

/** The destination once the partner catalogue has been consulted. */
export interface ResolvedHost {
  /** The catalogue entry, when the student chose a partner. */
  readonly partner: Partner | undefined;
  readonly name: string | undefined;
  readonly country: string;
  readonly city: string | undefined;
  readonly lat: number | undefined;
  readonly lon: number | undefined;
  /** The partner's agreements with the school (a few ids), none for a typed destination. */
  readonly agreements: readonly string[];
}

/**
 * Everything a criterion or an estimate reads, computed once per situation by the engine: the
 * situation as submitted, the home institution, the resolved host and the derived values of
 * rulebook §0.
 */
export interface EvaluationContext {
  readonly situation: Situation;
  readonly institution: Institution;
  readonly host: ResolvedHost;
  /** The evaluation date: never the wall clock, always given. */
  readonly asOf: IsoDate;
  readonly lang: Lang;
  readonly academicYear: AcademicYear;
  readonly fundedDays: number;
  /** Great-circle km from the home campus, unknown for a typed destination without coordinates. */
  readonly distanceKm: number | undefined;
}

export type PartnerLookup = (id: string) => Partner | undefined;

const distanceFrom = (institution: Institution, host: ResolvedHost): number | undefined =>
  host.lat !== undefined && host.lon !== undefined
    ? greatCircleKm(institution, { lat: host.lat, lon: host.lon })
    : undefined;

const partnerHost = (partner: Partner): ResolvedHost => ({
  partner,
  name: partner.name,
  country: partner.country,
  city: partner.city,
  lat: partner.lat,
  lon: partner.lon,
  agreements: partner.agreements,
});

const partnerOf = (situation: Situation, partners: PartnerLookup): Partner | undefined => {
  const host = situation.mobility.host;
  if (!isPartnerHost(host)) return undefined;
  const partner = partners(host.partner);
  if (!partner) throw new UnknownPartner({ partner: host.partner });
  return partner;
};

const inlineHost = (host: InlineHost): ResolvedHost => ({
  partner: undefined,
  name: host.name,
  country: host.country,
  city: host.city,
  lat: host.lat,
  lon: host.lon,
  agreements: [],
});

/** Resolves the host against the catalogue. @throws UnknownPartner for an id not in it. */
export const resolveHost = (situation: Situation, partners: PartnerLookup): ResolvedHost => {
  const partner = partnerOf(situation, partners);
  return partner ? partnerHost(partner) : inlineHost(situation.mobility.host as InlineHost);
};

export const makeEvaluationContext = (
  situation: Situation,
  institution: Institution,
  partners: PartnerLookup,
  asOf: IsoDate,
  lang: Lang,
): EvaluationContext => {
  const host = resolveHost(situation, partners);
  const { start, end } = situation.mobility;
  const academicYear = academicYearOf(start);
  return {
    situation,
    institution,
    host,
    asOf,
    lang,
    academicYear,
    fundedDays: fundedDays(start, end),
    distanceKm: distanceFrom(institution, host),
  };
};

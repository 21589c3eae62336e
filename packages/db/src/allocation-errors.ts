import { formatInteger, type Lang, type Text } from "@envol/domain";
import { Data } from "effect";

/** No allocation is proposed for the call's scheme and year. */
export class AllocationNotFound extends Data.TaggedError("AllocationNotFound")<{
  readonly scheme: string;
  readonly academicYear: string;
}> {
  override get message(): string {
    return `no allocation for ${this.scheme} in ${this.academicYear}`;
  }

  explain(lang: Lang): string {
    return {
      fr: `Aucune répartition n'est proposée pour ${this.scheme} en ${this.academicYear}.`,
      en: `No allocation is proposed for ${this.scheme} in ${this.academicYear}.`,
    }[lang];
  }
}

/** The call's allocation was applied: it is the record of the decisions, no longer a proposal. */
export class AllocationApplied extends Data.TaggedError("AllocationApplied")<{
  readonly scheme: string;
  readonly academicYear: string;
}> {
  override get message(): string {
    return `the allocation of ${this.scheme} in ${this.academicYear} is already applied`;
  }

  explain(lang: Lang): string {
    return {
      fr: `La répartition de ${this.scheme} en ${this.academicYear} est déjà appliquée\u00a0: ses décisions sont prises.`,
      en: `The allocation of ${this.scheme} in ${this.academicYear} is already applied: its decisions are taken.`,
    }[lang];
  }
}

/** The office applies a version of the proposal it did not look at: another was proposed since. */
export class AllocationVersionChanged extends Data.TaggedError("AllocationVersionChanged")<{
  readonly expectedVersion: number;
  readonly version: number;
}> {
  override get message(): string {
    return `the allocation is at version ${this.version}, not ${this.expectedVersion}`;
  }

  explain(lang: Lang): string {
    return {
      fr: `La répartition a été proposée de nouveau (version ${formatInteger(this.version, "fr")}, et non ${formatInteger(this.expectedVersion, "fr")})\u00a0: relisez-la avant de l'appliquer.`,
      en: `The allocation was proposed again (version ${formatInteger(this.version, "en")}, not ${formatInteger(this.expectedVersion, "en")}): read it again before applying it.`,
    }[lang];
  }
}

/**
 * A request of the proposal can no longer be decided as proposed: it changed since (withdrawn,
 * decided by hand, edited), the envelope no longer covers it, or its decision is refused. Nothing
 * is applied; the office proposes again.
 */
export class AllocationOutdated extends Data.TaggedError("AllocationOutdated")<{
  readonly requestId: string;
  readonly applicationId: string;
  readonly why: Text;
}> {
  override get message(): string {
    return `request ${this.requestId}: ${this.why.en}`;
  }

  explain(lang: Lang): string {
    return {
      fr: `La demande ${this.requestId} ne peut plus être décidée comme proposé (${this.why.fr})\u00a0: rien n'est appliqué, proposez la répartition de nouveau.`,
      en: `Request ${this.requestId} can no longer be decided as proposed (${this.why.en}): nothing is applied, propose the allocation again.`,
    }[lang];
  }
}

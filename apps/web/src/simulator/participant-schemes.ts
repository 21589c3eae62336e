import type { Participant, SchemeResult } from "@envol/domain";

/**
 * The results split by whom each scheme funds (ADR 016): the participant's own schemes, shown as
 * cards, and the others, which the results only name in one line. Every scheme of the other
 * participant is unmet on its first criterion (`participant`) whatever the other answers, so a
 * card for each would bury the schemes that can be had under conditions that can never be met;
 * the line says they exist and whom they fund, and the choice at the top of the form switches.
 *
 * Whom a scheme funds is the catalogue's `participant`; until the catalogue is there, the
 * report's `participant` criterion says the same (unmet for the other participant's schemes).
 */
export const splitByParticipant = <T extends Pick<SchemeResult, "scheme" | "criteria">>(
  schemes: readonly T[],
  participant: Participant,
  catalogue: ReadonlyMap<string, Participant> | undefined,
): { readonly own: T[]; readonly others: T[] } => {
  const own: T[] = [];
  const others: T[] = [];
  for (const scheme of schemes) {
    const funds = catalogue?.get(scheme.scheme);
    const isOwn =
      funds === undefined
        ? scheme.criteria.find((c) => c.id === "participant")?.status !== "unmet"
        : funds === participant;
    (isOwn ? own : others).push(scheme);
  }
  return { own, others };
};

import { isRecord } from "@envol/domain";
import { FIRST_CALL } from "./erasmus-figures.ts";

/**
 * Erasmus+ options stored with a grant approved before the options were dated by call (three
 * rates `rateGroupNCents`, one `travelSupport` policy, the 50 € `greenTopUpCents`), read in
 * today's shape for its recalculation: the rates and the policy hold from Call 2024 on — the
 * terms the grant was approved under, whatever its call —, and the green top-up is dropped, as
 * it is never paid (rulebook §2). Options in today's shape come back as they are.
 *
 * @example
 * erasmusStoredOptions({ rateGroup1Cents: 29_200, rateGroup2Cents: 22_500, rateGroup3Cents: 22_500, travelSupport: "all" })
 * // { rates: [{ fromCall: 2024, group1Cents: 29_200, … }], travelSupport: [{ fromCall: 2024, policy: "all" }] }
 */
export const erasmusStoredOptions = (stored: unknown): unknown => {
  if (!isRecord(stored)) return stored;
  const {
    rateGroup1Cents,
    rateGroup2Cents,
    rateGroup3Cents,
    travelSupport,
    greenTopUpCents: _neverPaid,
    ...rest
  } = stored;
  const oldRates = [rateGroup1Cents, rateGroup2Cents, rateGroup3Cents].some((r) => r !== undefined);
  const oldPolicy = typeof travelSupport === "string";
  if (!oldRates && !oldPolicy && !("greenTopUpCents" in stored)) return stored;
  return {
    ...rest,
    ...(oldRates && {
      rates: [
        {
          fromCall: FIRST_CALL,
          group1Cents: rateGroup1Cents,
          group2Cents: rateGroup2Cents,
          group3Cents: rateGroup3Cents,
        },
      ],
    }),
    ...(travelSupport !== undefined && {
      travelSupport: oldPolicy ? [{ fromCall: FIRST_CALL, policy: travelSupport }] : travelSupport,
    }),
  };
};

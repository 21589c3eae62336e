import { describe, expect, it } from "vitest";
import { ami } from "./ami.ts";
import { amiStoredOptions } from "./ami-stored-options.ts";

/** The periods the release before whole months stored at an approval: its defaults, in days. */
const STORED_IN_DAYS = {
  periods: [
    {
      since: "2018-07-19",
      minFundedDays: 60,
      maxFundedDays: 270,
      lifetimeCapDays: 270,
      monthlyRateCents: 40_000,
    },
    {
      since: "2024-07-01",
      minFundedDays: 30,
      maxFundedDays: 300,
      lifetimeCapDays: 300,
      monthlyRateCents: 40_000,
    },
  ],
  exclusiveWith: [],
};

describe("AMI options stored in days", () => {
  it("are refused as they are, naming the field", () => {
    expect(() => ami.configure(STORED_IN_DAYS as never)).toThrow(/minFundedDays/);
  });

  it("read as today's whole months: the rulebook's defaults exactly", () => {
    const read = amiStoredOptions(STORED_IN_DAYS);
    expect(ami.configure(read as never).options).toEqual(ami.configure().options);
  });

  it("keep a stay as long as it was when a bound is not whole months", () => {
    const read = amiStoredOptions({
      periods: [
        {
          since: "2024-07-01",
          minFundedDays: 45,
          maxFundedDays: 200,
          lifetimeCapDays: 215,
          monthlyRateCents: 40_000,
        },
      ],
    });
    expect(read).toEqual({
      periods: [
        {
          since: "2024-07-01",
          minMonths: 2,
          maxMonths: 6,
          lifetimeCapMonths: 7,
          monthlyRateCents: 40_000,
        },
      ],
    });
  });

  it("leave today's options as they are", () => {
    const today = ami.options.parse({});
    expect(amiStoredOptions(today)).toEqual(today);
  });
});

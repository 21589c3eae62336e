import { isNotFound } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { applicationIdParams, isApplicationId } from "./application-id-param.ts";

const ID = "6b67ca2b-3132-4f95-9d0e-c9b08afc46d6";

describe("an application's id in the address", () => {
  it("is a UUID, in either case", () => {
    expect(applicationIdParams.parse({ id: ID })).toEqual({ id: ID });
    expect(isApplicationId(ID.toUpperCase())).toBe(true);
  });

  it.each(["not-an-id", "", `${ID}x`, ID.slice(1), "6b67ca2b31324f959d0ec9b08afc46d6"])(
    "%j: page not found",
    (id) => {
      let thrown: unknown;
      try {
        applicationIdParams.parse({ id });
      } catch (e) {
        thrown = e;
      }
      expect(isNotFound(thrown)).toBe(true);
    },
  );
});

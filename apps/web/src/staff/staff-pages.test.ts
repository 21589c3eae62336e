import { describe, expect, it } from "vitest";
import { applicationSplat, staffPageOf } from "./staff-pages.ts";

const ID = "6b67ca2b-3132-4f95-9d0e-c9b08afc46d6";

describe("staffPageOf", () => {
  it.each([
    [undefined, { name: "home" }],
    ["", { name: "home" }],
    ["/", { name: "home" }],
    ["queue", { name: "queue" }],
    ["queue/", { name: "queue" }],
    ["budgets", { name: "budgets" }],
    ["partner-keys", { name: "partner-keys" }],
    [`applications/${ID}`, { name: "application", id: ID }],
    ["applications/not-a-uuid", { name: "not-found" }],
    ["applications", { name: "not-found" }],
    [`applications/${ID}/more`, { name: "not-found" }],
    ["queues", { name: "not-found" }],
  ] as const)("reads %j as %j", (splat, page) => {
    expect(staffPageOf(splat)).toEqual(page);
  });

  it("reads back the address of an application it links to", () => {
    expect(staffPageOf(applicationSplat(ID))).toEqual({ name: "application", id: ID });
  });
});

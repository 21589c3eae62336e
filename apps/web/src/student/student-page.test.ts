import { describe, expect, it } from "vitest";
import { applicationSplat, studentPage } from "./student-page.ts";

describe("the student area's pages", () => {
  it.each([
    [undefined, { page: "applications" }],
    ["", { page: "applications" }],
    ["applications", { page: "applications" }],
    ["applications/", { page: "applications" }],
    ["apply", { page: "apply" }],
    ["applications/6f1c2a8e", { page: "application", id: "6f1c2a8e" }],
    ["apply/more", { page: "not-found" }],
    ["applications/a/b", { page: "not-found" }],
    ["documents", { page: "not-found" }],
  ])("%j is %j", (splat, page) => {
    expect(studentPage(splat)).toEqual(page);
  });

  it("reads back the splat it writes for an application", () => {
    expect(studentPage(applicationSplat("a b"))).toEqual({ page: "application", id: "a b" });
  });
});

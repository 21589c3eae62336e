import { describe, expect, it } from "vitest";
import { ConfigInvalid, loadConfig } from "./config.ts";

describe("the server's configuration", () => {
  it("defaults everything a newcomer's `pnpm start` needs", () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      ENVOL_DATA_DIR: "./data/pglite",
      ENVOL_SEED: "true",
    });
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("stops on a bad variable, naming it", () => {
    const bad = () =>
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail" });
    expect(bad).toThrow(ConfigInvalid);
    expect(bad).toThrow(/PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ URL\n.*SMTP_URL/);
  });

  it("wants the whole single sign-on configuration, and the public address for its callback", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://sso.example" })).toThrow(
      /OIDC_CLIENT_ID: is required/,
    );
    expect(() =>
      loadConfig({
        OIDC_ISSUER: "https://sso.example",
        OIDC_CLIENT_ID: "envol",
        OIDC_CLIENT_SECRET: "s",
      }),
    ).toThrow(/PUBLIC_URL: is required/);
  });

  it("takes the owner's URL for the migrations only alongside a PostgreSQL DATABASE_URL", () => {
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: "postgres://owner@db/envol" })).toThrow(
      /MIGRATION_DATABASE_URL: needs DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: "postgres://api@db/envol", MIGRATION_DATABASE_URL: "x" }),
    ).toThrow(/MIGRATION_DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(
      loadConfig({
        DATABASE_URL: "postgres://api@db/envol",
        MIGRATION_DATABASE_URL: "postgres://owner@db/envol",
      }),
    ).toMatchObject({ MIGRATION_DATABASE_URL: "postgres://owner@db/envol" });
  });

  it("reads which claim vouches for an SSO email, email_verified by default", () => {
    expect(loadConfig({}).OIDC_EMAIL_VERIFIED_CLAIM).toBe("email_verified");
    expect(
      loadConfig({ OIDC_EMAIL_VERIFIED_CLAIM: "school.mail_checked" }).OIDC_EMAIL_VERIFIED_CLAIM,
    ).toBe("school.mail_checked");
  });
});

import { describe, expect, it } from "vitest";
import { ConfigInvalid, loadConfig, publicUrlIsHttps, seedsDemo } from "./config.ts";

describe("the server's configuration", () => {
  it("defaults everything a newcomer's `pnpm start` needs", () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      ENVOL_DATA_DIR: "./data/pglite",
      ENVOL_SEED: "auto",
    });
    expect(seedsDemo(loadConfig({}))).toBe(true);
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

  it.each([
    // [ENVOL_SEED, NODE_ENV, PUBLIC_URL, seeds the demo data]
    [undefined, undefined, undefined, true],
    [undefined, "development", "http://localhost:3000", true],
    [undefined, "test", undefined, true],
    [undefined, "production", undefined, false],
    [undefined, undefined, "https://envol.telecom-paris.fr", false],
    [undefined, "development", "https://envol.example", false],
    [undefined, undefined, "HTTPS://ENVOL.TELECOM-PARIS.FR", false],
    [undefined, "development", "Https://envol.example", false],
    ["auto", "production", "http://localhost:3000", false],
    ["demo", "production", "https://demo.envol.example", true],
    ["demo", undefined, undefined, true],
    ["none", undefined, undefined, false],
    ["none", "development", "http://localhost:3000", false],
  ] as const)(
    "ENVOL_SEED=%s, NODE_ENV=%s, PUBLIC_URL=%s: demo data %s",
    (seed, nodeEnv, url, seeds) => {
      const config = loadConfig({ ENVOL_SEED: seed, NODE_ENV: nodeEnv, PUBLIC_URL: url });
      expect(seedsDemo(config)).toBe(seeds);
    },
  );

  it.each([
    ["https://envol.telecom-paris.fr", true],
    ["HTTPS://envol.telecom-paris.fr", true],
    ["hTTps://envol.example:8443/envol", true],
    ["http://localhost:3000", false],
    ["HTTP://localhost:3000", false],
    // a scheme named after https is not it
    ["https-proxy://envol.example", false],
    [undefined, false],
  ] as const)("PUBLIC_URL=%s is https: %s (Secure cookies, HSTS, no demo data)", (url, https) => {
    expect(publicUrlIsHttps(loadConfig({ PUBLIC_URL: url }))).toBe(https);
  });

  it("refuses a seeding mode it does not know, naming the ones it does (true and false included)", () => {
    for (const value of ["true", "false", "yes"])
      expect(() => loadConfig({ ENVOL_SEED: value })).toThrow(/ENVOL_SEED: .*auto.*demo.*none/);
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

  it("trusts no proxy by default, and names a TRUST_PROXY entry that is not an address, a range or a count", () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toBe(
      "10.0.0.0/8, loopback",
    );
    expect(() => loadConfig({ TRUST_PROXY: "proxy.school.fr" })).toThrow(
      /TRUST_PROXY: "proxy.school.fr" is not an IP address/,
    );
  });

  it("has a school's limits by default, takes others, and refuses a negative one by name", () => {
    expect(loadConfig({})).toMatchObject({
      ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: 60,
      ENVOL_LIMIT_PLACES_PER_MINUTE: 120,
      ENVOL_LIMIT_APPLICATIONS_PER_DAY: 20,
      ENVOL_LIMIT_UPLOADS_PER_HOUR: 30,
      ENVOL_LIMIT_PARTNER_CALLS_PER_MINUTE: 600,
      ENVOL_PARTNER_DATE_WINDOW_DAYS: 30,
      ENVOL_DOCUMENTS_PER_APPLICATION: 20,
      ENVOL_DOCUMENT_MB_PER_APPLICATION: 50,
    });
    expect(loadConfig({ ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: "0" })).toMatchObject({
      ENVOL_LIMIT_SIMULATIONS_PER_MINUTE: 0,
    });
    expect(() => loadConfig({ ENVOL_LIMIT_UPLOADS_PER_HOUR: "-1" })).toThrow(
      /ENVOL_LIMIT_UPLOADS_PER_HOUR/,
    );
    expect(() => loadConfig({ ENVOL_DOCUMENTS_PER_APPLICATION: "0" })).toThrow(
      /ENVOL_DOCUMENTS_PER_APPLICATION/,
    );
    expect(loadConfig({ ENVOL_PARTNER_DATE_WINDOW_DAYS: "0" })).toMatchObject({
      ENVOL_PARTNER_DATE_WINDOW_DAYS: 0,
    });
    expect(() => loadConfig({ ENVOL_PARTNER_DATE_WINDOW_DAYS: "400" })).toThrow(
      /ENVOL_PARTNER_DATE_WINDOW_DAYS/,
    );
  });
});

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
      ENVOL_LIMIT_APPLICATIONS_PER_DAY: 20,
      ENVOL_LIMIT_UPLOADS_PER_HOUR: 30,
      ENVOL_LIMIT_PARTNER_CALLS_PER_MINUTE: 600,
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
  });
});

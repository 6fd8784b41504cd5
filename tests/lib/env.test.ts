import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("has working defaults for the embedded set-up", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\.data$/);
    expect(env.SEED_DEMO).toBe(true);
  });

  it("names every bad variable", () => {
    expect(() =>
      parseEnv({ PORT: "abc", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" }),
    ).toThrowError(
      /PORT: .*\n.*DATABASE_URL: must start with postgres:\/\/.*\n.*AUTH_SECRET: must be at least 32 characters/,
    );
  });

  it("switches OIDC on only with issuer, client id and secret together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://sso.example/realms/stadt" })).toThrowError(
      /OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/,
    );
    const env = parseEnv({
      OIDC_ISSUER: "https://sso.example/realms/stadt",
      OIDC_CLIENT_ID: "konzeptwerkstatt",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(env.OIDC_CLIENT_ID).toBe("konzeptwerkstatt");
  });

  it("bounds request bodies at 1 MiB by default and wants a metrics token of some length", () => {
    expect(parseEnv({}).HTTP_MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(parseEnv({ HTTP_MAX_BODY_BYTES: "65536" }).HTTP_MAX_BODY_BYTES).toBe(65536);
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(() => parseEnv({ HTTP_MAX_BODY_BYTES: "10" })).toThrowError(/HTTP_MAX_BODY_BYTES/);
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrowError(
      /METRICS_TOKEN: must be at least 16 characters/,
    );
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", REDIS_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

/**
 * The one place that reads process.env. Parsed and validated once; a bad value stops start-up
 * with a message that names the variable.
 */
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATA_DIR: z.string().default("./.data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
        .optional(),
    ),
    REDIS_STREAM: z.string().trim().min(1).default("integrationskonzept:sync"),
    AUTH_SECRET: optionalString.pipe(
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    OIDC_ISSUER: optionalString.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().default("Single Sign-On"),
    SEED_DEMO: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    SYNC_MAX_FRAME_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    SYNC_MESSAGES_PER_SECOND: z.coerce.number().positive().default(100),
    SYNC_MESSAGE_BURST: z.coerce.number().int().min(1).default(1000),
    SYNC_BYTES_PER_SECOND: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    SYNC_BYTE_BURST: z.coerce
      .number()
      .int()
      .min(1024)
      .default(4 * 1024 * 1024),
    SYNC_MAX_QUEUED_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024),
    SYNC_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(32 * 1024 * 1024),
    SYNC_MAX_DOC_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(16 * 1024 * 1024),
    SYNC_HANDSHAKE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    SYNC_MAX_SOCKETS_PER_PERSON: z.coerce.number().int().min(1).default(50),
    SYNC_MAX_SOCKETS_PER_TOKEN: z.coerce.number().int().min(1).default(4),
    SYNC_KEEPALIVE_MS: z.coerce.number().int().min(100).max(25_000).default(10_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Largest request body the JSON API reads; larger ones get 413 before they are read. */
    HTTP_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** A bearer token that may read /api/metrics without a session (for a monitoring system). */
    METRICS_TOKEN: optionalString.pipe(
      z.string().min(16, "must be at least 16 characters").optional(),
    ),
    // Sign-in and join limits (lib/auth/rate-limit.ts); 0 switches a limit off.
    SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(0).default(5),
    SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
    SIGNIN_LIMIT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    JOIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(60),
    JOIN_LIMIT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Single sign-on (lib/auth/oidc.ts).
    OIDC_ID_TOKEN_ALG: z
      .enum([
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "EdDSA",
      ])
      .default("RS256"),
    OIDC_CREATE_ACCOUNTS: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    /**
     * E-mail domains the provider owns (e.g. a town's Azure AD tenant that sends no
     * email_verified claim): their addresses count as verified.
     */
    OIDC_VERIFIED_EMAIL_DOMAINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the app (its redirect and post-logout URIs) and starts answering. */
  register(appUrl: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the certified `oidc-provider` package) on a free loopback port, with
 * its standard behaviour: claims such as the e-mail only from the userinfo endpoint, PKCE,
 * RP-initiated logout, and its development login screen (any login name, any password).
 * Accounts are keyed by the login name. It signs ID tokens with `alg` only.
 */
export async function startOidcProvider({
  accounts,
  alg = "RS256",
}: {
  accounts: Record<string, TestAccount>;
  alg?: "RS256" | "ES256";
}): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg, use: "sig", kid: `test-${alg}` };
  const clientId = "konzeptwerkstatt";
  const clientSecret = "test-client-secret-0123456789";
  return {
    issuer,
    clientId,
    clientSecret,
    register(appUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
            post_logout_redirect_uris: [`${appUrl}/login?signedOut=provider`],
            id_token_signed_response_alg: alg,
          },
        ],
        jwks: { keys: [jwk] },
        cookies: { keys: ["test-cookie-key-0123456789"] },
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        findAccount(_ctx, sub) {
          const account = accounts[sub];
          if (!account) return undefined;
          return {
            accountId: sub,
            claims: () => ({
              sub,
              email: account.email,
              email_verified: account.emailVerified,
              name: account.name,
            }),
          };
        },
      });
      provider.on("server_error", (_ctx, error) =>
        process.stderr.write(`oidc: ${String(error)}\n`),
      );
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

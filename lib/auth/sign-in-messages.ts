/**
 * Which message the sign-in page shows for next-auth's `?error=` codes and for `?signedOut=`.
 * Keys live under `auth.errors` and `auth.signedOut` in messages/*.json.
 */
import { TOO_MANY_ATTEMPTS_ERROR } from "./options";

const ERROR_KEYS: Record<string, string> = {
  CredentialsSignin: "invalidCredentials",
  [TOO_MANY_ATTEMPTS_ERROR]: "tooManyAttempts",
  SsoNoEmail: "ssoNoEmail",
  SsoEmailUnverified: "ssoEmailUnverified",
  SsoNoAccount: "ssoNoAccount",
  // The provider's answer could not be checked (signature, algorithm, issuer, state, PKCE).
  OAuthCallback: "ssoProviderError",
  OAuthSignin: "ssoProviderError",
  Callback: "ssoProviderError",
};

export function signInErrorKey(error: string | undefined): string | undefined {
  if (!error) return undefined;
  return ERROR_KEYS[error] ?? "signInFailed";
}

const SIGNED_OUT_KEYS = ["local", "provider", "provider_active"] as const;

export function signedOutNoticeKey(value: string | undefined) {
  return SIGNED_OUT_KEYS.find((key) => key === value);
}

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native/wasm database drivers stay outside the bundle, so Next's route modules and the
  // custom server load the very same module instances.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  experimental: {
    authInterrupts: true,
    // proxy.ts (the pages' CSP) sees pages only; the little a page form posts without script
    // is buffered for it up to this size, not Next's default of 10 MB.
    proxyClientMaxBodySize: "1mb",
  },
  // `npm run typecheck` and `npm run lint` check the code; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);

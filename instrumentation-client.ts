// Only zod's core config (a few bytes), not all of zod, on pages that do not use it.
import { config } from "zod/v4/core";

// Runs before the app's own code in the browser (Next's instrumentation-client). zod would
// otherwise probe `new Function` once to decide whether to compile fast parsers, and the
// page's Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation.
config({ jitless: true });

import { z } from "zod";

// Runs before the app's own code in the browser (Next's instrumentation-client). zod would
// otherwise probe `new Function` once to decide whether to compile fast parsers, and the
// page's Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation.
z.config({ jitless: true });

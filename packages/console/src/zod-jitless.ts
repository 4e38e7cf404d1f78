import { config } from 'zod';

// The console's CSP forbids eval. Tell zod before any schema is built (this module is imported
// first), or it probes with `new Function` and the browser files a CSP violation on every load.
config({ jitless: true });

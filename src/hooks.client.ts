import { guardNetwork } from '$lib/network-guard';
import { presetZodConfig } from '$lib/zod-config';

// The Content-Security-Policy forbids eval. Unless told otherwise, zod probes for it with
// `new Function` when its first object schema is built, which the browser blocks and reports
// as a policy violation. This runs before any page code loads zod (without importing zod, which
// would put it on every page before it is needed).
presetZodConfig();

// Before any page code: what the Content-Security-Policy cannot stop (see network-guard.ts).
guardNetwork();

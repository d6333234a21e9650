import { z } from 'zod';
import { guardNetwork } from '$lib/network-guard';

// The Content-Security-Policy forbids eval. Unless told otherwise, zod probes for it with
// `new Function` when its first object schema is built, which the browser blocks and reports
// as a policy violation. This module runs before any page code builds a schema.
z.config({ jitless: true });

// Before any page code: what the Content-Security-Policy cannot stop (see network-guard.ts).
guardNetwork();

/**
 * zod keeps its global configuration on `globalThis.__zod_globalConfig` and adopts an object
 * already there when it loads. Setting it here, before zod is loaded, turns off zod's eval probe
 * without importing zod (tests/rubrics/zod-config.test.ts checks zod still reads this object).
 */
export const ZOD_CONFIG_KEY = '__zod_globalConfig';

export function presetZodConfig() {
	const global = globalThis as Record<string, unknown>;
	const existing = global[ZOD_CONFIG_KEY];
	if (typeof existing === 'object' && existing !== null) Object.assign(existing, { jitless: true });
	else global[ZOD_CONFIG_KEY] = { jitless: true };
}

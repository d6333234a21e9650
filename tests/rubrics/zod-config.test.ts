import { describe, expect, it } from 'vitest';
import { presetZodConfig, ZOD_CONFIG_KEY } from '../../src/lib/zod-config';

describe('zod configured before it loads (src/hooks.client.ts)', () => {
	it('zod adopts the preset object, so its eval probe is off under the page policy', async () => {
		presetZodConfig();
		const { config } = await import('zod/v4/core');
		// A zod version that keeps its configuration elsewhere would silently ignore the preset.
		expect(config()).toBe((globalThis as Record<string, unknown>)[ZOD_CONFIG_KEY]);
		expect(config().jitless).toBe(true);
	});
});

/**
 * Report branding kept on the device: who prepared the report, an accent colour and a logo.
 * Stored beside the other records, validated on read like them.
 */
import { get, set, createStore } from 'idb-keyval';
import { z } from 'zod';
import { DB_NAME } from './repository';

export const MAX_LOGO_BYTES = 1024 * 1024;

export const BrandingSchema = z.strictObject({
	schemaVersion: z.literal(1),
	preparedBy: z.string().max(200).default(''),
	accentColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/)
		.default('#0b5394'),
	logo: z
		.strictObject({
			dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/),
			type: z.enum(['PNG', 'JPEG'])
		})
		.nullable()
		.default(null)
});
export type Branding = z.infer<typeof BrandingSchema>;

const KEY = 'meta:branding';
const store = () => createStore(DB_NAME, 'records');

export const defaultBranding = (): Branding => BrandingSchema.parse({ schemaVersion: 1 });

export async function getBranding(): Promise<Branding> {
	const raw = await get(KEY, store());
	const parsed = BrandingSchema.safeParse(raw);
	return parsed.success ? parsed.data : defaultBranding();
}

export async function setBranding(branding: Branding): Promise<void> {
	await set(KEY, JSON.parse(JSON.stringify(BrandingSchema.parse(branding))), store());
}

/** Checks an uploaded logo: a PNG or JPEG (by its bytes, not its name) of at most 1 MB. */
export function sniffLogo(bytes: Uint8Array): 'PNG' | 'JPEG' | null {
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
		return 'PNG';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
	return null;
}

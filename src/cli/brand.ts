/** The --brand file of `report`: who prepared the report, an accent colour and a logo. */
import path from 'node:path';
import { z } from 'zod';
import { formatJsonPath, parseJsonText } from '../lib/domain/assessment-file';
import { InputError } from './errors';
import { readInputBytes, readInputText } from './io';

const BrandSchema = z.strictObject({
	preparedBy: z.string().max(200, 'must be at most 200 characters').optional(),
	accentColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb, such as "#1d4e89"')
		.optional(),
	logo: z.string().min(1, 'must be the path of a PNG or JPEG file').optional()
});

const MAX_BRAND_BYTES = 64 * 1024;
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

function readLogo(file: string): { data: Uint8Array; type: 'PNG' | 'JPEG' } {
	const data = new Uint8Array(
		readInputBytes(
			file,
			MAX_LOGO_BYTES,
			'logo',
			(size) =>
				`the logo is ${(size / 1024 / 1024).toFixed(1)} MB; at most 2 MB is accepted (export it smaller)`
		)
	);
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => data[i] === b);
	const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
	if (!png && !jpeg)
		throw new InputError(file, [{ path: '', message: 'the logo is not a PNG or JPEG image' }]);
	return { data, type: png ? 'PNG' : 'JPEG' };
}

export function readBrand(file: string) {
	const text = readInputText(file, MAX_BRAND_BYTES, 'brand file');
	const result = BrandSchema.safeParse(parseJsonText(text, file));
	if (!result.success)
		throw new InputError(
			file,
			result.error.issues.slice(0, 20).map((issue) => ({
				path: formatJsonPath(issue.path),
				message: issue.message
			}))
		);
	const brand = result.data;
	const logoFile = brand.logo ? path.resolve(path.dirname(file), brand.logo) : undefined;
	return {
		/** Read, like the brand file, so never a place to write the report. */
		logoFile,
		preparedBy: brand.preparedBy?.trim() || undefined,
		accentColor: brand.accentColor,
		logo: logoFile ? readLogo(logoFile) : undefined
	};
}

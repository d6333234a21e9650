/**
 * Equality of plain data (what JSON.parse and the stored records hold), walked once and stopped at
 * the first difference: an import compares every record of the file with the stored one, so this
 * must not serialise or sort (a JSON round trip with sorted keys made re-importing three times
 * slower than the first import). Key order never matters; keys whose value is undefined count as
 * absent.
 */

const BOOKKEEPING = new Set(['createdAt', 'updatedAt']);
const NOTHING = new Set<string>();

function equalData(a: unknown, b: unknown, ignored: ReadonlySet<string>): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((x, i) => equalData(x, other[i], ignored));
	}
	const keys = (v: object) =>
		Object.keys(v).filter(
			(k) => (v as Record<string, unknown>)[k] !== undefined && !ignored.has(k)
		);
	const ka = keys(a);
	const kb = keys(b);
	if (ka.length !== kb.length) return false;
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	return ka.every((k) => Object.hasOwn(rb, k) && equalData(ra[k], rb[k], ignored));
}

/** The same content for the user: equal apart from when records were created or changed. */
export const sameContent = (a: unknown, b: unknown) => equalData(a, b, BOOKKEEPING);

/**
 * Exactly the same data, timestamps included: an imported record identical to a stored record
 * that was validated when read is as valid as that record, and need not be validated again.
 */
export const identicalData = (a: unknown, b: unknown) => equalData(a, b, NOTHING);

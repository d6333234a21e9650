/** One line of the bench table. */
export interface Row {
	name: string;
	value: number;
	unit: 'ms' | 'KB' | 'MB' | '×' | 'score';
	/** The most the value may be: over it, the bench fails */
	budget?: number;
	/** The least the value may be (a speed-up, a score): under it, the bench fails */
	minimum?: number;
}

export const missesBudget = (r: Row) =>
	(r.budget !== undefined && r.value > r.budget) ||
	(r.minimum !== undefined && r.value < r.minimum);

/** The budget column: "≤ 3000 ms" reads as "at most", "≥ 3 ×" as "at least". */
export function describeBudget(r: Row): string {
	const parts: string[] = [];
	if (r.budget !== undefined) parts.push(`${r.budget} ${r.unit}`);
	if (r.minimum !== undefined) parts.push(`≥ ${r.minimum} ${r.unit}`);
	return parts.join(', ');
}

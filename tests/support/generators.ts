import fc from 'fast-check';
import type { Assessment } from '../../src/lib/domain/assessment';
import { createAssessment } from '../../src/lib/domain/sample';
import type { Indicator, Rubric } from '../../src/lib/rubrics/schema';

const text = (s: string) => ({ zh: s, en: s });

function indicator(id: string, weight: number, maxLevel: number): Indicator {
	return {
		id,
		title: text(id),
		question: text(`${id}?`),
		weight,
		quickScan: false,
		allowNotApplicable: true,
		responsible: ['gov'],
		levels: Array.from({ length: maxLevel + 1 }, (_, l) => text(`level ${l}`)),
		cites: [{ node: 'c03.p2.2' }],
		figures: [],
		measures: Array.from({ length: maxLevel }, (_, l) => ({
			toLevel: l + 1,
			text: text(`${id} step ${l + 1}`),
			cites: [{ node: 'c03.p2.2' }],
			cases: []
		}))
	};
}

const weight = fc.constantFrom(0.5, 1, 1, 2, 3);

/** Random rubric trees: 1–4 pillars × 1–3 domains × 1–5 indicators, scales of 3–6 levels. */
export const rubricArb: fc.Arbitrary<Rubric> = fc
	.record({
		maxLevel: fc.integer({ min: 2, max: 5 }),
		pillars: fc.array(
			fc.record({
				weight,
				domains: fc.array(
					fc.record({ weight, indicators: fc.array(weight, { minLength: 1, maxLength: 5 }) }),
					{ minLength: 1, maxLength: 3 }
				)
			}),
			{ minLength: 1, maxLength: 4 }
		)
	})
	.map(({ maxLevel, pillars }) => ({
		id: 'gen',
		version: '1.0.0',
		audience: 'city' as const,
		title: text('gen'),
		description: text('gen'),
		changelog: [{ version: '1.0.0', date: '2026-01-01', changes: text('gen') }],
		sources: [{ id: 'guideline', title: text('g') }],
		scale: Array.from({ length: maxLevel + 1 }, (_, level) => ({
			level,
			name: text(`L${level}`),
			meaning: text(`L${level}`)
		})),
		actors: [{ id: 'gov', name: text('gov') }],
		profile: [],
		targets: { default: maxLevel, rules: [] },
		compliance: [],
		pillars: pillars.map((p, pi) => ({
			id: `p${pi}`,
			title: text(`p${pi}`),
			weight: p.weight,
			domains: p.domains.map((d, di) => ({
				id: `p${pi}.d${di}`,
				title: text(`d${di}`),
				weight: d.weight,
				cites: [],
				indicators: d.indicators.map((w, ii) => indicator(`p${pi}.d${di}.i${ii}`, w, maxLevel))
			}))
		}))
	}));

export type AnswerKind = { kind: 'level'; level: number } | { kind: 'na' } | { kind: 'none' };

/** A rubric with answers: each indicator answered (any level), not applicable, or unanswered. */
export const answeredArb = (opts: { allAnswered?: boolean } = {}) =>
	rubricArb.chain((rubric) => {
		const max = rubric.scale.length - 1;
		const ids = rubric.pillars.flatMap((p) =>
			p.domains.flatMap((d) => d.indicators.map((i) => i.id))
		);
		const answer: fc.Arbitrary<AnswerKind> = opts.allAnswered
			? fc.integer({ min: 0, max }).map((level) => ({ kind: 'level' as const, level }))
			: fc.oneof(
					{
						weight: 6,
						arbitrary: fc
							.integer({ min: 0, max })
							.map((level) => ({ kind: 'level' as const, level }))
					},
					{ weight: 1, arbitrary: fc.constant({ kind: 'na' as const }) },
					{ weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) }
				);
		return fc
			.tuple(...ids.map(() => answer))
			.map((answers) => ({ rubric, assessment: fillAssessment(rubric, ids, answers) }));
	});

export function fillAssessment(rubric: Rubric, ids: string[], answers: AnswerKind[]): Assessment {
	const a = createAssessment(rubric, {
		id: 'a',
		subject: { id: 's', name: 's', kind: 'city' },
		profile: {},
		date: '2026-01-01'
	});
	ids.forEach((id, i) => {
		const k = answers[i]!;
		a.answers[id] =
			k.kind === 'level'
				? { level: k.level, notApplicable: false, target: null }
				: { level: null, notApplicable: k.kind === 'na', target: null };
	});
	return a;
}

export const allIndicatorIds = (rubric: Rubric) =>
	rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators.map((i) => i.id)));

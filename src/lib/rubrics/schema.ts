/**
 * The rubric format: the single source of truth for rubric types (DESIGN.md §4).
 *
 * Every object is strict (unknown keys are errors, so a typo in a YAML file never silently drops
 * content). Cross-field rules (unique ids, one descriptor per level, measures for every level step,
 * citations that exist) live in `superRefine` so that each error carries the path of the offending
 * field.
 */
import { z } from 'zod';

/** Guideline node and case ids known to the rubric format (see rubrics/guideline.json). */
export interface CitationCatalog {
	nodeIds: ReadonlySet<string>;
	caseIds: ReadonlySet<string>;
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const TextSchema = z
	.strictObject({
		zh: nonEmpty.describe('Simplified Chinese (the source wording)'),
		en: nonEmpty.describe('English (a faithful translation)')
	})
	.describe('Bilingual text');
export type Text = z.infer<typeof TextSchema>;

const idPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const IdSchema = z
	.string()
	.regex(idPattern, 'must be lower-case letters, digits, "." or "-" (e.g. "c03.platforms")')
	.max(80);

const weight = z.number().positive('must be greater than 0').finite().default(1);

export const CitationSchema = z
	.union([
		z.strictObject({
			node: z.string().min(1).describe('Guideline node id, e.g. "c03.p2.2"'),
			quote: nonEmpty.optional()
		}),
		z.strictObject({
			source: IdSchema.describe('Id of an entry in the rubric\'s "sources"'),
			line: z.number().int().positive().describe('Line in that source document'),
			quote: nonEmpty.optional()
		})
	])
	.describe('A guideline node, or a line of another source document');
export type Citation = z.infer<typeof CitationSchema>;

/** Profile condition: every named question must have one of the listed options selected. */
export const ConditionSchema = z
	.record(IdSchema, z.array(IdSchema).min(1))
	.describe('Question id → accepted option ids (all questions must match; any option within one)');
export type Condition = z.infer<typeof ConditionSchema>;

export const TargetRuleSchema = z.strictObject({
	when: ConditionSchema,
	target: z.number().int().min(0)
});

export const TargetsSchema = z.strictObject({
	default: z.number().int().min(0).optional(),
	rules: z.array(TargetRuleSchema).default([])
});

export const MeasureSchema = z.strictObject({
	id: IdSchema.optional().describe(
		'Stable id, unique in the rubric (required from version 1.1.0): action-plan statuses are kept by it'
	),
	toLevel: z.number().int().min(1).describe('The level this measure helps to reach'),
	text: TextSchema,
	actors: z
		.array(IdSchema)
		.optional()
		.describe('Who acts (ids from "actors"); defaults to the indicator\'s responsible actors'),
	cites: z.array(CitationSchema).min(1),
	cases: z.array(z.string()).default([]).describe('Typical case ids, e.g. "c03.case2"')
});
export type Measure = z.infer<typeof MeasureSchema>;

export const ReferenceValueSchema = z.strictObject({
	label: TextSchema,
	value: z.number().finite(),
	year: z.number().int().min(1990).max(2100).optional(),
	cite: CitationSchema
});

/**
 * A figure computed from two recorded values: the assessment takes the numerator and the
 * denominator (e.g. 5G base stations and resident population) and the app shows the working.
 */
export const RatioSchema = z.strictObject({
	numerator: z.strictObject({ label: TextSchema, unit: TextSchema }),
	denominator: z.strictObject({ label: TextSchema, unit: TextSchema }),
	factor: z
		.number()
		.positive()
		.finite()
		.default(1)
		.describe('value = numerator ÷ denominator × factor (100 for a percentage, 10000 per 10,000)')
});
export type Ratio = z.infer<typeof RatioSchema>;

export const MetricSchema = z.strictObject({
	quantity: IdSchema.optional().describe(
		'What is measured, as a stable key (required from version 1.1.0): one quantity is scored by one indicator only'
	),
	ratio: RatioSchema.optional(),
	unit: TextSchema,
	direction: z.enum(['higher', 'lower']).default('higher'),
	thresholds: z
		.array(z.number().finite())
		.min(1)
		.describe('thresholds[i] is the value from which level i+1 is suggested (ordered)'),
	references: z.array(ReferenceValueSchema).default([]),
	judgement: TextSchema.describe(
		"Where the thresholds come from; say when they are the rubric's own"
	)
});
export type Metric = z.infer<typeof MetricSchema>;

/** A figure the assessment records for the report without scoring it (it may be scored elsewhere). */
export const FigureSchema = z.strictObject({
	id: IdSchema,
	quantity: IdSchema.describe('The quantity recorded; may be one another indicator scores'),
	label: TextSchema,
	unit: TextSchema,
	ratio: RatioSchema.optional(),
	cite: CitationSchema.optional()
});
export type Figure = z.infer<typeof FigureSchema>;

export const IndicatorSchema = z.strictObject({
	id: IdSchema,
	title: TextSchema,
	question: TextSchema,
	weight,
	quickScan: z.boolean().default(false),
	allowNotApplicable: z.boolean().default(true),
	appliesTo: ConditionSchema.optional(),
	responsible: z.array(IdSchema).min(1).describe('Actor ids responsible for this indicator'),
	levels: z.array(TextSchema).describe('One observable descriptor per scale level, in level order'),
	cites: z.array(CitationSchema).min(1),
	metric: MetricSchema.optional(),
	figures: z.array(FigureSchema).default([]),
	judgement: TextSchema.optional().describe(
		"The rubric's own numbers in the level descriptors and why it chose them: every number in a descriptor is either cited or named here"
	),
	targets: TargetsSchema.optional(),
	measures: z.array(MeasureSchema).min(1)
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DomainSchema = z.strictObject({
	id: IdSchema,
	title: TextSchema,
	description: TextSchema.optional(),
	weight,
	appliesTo: ConditionSchema.optional(),
	cites: z.array(CitationSchema).default([]),
	indicators: z.array(IndicatorSchema).min(1)
});
export type Domain = z.infer<typeof DomainSchema>;

export const PillarSchema = z.strictObject({
	id: IdSchema,
	title: TextSchema,
	description: TextSchema.optional(),
	weight,
	domains: z.array(DomainSchema).min(1)
});
export type Pillar = z.infer<typeof PillarSchema>;

export const ScaleLevelSchema = z.strictObject({
	level: z.number().int().min(0),
	name: TextSchema,
	meaning: TextSchema
});

export const ProfileQuestionSchema = z.strictObject({
	id: IdSchema,
	label: TextSchema,
	multiple: z.boolean().default(false),
	required: z.boolean().default(true),
	options: z.array(z.strictObject({ id: IdSchema, label: TextSchema })).min(2)
});
export type ProfileQuestion = z.infer<typeof ProfileQuestionSchema>;

export const ActorSchema = z.strictObject({
	id: IdSchema,
	name: TextSchema,
	cite: CitationSchema.optional()
});
export type Actor = z.infer<typeof ActorSchema>;

export const SourceSchema = z.strictObject({
	id: IdSchema,
	title: TextSchema,
	issuer: TextSchema.optional(),
	reference: nonEmpty.optional().describe('Document number, e.g. 粤工信数字产业函〔2022〕26号'),
	year: z.number().int().min(1990).max(2100).optional()
});

/** The law or regulation a compliance check comes from, as its own text names it. */
export const LegalSourceSchema = z.strictObject({
	title: TextSchema.describe('e.g. 《中华人民共和国数据安全法》'),
	article: TextSchema.describe('e.g. 第二十七条'),
	cite: CitationSchema.describe('Where the rubric read it')
});

/**
 * A legal duty (必须项): met, not met or not applicable. Kept apart from the maturity levels,
 * which describe what goes beyond the law.
 */
export const ComplianceCheckSchema = z.strictObject({
	id: IdSchema,
	title: TextSchema,
	requirement: TextSchema.describe('What the law requires, as an observable condition'),
	evidence: TextSchema.describe('What shows that it is met'),
	legalSource: LegalSourceSchema,
	binds: TextSchema.describe("Whom the duty binds, in the law's words"),
	appliesTo: ConditionSchema.optional().describe('Profile flags that make the duty apply'),
	responsible: z.array(IdSchema).min(1)
});
export type ComplianceCheck = z.infer<typeof ComplianceCheckSchema>;

/**
 * How the indicators of the previous version map to this one. An id in both versions keeps its
 * meaning; anything else is declared, so an assessment can be carried forward and compared.
 */
export const UpgradeMappingSchema = z.strictObject({
	from: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
	indicators: z
		.record(
			IdSchema,
			z.strictObject({
				kind: z
					.enum(['renamed', 'changed', 'split', 'merged', 'removed'])
					.describe(
						'renamed: same meaning, new id (answers move); changed, split, merged: answers move for review; removed'
					),
				to: z.array(IdSchema).default([]),
				note: TextSchema.optional()
			})
		)
		.default({})
});
export type UpgradeMapping = z.infer<typeof UpgradeMappingSchema>;

export const ChangelogEntrySchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
	changes: TextSchema
});

const RubricShape = z.strictObject({
	$schema: z.string().optional(),
	id: IdSchema,
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
	audience: z.enum(['city', 'enterprise']),
	title: TextSchema,
	description: TextSchema,
	changelog: z.array(ChangelogEntrySchema).min(1),
	sources: z.array(SourceSchema).min(1),
	scale: z.array(ScaleLevelSchema).min(2),
	actors: z.array(ActorSchema).min(1),
	profile: z.array(ProfileQuestionSchema).default([]),
	targets: z.strictObject({
		default: z.number().int().min(0),
		rules: z.array(TargetRuleSchema).default([])
	}),
	coverage: z
		.strictObject({
			paths: z
				.array(z.string())
				.default([])
				.describe('Chapters ("c03") or nodes whose leaf development-path nodes must all be cited'),
			focus: z
				.array(z.string())
				.default([])
				.describe('Chapters whose top-level focus (发展重点) items must all be cited')
		})
		.optional()
		.describe('Guideline nodes this rubric promises to cover; checked by `cli coverage` and tests'),
	compliance: z.array(ComplianceCheckSchema).default([]),
	upgradeFrom: UpgradeMappingSchema.optional(),
	pillars: z.array(PillarSchema).min(1)
});

type Ctx = z.core.$RefinementCtx<z.output<typeof RubricShape>>;

/** -1, 0 or 1 as semantic version a is before, equal to or after b. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d) return Math.sign(d);
	}
	return 0;
}

/** From this version on, measures carry stable ids and metrics name their quantity. */
export const STABLE_IDS_FROM = '1.1.0';

const UPGRADE_TARGETS: Record<UpgradeMapping['indicators'][string]['kind'], [number, number]> = {
	renamed: [1, 1],
	changed: [1, 1],
	merged: [1, 1],
	split: [2, Infinity],
	removed: [0, 0]
};

function checkRubric(rubric: z.output<typeof RubricShape>, ctx: Ctx, catalog: CitationCatalog) {
	const issue = (path: (string | number)[], message: string) =>
		ctx.addIssue({ code: 'custom', path, message });

	rubric.scale.forEach((s, i) => {
		if (s.level !== i)
			issue(['scale', i, 'level'], `levels must be 0, 1, 2 … in order; expected ${i}`);
	});
	const maxLevel = rubric.scale.length - 1;
	const checkLevel = (value: number | undefined, path: (string | number)[]) => {
		if (value !== undefined && value > maxLevel)
			issue(path, `level ${value} is off the scale 0–${maxLevel}`);
	};

	const sourceIds = new Set(rubric.sources.map((s) => s.id));
	const actorIds = new Set(rubric.actors.map((a) => a.id));
	const questions = new Map(rubric.profile.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));

	const unique = <T>(
		items: T[],
		key: (t: T) => string,
		path: (i: number) => (string | number)[]
	) => {
		const seen = new Set<string>();
		items.forEach((item, i) => {
			const k = key(item);
			if (seen.has(k)) issue(path(i), `duplicate id "${k}"`);
			seen.add(k);
		});
	};
	unique(
		rubric.sources,
		(s) => s.id,
		(i) => ['sources', i, 'id']
	);
	unique(
		rubric.actors,
		(a) => a.id,
		(i) => ['actors', i, 'id']
	);
	unique(
		rubric.profile,
		(q) => q.id,
		(i) => ['profile', i, 'id']
	);
	rubric.profile.forEach((q, qi) =>
		unique(
			q.options,
			(o) => o.id,
			(i) => ['profile', qi, 'options', i, 'id']
		)
	);
	if (!rubric.changelog.some((c) => c.version === rubric.version))
		issue(['changelog'], `has no entry for the current version ${rubric.version}`);

	const checkCite = (c: Citation, path: (string | number)[]) => {
		if ('node' in c) {
			if (!catalog.nodeIds.has(c.node))
				issue([...path, 'node'], `unknown guideline node "${c.node}"`);
		} else if (!sourceIds.has(c.source)) {
			issue([...path, 'source'], `unknown source "${c.source}"; declare it under "sources"`);
		}
	};
	const checkActors = (ids: string[] | undefined, path: (string | number)[]) =>
		ids?.forEach((a, i) => {
			if (!actorIds.has(a)) issue([...path, i], `unknown actor "${a}"; declare it under "actors"`);
		});
	const checkCondition = (cond: Condition | undefined, path: (string | number)[]) => {
		if (!cond) return;
		for (const [q, options] of Object.entries(cond)) {
			const known = questions.get(q);
			if (!known) {
				issue([...path, q], `unknown profile question "${q}"`);
				continue;
			}
			options.forEach((o, i) => {
				if (!known.has(o)) issue([...path, q, i], `"${o}" is not an option of question "${q}"`);
			});
		}
	};
	const checkTargets = (
		t: { default?: number; rules: { when: Condition; target: number }[] } | undefined,
		path: (string | number)[]
	) => {
		if (!t) return;
		checkLevel(t.default, [...path, 'default']);
		t.rules.forEach((r, i) => {
			checkCondition(r.when, [...path, 'rules', i, 'when']);
			checkLevel(r.target, [...path, 'rules', i, 'target']);
		});
	};

	rubric.actors.forEach((a, i) => a.cite && checkCite(a.cite, ['actors', i, 'cite']));
	const stableIds = compareVersions(rubric.version, STABLE_IDS_FROM) >= 0;
	const measureIds = new Set<string>();
	const figureIds = new Set<string>();
	const quantities = new Map<string, string>();
	checkTargets(rubric.targets, ['targets']);

	unique(
		rubric.pillars,
		(p) => p.id,
		(i) => ['pillars', i, 'id']
	);
	const domainIds = new Set<string>();
	const indicatorIds = new Set<string>();
	rubric.pillars.forEach((pillar, pi) => {
		pillar.domains.forEach((domain, di) => {
			const dPath = ['pillars', pi, 'domains', di];
			if (domainIds.has(domain.id)) issue([...dPath, 'id'], `duplicate domain id "${domain.id}"`);
			domainIds.add(domain.id);
			checkCondition(domain.appliesTo, [...dPath, 'appliesTo']);
			domain.cites.forEach((c, i) => checkCite(c, [...dPath, 'cites', i]));
			domain.indicators.forEach((ind, ii) => {
				const p = [...dPath, 'indicators', ii];
				if (indicatorIds.has(ind.id)) issue([...p, 'id'], `duplicate indicator id "${ind.id}"`);
				indicatorIds.add(ind.id);
				if (ind.levels.length !== rubric.scale.length)
					issue(
						[...p, 'levels'],
						`needs one descriptor for each of the ${rubric.scale.length} levels, has ${ind.levels.length}`
					);
				ind.cites.forEach((c, i) => checkCite(c, [...p, 'cites', i]));
				checkActors(ind.responsible, [...p, 'responsible']);
				checkCondition(ind.appliesTo, [...p, 'appliesTo']);
				checkTargets(ind.targets, [...p, 'targets']);
				const steps = new Set<number>();
				ind.measures.forEach((m, mi) => {
					const mp = [...p, 'measures', mi];
					if (m.id === undefined) {
						if (stableIds)
							issue([...mp, 'id'], `needs a stable id from version ${STABLE_IDS_FROM} on`);
					} else if (measureIds.has(m.id)) issue([...mp, 'id'], `duplicate measure id "${m.id}"`);
					else measureIds.add(m.id);
					checkLevel(m.toLevel, [...mp, 'toLevel']);
					steps.add(m.toLevel);
					checkActors(m.actors, [...mp, 'actors']);
					m.cites.forEach((c, i) => checkCite(c, [...mp, 'cites', i]));
					m.cases.forEach((c, i) => {
						if (!catalog.caseIds.has(c)) issue([...mp, 'cases', i], `unknown typical case "${c}"`);
					});
				});
				for (let level = 1; level <= maxLevel; level++)
					if (!steps.has(level)) issue([...p, 'measures'], `no measure leads to level ${level}`);
				ind.figures.forEach((f, fi) => {
					if (figureIds.has(f.id))
						issue([...p, 'figures', fi, 'id'], `duplicate figure id "${f.id}"`);
					figureIds.add(f.id);
					if (f.cite) checkCite(f.cite, [...p, 'figures', fi, 'cite']);
				});
				if (ind.metric) {
					const { quantity } = ind.metric;
					if (quantity === undefined) {
						if (stableIds)
							issue(
								[...p, 'metric', 'quantity'],
								`needs the quantity it measures from version ${STABLE_IDS_FROM} on`
							);
					} else if (quantities.has(quantity))
						issue(
							[...p, 'metric', 'quantity'],
							`"${quantity}" is already scored by ${quantities.get(quantity)}: one quantity has one scoring home (record it here as a figure instead)`
						);
					else quantities.set(quantity, ind.id);
					const t = ind.metric.thresholds;
					if (t.length !== maxLevel)
						issue(
							[...p, 'metric', 'thresholds'],
							`needs ${maxLevel} thresholds (one per level above 0), has ${t.length}`
						);
					const ordered = t.every((v, i) =>
						i === 0 ? true : ind.metric!.direction === 'higher' ? v > t[i - 1]! : v < t[i - 1]!
					);
					if (!ordered)
						issue(
							[...p, 'metric', 'thresholds'],
							`must be strictly ${ind.metric.direction === 'higher' ? 'increasing' : 'decreasing'}`
						);
					ind.metric.references.forEach((r, i) =>
						checkCite(r.cite, [...p, 'metric', 'references', i, 'cite'])
					);
				}
			});
		});
	});

	unique(
		rubric.compliance,
		(c) => c.id,
		(i) => ['compliance', i, 'id']
	);
	rubric.compliance.forEach((check, i) => {
		const p = ['compliance', i];
		checkCite(check.legalSource.cite, [...p, 'legalSource', 'cite']);
		checkCondition(check.appliesTo, [...p, 'appliesTo']);
		checkActors(check.responsible, [...p, 'responsible']);
	});

	if (rubric.upgradeFrom) {
		const { from, indicators } = rubric.upgradeFrom;
		if (compareVersions(from, rubric.version) >= 0)
			issue(['upgradeFrom', 'from'], `${from} is not earlier than this version ${rubric.version}`);
		for (const [oldId, change] of Object.entries(indicators)) {
			const p = ['upgradeFrom', 'indicators', oldId];
			const [min, max] = UPGRADE_TARGETS[change.kind];
			if (change.to.length < min || change.to.length > max)
				issue(
					[...p, 'to'],
					`a "${change.kind}" indicator maps to ${min === max ? min : `at least ${min}`} indicator(s), not ${change.to.length}`
				);
			change.to.forEach((id, i) => {
				if (!indicatorIds.has(id))
					issue([...p, 'to', i], `unknown indicator "${id}" in this version`);
			});
			if (indicatorIds.has(oldId) && !(change.kind === 'changed' && change.to[0] === oldId))
				issue(
					p,
					`"${oldId}" still exists in this version, so it keeps its meaning: give the new indicator a new id, or declare it "changed" to itself`
				);
		}
	}
}

/** Builds the rubric schema bound to a citation catalog (the guideline's node and case ids). */
export function createRubricSchema(catalog: CitationCatalog) {
	return RubricShape.superRefine((rubric, ctx) => checkRubric(rubric, ctx, catalog));
}

/** The shape without cross-field rules: used to generate rubrics/schema.json for editors. */
export const RubricShapeSchema = RubricShape;

export type Rubric = z.output<typeof RubricShape>;
export type RubricInput = z.input<typeof RubricShape>;

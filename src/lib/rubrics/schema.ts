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

export const MetricSchema = z.strictObject({
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
	pillars: z.array(PillarSchema).min(1)
});

type Ctx = z.core.$RefinementCtx<z.output<typeof RubricShape>>;

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
				if (ind.metric) {
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
}

/** Builds the rubric schema bound to a citation catalog (the guideline's node and case ids). */
export function createRubricSchema(catalog: CitationCatalog) {
	return RubricShape.superRefine((rubric, ctx) => checkRubric(rubric, ctx, catalog));
}

/** The shape without cross-field rules: used to generate rubrics/schema.json for editors. */
export const RubricShapeSchema = RubricShape;

export type Rubric = z.output<typeof RubricShape>;
export type RubricInput = z.input<typeof RubricShape>;

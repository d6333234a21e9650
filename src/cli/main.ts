/**
 * Command-line interface over the same domain code the app uses, for batch work.
 * Exit codes: 0 success, 1 invalid input, 2 usage error.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AssessmentSchema } from '../lib/domain/assessment';
import {
	formatJsonPath,
	InputError,
	MAX_ASSESSMENT_BYTES,
	parseJsonText,
	readAssessment
} from '../lib/domain/assessment-file';
import { compareAssessments } from '../lib/domain/compare';
import { checkCoverage } from '../lib/domain/coverage';
import { rankGaps } from '../lib/domain/gaps';
import { buildReportModel } from '../lib/domain/report-model';
import { loadReportFonts, STATIC_FONTS_DIR } from '../lib/report/node';
import { listIndicators } from '../lib/domain/rubric-index';
import { createAssessment, createSampleAssessment, defaultProfile } from '../lib/domain/sample';
import { scoreAssessment } from '../lib/domain/scoring';
import {
	guideline,
	guidelineNodes,
	listLeafPathNodes,
	typicalCases
} from '../lib/rubrics/guideline';
import { loadRubricText, RubricError } from '../lib/rubrics/loader';
import { RubricShapeSchema, type Rubric } from '../lib/rubrics/schema';
import { findRubricById, loadShippedRubrics, shippedRubricSource } from './rubric-files';

class UsageError extends Error {}

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  rubrics [--json]                         list the rubrics
  template --rubric ID [--profile q=a,...]  an empty assessment with every indicator id
  sample --rubric ID [--seed N] [--profile q=a,...]  a realistic filled example
  validate FILE                            check a rubric (.yaml) or an assessment (.json)
  score FILE [--json]                      scores: overall, pillars, domains, indicators
  gaps FILE [--json] [--top N]             gaps ranked by priority, with measures
  compare A B [--json]                     deltas from assessment A (earlier) to B (later)
  coverage --rubric ID [--json]            guideline nodes cited, required and uncovered
  schema assessment|rubric                 the JSON Schema of a file format
  report FILE -o OUT.pdf [--previous EARLIER.json] [--brand BRAND.json]
                                           the PDF report, compared with EARLIER.json when given;
                                           BRAND.json: {"preparedBy": "…", "accentColor": "#rrggbb",
                                           "logo": "logo.png"} (PNG or JPEG up to 2 MB, path
                                           relative to BRAND.json)

Options: --lang zh|en (text and report language, default zh), --debug (show stack traces)
Exit codes: 0 success, 1 invalid input, 2 usage error.`;

type Lang = 'zh' | 'en';

function write(text: string) {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
const json = (value: unknown) => write(JSON.stringify(value, null, 2));
const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

function readText(file: string): string {
	let size: number;
	try {
		size = statSync(file).size;
	} catch {
		throw new InputError(file, [{ path: '', message: 'file not found' }]);
	}
	if (size > MAX_ASSESSMENT_BYTES)
		throw new InputError(file, [
			{ path: '', message: `file is larger than ${MAX_ASSESSMENT_BYTES / 1024 / 1024} MB` }
		]);
	return readFileSync(file, 'utf8');
}

function loadAssessmentFile(file: string) {
	return readAssessment(readText(file), file, shippedRubricSource);
}

function requireRubric(id: string | undefined): Rubric {
	if (!id) throw new UsageError('missing --rubric ID (see "rubrics" for the ids)');
	const rubric = findRubricById(id);
	if (!rubric)
		throw new InputError(id, [
			{
				path: '',
				message: `unknown rubric; available: ${loadShippedRubrics()
					.map((r) => r.id)
					.join(', ')}`
			}
		]);
	return rubric;
}

/** `--profile level=county,region=ewn,sector=manufacturing+services` */
function parseProfile(rubric: Rubric, spec: string | undefined) {
	const choices: Record<string, string | string[]> = {};
	for (const part of (spec ?? '').split(',').filter(Boolean)) {
		const [key, value] = part.split('=');
		const question = rubric.profile.find((q) => q.id === key);
		if (!question || !value)
			throw new UsageError(
				`--profile: "${part}" is not question=option; questions: ${rubric.profile.map((q) => q.id).join(', ')}`
			);
		const values = value.split('+');
		for (const v of values)
			if (!question.options.some((o) => o.id === v))
				throw new UsageError(
					`--profile: "${v}" is not an option of ${key} (${question.options.map((o) => o.id).join(', ')})`
				);
		choices[question.id] = question.multiple ? values : values[0]!;
	}
	return defaultProfile(rubric, choices);
}

function titleOf(rubric: Rubric, lang: Lang) {
	const titles = new Map<string, string>();
	for (const p of rubric.pillars) {
		titles.set(p.id, p.title[lang]);
		for (const d of p.domains) {
			titles.set(d.id, d.title[lang]);
			for (const i of d.indicators) titles.set(i.id, i.title[lang]);
		}
	}
	return (id: string) => titles.get(id) ?? id;
}

function newSubject(rubric: Rubric, name?: string) {
	return {
		id: 'subject-1',
		name: name ?? (rubric.audience === 'city' ? '示例市' : '示例企业'),
		kind: rubric.audience
	};
}

/** Branding of a report: who prepared it, an accent colour and a logo. */
const BrandSchema = z.strictObject({
	preparedBy: z.string().max(200, 'must be at most 200 characters').optional(),
	accentColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb, such as "#1d4e89"')
		.optional(),
	logo: z.string().min(1, 'must be the path of a PNG or JPEG file').optional()
});

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

function readLogo(file: string): { data: Uint8Array; type: 'PNG' | 'JPEG' } {
	let size: number;
	try {
		size = statSync(file).size;
	} catch {
		throw new InputError(file, [{ path: '', message: 'logo file not found' }]);
	}
	if (size > MAX_LOGO_BYTES)
		throw new InputError(file, [
			{
				path: '',
				message: `the logo is ${(size / 1024 / 1024).toFixed(1)} MB; at most 2 MB is accepted (export it smaller)`
			}
		]);
	const data = new Uint8Array(readFileSync(file));
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => data[i] === b);
	const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
	if (!png && !jpeg)
		throw new InputError(file, [{ path: '', message: 'the logo is not a PNG or JPEG image' }]);
	return { data, type: png ? 'PNG' : 'JPEG' };
}

function readBrand(file: string) {
	const result = BrandSchema.safeParse(parseJsonText(readText(file), file));
	if (!result.success)
		throw new InputError(
			file,
			result.error.issues.slice(0, 20).map((issue) => ({
				path: formatJsonPath(issue.path),
				message: issue.message
			}))
		);
	const brand = result.data;
	return {
		preparedBy: brand.preparedBy?.trim() || undefined,
		accentColor: brand.accentColor,
		logo: brand.logo ? readLogo(path.resolve(path.dirname(file), brand.logo)) : undefined
	};
}

/** Today in the local time zone, YYYY-MM-DD: the report's generation date. */
function today(): string {
	const d = new Date();
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Writes through a temporary file, so a failed run never leaves a partial PDF behind. */
function writeAtomically(file: string, bytes: Uint8Array) {
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
	try {
		writeFileSync(temp, bytes);
		renameSync(temp, file);
	} catch (e) {
		rmSync(temp, { force: true });
		throw new InputError(file, [
			{ path: '', message: `cannot write the report: ${(e as Error).message}` }
		]);
	}
}

const commands: Record<string, (positionals: string[], opts: Options) => void | Promise<void>> = {
	rubrics(_, opts) {
		const list = loadShippedRubrics().map((r) => ({
			id: r.id,
			version: r.version,
			audience: r.audience,
			title: r.title,
			scale: { min: 0, max: r.scale.length - 1 },
			indicators: listIndicators(r).map((e) => ({
				id: e.indicator.id,
				domain: e.domain.id,
				pillar: e.pillar.id,
				quickScan: e.indicator.quickScan
			}))
		}));
		if (opts.json) return json(list);
		for (const r of list)
			write(
				`${r.id}\t${r.version}\t${r.audience}\t${r.indicators.length} indicators\t${r.title[opts.lang]}`
			);
	},

	template(_, opts) {
		const rubric = requireRubric(opts.rubric);
		json(
			createAssessment(rubric, {
				id: 'assessment-1',
				subject: newSubject(rubric, opts.subject),
				profile: parseProfile(rubric, opts.profile),
				date: opts.date ?? '2026-01-01',
				mode: opts.quick ? 'quick' : 'full'
			})
		);
	},

	sample(_, opts) {
		const rubric = requireRubric(opts.rubric);
		const seed = opts.seed === undefined ? 1 : Number(opts.seed);
		if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
		json(
			createSampleAssessment(
				rubric,
				{
					id: `sample-${seed}`,
					subject: newSubject(rubric, opts.subject),
					profile: parseProfile(rubric, opts.profile),
					date: opts.date ?? '2026-01-01',
					period: opts.period ?? '2026年度',
					assessor: 'CLI sample',
					mode: opts.quick ? 'quick' : 'full'
				},
				seed
			)
		);
	},

	validate([file]) {
		if (!file) throw new UsageError('validate needs a FILE');
		if (/\.ya?ml$/i.test(file)) {
			const rubric = loadRubricText(readText(file), file);
			return write(
				`${file}: valid rubric ${rubric.id} ${rubric.version} (${listIndicators(rubric).length} indicators)`
			);
		}
		const text = readText(file);
		const data = parseJsonText(text, file);
		if (data && typeof data === 'object' && 'pillars' in data) {
			const rubric = loadRubricText(text, file);
			return write(`${file}: valid rubric ${rubric.id} ${rubric.version}`);
		}
		const { assessment, rubric } = loadAssessmentFile(file);
		const answered = Object.values(assessment.answers).filter((a) => a.level !== null).length;
		write(`${file}: valid assessment of ${rubric.id} ${rubric.version} (${answered} answers)`);
	},

	score([file], opts) {
		if (!file) throw new UsageError('score needs a FILE');
		const { assessment, rubric } = loadAssessmentFile(file);
		const s = scoreAssessment(rubric, assessment);
		if (opts.json)
			return json({
				rubric: s.rubric,
				overall: {
					score: s.overall.score,
					coverage: s.overall.coverage,
					level: s.overall.level,
					provisional: s.overall.provisional
				},
				pillars: s.pillars.map(({ id, score, level, coverage, provisional }) => ({
					id,
					score,
					level,
					coverage,
					provisional
				})),
				domains: s.domains.map(({ id, pillarId, score, level, coverage, provisional }) => ({
					id,
					pillarId,
					score,
					level,
					coverage,
					provisional
				})),
				indicators: s.indicators.map(
					({ id, domainId, pillarId, status, level, score, target, gap, share }) => ({
						id,
						domainId,
						pillarId,
						status,
						level,
						score,
						target,
						gap,
						share
					})
				)
			});
		const title = titleOf(rubric, opts.lang);
		const levelName = (l: number | null) => (l === null ? '—' : rubric.scale[l]!.name[opts.lang]);
		const o = s.overall;
		write(
			`${assessment.subject.name} ${assessment.period}  ${rubric.id} ${rubric.version}\n` +
				`Overall ${fmt(o.score)} (${levelName(o.level)})  coverage ${o.coverage.answered}/${o.coverage.applicable} ${pct(o.coverage.ratio)}${o.provisional ? '  PROVISIONAL' : ''}`
		);
		for (const p of s.pillars) {
			write(
				`  ${fmt(p.score).padStart(5)}  ${title(p.id)}  (${p.coverage.answered}/${p.coverage.applicable})`
			);
			for (const d of s.domains.filter((x) => x.pillarId === p.id))
				write(
					`    ${fmt(d.score).padStart(5)}  ${title(d.id)}  (${d.coverage.answered}/${d.coverage.applicable})`
				);
		}
	},

	gaps([file], opts) {
		if (!file) throw new UsageError('gaps needs a FILE');
		const top = opts.top === undefined ? undefined : Number(opts.top);
		if (top !== undefined && (!Number.isInteger(top) || top < 1))
			throw new UsageError('--top must be a positive integer');
		const { assessment, rubric } = loadAssessmentFile(file);
		const gaps = rankGaps(rubric, assessment).slice(0, top);
		if (opts.json)
			return json(
				gaps.map((g) => ({
					indicatorId: g.indicatorId,
					domainId: g.domainId,
					pillarId: g.pillarId,
					current: g.current,
					target: g.target,
					gap: g.gap,
					priority: g.priority,
					responsible: g.responsible,
					measures: g.measures.map((m) => ({
						key: m.key,
						toLevel: m.toLevel,
						text: m.text,
						actors: m.actors,
						cites: m.cites,
						cases: m.cases
					}))
				}))
			);
		const title = titleOf(rubric, opts.lang);
		gaps.forEach((g, i) =>
			write(
				`${String(i + 1).padStart(3)}. ${fmt(g.priority, 2).padStart(6)} pts  ${g.current}→${g.target}  ${g.indicatorId}  ${title(g.indicatorId)}`
			)
		);
		if (gaps.length === 0) write('No gaps: every answered indicator meets its target.');
	},

	compare([a, b], opts) {
		if (!a || !b)
			throw new UsageError('compare needs two FILES: the earlier and the later assessment');
		const before = loadAssessmentFile(a);
		const after = loadAssessmentFile(b);
		if (before.assessment.subject.id !== after.assessment.subject.id)
			process.stderr.write(
				`warning: the two files are of different subjects (${before.assessment.subject.name} / ${after.assessment.subject.name})\n`
			);
		let c;
		try {
			c = compareAssessments(before.rubric, before.assessment, after.rubric, after.assessment);
		} catch (e) {
			throw new InputError(b, [{ path: '$.rubric', message: (e as Error).message }]);
		}
		if (opts.json) return json(c);
		const title = titleOf(after.rubric, opts.lang);
		const line = (d: {
			id: string;
			before: number | null;
			after: number | null;
			delta: number | null;
		}) =>
			`${fmt(d.before).padStart(5)} → ${fmt(d.after).padStart(5)}  ${d.delta === null ? '   —' : (d.delta >= 0 ? '+' : '') + d.delta.toFixed(1)}  ${d.id === 'overall' ? 'Overall' : title(d.id)}`;
		if (!c.sameRubricVersion)
			write(
				`Rubric versions differ (${c.before.rubricVersion} → ${c.after.rubricVersion}): comparing ${c.sharedIndicatorCount} shared indicators (${pct(c.comparedShare)}).`
			);
		write(line(c.overall));
		for (const p of c.pillars) write(`  ${line(p)}`);
		for (const d of c.domains) write(`    ${line(d)}`);
		write(
			`Level changes: ${c.levelCrossings.length}; resolved gaps: ${c.resolvedGaps.length}; new gaps: ${c.newGaps.length}`
		);
	},

	coverage(_, opts) {
		const rubric = requireRubric(opts.rubric);
		const report = checkCoverage(rubric, guideline.nodes, listLeafPathNodes());
		if (opts.json) return json(report);
		for (const n of report.required)
			write(
				`${n.indicatorIds.length ? 'covered  ' : 'UNCOVERED'}  ${n.nodeId.padEnd(14)} ${n.title}  ${n.indicatorIds.join(' ')}`
			);
		write(
			`${report.required.length - report.uncovered.length}/${report.required.length} required nodes covered; ${report.cited.length} nodes cited in all.`
		);
		if (report.uncovered.length) process.exitCode = 1;
	},

	async report([file], opts) {
		if (!file) throw new UsageError('report needs a FILE');
		if (!opts.output) throw new UsageError('report needs -o OUT.pdf');
		// The 30 MB of fonts load off the main thread while the input is parsed and checked, and
		// the PDF code (only this command loads it) is prepared by the module loader meanwhile.
		const fontsLoading = loadReportFonts();
		fontsLoading.catch(() => {});
		const rendererLoading = import('../lib/report');
		rendererLoading.catch(() => {});
		// Everything is read and checked before anything is written.
		const { assessment, rubric } = loadAssessmentFile(file);
		const previous = opts.previous ? loadAssessmentFile(opts.previous) : undefined;
		if (previous) {
			if (previous.rubric.id !== rubric.id)
				throw new InputError(opts.previous!, [
					{
						path: '$.rubric.id',
						message: `was assessed with ${previous.rubric.id}, not ${rubric.id}: the two cannot be compared`
					}
				]);
			if (previous.assessment.subject.id !== assessment.subject.id)
				process.stderr.write(
					`warning: the two files are of different subjects (${previous.assessment.subject.name} / ${assessment.subject.name})\n`
				);
		}
		const brand = opts.brand ? readBrand(opts.brand) : undefined;
		const { renderReportPdf, ReportRenderError } = await rendererLoading;
		const { FontFormatError } = await import('../lib/report/font-coverage');
		let font;
		try {
			font = await fontsLoading;
		} catch (e) {
			throw new InputError(STATIC_FONTS_DIR, [
				{ path: '', message: `cannot use the report fonts: ${(e as Error).message}` }
			]);
		}
		const model = buildReportModel({
			rubric,
			assessment,
			previous,
			catalog: { nodes: guidelineNodes, cases: typicalCases },
			locale: opts.lang,
			generatedOn: today(),
			preparedBy: brand?.preparedBy
		});
		let pdf: Uint8Array;
		try {
			pdf = await renderReportPdf(model, {
				font,
				branding: brand,
				onUnprintable: (c) =>
					void (
						c.length &&
						process.stderr.write(
							`warning: the report fonts lack ${c.length} character(s) of ${file} (${c.slice(0, 12).join(' ')}), printed as □\n`
						)
					)
			});
		} catch (e) {
			// The one input the renderer itself can find wrong is the logo's image data.
			if (e instanceof ReportRenderError && opts.brand)
				throw new InputError(opts.brand, [{ path: '$.logo', message: e.message }]);
			if (e instanceof FontFormatError)
				throw new InputError(STATIC_FONTS_DIR, [{ path: '', message: e.message }]);
			throw e;
		}
		writeAtomically(opts.output, pdf);
		write(`${opts.output}: ${Math.ceil(pdf.byteLength / 1024)} KB`);
	},

	schema([which]) {
		if (which === 'assessment') return json(z.toJSONSchema(AssessmentSchema, { io: 'input' }));
		if (which === 'rubric') return json(z.toJSONSchema(RubricShapeSchema, { io: 'input' }));
		throw new UsageError('schema needs "assessment" or "rubric"');
	}
};

interface Options {
	json: boolean;
	debug: boolean;
	quick: boolean;
	lang: Lang;
	rubric?: string;
	seed?: string;
	top?: string;
	profile?: string;
	subject?: string;
	date?: string;
	period?: string;
	output?: string;
	previous?: string;
	brand?: string;
}

export async function main(argv: string[]): Promise<number> {
	let debug = argv.includes('--debug');
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				json: { type: 'boolean', default: false },
				debug: { type: 'boolean', default: false },
				quick: { type: 'boolean', default: false },
				lang: { type: 'string', default: 'zh' },
				rubric: { type: 'string' },
				seed: { type: 'string' },
				top: { type: 'string' },
				profile: { type: 'string' },
				subject: { type: 'string' },
				date: { type: 'string' },
				period: { type: 'string' },
				output: { type: 'string', short: 'o' },
				previous: { type: 'string' },
				brand: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
		debug = values.debug;
		const [command, ...rest] = positionals;
		if (values.help || !command) {
			write(USAGE);
			return command || values.help ? 0 : 2;
		}
		const run = commands[command];
		if (!run) throw new UsageError(`unknown command "${command}"`);
		if (values.lang !== 'zh' && values.lang !== 'en')
			throw new UsageError('--lang must be zh or en');
		await run(rest, { ...values, lang: values.lang });
		return typeof process.exitCode === 'number' ? process.exitCode : 0;
	} catch (e) {
		if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
		if (
			e instanceof UsageError ||
			(e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
		) {
			process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
			return 2;
		}
		if (e instanceof InputError || e instanceof RubricError) {
			process.stderr.write(`error: ${e.message}\n`);
			return 1;
		}
		process.stderr.write(
			`error: unexpected failure: ${e instanceof Error ? e.message : String(e)} (run again with --debug for details)\n`
		);
		return 1;
	}
}

process.exitCode = await main(process.argv.slice(2));

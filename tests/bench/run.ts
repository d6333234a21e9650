/**
 * `npm run bench`: timings and sizes on this machine, as medians over repeated runs, checked
 * against the budgets in the README. Exits 1 when a budget is missed. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { buildAnswerWorkbook } from '../../src/lib/domain/answer-sheet';
import { readAnswerSheet } from '../../src/lib/domain/answer-sheet-import';
import { benchmarkPortfolio } from '../../src/lib/domain/benchmark';
import { buildResultsCsv } from '../../src/lib/domain/csv';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { buildTrend, compareAssessments } from '../../src/lib/domain/compare';
import { measureBrowser } from './browser';
import { measureCouch } from './couch';
import { measureBuildSizes } from './sizes';
import { planMeasures, rankGaps } from '../../src/lib/domain/gaps';
import { listIndicators } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { planImport } from '../../src/lib/storage/bundle';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadRubricText, RubricError } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';

interface Row {
	name: string;
	value: number;
	unit: 'ms' | 'KB' | '×';
	budget?: number;
}

/** Runs node with these arguments as a user would; throws with its message when it fails. */
function spawnOrThrow(args: string[]) {
	const r = spawnSync(process.execPath, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, NODE_OPTIONS: '' }
	});
	if (r.status !== 0) throw new Error(`node ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
}

const runCli = (args: string[]) => spawnOrThrow(['src/cli/bin.js', ...args]);

function median(samples: number[]) {
	const s = [...samples].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `fn` over `runs` runs after a warm-up. */
function time(fn: () => unknown, runs = 200, warmup = 20) {
	for (let i = 0; i < warmup; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	return median(samples);
}

/** Every indicator answered, whatever the profile (the worst case for scoring). */
function fullyAnswered(rubric: Rubric, seed: number) {
	const a = createSampleAssessment(
		rubric,
		{
			id: `bench-${seed}`,
			subject: { id: 'bench', name: 'bench', kind: rubric.audience },
			profile: defaultProfile(rubric),
			date: `202${seed}-01-01`
		},
		seed
	);
	for (const { indicator } of listIndicators(rubric)) {
		const answer = a.answers[indicator.id]!;
		if (answer.level === null)
			a.answers[indicator.id] = { level: seed % 5, notApplicable: false, target: null };
	}
	return a;
}

const rows: Row[] = [];
const rubrics = readdirSync('rubrics')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => loadRubricText(readFileSync(`rubrics/${f}`, 'utf8'), f));

for (const rubric of rubrics) {
	const a = fullyAnswered(rubric, 1);
	const b = fullyAnswered(rubric, 2);
	const n = listIndicators(rubric).length;
	rows.push({
		name: `score + gaps + measures: ${rubric.id} (${n} indicators)`,
		value: time(() => planMeasures(rankGaps(rubric, a, scoreAssessment(rubric, a)))),
		unit: 'ms',
		budget: 2
	});
	rows.push({
		name: `compare two assessments: ${rubric.id}`,
		value: time(() => compareAssessments(rubric, a, rubric, b)),
		unit: 'ms'
	});
}

// The budget is stated for a 150-indicator rubric: the city rubric padded with copies.
const city = rubrics.find((r) => r.audience === 'city')!;
const padded: Rubric = structuredClone(city);
const firstDomain = padded.pillars[0]!.domains[0]!;
for (let i = 0; listIndicators(padded).length < 150; i++) {
	const copy = structuredClone(listIndicators(city)[i % listIndicators(city).length]!.indicator);
	firstDomain.indicators.push({ ...copy, id: `${copy.id}.copy${i}` });
}
const p1 = fullyAnswered(padded, 1);
rows.push({
	name: `score + gaps + measures: 150-indicator rubric`,
	value: time(() => planMeasures(rankGaps(padded, p1, scoreAssessment(padded, p1)))),
	unit: 'ms',
	budget: 2
});

// The full city report, through the CLI as a user runs it (process start-up included): every
// indicator answered, a note on each, and a previous assessment for the comparison and trend.
{
	const dir = mkdtempSync(path.join(tmpdir(), 'gd-bench-report-'));
	const withNotes = (a: ReturnType<typeof fullyAnswered>) => {
		a.subject = { id: 'shenzhen', name: '深圳市', kind: 'city' };
		a.period = `${a.date.slice(0, 4)}年度`;
		listIndicators(city).forEach(({ indicator }, i) => {
			a.answers[indicator.id]!.note =
				`${indicator.title.zh}:已建成5G基站${1000 + i * 37}个,数据中心PUE${(1.2 + (i % 9) / 100).toFixed(2)};` +
				`${2020 + (i % 6)}年起按季度统计,覆盖${60 + (i % 40)}%的重点企业。负责人:王喆、李玥(${i + 1}号台账)。`;
		});
		return a;
	};
	const current = path.join(dir, 'current.json');
	const previous = path.join(dir, 'previous.json');
	writeFileSync(current, JSON.stringify(withNotes(fullyAnswered(city, 2))));
	writeFileSync(previous, JSON.stringify(withNotes(fullyAnswered(city, 1))));
	/** Median time of `report` into `out` (the format follows its extension). */
	const timeReport = (out: string) => {
		const run = () => runCli(['report', current, '-o', out, '--previous', previous]);
		const samples: number[] = [];
		run(); // warm-up: file cache
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			run();
			samples.push(performance.now() - t0);
		}
		return median(samples);
	};
	const pdf = path.join(dir, 'report.pdf');
	rows.push({
		name: `cli report: full city report (${listIndicators(city).length} answered, notes, previous)`,
		value: timeReport(pdf),
		unit: 'ms',
		budget: 3000
	});
	rows.push({
		name: 'cli report: size of that PDF',
		value: statSync(pdf).size / 1024,
		unit: 'KB',
		budget: 1536
	});
	// The same report as Word (.docx), beside the PDF: no budget of its own yet.
	const docx = path.join(dir, 'report.docx');
	rows.push({ name: 'cli report: the same report as .docx', value: timeReport(docx), unit: 'ms' });
	rows.push({
		name: 'cli report: size of that .docx',
		value: statSync(docx).size / 1024,
		unit: 'KB'
	});
	rmSync(dir, { recursive: true, force: true });
}

// The CLI's start-up, as a user runs it: `score` of the full city sample through the package
// entry (the built CLI), beside a bare `node` start and the same command transpiled at run time by
// tsx (how the CLI ran before it was built); then 200 files scored in one process (batch mode)
// against one process per file.
{
	const dir = mkdtempSync(path.join(tmpdir(), 'gd-bench-cli-'));
	const file = path.join(dir, 'city.json');
	writeFileSync(file, JSON.stringify(fullyAnswered(city, 2)));
	const wall = (args: string[], runs = 7) => {
		spawnOrThrow(args); // warm-up: file cache
		const samples: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			spawnOrThrow(args);
			samples.push(performance.now() - t0);
		}
		return median(samples);
	};
	const bare = wall(['-e', '0']);
	const built = wall(['src/cli/bin.js', 'score', file]);
	const transpiled = wall(['--import', 'tsx', 'src/cli/main.ts', 'score', file], 3);
	rows.push(
		{
			name: 'cli score (built CLI, process start-up included)',
			value: built,
			unit: 'ms',
			budget: 400
		},
		{ name: 'bare node start (peer)', value: bare, unit: 'ms' },
		{ name: 'cli score: time ratio to a bare node start', value: built / bare, unit: '×' },
		{
			name: 'cli score: time ratio of run-time transpiling (tsx) to the built CLI',
			value: transpiled / built,
			unit: '×'
		}
	);
	const many = Array.from({ length: 200 }, (_, i) => {
		const f = path.join(dir, `client-${i}.json`);
		writeFileSync(f, JSON.stringify({ ...fullyAnswered(city, (i % 5) + 1), id: `c${i}` }));
		return f;
	});
	const t0 = performance.now();
	spawnOrThrow(['src/cli/bin.js', 'score', ...many, '--json']);
	const batch = performance.now() - t0;
	rows.push(
		{ name: 'cli score: 200 files in one process (batch)', value: batch, unit: 'ms', budget: 3000 },
		{
			name: 'cli score: 200 files one process each (estimated: 200 × one)',
			value: built * 200,
			unit: 'ms'
		}
	);
	rmSync(dir, { recursive: true, force: true });
}

// The answer workbook (.xlsx) of the full city sample, written and read back on this machine as
// the app does it, against the CSV of the same results as the peer.
{
	const a = createSampleAssessment(
		city,
		{
			id: 'bench-xlsx',
			subject: { id: 'sample', name: '示例市', kind: 'city' },
			profile: defaultProfile(city),
			date: '2026-01-01'
		},
		1
	);
	const catalog = { nodes: guidelineNodes, cases: typicalCases };
	const { writeAnswerWorkbook, readWorkbook } = await import('../../src/lib/office/xlsx');
	const build = () => buildAnswerWorkbook(city, a, catalog, 'zh');
	let bytes = await writeAnswerWorkbook(build());
	const samples: number[] = [];
	const reads: number[] = [];
	for (let i = 0; i < 7; i++) {
		const t0 = performance.now();
		bytes = await writeAnswerWorkbook(build());
		samples.push(performance.now() - t0);
		const t1 = performance.now();
		readAnswerSheet(await readWorkbook(bytes), city, a);
		reads.push(performance.now() - t1);
	}
	const csvMs = time(() => buildResultsCsv(city, a, catalog, 'zh'), 20, 3);
	rows.push(
		{
			name: 'xlsx export: full city sample (4 sheets)',
			value: median(samples),
			unit: 'ms',
			budget: 2000
		},
		{
			name: 'xlsx export: size of that workbook',
			value: bytes.byteLength / 1024,
			unit: 'KB',
			budget: 512
		},
		{
			name: 'xlsx export: time ÷ CSV of the same results',
			value: median(samples) / csvMs,
			unit: '×'
		},
		{
			name: 'xlsx import: read and check that workbook',
			value: median(reads),
			unit: 'ms',
			budget: 3000
		}
	);
}

// Re-importing a backup that is already on the device compares every record with the stored
// one; that check should cost about what the first import's does, not several times more.
{
	const assessments = Array.from({ length: 1000 }, (_, i) => ({
		...fullyAnswered(city, (i % 5) + 1),
		id: `a${i}`,
		subject: { id: `s${i % 500}`, name: `城市${i % 500}`, kind: 'city' as const }
	}));
	const subjects = Array.from({ length: 500 }, (_, i) => ({
		id: `s${i}`,
		kind: 'city' as const,
		name: `城市${i}`,
		rubricId: city.id,
		profile: defaultProfile(city),
		note: '',
		archived: false,
		createdAt: '2026-01-01',
		updatedAt: '2026-01-01'
	}));
	const parsed = { subjects: structuredClone(subjects), assessments: structuredClone(assessments) };
	const stored = {
		subjects: new Map(subjects.map((s) => [s.id, s])),
		assessments: new Map(assessments.map((a) => [a.id, a]))
	};
	const again = time(() => planImport(parsed as never, stored.subjects, stored.assessments), 5, 1);
	const fresh = time(() => planImport(parsed as never, new Map(), new Map()), 5, 1);
	rows.push(
		{
			name: 'import check: 1,000 assessments already on the device',
			value: again,
			unit: 'ms',
			budget: 500
		},
		{ name: 'import check: the same 1,000 into an empty device', value: fresh, unit: 'ms' }
	);
}

// A 20-assessment trend of one subject, and a 200-subject portfolio benchmark.
{
	const history = Array.from({ length: 20 }, (_, i) => {
		const a = fullyAnswered(city, (i % 5) + 1);
		return { rubric: city, assessment: { ...a, id: `t${i}`, date: `${2006 + i}-06-30` } };
	});
	rows.push({
		name: 'trend over 20 assessments',
		value: time(() => buildTrend(history), 50, 5),
		unit: 'ms'
	});
	const domainIds = city.pillars.flatMap((p) => p.domains.map((d) => d.id));
	const portfolio = Array.from({ length: 200 }, (_, i) => {
		const s = scoreAssessment(city, fullyAnswered(city, (i % 7) + 1));
		return {
			subjectId: `s${i}`,
			name: `城市${i}`,
			overall: s.overall.score,
			domains: Object.fromEntries(s.domains.map((d) => [d.id, d.score]))
		};
	});
	rows.push({
		name: 'portfolio benchmark of 200 subjects (latest scores given)',
		value: time(
			() =>
				benchmarkPortfolio(portfolio, 's17', domainIds, {
					hideNames: true,
					anonymousLabel: (n) => `#${n}`
				}),
			100,
			10
		),
		unit: 'ms'
	});
}

// Validating rubric YAML grows linearly with its size: a file of many keys (as an attacker would
// write, under the 5 MB limit) at two sizes, and the ratio of the times (4× the keys: ~4× the
// time; a quadratic check would show ~16×). The ratio is what to read: absolute times move.
{
	const rubricYaml = (keys: number) => {
		const lines = ['id: generated', 'version: 1.0.0', 'extra:'];
		for (let i = 0; i < keys; i++) lines.push(`  k${i}: ${i}`);
		return `${lines.join('\n')}\n`;
	};
	const validate = (text: string) => () => {
		try {
			loadRubricText(text, 'generated.yaml');
		} catch (e) {
			if (!(e instanceof RubricError)) throw e;
		}
	};
	const small = rubricYaml(50_000);
	const large = rubricYaml(200_000);
	const smallMs = time(validate(small), 3, 1);
	const largeMs = time(validate(large), 3, 1);
	const kb = (text: string) => Math.round(text.length / 1024);
	rows.push(
		{ name: `validate rubric YAML: 50,000 keys (${kb(small)} KB)`, value: smallMs, unit: 'ms' },
		{ name: `validate rubric YAML: 200,000 keys (${kb(large)} KB)`, value: largeMs, unit: 'ms' },
		{
			name: 'validate rubric YAML: time ratio for 4× the keys (linear ≈ 4)',
			value: largeMs / smallMs,
			unit: '×',
			budget: 8
		}
	);
}

// Sync through CouchDB: one organisation's replication, the 10,000-enterprise province view.
if (!process.argv.includes('--no-couch')) rows.push(...(await measureCouch()));

// The built app: sizes, and timings in Chromium (skipped with a note when not built).
if (existsSync('build/index.html')) {
	for (const r of measureBuildSizes())
		rows.push({ name: r.name, value: r.kb, unit: 'KB', budget: r.budget });
	if (!process.argv.includes('--no-browser'))
		for (const r of await measureBrowser(5))
			rows.push({ name: r.name, value: median(r.samples), unit: r.unit, budget: r.budget });
} else console.error('build/ not found: run "npm run build" first to measure the app in Chromium.');

const json = process.argv.includes('--json');
const missed = rows.filter((r) => r.budget !== undefined && r.value > r.budget);
if (json)
	process.stdout.write(JSON.stringify({ rows, missed: missed.map((r) => r.name) }, null, 2) + '\n');
else {
	const width = Math.max(...rows.map((r) => r.name.length));
	console.log(`${'measure'.padEnd(width)}  ${'median'.padStart(10)}  ${'budget'.padStart(10)}`);
	for (const r of rows)
		console.log(
			`${r.name.padEnd(width)}  ${`${r.value.toFixed(3)} ${r.unit}`.padStart(10)}  ${r.budget === undefined ? ''.padStart(10) : `${r.budget} ${r.unit}`.padStart(10)}${r.budget !== undefined && r.value > r.budget ? '  MISSED' : ''}`
		);
}
process.exitCode = missed.length ? 1 : 0;

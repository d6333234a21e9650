/**
 * Command-line interface over the same domain code the app uses, for batch work: parses the
 * options, runs one command (src/cli/commands/<name>.ts) and turns every failure into one
 * message and an exit code: 0 success, 1 invalid input, 2 usage error.
 */
import { parseArgs } from 'node:util';
import {
	EXIT_INVALID_INPUT,
	EXIT_OK,
	EXIT_USAGE,
	InputError,
	RubricError,
	UsageError
} from './errors';
import { exitQuietlyOnClosedPipe, write } from './io';
import type { Command } from './options';

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  rubrics [--json]                         list the rubrics, every version, the current one marked
  template --rubric ID [--version X] [--profile q=a,...]
                                           an empty assessment with every indicator id
                                           (of version X; default the current version)
  sample --rubric ID [--seed N] [--profile q=a,...]  a realistic filled example
  validate FILE…                           check rubrics (.yaml), assessments, packages (填报包)
                                           or returns (回执) (.json)
  score FILE… [--json]                     scores: overall, pillars, domains, indicators
  gaps FILE… [--json] [--top N]            gaps ranked by priority, with measures
  compare A B [--json]                     deltas from assessment A (earlier) to B (later);
                                           across versions through the rubric's mapping
  upgrade FILE -o OUT.json [--json]        carry an assessment into the current rubric version;
                                           prints what to review (proposed, removed answers)
  merge ASSESSMENT RETURN… -o OUT.json [--json]
                                           merge returns (回执) into a coordinated assessment;
                                           prints per return what happened
  coverage --rubric ID [--json]            guideline nodes cited, required and uncovered
  schema assessment|rubric                 the JSON Schema of a file format
  report FILE -o OUT.pdf|OUT.docx [--previous EARLIER.json] [--brand BRAND.json]
                                           the report as PDF, or as Word (.docx) to edit: the
                                           format follows the extension of -o; compared with
                                           EARLIER.json when given;
                                           BRAND.json: {"preparedBy": "…", "accentColor": "#rrggbb",
                                           "logo": "logo.png"} (PNG or JPEG up to 2 MB, path
                                           relative to BRAND.json)
  report FILE… -o OUTDIR/ [--format pdf|docx]   one report per file into OUTDIR, named after
                                           each file, fonts loaded once
  export FILE -o OUT.xlsx|OUT.csv          the answer workbook (答卷, 得分, 差距, 行动计划) or
                                           the CSV of the results with every answer
  aggregate FILE… [--by region|level|size|sector] [--period P] [--json]
                                           per period (newest first; --period: that one only),
                                           each subject once (its latest assessment in the
                                           period), per group: count, and for the overall score
                                           and each pillar and domain: n, mean, min, quartiles, max
  couch setup --url URL [--db NAME] [--org ROLE]
                                           prepare a CouchDB database for an organisation
                                           (role ROLE, default NAME): security, views; idempotent
  couch push FILE… --url URL [--db NAME]   validate assessment files and upload the valid ones
  couch aggregate --url URL [--db NAME] [--by region|level|size|sector] [--period P] [--json]
                                           the same numbers as aggregate, computed by the server
                                           (credentials: in URL or COUCHDB_USER/COUCHDB_PASSWORD;
                                           default NAME gd-assess)
  import-sheet FILE SHEET.xlsx -o OUT.json [--apply-valid] [--json]
                                           the answers filled in SHEET.xlsx (its 答卷 sheet)
                                           applied to FILE; nothing is written when a row has a
                                           problem, unless --apply-valid (skips those rows)

Several FILEs: one process for all; text under "== FILE ==" lines, --json as JSON Lines
({"file", "result"} or {"file", "error"}); a bad file does not stop the rest (exit code 1).
Options: --lang zh|en (text and report language, default zh), --debug (show stack traces)
Exit codes: 0 success, 1 invalid input, 2 usage error.`;

/** Each command is loaded only when it runs: `report` alone pulls in the PDF or Word code and fonts. */
const commands: Record<string, () => Promise<{ run: Command }>> = {
	rubrics: () => import('./commands/rubrics'),
	template: () => import('./commands/template'),
	sample: () => import('./commands/sample'),
	validate: () => import('./commands/validate'),
	score: () => import('./commands/score'),
	gaps: () => import('./commands/gaps'),
	compare: () => import('./commands/compare'),
	upgrade: () => import('./commands/upgrade'),
	merge: () => import('./commands/merge'),
	coverage: () => import('./commands/coverage'),
	report: () => import('./commands/report'),
	export: () => import('./commands/export'),
	'import-sheet': () => import('./commands/import-sheet'),
	aggregate: () => import('./commands/aggregate'),
	couch: () => import('./commands/couch'),
	schema: () => import('./commands/schema')
};

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
				version: { type: 'string' },
				seed: { type: 'string' },
				top: { type: 'string' },
				profile: { type: 'string' },
				subject: { type: 'string' },
				date: { type: 'string' },
				period: { type: 'string' },
				output: { type: 'string', short: 'o' },
				previous: { type: 'string' },
				brand: { type: 'string' },
				format: { type: 'string' },
				'apply-valid': { type: 'boolean', default: false },
				url: { type: 'string' },
				db: { type: 'string' },
				org: { type: 'string' },
				by: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
		debug = values.debug;
		const [command, ...rest] = positionals;
		if (values.help || !command) {
			write(USAGE);
			return command || values.help ? EXIT_OK : EXIT_USAGE;
		}
		const load = Object.hasOwn(commands, command) ? commands[command] : undefined;
		if (!load) throw new UsageError(`unknown command "${command}"`);
		if (values.lang !== 'zh' && values.lang !== 'en')
			throw new UsageError('--lang must be zh or en');
		const { run } = await load();
		const { 'apply-valid': applyValid, ...options } = values;
		await run(rest, { ...options, applyValid, lang: values.lang });
		return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
	} catch (e) {
		if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
		if (
			e instanceof UsageError ||
			(e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
		) {
			process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
			return EXIT_USAGE;
		}
		if (e instanceof InputError || e instanceof RubricError) {
			process.stderr.write(`error: ${e.message}\n`);
			return EXIT_INVALID_INPUT;
		}
		process.stderr.write(
			`error: unexpected failure: ${e instanceof Error ? e.message : String(e)} (run again with --debug for details)\n`
		);
		return EXIT_INVALID_INPUT;
	}
}

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));

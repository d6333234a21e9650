/**
 * `couch setup|push|aggregate`: the server side of sync through Apache CouchDB. Connection
 * problems, wrong credentials, a server that is not CouchDB and a missing database each end
 * with one message naming the server (never its credentials) and exit code 1.
 */
import { GROUPINGS, type Grouping } from '../../lib/domain/sync/design';
import { refuseUnmatchedPatterns } from '../batch';
import { EXIT_INVALID_INPUT, UsageError } from '../errors';
import { write, writeJson } from '../io';
import type { Command, Options } from '../options';
import { aggregateOnServer } from '../couch/aggregate';
import {
	checkCouchServer,
	checkDatabaseName,
	connect,
	requireDatabase,
	sessionOf
} from '../couch/client';
import { formatAggregate } from '../couch/format';
import { pushFiles, type PushResult } from '../couch/push';
import { setupServer } from '../couch/setup';

/** The database when --db is not given. */
export const DEFAULT_DB = 'gd-assess';

export function parseGrouping(by: string | undefined): Grouping {
	if (by === undefined) return 'all';
	if (!(GROUPINGS as readonly string[]).includes(by) || by === 'all')
		throw new UsageError(`--by must be one of ${GROUPINGS.filter((g) => g !== 'all').join(', ')}`);
	return by as Grouping;
}

/** --period: one period's numbers ('' names the assessments without a period). */
export function parsePeriod(period: string | undefined): string | undefined {
	if (period === undefined) return undefined;
	const trimmed = period.trim();
	if (trimmed.length > 100)
		throw new UsageError('--period must be a period as the assessments name it, e.g. 2026年度');
	return trimmed;
}

async function setup(args: string[], opts: Options) {
	if (args.length) throw new UsageError('couch setup takes no files');
	const conn = connect(opts.url);
	const db = checkDatabaseName(opts.db ?? DEFAULT_DB);
	const role = opts.org ?? db;
	const steps = await setupServer(conn, db, role);
	const changed = steps.filter((s) => s.outcome !== 'unchanged').length;
	if (opts.json) return writeJson({ server: conn.base, db, role, steps, changed });
	write(
		[
			...steps.map((s) => `${s.outcome.padEnd(9)} ${s.what}`),
			changed
				? `${conn.base}: ${changed} change${changed === 1 ? '' : 's'} made`
				: `${conn.base}: already set up, nothing changed`
		].join('\n')
	);
}

function pushLine(r: PushResult): string {
	if (r.outcome === 'invalid' || r.outcome === 'failed') return `${r.outcome}: ${r.message}`;
	const subject = r.subjectCreated ? ' (with its subject)' : '';
	return `${r.outcome.padEnd(9)} ${r.file} → ${r.id}${subject}`;
}

async function push(files: string[], opts: Options) {
	if (!files.length) throw new UsageError('couch push needs a FILE');
	refuseUnmatchedPatterns(files);
	const conn = connect(opts.url);
	const db = checkDatabaseName(opts.db ?? DEFAULT_DB);
	await checkCouchServer(conn);
	await sessionOf(conn);
	await requireDatabase(conn, db);
	const results = await pushFiles(conn, db, files, (r) => {
		if (opts.json) write(JSON.stringify(r));
		else if (r.outcome === 'invalid' || r.outcome === 'failed')
			process.stderr.write(`${pushLine(r)}\n`);
		else write(pushLine(r));
	});
	const bad = results.filter((r) => r.outcome === 'invalid' || r.outcome === 'failed').length;
	const written = results.filter((r) => r.outcome === 'created' || r.outcome === 'updated').length;
	if (!opts.json)
		process.stderr.write(
			`${written} written, ${results.length - written - bad} unchanged, ${bad} skipped (${conn.base}/${db})\n`
		);
	if (bad) process.exitCode = EXIT_INVALID_INPUT;
}

async function aggregate(args: string[], opts: Options) {
	if (args.length) throw new UsageError('couch aggregate takes no files (the server has them)');
	const conn = connect(opts.url);
	const db = checkDatabaseName(opts.db ?? DEFAULT_DB);
	const by = parseGrouping(opts.by);
	const period = parsePeriod(opts.period);
	await checkCouchServer(conn);
	await sessionOf(conn);
	const result = await aggregateOnServer(conn, db, by, period);
	if (opts.json) return writeJson({ ...result.aggregate, documents: result.documents });
	write(formatAggregate(result.aggregate, opts.lang, period));
	const { assessmentsLeftOut, other } = result.documents;
	if (assessmentsLeftOut || other)
		process.stderr.write(
			`not counted: ${assessmentsLeftOut} assessment document(s) of a newer format or with an unreadable summary, ${other} document(s) that are not records of this app\n`
		);
}

const subcommands: Record<string, Command> = { setup, push, aggregate };

export const run: Command = async ([sub, ...rest], opts) => {
	const command =
		sub !== undefined && Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
	if (!command) throw new UsageError('couch needs setup, push or aggregate');
	await command(rest, opts);
};

/**
 * The CLI and the file system: only regular files are read, and under a cap; the report is
 * written only to a regular file that is not an input; a closed pipe ends the CLI quietly.
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	symlinkSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-cli-files-'));
const file = (name: string) => path.join(dir, name);
const CITY = 'gd-city-readiness';

/** Exit 1, one message naming the path and saying what is wrong, no stack trace, no output. */
function expectRefusal(r: ReturnType<typeof cli>, where: string, what: string) {
	expect(r.signal).toBeNull();
	expect(r.code).toBe(1);
	expect(r.err).toContain(`error: ${where}: `);
	expect(r.err).toContain(what);
	expect(r.err).not.toMatch(/\n\s+at |unexpected failure/);
}

let sample = '';
beforeAll(() => {
	const r = cli(['sample', '--rubric', CITY]);
	expect(r.code).toBe(0);
	sample = r.out;
	writeFileSync(file('a.json'), sample);
	spawnSync('mkfifo', [file('fifo.json')]);
	symlinkSync(file('loop-b.json'), file('loop-a.json'));
	symlinkSync(file('loop-a.json'), file('loop-b.json'));
	symlinkSync(file('missing.json'), file('dangling.json'));
	symlinkSync(file('a.json'), file('link-to-a.json'));
	symlinkSync('/dev/null', file('device-link'));
	mkdirSync(file('folder.json'));
}, 60_000);

describe('cli inputs', () => {
	it('refuses a named pipe without waiting for a writer', () => {
		expectRefusal(cli(['score', file('fifo.json')]), file('fifo.json'), 'is a named pipe (FIFO)');
	});

	it.each(['/dev/zero', '/dev/urandom'])('refuses the endless device %s at once', (device) => {
		expectRefusal(cli(['validate', device]), device, 'is a device, not a regular file');
	});

	it('refuses a directory, naming it', () => {
		expectRefusal(cli(['score', file('folder.json')]), file('folder.json'), 'is a directory');
	});

	it('tells a symbolic link loop and a dangling link from a missing file', () => {
		expectRefusal(cli(['score', file('loop-a.json')]), file('loop-a.json'), 'symbolic link loop');
		expectRefusal(
			cli(['score', file('dangling.json')]),
			file('dangling.json'),
			'symbolic link to a file that does not exist'
		);
		expectRefusal(cli(['score', file('nothing.json')]), file('nothing.json'), 'file not found');
	});

	it('reads a file whose reported size is 0 (/proc) to its end, and checks it as data', () => {
		// Reading goes by what is read, not by the size reported, which the cap also relies on.
		expectRefusal(cli(['validate', '/proc/self/status']), '/proc/self/status', 'not valid JSON');
	});

	it('refuses a file over the size limit before reading it', () => {
		writeFileSync(file('huge.json'), '');
		truncateSync(file('huge.json'), 21 * 1024 * 1024);
		expectRefusal(
			cli(['score', file('huge.json')]),
			file('huge.json'),
			'larger than the 20 MB limit'
		);
		writeFileSync(file('huge.yaml'), '');
		truncateSync(file('huge.yaml'), 6 * 1024 * 1024);
		expectRefusal(
			cli(['validate', file('huge.yaml')]),
			file('huge.yaml'),
			'larger than the 5 MB limit'
		);
	});

	it('follows a link to a regular file', () => {
		expect(cli(['validate', file('link-to-a.json')]).out).toContain('valid assessment');
	});
});

describe('cli report output', () => {
	it('refuses to write the report onto a device or a named pipe', () => {
		// Through a link in the test's own folder, never /dev/null itself: a regression run as
		// root would otherwise replace the machine's /dev/null with a PDF.
		const r = cli(['report', file('a.json'), '-o', file('device-link')]);
		expectRefusal(
			r,
			file('device-link'),
			'is a device, not a regular file; the report is written only to a regular file'
		);
		expectRefusal(
			cli(['report', file('a.json'), '-o', file('fifo.json')]),
			file('fifo.json'),
			'is a named pipe (FIFO)'
		);
	});

	it('refuses to write the report over its input, directly or through a link', () => {
		expectRefusal(
			cli(['report', file('a.json'), '-o', file('a.json')]),
			file('a.json'),
			'is the input file'
		);
		expectRefusal(
			cli(['report', file('link-to-a.json'), '-o', file('a.json')]),
			file('a.json'),
			'is the input file'
		);
		expect(readFileSync(file('a.json'), 'utf8')).toBe(sample);
	});

	it('refuses a directory or a folder that does not exist as the output', () => {
		expectRefusal(
			cli(['report', file('a.json'), '-o', file('folder.json')]),
			file('folder.json'),
			'is a directory'
		);
		const r = cli(['report', file('a.json'), '-o', file('no-such-folder/out.pdf')]);
		expectRefusal(r, file('no-such-folder/out.pdf'), 'does not exist');
	}, 90_000);
});

describe('cli output streams', () => {
	it('ends quietly with status 0 when the reader closes the pipe early', () => {
		// More than a pipe buffer (64 KB) of output, so the CLI is still writing when head exits.
		const r = spawnSync(
			'bash',
			[
				'-c',
				'set -o pipefail; node src/cli/bin.js coverage --rubric gd-city-readiness --json | head -c 100 > /dev/null'
			],
			{ encoding: 'utf8', timeout: 45_000, env: { ...process.env, NODE_OPTIONS: '' } }
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
	});
});

describe('cli output errors', () => {
	it.runIf(existsSync('/dev/full'))('says so in one line when the output cannot be written', () => {
		const r = spawnSync('bash', ['-c', 'node src/cli/bin.js schema assessment > /dev/full'], {
			encoding: 'utf8',
			timeout: 45_000,
			env: { ...process.env, NODE_OPTIONS: '' }
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toBe('error: cannot write the output: ENOSPC\n');
	});
});

describe('cli YAML', () => {
	it('refuses a rubric with a custom tag with the file and line, and no Node warning', () => {
		writeFileSync(file('tagged.yaml'), 'id: x\nversion: !!js/function "function () {}"\n');
		const r = cli(['validate', file('tagged.yaml')]);
		expect(r.code).toBe(1);
		expect(r.err).toContain(`${file('tagged.yaml')}: invalid rubric`);
		expect(r.err).toContain('line 2, column 10: not plain YAML');
		expect(r.err).not.toMatch(/Warning|TAG_RESOLVE_FAILED|\(node:\d+\)/);
	});
});

describe('files the CLI writes', () => {
	it.each([
		['template', '--rubric', CITY, '--profile', 'level=county,region=ewn'],
		['template', '--rubric', 'gd-enterprise-maturity', '--quick'],
		['sample', '--rubric', CITY, '--seed', '5', '--date', '2024-02-29', '--period', '2024年度'],
		['sample', '--rubric', 'gd-enterprise-maturity', '--seed', '2', '--subject', '企'.repeat(200)]
	])('are accepted by validate (%s %s %s)', (...args) => {
		const made = cli(args);
		expect(made.code).toBe(0);
		const name = file(
			`${args
				.join('-')
				.replace(/[^\w-]/g, '')
				.slice(0, 60)}.json`
		);
		writeFileSync(name, made.out);
		const r = cli(['validate', name]);
		expect(r.err).toBe('');
		expect(r.out).toContain('valid assessment');
	});

	it.each([
		[['--date', 'yesterday'], '--date: "yesterday" is not a date; write YYYY-MM-DD'],
		[['--date', '2026-02-30'], '--date: 2026-02-30 is not a calendar date'],
		[['--subject', 'x'.repeat(300)], '--subject must be at most 200 characters (it has 300)'],
		[['--period', 'p'.repeat(101)], '--period must be at most 100 characters']
	])('refuse options that would make a file validate refuses (%#)', (options, expected) => {
		const r = cli(['sample', '--rubric', CITY, ...options]);
		expect(r.code).toBe(2);
		expect(r.out).toBe('');
		expect(r.err).toContain(expected);
	});
});

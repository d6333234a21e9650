/**
 * Read commands over many files in one process (`score a.json b.json …`): a consultant scoring
 * two hundred client files pays the start-up once. One file prints exactly as before. With
 * several, each file's text comes under a `== FILE ==` line, and `--json` prints JSON Lines, one
 * `{"file", "result"}` or `{"file", "error"}` object per file, in the order given. A file that
 * cannot be read or is invalid is reported and the others still run; the exit code is then 1.
 */
import { existsSync } from 'node:fs';
import { EXIT_INVALID_INPUT, InputError, RubricError, UsageError } from './errors';
import { write, writeJson } from './io';
import type { Command, Options } from './options';

export interface Output {
	json(value: unknown): void;
	text(text: string): void;
}

export type PerFile = (file: string, opts: Options, out: Output) => void;

/**
 * A pattern the shell could not expand reaches us as it was typed (`clients/*.json`): that is a
 * mistake on the command line, not a file that failed to read.
 */
export function refuseUnmatchedPatterns(files: readonly string[]) {
	for (const file of files)
		if (/[*?[]/.test(file) && !existsSync(file)) throw new UsageError(`"${file}" matches no file`);
}

export function perFileCommand(name: string, perFile: PerFile): Command {
	return (files, opts) => {
		if (files.length === 0) throw new UsageError(`${name} needs a FILE`);
		refuseUnmatchedPatterns(files);
		if (files.length === 1) return perFile(files[0]!, opts, { json: writeJson, text: write });
		let failed = 0;
		for (const file of files) {
			let result: unknown;
			const lines: string[] = [];
			try {
				perFile(file, opts, {
					json: (value) => (result = value),
					text: (text) => void lines.push(text)
				});
			} catch (e) {
				if (!(e instanceof InputError || e instanceof RubricError)) throw e;
				failed++;
				process.stderr.write(`error: ${e.message}\n`);
				if (opts.json) write(JSON.stringify({ file, error: e.message }));
				continue;
			}
			if (opts.json) write(JSON.stringify({ file, result }));
			else write([`== ${file} ==`, ...lines].join('\n'));
		}
		if (failed) process.exitCode = EXIT_INVALID_INPUT;
	};
}

#!/usr/bin/env node
// Package entry for the command line: runs the built CLI (dist/cli/), building it first when the
// sources changed since the last build (see build.js). No TypeScript is compiled at run time.
import { pathToFileURL } from 'node:url';
import { ensureBuiltCli } from './build.js';

let entry;
try {
	entry = await ensureBuiltCli();
} catch (e) {
	process.stderr.write(
		`error: cannot build the command line: ${e instanceof Error ? e.message : String(e)}\n`
	);
	process.exit(1);
}
await import(pathToFileURL(entry).href);

/**
 * Files and streams of the command line. Inputs are untrusted paths: only regular files are
 * read (a FIFO or a device would block or never end), and never more than a size cap, even when
 * the file system reports a wrong size (/proc files say 0). Outputs never replace anything but
 * a regular file that is not one of the inputs, and appear whole or not at all.
 */
import {
	closeSync,
	constants,
	fstatSync,
	lstatSync,
	openSync,
	readSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
	type Stats
} from 'node:fs';
import path from 'node:path';
import { InputError } from './errors';

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** What a path is when it is not a regular file, in words a user can act on. */
function kindOf(stats: Stats): string | undefined {
	if (stats.isFile()) return undefined;
	if (stats.isDirectory()) return 'is a directory, not a file';
	if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
	if (stats.isSocket()) return 'is a socket, not a regular file';
	return 'is not a regular file';
}

/** A file-system error as a message about the path (the code, never a stack trace). */
function describeFsError(file: string, e: unknown, doing: string): InputError {
	const code = (e as NodeJS.ErrnoException).code;
	let message: string;
	switch (code) {
		case 'ENOENT':
			message = isDanglingLink(file)
				? 'is a symbolic link to a file that does not exist'
				: 'file not found';
			break;
		case 'ENOTDIR':
			message = 'file not found (a part of the path is not a folder)';
			break;
		case 'ELOOP':
			message = 'is a symbolic link loop (the link points back to itself)';
			break;
		case 'EACCES':
		case 'EPERM':
			message = `permission denied (cannot ${doing} it)`;
			break;
		case 'ENAMETOOLONG':
			message = 'the path is too long';
			break;
		case 'EISDIR':
			message = 'is a directory, not a file';
			break;
		default:
			message = `cannot ${doing} it (${code ?? (e instanceof Error ? e.message : String(e))})`;
	}
	return new InputError(file, [{ path: '', message }]);
}

function isDanglingLink(file: string): boolean {
	try {
		return lstatSync(file).isSymbolicLink();
	} catch {
		return false;
	}
}

/**
 * The bytes of a regular file of at most `maxBytes`. The type is checked before opening; the
 * open does not block (O_NONBLOCK, in case the path was swapped for a FIFO meanwhile), the
 * opened file is checked again, and reading stops one byte past the cap.
 */
export function readInputBytes(
	file: string,
	maxBytes: number,
	what = 'file',
	tooLargeMessage?: (size: number) => string
): Buffer {
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch (e) {
		throw describeFsError(file, e, 'read');
	}
	const refuse = (message: string) => new InputError(file, [{ path: '', message }]);
	const kind = kindOf(stats);
	if (kind) throw refuse(kind);
	const tooLarge = (size: number) =>
		refuse(
			tooLargeMessage?.(size) ??
				`the ${what} is ${size > maxBytes * 4 ? 'much ' : ''}larger than the ${formatMb(maxBytes)} limit` +
					(size <= maxBytes * 4 ? ` (${formatMb(size)})` : '')
		);
	if (stats.size > maxBytes) throw tooLarge(stats.size);
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (e) {
		throw describeFsError(file, e, 'read');
	}
	try {
		const opened = kindOf(fstatSync(fd));
		if (opened) throw refuse(opened);
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const chunk = Buffer.allocUnsafe(Math.min(1 * MB, maxBytes + 1 - total));
			const n = readSync(fd, chunk, 0, chunk.length, null);
			if (n === 0) break;
			chunks.push(chunk.subarray(0, n));
			total += n;
			if (total > maxBytes) throw tooLarge(total);
		}
		return Buffer.concat(chunks, total);
	} catch (e) {
		if (e instanceof InputError) throw e;
		throw describeFsError(file, e, 'read');
	} finally {
		closeSync(fd);
	}
}

/** A text file (UTF-8) of at most `maxBytes`. */
export function readInputText(file: string, maxBytes: number, what?: string): string {
	return readInputBytes(file, maxBytes, what).toString('utf8');
}

function sameFile(a: Stats, b: Stats) {
	return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Where `file` may be written: refuses an existing path that is not a regular file (writing to a
 * device is never what was meant) and any of `inputs` (it would destroy them). Returns the path
 * to replace: for a link to a regular file, the file it points to, not the link.
 */
export function checkOutputPath(file: string, inputs: readonly string[], what = 'output'): string {
	const refuse = (message: string) => new InputError(file, [{ path: '', message }]);
	let existing: Stats;
	try {
		existing = statSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT') throw describeFsError(file, e, 'write');
		if (isDanglingLink(file))
			throw refuse(
				`is a symbolic link to a file that does not exist; give the ${what} path itself`
			);
		const dir = path.dirname(file);
		let folder: Stats | undefined;
		try {
			folder = statSync(dir);
		} catch {
			folder = undefined;
		}
		if (!folder?.isDirectory())
			throw refuse(`the folder ${dir} does not exist; create it first or choose another path`);
		return file;
	}
	const kind = kindOf(existing);
	if (kind) throw refuse(`${kind}; the ${what} is written only to a regular file`);
	for (const input of inputs) {
		let stats: Stats;
		try {
			stats = statSync(input);
		} catch {
			continue;
		}
		if (sameFile(stats, existing))
			throw refuse(
				`is the input file ${input}; writing the ${what} there would destroy it, so choose another path`
			);
	}
	return realpathSync(file);
}

/**
 * Writes `bytes` to `file` (checked by checkOutputPath) through a temporary file in the same
 * folder and a rename, so that a failed run never leaves a partial file.
 */
export function writeOutputAtomically(
	file: string,
	bytes: Uint8Array,
	inputs: readonly string[],
	what = 'output'
) {
	const refuse = (message: string) => new InputError(file, [{ path: '', message }]);
	const target = checkOutputPath(file, inputs, what);
	const dir = path.dirname(target);
	const temp = path.join(
		dir,
		`.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
	);
	try {
		// "wx": the temporary name must be new, never an existing file or link.
		writeFileSync(temp, bytes, { flag: 'wx' });
		renameSync(temp, target);
	} catch (e) {
		rmSync(temp, { force: true });
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT')
			throw refuse(`the folder ${dir} does not exist; create it first or choose another path`);
		if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
			throw refuse(`permission denied (cannot write in ${dir})`);
		throw refuse(`cannot write the ${what}: ${code ?? (e as Error).message}`);
	}
}

/**
 * A reader that stops early (`… | head`) closes the pipe; what is left to print is no longer
 * wanted, so the CLI ends at once, quietly and with status 0 — the work asked for was done and
 * the reader chose to see less of it. (A signal-style 141 would make `set -o pipefail` scripts
 * fail on a plain `| head`.)
 */
export function exitQuietlyOnClosedPipe() {
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
		// Any other failure of the output (a full disk behind a redirect): say so, without a stack.
		process.stderr.write(`error: cannot write the output: ${e.code ?? e.message}\n`);
		process.exit(1);
	});
}

export function write(text: string) {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const writeJson = (value: unknown) => write(JSON.stringify(value, null, 2));

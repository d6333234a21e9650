import { MAX_ASSESSMENT_BYTES, readAssessment } from '../../lib/domain/assessment-file';
import {
	mergeReturn,
	readCoordinationFile,
	type MergeRefusal
} from '../../lib/domain/coordination';
import { EXIT_INVALID_INPUT, InputError, UsageError } from '../errors';
import { readInputText, write, writeJson, writeOutputAtomically } from '../io';
import type { Command } from '../options';
import { shippedRubricSource } from '../rubric-files';
import { loadAssessmentFile, today } from '../shared';

/** What a refusal means and what to do, for the command line (English, like every CLI message). */
function refusalText(r: MergeRefusal): string {
	switch (r.code) {
		case 'other-assessment':
			return `refused: the return belongs to another assessment (${r.assessmentId}); merge it into that one`;
		case 'other-rubric':
			return `refused: the return uses rubric ${r.rubric} ${r.version}; hand out a new package of this assessment`;
		case 'not-coordinated':
			return 'refused: the assessment is not coordinated (no package was handed out from it)';
		case 'unknown-package':
			return `refused: package ${r.packageId} was not handed out from this assessment; hand out a new package`;
		case 'other-respondent':
			return `refused: the return names respondent ${r.respondentId}, not the one package ${r.packageId} was handed to; the file may have been altered`;
		case 'superseded':
			return `refused: package ${r.packageId} was superseded by ${r.newerPackageId}; ask for a return of the newer package`;
		case 'unassigned':
			return `refused: answers indicators not assigned to the respondent (${r.indicatorIds.join(', ')}); the file may have been altered`;
		case 'stale':
			return `refused: an older return (export ${r.sequence}); export ${r.merged} is already merged, nothing to do`;
		case 'altered':
			return `refused: differs from export ${r.sequence} already merged; the file may have been altered, ask for a new export`;
		case 'finalised':
			return `refused: the assessment was signed off on ${r.on} by ${r.by}; reopen it in the app first`;
	}
}

/**
 * `merge ASSESSMENT.json RETURN.json… -o OUT.json [--json]`: the returns (回执) merged into the
 * coordinator's assessment in the order given, each all or nothing, by the same domain code as
 * the app; a refused return is reported in its place (exit code 1) and the others still merge.
 * The inputs are not changed.
 */
export const run: Command = ([assessmentFile, ...returns], opts) => {
	if (!assessmentFile || returns.length === 0)
		throw new UsageError('merge needs ASSESSMENT.json and at least one RETURN.json');
	if (!opts.output) throw new UsageError('merge needs -o OUT.json for the merged assessment');
	let { assessment } = loadAssessmentFile(assessmentFile);
	const context = {
		on: today(),
		by: assessment.coordination?.coordinator || assessment.assessor
	};
	const results: { file: string; result: Record<string, unknown> }[] = [];
	let refused = false;
	for (const file of returns) {
		let result: Record<string, unknown>;
		try {
			const read = readCoordinationFile(
				readInputText(file, MAX_ASSESSMENT_BYTES),
				file,
				shippedRubricSource
			);
			if (read.kind === 'package')
				throw new InputError(file, [
					{
						path: '$.format',
						message: 'is a package (填报包) for a respondent, not a return (回执)'
					}
				]);
			const outcome = mergeReturn(assessment, read.file, context);
			if (outcome.kind === 'merged') {
				assessment = outcome.assessment;
				result = {
					merged: true,
					respondent: read.file.respondentId,
					changed: outcome.changed,
					conflicts: outcome.conflicts
				};
			} else if (outcome.kind === 'duplicate') result = { merged: false, duplicate: true };
			else {
				refused = true;
				result = { merged: false, refused: outcome.refusal, message: refusalText(outcome.refusal) };
			}
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			refused = true;
			result = { merged: false, error: e.message };
		}
		results.push({ file, result });
	}
	const text = JSON.stringify(assessment, null, '\t') + '\n';
	// Whatever is written must open again, in the app and here.
	readAssessment(text, opts.output, shippedRubricSource);
	writeOutputAtomically(
		opts.output,
		new TextEncoder().encode(text),
		[assessmentFile, ...returns],
		'merged assessment'
	);
	if (refused) process.exitCode = EXIT_INVALID_INPUT;
	if (opts.json) return writeJson({ output: opts.output, returns: results });
	for (const { file, result } of results) {
		const r = result as {
			merged: boolean;
			respondent?: string;
			changed?: string[];
			conflicts?: string[];
			duplicate?: boolean;
			message?: string;
			error?: string;
		};
		write(
			`${file}: ${
				r.merged
					? `merged (${r.respondent}): ${r.changed!.length} changed, ${r.conflicts!.length} to decide${r.conflicts!.length ? ` (${r.conflicts!.join(', ')})` : ''}`
					: r.duplicate
						? 'already merged; nothing changed'
						: (r.message ?? `refused: ${r.error}`)
			}`
		);
	}
	write(`${opts.output}: written`);
};

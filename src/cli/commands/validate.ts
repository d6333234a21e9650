import {
	MAX_ASSESSMENT_BYTES,
	parseJsonText,
	readAssessment
} from '../../lib/domain/assessment-file';
import { coordinationFormatOf, parseCoordinationData } from '../../lib/domain/coordination';
import { listIndicators } from '../../lib/domain/rubric-index';
import { loadRubricText, MAX_RUBRIC_BYTES } from '../../lib/rubrics/loader';
import { checkUpgrade } from '../../lib/rubrics/versions';
import type { Rubric } from '../../lib/rubrics/schema';
import path from 'node:path';
import { perFileCommand } from '../batch';
import { RubricError } from '../errors';
import { readInputText } from '../io';
import { loadArchivedRubrics, shippedRubricSource } from '../rubric-files';

/**
 * A current rubric file is checked against the archived versions next to it (archive/), as the
 * build does; an archived file itself is not.
 */
function checkAgainstArchive(rubric: Rubric, file: string) {
	if (path.basename(path.dirname(path.resolve(file))) === 'archive') return;
	const archive = path.join(path.dirname(file), 'archive');
	const problems = checkUpgrade(rubric, loadArchivedRubrics(rubric.id, archive));
	if (problems.length) throw new RubricError(file, problems);
}

/** `validate FILE…`: rubrics (.yaml, or JSON with pillars) or assessments, by the app's rules. */
export const run = perFileCommand('validate', (file, opts, out) => {
	const result = check(file);
	if (opts.json) return out.json({ valid: true, ...result });
	const what =
		result.kind === 'rubric'
			? `rubric ${result.rubric} ${result.version} (${result.indicators} indicators)`
			: result.kind === 'assessment'
				? `assessment of ${result.rubric} ${result.version} (${result.answered} answers)`
				: `${result.kind === 'package' ? 'package (填报包)' : 'return (回执)'} ${result.id} of ${result.rubric} ${result.version} (${result.answered} answers)`;
	out.text(`${file}: valid ${what}`);
});

type Checked =
	| { kind: 'rubric'; rubric: string; version: string; indicators: number }
	| { kind: 'assessment'; rubric: string; version: string; answered: number }
	| { kind: 'package' | 'return'; id: string; rubric: string; version: string; answered: number };

/** Throws on the first invalid thing; returns what the file is. */
function check(file: string): Checked {
	const asRubric = (rubric: Rubric): Checked => ({
		kind: 'rubric',
		rubric: rubric.id,
		version: rubric.version,
		indicators: listIndicators(rubric).length
	});
	if (/\.ya?ml$/i.test(file)) {
		const rubric = loadRubricText(readInputText(file, MAX_RUBRIC_BYTES, 'rubric'), file);
		checkAgainstArchive(rubric, file);
		return asRubric(rubric);
	}
	const text = readInputText(file, MAX_ASSESSMENT_BYTES);
	const data = parseJsonText(text, file);
	if (data && typeof data === 'object' && 'pillars' in data)
		return asRubric(loadRubricText(text, file));
	// Packages and returns get exactly the checks the app's coordination page applies.
	if (coordinationFormatOf(data)) {
		const read = parseCoordinationData(data, file, shippedRubricSource);
		return {
			kind: read.kind,
			id: read.kind === 'package' ? read.file.package.id : read.file.packageId,
			rubric: read.rubric.id,
			version: read.rubric.version,
			answered: Object.values(read.file.answers).filter((a) => a.level !== null).length
		};
	}
	const { assessment, rubric } = readAssessment(text, file, shippedRubricSource);
	return {
		kind: 'assessment',
		rubric: rubric.id,
		version: rubric.version,
		answered: Object.values(assessment.answers).filter((a) => a.level !== null).length
	};
}

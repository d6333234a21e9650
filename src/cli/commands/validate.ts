import {
	MAX_ASSESSMENT_BYTES,
	parseJsonText,
	readAssessment
} from '../../lib/domain/assessment-file';
import { listIndicators } from '../../lib/domain/rubric-index';
import { loadRubricText, MAX_RUBRIC_BYTES } from '../../lib/rubrics/loader';
import { checkUpgrade } from '../../lib/rubrics/versions';
import type { Rubric } from '../../lib/rubrics/schema';
import path from 'node:path';
import { RubricError, UsageError } from '../errors';
import { readInputText, write } from '../io';
import type { Command } from '../options';
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

/** `validate FILE`: a rubric (.yaml, or JSON with pillars) or an assessment, by the app's rules. */
export const run: Command = ([file]) => {
	if (!file) throw new UsageError('validate needs a FILE');
	if (/\.ya?ml$/i.test(file)) {
		const rubric = loadRubricText(readInputText(file, MAX_RUBRIC_BYTES, 'rubric'), file);
		checkAgainstArchive(rubric, file);
		return write(
			`${file}: valid rubric ${rubric.id} ${rubric.version} (${listIndicators(rubric).length} indicators)`
		);
	}
	const text = readInputText(file, MAX_ASSESSMENT_BYTES);
	const data = parseJsonText(text, file);
	if (data && typeof data === 'object' && 'pillars' in data) {
		const rubric = loadRubricText(text, file);
		return write(`${file}: valid rubric ${rubric.id} ${rubric.version}`);
	}
	const { assessment, rubric } = readAssessment(text, file, shippedRubricSource);
	const answered = Object.values(assessment.answers).filter((a) => a.level !== null).length;
	write(`${file}: valid assessment of ${rubric.id} ${rubric.version} (${answered} answers)`);
};

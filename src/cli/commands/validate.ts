import {
	MAX_ASSESSMENT_BYTES,
	parseJsonText,
	readAssessment
} from '../../lib/domain/assessment-file';
import { listIndicators } from '../../lib/domain/rubric-index';
import { loadRubricText, MAX_RUBRIC_BYTES } from '../../lib/rubrics/loader';
import { UsageError } from '../errors';
import { readInputText, write } from '../io';
import type { Command } from '../options';
import { shippedRubricSource } from '../rubric-files';

/** `validate FILE`: a rubric (.yaml, or JSON with pillars) or an assessment, by the app's rules. */
export const run: Command = ([file]) => {
	if (!file) throw new UsageError('validate needs a FILE');
	if (/\.ya?ml$/i.test(file)) {
		const rubric = loadRubricText(readInputText(file, MAX_RUBRIC_BYTES, 'rubric'), file);
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

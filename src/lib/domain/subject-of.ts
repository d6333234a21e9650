/**
 * The subject an assessment file describes, for a file whose subject is not on the device (or on
 * the server) yet: an import and `couch push` derive it the same way. Zod-free: pages import it.
 */
import type { Assessment } from './assessment';
import type { Subject } from './subject';

export function subjectOfAssessment(assessment: Assessment): Subject {
	return {
		id: assessment.subject.id,
		kind: assessment.subject.kind,
		name: assessment.subject.name,
		rubricId: assessment.rubric.id,
		profile: assessment.profile,
		note: '',
		archived: false,
		createdAt: assessment.createdAt ?? assessment.date,
		updatedAt: assessment.updatedAt ?? assessment.date
	};
}

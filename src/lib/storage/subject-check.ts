// The rule lives in the domain, where the replicated documents check subjects by it too.
export { subjectProblems } from '$lib/domain/subject';

import type { Coordination } from './schema';

/** Coordination with nobody assigned yet. */
export const emptyCoordination = (): Coordination => ({
	coordinator: '',
	respondents: [],
	assignments: {},
	packages: [],
	contributions: {},
	own: {},
	decisions: {},
	log: []
});

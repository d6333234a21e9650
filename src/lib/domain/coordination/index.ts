/** Several respondents, one assessment: assign, hand out, answer, merge, decide, sign off. */
export * from './schema';
export * from './consolidate';
export * from './merge';
export * from './log';
export * from './handout';
export * from './respondent';
export * from './progress';
export { emptyCoordination } from './empty';
export * from './files';

/**
 * The coordination's operations without the file schemas (zod): what pages need to show and edit
 * a coordination. Reading packages and returns (files.ts) is loaded when a file is chosen.
 */
export * from './formats';
export * from './consolidate';
export * from './merge';
export * from './log';
export * from './handout';
export * from './respondent';
export * from './progress';
export { emptyCoordination } from './empty';
export type * from './schema';

/**
 * The assessment file's fixed values, without its schema (assessment.ts, zod): pages that create
 * assessments or count answers need these before they need to validate anything.
 */
import type { Answer } from './answer';

export const ASSESSMENT_FORMAT = 'gd-digital-economy-assessment';
export const ASSESSMENT_FORMAT_VERSION = 1;

/** Far above any rubric (the largest has under 200 indicators, a few measures each). */
export const MAX_ANSWERS = 2_000;
export const MAX_ACTIONS = 5_000;

export const emptyAnswer = (): Answer => ({ level: null, notApplicable: false, target: null });

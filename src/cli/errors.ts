/**
 * What the CLI reports and with which exit code: 0 success, 1 invalid input (InputError,
 * RubricError: one message naming the file), 2 usage error (UsageError: the message and usage).
 */
export { InputError } from '../lib/domain/assessment-file';
export { RubricError } from '../lib/rubrics/loader';

/** The command line itself is wrong: exit 2 with the usage text. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

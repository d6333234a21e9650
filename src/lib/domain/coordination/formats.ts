/** The coordination files' names and limits, without their schemas (schema.ts, zod). */
export const PACKAGE_FORMAT = 'gd-digital-economy-package';
export const RETURN_FORMAT = 'gd-digital-economy-return';
export const COORDINATION_FILE_VERSION = 1;

/** Far above any real office: a city has a few dozen departments. */
export const MAX_RESPONDENTS = 200;

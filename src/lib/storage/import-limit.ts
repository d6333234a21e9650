/**
 * The largest file (backup, package, return) the app reads. Apart from backup-format.ts, whose
 * schemas (zod) pages load only once a file is chosen.
 */
/** Backups carry evidence files, so they may be larger than a single assessment. */
export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

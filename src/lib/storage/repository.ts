/**
 * The device's store, one module per concern: the database and its transactions, subjects,
 * assessments, evidence files, app metadata, bulk export/import and score summaries. Callers
 * import from here.
 */
export { DB_NAME, StorageFullError, StorageUnavailableError } from './database';
export * from './subjects';
export * from './assessments';
export * from './evidence-files';
export * from './meta';
export * from './bulk';
export * from './summaries';

/**
 * The device's store, one module per concern: the database and its transactions, subjects,
 * assessments, evidence files, app metadata, and bulk export/import. Callers import from here.
 */
export { DB_NAME, StorageFullError, StorageUnavailableError } from './database';
export * from './subjects';
export * from './assessments';
export * from './evidence-files';
export * from './meta';
export * from './bulk';

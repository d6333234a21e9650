/**
 * Files in and out: the formats (backup-format.ts) and the comparison with the device
 * (import-plan.ts). Imports are validated completely before anything is written, and conflicts
 * with what is already on the device are resolved by the user, never silently.
 */
export * from './backup-format';
export * from './import-plan';

export { backupDatabases, timestampedDirectory } from './backup-databases.js';
export { restoreDatabases } from './restore-databases.js';
export { BACKUP_SERVICES, platformDatabases, type DatabaseLocation } from './database-locations.js';
export { DatabaseInUseError } from './database-in-use.js';
export { readManifest, type BackupManifest } from './backup-manifest.js';

export { openDatabase, type AppDatabase, type Database } from './open-database.js';
export { serviceSchemaName } from './schema-name.js';
export { queryRows } from './query-rows.js';
export { isUuid } from './uuid.js';

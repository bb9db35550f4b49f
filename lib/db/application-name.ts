// 63: PostgreSQL keeps at most NAMEDATALEN - 1 bytes of application_name and cuts the rest.
const MAX_APPLICATION_NAME = 63;

/**
 * The application_name a service's connections carry: operator tools (restore) find the sessions working in a
 * schema through pg_stat_activity, which shows no search_path.
 */
export function serviceApplicationName(schemaName: string): string {
  return `dnd-tools/${schemaName}`.slice(0, MAX_APPLICATION_NAME);
}

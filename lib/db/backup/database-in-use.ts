/** A database a running process works on: restoring (or, on PGlite, even reading) it would race that process. */
export class DatabaseInUseError extends Error {}

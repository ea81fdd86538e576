/** Problems with the index a user can fix by reindexing; the message says how. */
export class IndexError extends Error {}

/** Another reindex holds the lock. */
export class ReindexBusyError extends Error {}

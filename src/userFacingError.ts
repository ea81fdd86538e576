/**
 * Every way a request can fail that the user is told about, by code. The code is what adapters and
 * logs go by; the message is only the Chinese detail.
 */
export const USER_FACING_CODES = [
  // What was asked
  'invalid-request', // an empty or too long question, options that do not go together, a bad flag
  'unknown-document', // no document by that id or title
  // The index
  'index-unavailable', // none is served (missing or broken when loaded); the cause says why
  'index-missing', // none was ever built in the folder
  'index-outdated', // built by another format or embedding configuration: only a full rebuild helps
  'index-damaged', // a file of the index is missing or corrupt
  'index-busy', // another reindex is running
  'reindex-failed', // a reindex asked for by the user failed; the message carries the cause
  // The corpus
  'corpus-unavailable', // a corpus folder is missing or not a folder, or none is configured
  'corpus-empty', // no document in the corpus while the index has some: probably not mounted
  // Uploaded or downloaded files
  'file-too-large',
  'unsupported-format', // not one of the accepted formats, or not text, or not UTF-8
  'invalid-file-name',
  'unreadable-file', // empty, damaged, or without text (a scan)
  'document-exists', // an upload or a fetched web page would overwrite a document
  'download-failed', // an attachment or web page could not be fetched, or its address is not allowed
  // Who asks, and how often
  'not-allowed', // a moderator's command used by someone else
  'too-frequent', // within the user's cooldown
  'too-busy', // too many questions already waiting
  // Model providers (answers fall back to quotes; indexing cannot)
  'provider-timeout',
  'provider-http',
  'provider-network',
  'provider-invalid',
  // The operator's configuration
  'invalid-config',
] as const;

export type UserFacingCode = (typeof USER_FACING_CODES)[number];

/**
 * A failure the user who caused it is shown; any other error is internal (logged, and answered
 * with a generic message). The message says what went wrong, in Chinese, and never names an
 * adapter's command: each adapter adds what its users can do about the code (src/cli/errorText.ts
 * says `npm run index`, src/discord/errorText.ts says `/reindex`).
 */
export class UserFacingError<C extends UserFacingCode = UserFacingCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

/** The message followed by what the user can do about it, when the adapter has something to say. */
export function withRemedy(error: UserFacingError, remedy: string | null): string {
  return remedy ? `${error.message.replace(/[。.]$/u, '')}，${remedy}` : error.message;
}

import { type UserFacingCode, type UserFacingError, withRemedy } from '../userFacingError.ts';

const REINDEX_FULL = '请运行 npm run index -- --full 重建索引';

/**
 * What someone at the terminal can do about each error, after the core's message (null: the message
 * says it all, or the error never reaches the terminal). Every code is here, so a new one needs a
 * decision.
 */
const REMEDIES: Record<UserFacingCode, string | null> = {
  'invalid-request': null,
  'unknown-document': '可用 npm run search -- "标题关键词" 查看文档编号',
  'index-unavailable': '请先运行 npm run index 建立索引',
  'index-missing': '请先运行 npm run index 建立索引',
  'index-outdated': REINDEX_FULL,
  'index-damaged': REINDEX_FULL,
  'index-busy': null,
  'reindex-failed': null,
  'corpus-unavailable': null,
  'corpus-empty': '确需清空索引时请明确允许（npm run index -- --allow-empty）',
  'file-too-large': null,
  'unsupported-format': null,
  'invalid-file-name': null,
  'unreadable-file': null,
  'document-exists': '如需覆盖请加 --replace',
  'download-failed': null,
  'not-allowed': null,
  'too-frequent': null,
  'too-busy': null,
  'provider-timeout': null,
  'provider-http': null,
  'provider-network': null,
  'provider-invalid': null,
  'invalid-config': null,
};

/** A user-facing error as the terminal says it. */
export function terminalMessage(error: UserFacingError): string {
  return withRemedy(error, REMEDIES[error.code]);
}

/** The command line itself was wrong (exit status 2), rather than what it worked on (1). */
export function isUsageError(error: UserFacingError): boolean {
  return error.code === 'invalid-request' || error.code === 'unknown-document';
}

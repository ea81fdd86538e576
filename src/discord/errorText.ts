import { type UserFacingCode, UserFacingError, withRemedy } from '../userFacingError.ts';

const REINDEX = '请管理员执行 /reindex';

/**
 * What a Discord user can do about each error, after the core's message (null: the message says it
 * all). Every code is here, so a new one needs a decision. A full rebuild and emptying the index are
 * left to whoever runs the server: /reindex does neither.
 */
const REMEDIES: Record<UserFacingCode, string | null> = {
  'invalid-request': null,
  'unknown-document': '请在 document 选项中输入标题关键词，从列表中选择',
  'index-unavailable': REINDEX,
  'index-missing': REINDEX,
  'index-outdated': '请在服务器上运行 npm run index -- --full 完全重建索引',
  'index-damaged': REINDEX,
  'index-busy': null,
  'reindex-failed': null,
  'corpus-unavailable': null,
  'corpus-empty': '确需清空索引时，请在服务器上运行 npm run index -- --allow-empty',
  'file-too-large': null,
  'unsupported-format': null,
  'invalid-file-name': null,
  'unreadable-file': null,
  'document-exists': '如需覆盖请设置 replace:true',
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

/** A user-facing error as Discord says it. */
export function discordMessage(error: UserFacingError): string {
  return withRemedy(error, REMEDIES[error.code]);
}

/**
 * What the user is shown of an error: a user-facing one in Discord's words, or null when it is
 * internal (log it and answer GENERIC_FAILURE, which gives nothing away).
 */
export function userMessage(error: unknown): string | null {
  return error instanceof UserFacingError ? discordMessage(error) : null;
}

export const GENERIC_FAILURE = '处理请求时出错了，请稍后再试。';

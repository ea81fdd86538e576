import { describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../src/config.ts';

describe('configuration from .env', () => {
  it.each([
    ['original', 'original'],
    ['simplified', 'simplified'],
  ])('DISPLAY_SCRIPT=%s is read as %s', (value, expected) => {
    expect(loadConfig({ DISPLAY_SCRIPT: value }).displayScript).toBe(expected);
  });

  it.each<[string, (c: Config) => unknown, unknown]>([
    ['ASK_COOLDOWN_SECONDS', (c) => c.askCooldownSeconds, 10],
    ['RETRIEVAL_TOP_K', (c) => c.topK, 5],
    ['MAX_UPLOAD_KB', (c) => c.maxUploadBytes, 1024 * 1024],
    ['MAX_UPLOAD_DOCUMENT_KB', (c) => c.maxDocumentUploadBytes, 10240 * 1024],
    ['LOG_LEVEL', (c) => c.logLevel, 'info'],
    ['MAX_CONCURRENT_ANSWERS', (c) => c.maxConcurrentAnswers, 2],
    ['MAX_WAITING_ANSWERS', (c) => c.maxWaitingAnswers, 1000],
    ['CORPUS_DIR', (c) => c.corpusDirs, ['corpus']],
    ['INDEX_DIR', (c) => c.indexDir, 'data/index'],
    ['MESSAGE_CONTENT_INTENT', (c) => c.messageContentIntent, false],
    ['QUERY_REWRITE', (c) => c.llm.rewriteQuestions, false],
    ['LLM_PROVIDER', (c) => c.llm.provider, 'none'],
    ['DISPLAY_SCRIPT', (c) => c.displayScript, 'original'],
    ['WEB_FETCH_ALLOW_HOSTS', (c) => c.webFetchAllowHosts, []],
  ])('a blank %s means its default', (name, read, expected) => {
    expect(read(loadConfig({ [name]: '' }))).toEqual(expected);
    expect(read(loadConfig({ [name]: '' }))).toEqual(read(loadConfig({})));
  });

  it('WEB_FETCH_ALLOW_HOSTS lists hosts as URLs name them: lower case, IPv6 without brackets', () => {
    expect(loadConfig({ WEB_FETCH_ALLOW_HOSTS: '127.0.0.1, Intranet.Example.gov.cn,[::1]' }).webFetchAllowHosts).toEqual(['127.0.0.1', 'intranet.example.gov.cn', '::1']);
  });

  it.each([
    ['WEB_FETCH_ALLOW_HOSTS', 'http://intranet/', /WEB_FETCH_ALLOW_HOSTS：.*主机名/u],
    ['RETRIEVAL_TOP_K', 'abc', /RETRIEVAL_TOP_K：.*数字/u],
    ['RETRIEVAL_TOP_K', '0', /RETRIEVAL_TOP_K：.*过小/u],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL：.*"info"/u],
    ['LLM_PROVIDER', 'gpt', /LLM_PROVIDER：.*"openai"\|"ollama"/u],
    ['ASK_COOLDOWN_SECONDS', '-1', /ASK_COOLDOWN_SECONDS：.*过小/u],
    ['MESSAGE_CONTENT_INTENT', 'yes', /MESSAGE_CONTENT_INTENT：.*"true"/u],
    ['DISPLAY_SCRIPT', 'traditional', /DISPLAY_SCRIPT：.*"original"\|"simplified"/u],
  ])('%s=%s is refused with a Chinese message naming it and what it accepts', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(expect.objectContaining({ code: 'invalid-config' }));
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

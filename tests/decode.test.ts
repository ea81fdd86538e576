import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCorpusBytes } from '../src/corpus/decode.ts';

describe('decoding corpus files', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('快递暂行条例')]), { text: '快递暂行条例', encoding: 'utf-8' }],
    ['GBK', iconv.encode('国家邮政局关于快递进村的通知，要求各省邮政管理局加强监管。', 'gbk'), { text: '国家邮政局关于快递进村的通知，要求各省邮政管理局加强监管。', encoding: 'gb18030' }],
    ['Big5', iconv.encode('國家郵政局關於快遞進村的通知，要求各省郵政管理局加強監管。', 'big5'), { text: '國家郵政局關於快遞進村的通知，要求各省郵政管理局加強監管。', encoding: 'big5' }],
  ])('reads %s', (_name, bytes, expected) => {
    expect(decodeCorpusBytes(bytes)).toEqual(expected);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /为空/u],
    ['binary junk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /二进制/u],
  ])('refuses %s with a reason', (_name, bytes, reason) => {
    const result = decodeCorpusBytes(bytes);
    expect('error' in result && result.error).toMatch(reason);
  });
});

import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { text: string; encoding: string } | { error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Share of characters that are U+FFFD or C0 controls other than whitespace. */
function junkRatio(text: string): number {
  if (!text) return 0;
  const junk = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/gu)?.length ?? 0;
  return junk / text.length;
}

const FALLBACKS = ['gb18030', 'big5'] as const;

/**
 * Bytes of a corpus file → text. UTF-8 (BOM allowed) is expected; otherwise chardet names the
 * encoding among those Chinese sites still serve (GB18030/GBK, Big5). Binary files are refused.
 */
export function decodeCorpusBytes(bytes: Buffer): Decoded {
  if (bytes.length === 0) return { error: '文件为空' };
  if (bytes.subarray(0, 8192).includes(0)) return { error: '不是文本文件（含二进制内容）' };
  try {
    return { text: UTF8.decode(bytes).replace(/^\uFEFF/u, ''), encoding: 'utf-8' };
  } catch {
    const detected = chardet.detect(bytes)?.toLowerCase();
    const candidates = [...FALLBACKS].sort((a, b) => Number(b === detected) - Number(a === detected));
    for (const encoding of candidates) {
      const text = iconv.decode(bytes, encoding);
      if (junkRatio(text) < 0.001) return { text, encoding };
    }
    return { error: '无法识别的文本编码（请保存为 UTF-8）' };
  }
}

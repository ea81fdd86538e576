import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { type Decoded, decodeCorpusBytes } from '../decode.ts';
import { charsetOf } from './fetchPolicy.ts';

/** GBK pages use characters only GB18030 names; decoding as the superset loses none. */
const WIDER: Record<string, string> = { gbk: 'gb18030' };

/**
 * A fetched page's bytes → text. Bytes that are valid UTF-8 are UTF-8 whatever the page says
 * (Chinese sites often keep a stale `gb2312` label); otherwise the encoding the page declares (HTTP
 * header, BOM or `<meta charset>`, as browsers read them), else the one chardet recognises.
 */
export function decodeHtml(bytes: Buffer, contentType: string | undefined): Decoded {
  const detected = decodeCorpusBytes(bytes);
  if (!('error' in detected) && detected.encoding === 'utf-8') return detected;
  const declared = sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: charsetOf(contentType), defaultEncoding: 'UTF-8' }).toLowerCase();
  if (declared === 'utf-8' || !iconv.encodingExists(declared)) return detected;
  return { text: iconv.decode(bytes, WIDER[declared] ?? declared), encoding: declared };
}

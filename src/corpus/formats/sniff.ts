/** The document formats read besides plain text, named by what their bytes begin with. */
export type BinaryFormat = 'pdf' | 'docx' | 'doc';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

/** Formats refused with their name, so the message says what the file is rather than "binary". */
const REFUSED: [RegExp | Buffer, string][] = [
  [/^\{\\rtf/u, 'RTF'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), '图片（PNG）'],
  [Buffer.from([0xff, 0xd8, 0xff]), '图片（JPEG）'],
  [Buffer.from('GIF8', 'latin1'), '图片（GIF）'],
  [Buffer.from('II*\u0000', 'latin1'), '图片（TIFF）'],
  [Buffer.from('MM\u0000*', 'latin1'), '图片（TIFF）'],
];

/**
 * What a file is, from its bytes — never from its name or a declared content type, which a sender
 * controls. A PDF may carry up to 1 KB of junk before `%PDF-` (readers accept it); a .docx is a
 * ZIP holding `word/document.xml` (an .xlsx or .odt is a ZIP too); .doc (and .wps, .xls) are OLE2
 * containers, told apart only by the Word reader. `{ refused }` names a known format not read;
 * null means text or unknown bytes, left to the text decoder.
 */
export function sniffFormat(bytes: Buffer): BinaryFormat | { refused: string } | null {
  if (bytes.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (bytes.subarray(0, 4).equals(ZIP)) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    return bytes.includes('word/document.xml', 0, 'latin1') ? 'docx' : { refused: 'ZIP 压缩包（不是 Word .docx）' };
  }
  if (bytes.subarray(0, 8).equals(OLE2)) return 'doc';
  const head = bytes.subarray(0, 16);
  for (const [signature, name] of REFUSED) {
    if (signature instanceof RegExp ? signature.test(head.toString('latin1')) : head.subarray(0, signature.length).equals(signature)) return { refused: name };
  }
  return null;
}

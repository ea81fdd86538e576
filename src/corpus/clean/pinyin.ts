/**
 * Some sources gloss characters with their pinyin: 協(xié)會, 動態(tài). A gloss is a bracketed run of
 * lowercase pinyin letters (tone marks allowed) right after a Han character; it is dropped.
 * Bracketed words such as (建议版) or (Qwen) are not pinyin and stay.
 */
const GLOSS = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]/gu;

export function removePinyinGlosses(text: string): string {
  return text.replace(GLOSS, '');
}

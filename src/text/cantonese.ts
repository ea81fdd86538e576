/**
 * Questions typed in written Cantonese (速遞員收件嗰陣要我打開箱，我唔肯，佢係咪可以唔收？) read with
 * Mandarin's function words, which the question forms, the thesaurus and the statutes use: 唔 → 不,
 * 係咪 → 是不是, 幾耐 → 多久. Only a question showing Cantonese's own characters is read so, and only
 * its function words change: 關係 and 仲裁 in a Mandarin question stay as they are.
 */

/** Characters written Cantonese has and Mandarin does not use (佢, 唔, 嘅, 咗…). */
const CANTONESE = /[唔冇嘅佢咗嗰喺睇嚟攞畀咩嘢搵諗哋啲乜咁啱]|係咪|係唔係|幾耐|幾多/u;

/** Longest first: 係唔係 before 唔, 幾耐 before 幾. */
const MANDARIN: readonly (readonly [string | RegExp, string])[] = [
  ['係唔係', '是不是'],
  ['係咪', '是不是'],
  ['得唔得', '行不行'],
  ['可唔可以', '可不可以'],
  ['使唔使', '用不用'],
  ['有冇', '有没有'],
  // 等幾耐先有: Cantonese's 先 after a wait is Mandarin's 才.
  ['幾耐先', '多久才'],
  ['幾耐', '多久'],
  ['幾多', '多少'],
  ['幾時', '什么时候'],
  ['點樣', '怎样'],
  ['點算', '怎么办'],
  ['點處理', '怎么处理'],
  ['點解', '为什么'],
  ['乜嘢', '什么'],
  ['邊個', '谁'],
  ['邊度', '哪里'],
  ['咁樣', '这样'],
  ['咁', '这么'],
  ['佢哋', '他们'],
  ['我哋', '我们'],
  ['嗰陣', '那时'],
  ['嗰度', '那里'],
  ['唔見咗', '丢了'],
  ['唔啱', '不对'],
  ['唔', '不'],
  ['啱', '对'],
  // Not the 仲 of 仲裁 (arbitration).
  [/仲(?!裁)/gu, '还'],
  ['冇', '没有'],
  ['嘅', '的'],
  ['佢', '他'],
  ['咗', '了'],
  ['嗰', '那'],
  ['喺', '在'],
  ['俾', '给'],
  ['畀', '给'],
  ['睇', '看'],
  ['嚟', '来'],
  ['攞', '拿'],
  ['搵', '找'],
  ['諗', '想'],
  ['咩', '什么'],
  ['嘢', '东西'],
  ['啲', '些'],
  // Not the 係 of 關係 (a relation), which Cantonese writes too.
  [/(?<![關关聯联])係/gu, '是'],
];

export function readAsMandarin(question: string): string {
  if (!CANTONESE.test(question)) return question;
  return MANDARIN.reduce((text, [cantonese, mandarin]) => text.replaceAll(cantonese, mandarin), question);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdfTable } from '../src/text/idfTable.ts';
import { dictionaryPath } from '../src/text/jieba.ts';

/** The table as a Map, read the plain way (what IdfTable replaced). */
function mapOf(text: string): { idf: Map<string, number>; median: number } {
  const idf = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) idf.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const values = Float64Array.from(idf.values()).sort();
  return { idf, median: values[Math.floor(values.length / 2)] ?? 1 };
}

describe('the general IDF table', () => {
  it("reads jieba's idf.utf8 exactly as a Map of every line would: each word's value to the bit, the median, unknown words", () => {
    const text = readFileSync(dictionaryPath('DEFAULT_IDF_DICT'), 'utf8');
    const table = IdfTable.parse(text);
    const { idf, median } = mapOf(text);
    expect(idf.size).toBeGreaterThan(250_000);
    for (const [word, value] of idf) if (!Object.is(table.get(word), value)) expect([word, table.get(word)]).toEqual([word, value]);
    expect(table.median).toBe(median);
    for (const unknown of ['邮政快递业务经营许可证', '', ' ', 'x', '快']) expect(table.get(unknown)).toBe(idf.get(unknown));
  });

  it('reads odd lines as Number() does and lets the last line for a word win', () => {
    const text = '甲 1.5\n乙 2\n甲 3.25\n丙 1e2\n丁\n 9\n戊 0.1000000000000000055511151231257827\n己 \n庚 7.\n辛 12.5\r\n壬 -4\n癸 x';
    const table = IdfTable.parse(text);
    const { idf, median } = mapOf(text);
    expect(table.get('甲')).toBe(3.25);
    for (const word of ['甲', '乙', '丙', '丁', '', '戊', '己', '庚', '辛', '壬', '癸']) expect(table.get(word)).toEqual(idf.get(word));
    expect(table.median).toEqual(median);
  });
});

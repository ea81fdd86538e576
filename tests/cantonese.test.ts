import { describe, expect, it } from 'vitest';
import { readAsMandarin } from '../src/text/cantonese.ts';

describe('a question typed in written Cantonese', () => {
  it.each<[string, string]>([
    ['速遞員收件嗰陣要我打開箱俾佢睇，我唔肯，佢係咪可以唔收？', '速遞員收件那时要我打開箱给他看，我不肯，他是不是可以不收？'],
    ['國際郵件唔見咗，仲可以查幾耐？', '國際郵件丢了，还可以查多久？'],
    ['郵局查件要等幾耐先有結果？', '郵局查件要等多久才有結果？'],
    ['郵局可唔可以扣起我封信？有冇法例保障？', '郵局可不可以扣起我封信？有没有法例保障？'],
    // Its 關係 and 仲裁 keep their sense.
    ['佢同快遞公司有咩關係，要唔要仲裁', '他同快遞公司有什么關係，要不要仲裁'],
  ])('%s reads as %s', (question, mandarin) => {
    expect(readAsMandarin(question)).toBe(mandarin);
  });

  it('leaves a Mandarin question as typed, 係 and 仲 included', () => {
    for (const question of ['快遞公司跟我有關係嗎', '仲裁委員會怎麼申請', '快递丢了怎么赔？']) expect(readAsMandarin(question)).toBe(question);
  });
});

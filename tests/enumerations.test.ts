import { describe, expect, it } from 'vitest';
import { spellsOutSlogan } from '../src/answer/enumerations.ts';

describe('numbered slogans', () => {
  it.each([
    ['三个优先是什么', '优先处理已产生订单的寄递需求,优先包容新业态发展,优先做好政务寄递工作;', true],
    // Naming the slogan is not spelling it out.
    ['三个优先是什么', '着力做到“四个确保”“三个优先”和“一个梯度推进”。', false],
    ['两个确保指什么', '确保寄递渠道安全，确保服务不断。', true],
    // No count, no slogan.
    ['优先保障什么物资', '优先保障疫情防控物资寄递，优先投递。', false],
  ])('%s is spelled out by %s: %s', (question, sentence, spelled) => {
    expect(spellsOutSlogan(question, sentence)).toBe(spelled);
  });
});

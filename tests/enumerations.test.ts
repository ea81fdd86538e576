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
    // Counted in items: as many items listed right before its name.
    ['“三项制度”是哪三项', '严格执行100%收寄验视、100%实名收寄、100%过机安检“三项制度”，突出加强检查。', true],
    ['“三项制度”是哪三项', '严格落实“三项制度”；加强部门安全管理责任。', false],
    ['“三项制度”是哪三项', '落实值班、领导带班制度，严格执行“三项制度”。', false],
    // 十九大 is no slogan of nine.
    ['十九大期间寄递安保要求是什么', '做好十九大期间安保、值班、报告、检查、巡查、联络、协调、保障、督导工作。', false],
  ])('%s is spelled out by %s: %s', (question, sentence, spelled) => {
    expect(spellsOutSlogan(question, sentence)).toBe(spelled);
  });
});

import { describe, expect, it } from 'vitest';
import { enforcedArticles } from '../src/answer/penaltyLinks.ts';

describe('the articles a penalty provision enforces', () => {
  it.each([
    ['第四条 违反本条例第二条规定的，由邮政管理机构责令改正，可以处二千元以下的罚款。', ['第二条']],
    ['第五十九条 邮政企业违反本条例第十七条、第三十三条第二款的规定，不及时增设邮筒的，由邮政管理部门责令改正', ['第十七条', '第三十三条']],
    ['第三十五条 違反本條例第二十五條第一、二、三項規定的，由郵政管理部門根據其情節輕重，責令停止侵害', ['第二十五条']],
    // A breach of the rule as a whole cites nothing; an article quoted elsewhere is not a breach.
    ['第三十九条 邮政管理部门的工作人员违反本条例规定，有下列行为之一的，给予处分', []],
    ['第二十条 依照本条例第十二条的规定设置的信报箱，由产权人负责维护', []],
  ])('%s → %j', (text, articles) => {
    expect(enforcedArticles(text)).toEqual(articles);
  });
});

import { describe, expect, it } from 'vitest';
import { SlipReader, soundOf } from '../src/text/inputSlips.ts';

const reader = new SlipReader(['快递', '签收', '身份证', '挂号信', '邮车', '拒寄']);
const noWord = () => false;

describe('input-method slips', () => {
  it.each([
    ['寄快第要身份症吗', '寄快递要身份证吗'],
    ['郑州前收挂号包裹', '郑州签收挂号包裹'],
    // -ing typed for -in.
    ['挂号性丢了', '挂号信丢了'],
    // Another initial is another sound: 册 (ce) is no slip for 车 (che).
    ['集邮用什么样的邮册', '集邮用什么样的邮册'],
    // Two characters apart is another word, not a slip.
    ['筷第', '筷第'],
  ])('reads %s as %s', (typed, read) => {
    expect(reader.read(typed, noWord, [])).toBe(read);
  });

  it('leaves a word as typed, and never cuts into one (邮局寄 holds no 局寄 for 拒寄)', () => {
    expect(reader.read('前收', (stretch) => stretch === '前收', [])).toBe('前收');
    expect(reader.read('邮局寄的包裹', noWord, [[0, 2]])).toBe('邮局寄的包裹');
    expect(reader.read('邮局寄的包裹', noWord, [])).toBe('邮拒寄的包裹');
  });

  it('hears -ing as -in, and keeps initials apart', () => {
    expect(soundOf('挂号性')).toBe(soundOf('挂号信'));
    expect(soundOf('邮册')).not.toBe(soundOf('邮车'));
  });
});

import { CATALOGUE, mistakeOf } from '../../lambda/mistakes/catalogue';
import { RULES } from '../../lambda/mistakes/rules';
import type { MistakeNumber } from '../../lambda/report/report';

const NUMBERS: MistakeNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('the mistake catalogue', () => {
  it('holds the ten mistakes, each under its own number', () => {
    expect(Object.keys(CATALOGUE).map(Number)).toEqual(NUMBERS);
    for (const number of NUMBERS) expect(mistakeOf(number).number).toBe(number);
  });

  it.each([
    [1, 'Ignoring model complexity', 'urgent'],
    [2, 'Not tracking usage effectively', 'urgent'],
    [3, 'Skimping on fine-tuning', 'worth-doing'],
    [4, 'Misconfiguring API usage', 'urgent'],
    [5, 'Not considering regional pricing', 'other'],
    [6, 'Underestimating batch processing', 'worth-doing'],
    [7, 'Overlooking cloud cost management tools', 'other'],
    [8, 'Failing to assess SLAs', 'other'],
    [9, 'Neglecting data management costs', 'other'],
    [10, 'Ignoring model selection by task', 'worth-doing'],
  ] as const)('names mistake %i "%s" with priority %s', (number, title, priority) => {
    expect(mistakeOf(number)).toMatchObject({ title, priority });
  });

  it('gives every mistake its cost, what the bill shows, steps and AWS documentation', () => {
    for (const number of NUMBERS) {
      const mistake = mistakeOf(number);
      expect(mistake.costs.length).toBeGreaterThan(20);
      expect(mistake.billShows.length).toBeGreaterThan(20);
      expect(mistake.remediation.length).toBeGreaterThanOrEqual(2);
      expect(mistake.links.length).toBeLessThanOrEqual(2);
      for (const link of mistake.links) {
        expect(link.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[a-z0-9/-]+\.html$/);
      }
    }
  });

  it('lets at least one rule point to every mistake', () => {
    const reachable = new Set(RULES.map((rule) => rule.mistake));
    expect([...reachable].sort((a, b) => a - b)).toEqual(NUMBERS);
  });

  it('has every rule say the evidence it needs, under a unique name', () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.needs.length).toBeGreaterThan(30);
    }
  });
});

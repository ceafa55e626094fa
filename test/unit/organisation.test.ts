import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  indexOrganisation,
  parseOrganisation,
  resolveUnits,
} from '../../src/pipeline/derive/organisation.ts';

const ORG = `
bureaus:
  - name: 社会・援護局
    slug: social-welfare
    english: Social Welfare and War Victims' Relief Bureau
    within: null
    aliases: []
    divisions:
      - { name: 総務課, slug: general-affairs, english: null, aliases: [] }
      - { name: 保護課, slug: public-assistance, english: null, aliases: [] }
      - { name: 保護事業室, slug: public-assistance-programs, english: null, aliases: [保護課保護事業室] }
  - name: 障害保健福祉部
    slug: disability
    english: null
    within: social-welfare
    aliases: []
    divisions:
      - { name: 障害福祉課, slug: welfare-for-disabled, english: null, aliases: [] }
  - name: 老健局
    slug: elderly
    english: null
    within: null
    aliases: []
    divisions:
      - { name: 総務課, slug: general-affairs, english: null, aliases: [] }
      - { name: 高齢者支援課, slug: support-for-elderly, english: null, aliases: [高齡者支援課] }
`;

const parsed = parseOrganisation(ORG, 'org.yaml');
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const index = indexOrganisation(parsed.value);

describe('resolveUnits', () => {
  it('splits bureau and division, with 部 inside a 局', () => {
    expect(resolveUnits(index, '社会・援護局障害保健福祉部障害福祉課')).toEqual({
      units: [{ bureau: 'disability', division: 'welfare-for-disabled' }],
      unknown: [],
    });
  });

  it('finds the bureau of a division printed alone when only one bureau has it', () => {
    expect(resolveUnits(index, '障害福祉課').units).toEqual([
      { bureau: 'disability', division: 'welfare-for-disabled' },
    ]);
    expect(resolveUnits(index, '老健局高齡者支援課').units).toEqual([
      { bureau: 'elderly', division: 'support-for-elderly' },
    ]);
  });

  it('carries the bureau of an earlier part over to the next', () => {
    expect(resolveUnits(index, '社会・援護局保護課、保護事業室').units).toEqual([
      { bureau: 'social-welfare', division: 'public-assistance' },
      { bureau: 'social-welfare', division: 'public-assistance-programs' },
    ]);
  });

  it('leaves a division name two bureaus share unknown when printed alone, instead of guessing', () => {
    expect(resolveUnits(index, '総務課')).toEqual({ units: [], unknown: ['総務課'] });
    expect(resolveUnits(index, '老健局総務課').units).toEqual([
      { bureau: 'elderly', division: 'general-affairs' },
    ]);
  });

  it('accepts a bureau alone, full-width letters and leading debris, and reports what it cannot place', () => {
    expect(resolveUnits(index, '・老健局').units).toEqual([{ bureau: 'elderly', division: null }]);
    expect(resolveUnits(index, '老健局 未知の課')).toEqual({
      units: [],
      unknown: ['老健局 未知の課'],
    });
  });
});

describe('parseOrganisation', () => {
  it('refuses duplicate slugs and an unknown within, with lines', () => {
    const bad = ORG.replace('slug: elderly', 'slug: social-welfare').replace(
      'within: social-welfare',
      'within: nowhere',
    );
    const result = parseOrganisation(bad, 'org.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      'bureau slug "social-welfare" is used twice',
      'within: no bureau has the slug "nowhere"',
    ]);
    expect(result.problems.every((p) => typeof p.line === 'number')).toBe(true);
  });

  it('reads the curated file of the project', () => {
    const file = resolve(import.meta.dirname, '../../content/organisation.yaml');
    const result = parseOrganisation(readFileSync(file, 'utf8'), file);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

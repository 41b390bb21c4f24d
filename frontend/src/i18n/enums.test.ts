import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { en as webhooksEn, zhCN as webhooksZhCN } from '../pages/webhooks/texts';
import { en as workflowsEn, zhCN as workflowsZhCN } from '../pages/workflows/texts';
import { en as appEn } from './en';
import { zhCN as appZhCN } from './zh-CN';

// The app's labels, and those a page's chunk brings with it (its enums are shown nowhere else).
const en = { enums: { ...appEn.enums, ...webhooksEn.enums, ...workflowsEn.enums } };
const zhCN = { enums: { ...appZhCN.enums, ...webhooksZhCN.enums, ...workflowsZhCN.enums } };

// Every enum of the API, read from the SDL the app is typed from: a value the schema gains
// without a label in both languages fails here, before a user meets it raw.
const sdl = readFileSync(path.resolve(__dirname, '../../../schema.graphql'), 'utf8');
const enums = parse(sdl).definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION);

type Labels = Record<string, Record<string, string> | undefined>;

function missing(labels: Labels): string[] {
  return enums.flatMap((e) => (e.values ?? [])
    .map((v) => `${e.name.value}.${v.name.value}`)
    .filter((key) => {
      const [type, value] = key.split('.');
      const label = labels[type]?.[value];
      return typeof label !== 'string' || !label.trim();
    }));
}

describe('enum labels', () => {
  it('the schema has enums to check', () => {
    expect(enums.length).toBeGreaterThan(20);
    expect(enums.map((e) => e.name.value)).toContain('OrderStatus');
  });

  it('every enum value of the schema has a zh-CN label', () => {
    expect(missing(zhCN.enums as Labels)).toEqual([]);
  });

  it('every enum value of the schema has an English label', () => {
    expect(missing(en.enums as Labels)).toEqual([]);
  });

  it('a value without a label is reported (the check itself works)', () => {
    const partial = { ...(zhCN.enums as Labels), OrderStatus: { DRAFT: '草稿' } };
    expect(missing(partial)).toContain('OrderStatus.SHIPPED');
  });

  it('labels are the language of their file: no raw enum value stands as a Chinese label', () => {
    const raw = Object.entries(zhCN.enums as Labels).flatMap(([type, values]) => Object.entries(values ?? {})
      .filter(([value, label]) => label === value && !/^[A-D]$/.test(value)).map(([value]) => `${type}.${value}`));
    expect(raw).toEqual([]);
  });
});

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputs } from '../../src/pipeline/index.ts';
import { writeGenerated } from '../../src/pipeline/write/generated.ts';
import {
  checkGenerated,
  GENERATED,
  GENERATED_MDX_DIR,
  readGenerated,
  type GeneratedKey,
} from '../../src/schemas/generated.ts';
import { fixtureDocument } from '../fixtures/records.ts';

describe('the manifest of src/generated/', () => {
  const outputs = buildOutputs([fixtureDocument()]);

  it('is what the writer writes: one file per entry, and the MDX folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    writeGenerated(dir, outputs);
    const files = Object.values(GENERATED).map((g) => g.file);
    expect(readdirSync(dir).sort()).toEqual([...files, GENERATED_MDX_DIR].sort());
    for (const key of Object.keys(GENERATED) as GeneratedKey[])
      expect(() => readGenerated(dir, key)).not.toThrow();
    expect(readGenerated(dir, 'measures').map((m) => m.id)).toEqual(
      outputs.records.map((m) => m.id),
    );
  });

  it('refuses data that does not match its schema, naming the file and the field', () => {
    const measures = JSON.parse(outputs.generated.measures) as { amount: { yen: unknown } }[];
    measures[0]!.amount.yen = '12億円';
    expect(() => checkGenerated('measures', measures)).toThrow(
      /^measures\.json: 0\.amount\.yen: Expected number, received string/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    writeFileSync(
      join(dir, GENERATED.urls.file),
      JSON.stringify([{ id: 'x', path: '/measures/x/', status: 'lost' }]),
    );
    expect(() => readGenerated(dir, 'urls')).toThrow(/urls\.json: 0\.status: /);
    expect(() => readGenerated(dir, 'navigation')).toThrow(/navigation\.json is missing/);
  });

  it('refuses a field the schema does not know (the writer and the schema drifted apart)', () => {
    const nav = JSON.parse(outputs.generated.navigation) as Record<string, unknown>;
    expect(() => checkGenerated('navigation', { ...nav, extra: [] })).toThrow(
      /navigation\.json: \(root\): Unrecognized key/,
    );
  });
});

/** html-validate (.htmlvalidate.json: the recommended rules) on every page of the built site: no errors. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';

const { distRoot } = inject('site');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pages(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe('html-validate', () => {
  it('finds no error on any page', async () => {
    const config = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../.htmlvalidate.json'), 'utf8'),
    );
    const validator = new HtmlValidate(config);
    const files = pages(distRoot);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(
        readFileSync(file, 'utf8'),
        relative(distRoot, file),
      );
      for (const result of report.results)
        for (const m of result.messages)
          errors.push(`${result.filePath}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
    console.log(`html-validate: ${files.length} pages, ${errors.length} errors`);
    expect(errors.slice(0, 20)).toEqual([]);
  }, 120_000);
});

import { measureBody } from '/work/main/src/lib/mdx.ts';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
const hostile = [
  '{alert(1)}', '}', '{', '<script>alert(1)</script>', '<Foo bar={1} />', 'import x from "y"', 'export const a = 1', 'Import x', '  import y from "z"',
  '`code`', '```js', '<!-- c -->', '# h', '## h', '*a*', '_b_', '| a | b |', '|---|---|', '[l](http://x)', 'https://example.com/a_b', 'www.example.com', 'a@b.co',
  '~~s~~', '> q', '- li', '1. o', '1) o', '---', '===', '&amp;', '&#123;', '\\', '\\{', '$x$', ':::note', '[^1]', '<https://a.b>', '![i](x.png)', '****', 'a  ', '\t', '+ x', '    code'
];
const rec: any = { budget: {label:'L'}, amount: {kind:'none', yen:null, text:'', prior_yen:null, fund:null}, sections: { purpose: hostile.join('\n'), overview: hostile.map(h=>'○'+h).join('\n'), scheme: hostile.join('\n\n'), outcome: '' } };
const body = measureBody(rec);
console.log(body);
for (const plugins of [[], [remarkGfm]]) {
  const out = String(await compile(body, { remarkPlugins: plugins as any }));
  console.log('compiled ok', out.length);
}

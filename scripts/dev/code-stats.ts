/**
 * Size figures of the code, for notes on refactors (issue 13): the longest functions with their
 * branch counts, files over 300 lines and lines over 100 characters. Reads src/, scripts/ and
 * test/ (not src/generated/); .astro files count their lines, their frontmatter's functions too.
 *
 *   npx tsx scripts/dev/code-stats.ts [--most N]
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const most = Number(process.argv[process.argv.indexOf('--most') + 1]) || 10;
const files = execFileSync('git', ['ls-files', 'src', 'scripts', 'test', 'astro.config.mjs'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (f) =>
      /\.(ts|mjs|astro|css)$/.test(f) &&
      !f.startsWith('src/generated/') &&
      !f.startsWith('test/fixtures/'),
  );

interface Fn {
  where: string;
  name: string;
  lines: number;
  branches: number;
}
const fns: Fn[] = [];
const longFiles: Array<[string, number]> = [];
let longLines = 0;
let longest = 0;
let longestAt = '';

/** A node that makes a branch: if, ?:, case, a loop, catch, && || ?? */
function isBranch(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.CatchClause:
      return true;
    case ts.SyntaxKind.BinaryExpression: {
      const op = (node as ts.BinaryExpression).operatorToken.kind;
      return (
        op === ts.SyntaxKind.AmpersandAmpersandToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken
      );
    }
    default:
      return false;
  }
}

function fnName(node: ts.Node): string {
  const named = node as ts.FunctionDeclaration;
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return '(anonymous)';
}

function scan(file: string, code: string, lineOffset: number): void {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      let branches = 0;
      const count = (n: ts.Node): void => {
        // Branches of nested functions count for those functions.
        if (n !== node && ts.isFunctionLike(n)) return;
        if (isBranch(n)) branches++;
        ts.forEachChild(n, count);
      };
      count(node);
      fns.push({
        where: `${file}:${start + 1 + lineOffset}`,
        name: fnName(node),
        lines: end - start + 1,
        branches,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > 300) longFiles.push([file, lines.length]);
  lines.forEach((line, i) => {
    const width = [...line].length;
    if (width > 100) longLines++;
    if (width > longest) {
      longest = width;
      longestAt = `${file}:${i + 1}`;
    }
  });
  if (file.endsWith('.astro')) {
    const match = /^---\n([\s\S]*?)\n---/.exec(text);
    if (match?.[1] !== undefined) scan(file, match[1], 1);
  } else if (!file.endsWith('.css')) scan(file, text, 0);
}

fns.sort((a, b) => b.lines - a.lines || a.where.localeCompare(b.where));
console.log(`files read: ${files.length}`);
console.log(`\nlongest functions (lines, branches):`);
for (const f of fns.slice(0, most))
  console.log(
    `  ${String(f.lines).padStart(4)} ${String(f.branches).padStart(4)}  ${f.name}  ${f.where}`,
  );
const byBranches = [...fns].sort(
  (a, b) => b.branches - a.branches || a.where.localeCompare(b.where),
);
console.log(`\nmost branches (branches, lines):`);
for (const f of byBranches.slice(0, most))
  console.log(
    `  ${String(f.branches).padStart(4)} ${String(f.lines).padStart(4)}  ${f.name}  ${f.where}`,
  );
console.log(`\nfunctions over 60 lines: ${fns.filter((f) => f.lines > 60).length}`);
longFiles.sort((a, b) => b[1] - a[1]);
console.log(`files over 300 lines: ${longFiles.length}`);
for (const [f, n] of longFiles) console.log(`  ${String(n).padStart(5)}  ${f}`);
console.log(`lines over 100 characters: ${longLines} (longest ${longest}, ${longestAt})`);

/**
 * Budget-amount lines ("anchors"): a budget label of the document
 * (e.g. 令和６年度補正予算案, 令和7年度概算要求額) followed by a figure,
 * 制度要求, …の内数, or by nothing with the figure on the next line(s).
 * Every anchor becomes a measure; label occurrences that are mentions in a
 * sentence are returned separately so the build summary can list them.
 */
import type { Budget } from '../../types.ts';
import { parseAmountExpression, FIGURE_SOURCE, type ParsedAmount } from '../rules/amounts.ts';
import { foldWidth, stripSpaces } from '../../../lib/normalise.ts';

export interface Anchor {
  /** 0-based line of the label. */
  line: number;
  /** 0-based line where the figure was read (same as line unless it was split). */
  figureLine: number;
  budget: Budget;
  amount: ParsedAmount;
  /** Text printed before the label on the same line (a title, a group label …). */
  prefix: string;
  /** For a table row naming several projects: the project name of this column. */
  columnTitle: string | null;
  /**
   * How the label sits: alone at a line start, inside brackets, after a slash,
   * in a table; `absent`: the page prints no amount at all (find-unpriced.ts).
   */
  placement: 'line' | 'inline' | 'bracketed' | 'table' | 'absent';
}

export interface LabelMention {
  line: number;
  text: string;
}

function labelPattern(label: string): RegExp {
  const chars = [...foldWidth(label)].filter((c) => !/\s/u.test(c));
  return new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'gu');
}

/** Words that show a label is being talked about, not introducing an amount. */
const MENTION_AFTER = /^(?:の|に|で|は|を|が|と|へ|から|まで|等|など|における|において)/u;

/** The first non-blank line after `from`, looking at most `max` lines ahead (blank lines are layout gaps). */
function lookAhead(
  lines: readonly string[],
  from: number,
  max = 4,
): { text: string; line: number } | null {
  for (let j = from; j < lines.length && j < from + max; j++) {
    if (lines[j]!.trim() !== '') return { text: lines[j]!, line: j };
  }
  return null;
}

export interface AnchorScan {
  anchors: Anchor[];
  mentions: LabelMention[];
}

export function findAnchors(lines: readonly string[], budgets: readonly Budget[]): AnchorScan {
  const anchors: Anchor[] = [];
  const mentions: LabelMention[] = [];
  const patterns = budgets.map((b) => ({
    budget: b,
    re: labelPattern(b.label),
    compact: stripSpaces(foldWidth(b.label)),
  }));
  const taken = new Set<number>();

  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    const raw = lines[i]!;
    const folded = foldWidth(raw);
    for (const { budget, re, compact } of patterns) {
      re.lastIndex = 0;
      let m = re.exec(folded);
      let joinedNext = false;
      let rawAfter = '';
      let prefix = '';
      const labelLine = i;
      if (m) {
        prefix = raw.slice(0, m.index);
        rawAfter = raw.slice(m.index + m[0].length);
      } else {
        // label broken over two lines: 令和３年度補正 / 予算案：６７億円
        const tail = stripSpaces(folded);
        const next = lookAhead(lines, i + 1);
        if (!next) continue;
        const nextFolded = foldWidth(next.text);
        const nextCompact = stripSpaces(nextFolded);
        let split = -1;
        for (let k = compact.length - 1; k >= 4; k--) {
          if (tail.endsWith(compact.slice(0, k)) && nextCompact.startsWith(compact.slice(k))) {
            split = k;
            break;
          }
        }
        if (split < 0) continue;
        const restRe = labelPattern(compact.slice(split));
        const mm = new RegExp('^\\s*' + restRe.source, 'u').exec(nextFolded);
        if (!mm) continue;
        const headRe = labelPattern(compact.slice(0, split));
        const hm = headRe.exec(folded);
        prefix = hm ? raw.slice(0, hm.index) : '';
        rawAfter = next.text.slice(mm[0].length);
        taken.add(next.line);
        joinedNext = true;
        m = mm;
      }

      const before = foldWidth(prefix).trimEnd();
      const placement: Anchor['placement'] = /[(（]$/u.test(before)
        ? 'bracketed'
        : /[／/|]\s*$/u.test(before) || /^\s*\|/u.test(raw)
          ? 'inline'
          : 'line';
      if (
        MENTION_AFTER.test(foldWidth(rawAfter)) ||
        (/[)）]/u.test(foldWidth(rawAfter).trimStart().slice(0, 1)) && placement !== 'bracketed')
      ) {
        mentions.push({ line: labelLine + 1, text: raw.trim() });
        break;
      }
      const withPrior = budget.kind === 'request' || budget.kind === 'initial';
      const afterClean = rawAfter.replace(/^[\s)）]*/u, (s) =>
        placement === 'bracketed' ? '' : s,
      );

      // a table row: label \t names \t figures \t priors
      const cells = raw.split('\t').map((c) => c.trim());
      if (cells.length >= 3 && labelPattern(budget.label).test(foldWidth(cells[0]!))) {
        const names = cells[1]!.split(/\s+/u).filter(Boolean);
        const figs =
          foldWidth(cells[2]!).match(new RegExp(`${FIGURE_SOURCE}(?:の内数)?`, 'gu')) ?? [];
        const priors =
          (cells[3] ?? '')
            .replace(/※[^()（）]*?(?=[(（]|$)/gu, ' ')
            .match(/[(（][^()（）]*[)）]/gu) ?? [];
        if (names.length === figs.length && names.length > 1) {
          names.forEach((name, k) => {
            const amount = parseAmountExpression(`${figs[k]} ${priors[k] ?? ''}`, withPrior)!;
            anchors.push({
              line: i,
              figureLine: i,
              budget,
              amount,
              prefix: '',
              columnTitle: name,
              placement: 'table',
            });
          });
          break;
        }
      }

      let amount = parseAmountExpression(afterClean, withPrior);
      let figureLine = joinedNext ? i + 1 : i;
      if (!amount && foldWidth(afterClean).replace(/[\s:：】\]※]/gu, '').length === 0) {
        // label alone: the figure is on one of the next lines
        const next = lookAhead(lines, i + 1);
        if (next) {
          const cand = next.text.replace(/\|.*$/u, '');
          const parsed = parseAmountExpression(cand, withPrior);
          if (
            parsed &&
            foldWidth(next.text)
              .trim()
              .search(/[約\d制]/u) === 0
          ) {
            amount = parsed;
            figureLine = next.line;
            taken.add(next.line);
          }
        }
        if (!amount) {
          amount = { kind: 'none', yen: null, prior_yen: null, fund: null, text: '' };
        }
      }
      if (!amount) {
        mentions.push({ line: i + 1, text: raw.trim() });
        break;
      }
      if (!joinedNext && figureLine === i && amount.text) {
        const at = rawAfter.indexOf(amount.text);
        const labelStart = prefix.length;
        const labelEnd = raw.length - rawAfter.length;
        if (at >= 0)
          amount = {
            ...amount,
            text: raw.slice(labelStart, labelEnd + at + amount.text.length).trim(),
          };
      }
      anchors.push({
        line: i,
        figureLine,
        budget,
        amount,
        prefix: prefix.trim(),
        columnTitle: null,
        placement,
      });
      break;
    }
  }
  return { anchors, mentions };
}

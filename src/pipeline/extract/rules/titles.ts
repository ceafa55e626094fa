/**
 * Title handling: which printed lines look like a measure's name, how a
 * `施策名：` label reads, and how a trailing parenthesised sub-name splits off.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import { isBureauLine } from './bureau.ts';
import { hasExtension } from './extension.ts';
import { COMMON_HEADINGS, readHeadings } from './headings.ts';
import { readNameLabel as readLabel } from './name-label.ts';
import { joinLetterSpaced, tidy } from './text.ts';

/** `施策名：…` (the label may stand alone with the name missing). */
export function readNameLabel(line: string): string | null {
  return readLabel(line, tidy);
}

const TITLE_ENDINGS =
  /(事業|推進|支援|整備|強化|確保|構築|改修|について|対応|対策|システム|等|経費|助成金|概要|引上げ|促進|開発|調査|研究|交付金|基金|補助金|体制|計画|センター|プロジェクト|モデル|[①-⑳]|分[)）])$/u;

const NOT_TITLE_START =
  /^[○◯●・※➢▶■□◆◇＜<→⇒\-－ー―・「（(【〔[|]|^[ア-ン]\s|^\d+[.)）\s]|^[①-⑳ⅰ-ⅹⅠ-Ⅹ]/u;

/**
 * Score how much a printed line looks like a measure title (higher = more);
 * `null` when it cannot be one.
 */
export function titleScore(line: string): number | null {
  const raw = joinLetterSpaced(tidy(line));
  const t = foldWidth(raw);
  const core = t.replace(/^【(.*)】$/u, '$1');
  if (core.length < 6 || core.length > 80) return null;
  if (/[。]/u.test(core) || /[、,]$/u.test(core)) return null;
  // a name may open with a quoted word: 「女性の健康」ナショナルセンター機能の構築・運営事業
  const quoted = /^「[^」]{1,20}」\S/u.test(t);
  if (NOT_TITLE_START.test(t) && !/^【[^○◯].*】$/u.test(t) && !quoted) return null;
  if (readHeadings(raw, COMMON_HEADINGS) || isBureauLine(raw) || hasExtension(raw)) return null;
  if (/予算|億円|百万円|千円|万円|内線|施策名|閣議決定|令和\d+年\d+月/u.test(core)) return null;
  if (/[:：]/u.test(core.replace(/[（(][^()（）]*[)）]$/u, ''))) return null; // `実施主体：国` is a field, not a name
  if (/[をにがはでのと]$/u.test(core)) return null; // a sentence broken mid-way
  if (/^[\x20-\x7e]+$/u.test(core)) return null; // latin-only labels
  if (/(?:イメージ|イメージ図|概念図|[（(]イメージ[)）])$/u.test(core)) return null; // a figure's caption: 登園管理システムのイメージ
  const spaces = (core.match(/\s/gu) ?? []).length;
  if (spaces > 2) return null;
  if (/^(また|さらに|なお|この|その|加えて|具体的|一方)/u.test(core)) return null; // a sentence, not a name
  let score = 0;
  if (/(がある|である|ている|となる|できる|ない)\s*(等)?$/u.test(core)) score -= 3; // a predicate, not a noun phrase
  if (core.length < 8) score -= 1;
  if (TITLE_ENDINGS.test(core.replace(/[（(][^)）]*[)）]$/u, '').replace(/（新規）$/u, '')))
    score += 3;
  if (/事業$/u.test(core)) score += 1; // the canonical ending of a measure name
  if (core.length >= 10) score += 1;
  if ((core.match(/、/gu) ?? []).length >= 3) score -= 1;
  return score;
}

/** Printed title decoration that is not part of the name. */
export function cleanTitle(s: string): { title: string; tags: string[] } {
  const tags: string[] = [];
  let t = joinLetterSpaced(tidy(s))
    .replace(/^【(.*)】$/u, '$1')
    .trim();
  // a programme label printed before the name: 医薬品プロジェクト 創薬支援推進事業
  t = t.replace(/^\S+プロジェクト\s+(?=\S)/u, '');
  // a space inside Japanese text is a line-break artefact; between latin words it is real
  t = t.replace(/(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/gu, '');
  t = t.replace(OVERVIEW_PAGE, '');
  const badge = /[（(【＜<]\s*(新規|拡充)\s*[)）】＞>]\s*$/u.exec(t);
  if (badge) {
    tags.push(badge[1]!);
    t = t.slice(0, badge.index).trim();
  }
  return { title: t, tags };
}

/**
 * Split a trailing parenthesised sub-name: `診療報酬改定DX（施設基準の届出の電子化推進）`
 * → title + subtitle. Short qualifiers (`（市町村分）`, `（医療分）`, `（仮称）`) stay in the title.
 */
export function splitSubtitle(title: string): { title: string; subtitle: string | null } {
  const m = /^(.+?)\s*[（(]([^()（）]*(?:[（(][^()（）]*[)）][^()（）]*)*)[)）]$/u.exec(title);
  if (!m) return { title, subtitle: null };
  const inner = m[2]!.trim();
  if (inner.length < 6 || /分$|仮称$/u.test(inner) || m[1]!.length < 4 || !isSubName(inner))
    return { title, subtitle: null };
  return { title: m[1]!.trim(), subtitle: inner };
}

/**
 * A sub-name printed on its own line: `（生産性向上・職場環境整備等事業）` or `－…－`.
 * Not a sub-name: an extension number `（内線2871）`, a figure, a division, a note.
 */
export function readSubtitleLine(line: string): string | null {
  const t = tidy(line);
  const m = /^[（(](.+)[)）]$/u.exec(t) ?? /^[－\-―ー](.+)[－\-―ー]$/u.exec(t);
  if (!m) return null;
  const inner = m[1]!.trim();
  return isSubName(inner) ? inner : null;
}

/** Can this bracketed text be a measure's sub-name? Not an extension, figure, division or note. */
export function isSubName(inner: string): boolean {
  const t = foldWidth(inner).trim();
  if (/[内內]線|^[\d、,・\s]+$|円|[。]|^※|^うち/u.test(t)) return false;
  return !isBureauLine(t, false);
}

/** A page that gives a package's whole picture: `…の推進（全体像）`. The marker is not part of the name. */
export const OVERVIEW_PAGE = /\s*[（(]全体像[)）]\s*$/u;

/**
 * A name broken over two lines (`施策名：…都道府県・市町村の` / `認知症施策推進計画の策定支援事業`):
 * does `line` end before its name does?
 */
export function breaksOff(line: string): boolean {
  return /(?:の|を|に|と|や|へ|・|、|及び|並びに|又は|における|に係る|に関する|のための|ための)$/u.test(
    tidy(line),
  );
}

/** Words that end a budget item rather than a measure's name: `介護保険事業費補助金`, `…事業費`. */
const BUDGET_ITEM = /(?:補助金|事業費|交付金|負担金|委託費|経費)$/u;

/**
 * A name printed with its budget item after a space (`認知症施策推進計画の策定支援事業 介護保険事業費補助金`):
 * the name alone.
 */
export function dropBudgetItem(name: string): string {
  const parts = tidy(name).split(/\s+/u);
  if (
    parts.length === 2 &&
    BUDGET_ITEM.test(parts[1]!) &&
    !BUDGET_ITEM.test(parts[0]!) &&
    titleScore(parts[0]!) !== null
  )
    return parts[0]!;
  return name;
}

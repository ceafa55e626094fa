/**
 * Layout debris: lines the PDF prints on a measure's page that belong to no
 * section — page numbers, running headers, the responsible division with its
 * extension number, group labels shared by several pages, the check-mark
 * table of `② 対策の柱との関係`, amount notes, diagram captions, and the labels
 * of diagram boxes and arrows. Each convention is one named predicate over
 * one printed line.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import { isDivisionLine } from './bureau.ts';
import { EXTENSION_ONLY } from './extension.ts';
import { NAME_LABEL } from './name-label.ts';
import { tidy } from './text.ts';

export { isDivisionLine };

/** A page number alone: `2`, `１０８`. */
export const PAGE_NUMBER = /^\s*\d{1,3}\s*$/u;

/** Markdown table rules and separators: `|---|---|`, `- | | |`. */
export const TABLE_RULE = /^[-|:\s]+$/u;

/** `※()内は前年度当初予算額`: the request's note on its prior-year figures. */
export const PRIOR_NOTE = /^※\s*[(（]\s*[)）]\s*内は前年度当初予算額$/u;

/** The check-mark table of `② 対策の柱との関係`: `Ⅰ Ⅱ Ⅲ`, `○ ○`. */
export const CHECK_MARKS = /^[\sⅠ-Ⅻ○◯〇]+$/u;

/** A group label shared by several pages: `【○医療分野の生産性向上…】` (its start, when it runs onto a second line). */
export const GROUP_LABEL = /^【\s*[○◯]/u;

/** A group label, or a catch line above a group of measures: `【○…】`, `▶…`, `➢…`, `○…の推進`. */
export function isGroupLabel(line: string): boolean {
  const t = tidy(line);
  return /^【[○◯].*】$/u.test(t) || /^[▶➢➤○◯■]/u.test(t);
}

/** Running headers: `【計数整理の結果、異同を生ずることがある。】`. */
export const RUNNING_HEADER = /^【計数整理の結果/u;

/**
 * Where the money is booked: `※一般会計 1.9億円`, `※労働特会（雇） 4.4億円`, `※デジタル庁計上分`,
 * `計上所管：厚生労働省` (the ministry whose budget carries it, alone or with its value).
 */
export const ACCOUNT_NOTE =
  /^※\s*(?:一般会計|特別会計|[^\s]{0,6}特会|デジタル庁(?:一括)?計上)|^計上所管\s*[:：]\s*[^\s。]{0,12}$/u;

/**
 * A budget figure printed as a note of the amount block: another year's
 * amount (`※令和5年度補正予算額27億円`, `（参考）令和３年度予算額 ７３９億円`) or a
 * second funding row with the prior-year note (`… 1.2億円 (0.9億円) ※()内は前年度当初予算額`).
 */
export const AMOUNT_NOTE =
  /^(?:※|[（(]参考[)）])\s*(?:令和|平成)\s*\d+\s*年度.{0,12}予算額?\s*[:：]?\s*[\d,.]+\s*(?:兆|億|百万|千万|万|千)?円[^。]{0,20}$|[\d,.]+\s*(?:兆|億|百万|千万|万|千)?円\s*[(（][^)）]*[)）]\s*※\s*[(（]\s*[)）]\s*内は前年度当初予算額/u;

/** A diagram caption: `（施策のスキーム図の例）`, `（施策のスキーム図）`, `研究スキーム`, `実施体制`, `登園管理システムのイメージ`, `＜サイトイメージ＞`. */
export const DIAGRAM_CAPTION =
  /^[（(]?(?:施策の)?スキーム図(?:の例)?[）)]?$|^(?:研究|事業)スキーム$|^実施体制$|^[（(]?イメージ[）)]?$|^[^。、:：]{2,30}の(?:イメージ|イメージ図|概念図)$|^[＜<（(](?:サイト)?イメージ[＞>）)]$/u;

/** A table-of-contents line: a heading, dot leaders and a page number (`Ⅳ.医療・介護ＤＸ等の推進・・・・・59`). */
export const CONTENTS_LINE = /[・･…．.]{4,}\s*\d{1,3}$/u;

/** The one-line forms above: never section text. */
export function isDebrisLine(line: string): boolean {
  const t = foldWidth(line).trim();
  if (t === '') return false;
  return (
    PAGE_NUMBER.test(t) ||
    CONTENTS_LINE.test(t) ||
    TABLE_RULE.test(t) ||
    PRIOR_NOTE.test(t) ||
    CHECK_MARKS.test(t) ||
    EXTENSION_ONLY.test(t) ||
    RUNNING_HEADER.test(t) ||
    ACCOUNT_NOTE.test(t) ||
    AMOUNT_NOTE.test(t) ||
    DIAGRAM_CAPTION.test(t.replace(/\s+/gu, '')) ||
    NAME_LABEL.test(t)
  );
}

/**
 * Words that name the boxes of a scheme diagram: the ministry, local
 * governments, providers, bodies.
 */
const BOX_NAMES =
  '厚生労働省|厚労省|国|都道府県|指定都市|中核市|市町村|市区町村|特別区|自治体|地方公共団体|医療機関|事業者|事業所|民間事業者|民間団体|団体|施設|法人|研究者|委託先|補助先|受託者|国民|住民|患者|利用者|家族|企業|支払基金|国保中央会|本部|センター|協議会';
const BOX_WORD = new RegExp(`(?:${BOX_NAMES}|等|・|、|\\/|／)+`, 'gu');
/** One box name, or a list of them (`厚生労働省`, `都道府県、指定都市、中核市`, `民間団体等`). */
const BOX_NAME_LIST = new RegExp(`^(?:${BOX_NAMES})等?(?:[、・／/](?:${BOX_NAMES})等?)*$`, 'u');

/** A line that is one diagram box's label: one name or one list of names (`厚生労働省`, `都道府県、市町村`). */
export function isBoxName(line: string): boolean {
  return BOX_NAME_LIST.test(foldWidth(line).trim());
}

/**
 * A row of diagram box labels: several box names side by side, spaced or
 * glued (`都 道 府 県厚 生 労 働 省 医 療 機 関`, `国 研究者等`, `民 間 事 業 者`).
 * One name or one list of names printed as it is written (`厚生労働省`,
 * `都道府県、市町村`) is a diagram's label saying who: it stays in the text.
 */
export function isBoxRow(line: string): boolean {
  const raw = foldWidth(line).trim();
  const t = raw.replace(/\s+/gu, '');
  if ([...t].length < 1 || [...t].length > 40) return false;
  return t.replace(BOX_WORD, '') === '' && !BOX_NAME_LIST.test(raw);
}

/**
 * A numbered step label of a flow diagram, wherever it is printed:
 * `Ⅱ 交付決定`, `①申請（計画提出）`, `② 交付決定、補助金交付`, `③ 実績報告書を提出`,
 * `⑥二次審査、決定` (a numbered flow verb, nothing else).
 */
export const FLOW_STEP_LABEL =
  /^[Ⅰ-Ⅻ①-⑳]\s*[^\s。]{0,8}(?:交付|申請|決定|報告|確定|支払|請求|提出|採択|助成)[^\s。]{0,8}$/u;

export function isFlowStepLabel(line: string): boolean {
  return FLOW_STEP_LABEL.test(foldWidth(line).trim().replace(/\s+/gu, ''));
}

/**
 * A numbered step of a flow diagram: `Ⅱ 交付決定`, `①申請（計画提出）`,
 * `③採択、交付決定④助成`, `Ⅲ 実績報告、`. Short, no sentence.
 */
export function isFlowStep(line: string): boolean {
  const t = foldWidth(line).trim();
  return (
    /^[Ⅰ-Ⅻ①-⑳]\s*[^。]{1,14}$/u.test(t) &&
    !/[。：:]/u.test(t) &&
    [...t.replace(/\s+/gu, '')].length <= 16
  );
}

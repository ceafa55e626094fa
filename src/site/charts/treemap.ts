/**
 * The treemap of a budget: budget → package → measure, area = amount. Only
 * `own` amounts count; a package's area is its sub-measures plus, where the
 * package is larger, the part its sub-measures do not itemise — so nothing
 * is counted twice and 内数 or no-figure measures never appear.
 */
import { hierarchy, treemap, treemapSquarify } from 'd3';
import { formatYen } from '../../lib/format.ts';
import type { MeasureRecord } from '../../schemas/measure.ts';
import {
  countedOwn,
  hasOwnAmount,
  indexRecords,
  type RecordIndex,
} from '../../pipeline/derive/totals.ts';
import { colour } from './palette.ts';
import { textWidth, wrapLabel } from './labels.ts';

export interface TreeNode {
  name: string;
  /** Measure id; null for a group or the unitemised rest of a package. */
  id: string | null;
  value?: number;
  children?: TreeNode[];
}

/** A measure with an area: an own amount above zero. */
const hasArea = (r: MeasureRecord) => hasOwnAmount(r) && r.amount.yen > 0;

/** The tree of one document's measures, grouped by budget label (its top level: derive/totals.ts). */
export function budgetTree(
  name: string,
  records: readonly MeasureRecord[],
  byId: RecordIndex = indexRecords(records),
): TreeNode {
  const node = (r: MeasureRecord): TreeNode => {
    const kids = r.children
      .map((id) => byId.get(id))
      .filter((c): c is MeasureRecord => c !== undefined && hasArea(c));
    if (kids.length === 0) return { name: r.name, id: r.id, value: r.amount.yen! };
    const children = kids.map(node);
    const itemised = children.reduce((s, c) => s + total(c), 0);
    // items that add up to more than the package prints (rounded figures) are not drawn inside
    // it: the package is one cell at its printed amount, so that the chart's whole is the
    // document's one total (its items are listed on the package's page)
    if (itemised > r.amount.yen!) return { name: r.name, id: r.id, value: r.amount.yen! };
    const rest = r.amount.yen! - itemised;
    if (rest > 0)
      children.push({ name: `${r.name}（内訳の示されていない分）`, id: null, value: rest });
    return { name: r.name, id: r.id, children };
  };
  // the document's top level: a part of a package is drawn inside it, whatever its label
  const top = countedOwn(records, byId).filter(hasArea);
  const labels = [...new Set(records.map((r) => r.budget.label))];
  const groups = labels
    .map((label) => ({
      name: label,
      id: null,
      children: top.filter((r) => r.budget.label === label).map(node),
    }))
    .filter((g) => g.children.length > 0);
  return { name, id: null, children: groups };
}

/** Sum of the leaf values below a node. */
export function total(n: TreeNode): number {
  return n.children ? n.children.reduce((s, c) => s + total(c), 0) : (n.value ?? 0);
}

export interface TreemapCell {
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
  id: string | null;
  value: number;
  /** Package (top-level measure) the cell belongs to, for its colour. */
  group: string;
  fill: string;
  /** Label lines (name, then amount) when they fit the cell, else null. */
  label: string[] | null;
}

export interface TreemapLayout {
  width: number;
  height: number;
  cells: TreemapCell[];
  total: number;
}

export const TREEMAP_FONT = 12;
/**
 * The treemap's box, in SVG units: drawn 100 % wide up to 36rem (components.css), a
 * 12-unit label is about 10 px on a 320 px phone and at most about 17 px.
 */
export const TREEMAP_BOX = { width: 400, height: 360 } as const;

/** Lay the tree out in a width × height box; label the cells the text fits in. */
export function layoutTreemap(
  tree: TreeNode,
  width: number,
  height: number,
  phrases: (s: string) => string[],
): TreemapLayout {
  const root = hierarchy<TreeNode>(tree, (d) => d.children)
    .sum((d) => (d.children ? 0 : (d.value ?? 0)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.data.name < b.data.name ? -1 : 1));
  treemap<TreeNode>()
    .tile(treemapSquarify)
    .size([width, height])
    .paddingInner(1)
    .paddingOuter(0)
    .round(true)(root);
  const packages = root.children?.flatMap((g) => g.children ?? []) ?? [];
  const cells = root.leaves().map((leaf) => {
    const l = leaf as typeof leaf & { x0: number; y0: number; x1: number; y1: number };
    const pkg = leaf.ancestors().find((a) => a.depth === 2) ?? leaf;
    const w = l.x1 - l.x0;
    const h = l.y1 - l.y0;
    const amount = formatYen(leaf.value ?? 0);
    const pad = 4;
    const maxLines = Math.floor((h - pad * 2) / (TREEMAP_FONT * 1.25)) - 1;
    const nameLines =
      maxLines >= 1
        ? wrapLabel(leaf.data.name, {
            maxWidth: w - pad * 2,
            fontSize: TREEMAP_FONT,
            maxLines,
            phrases,
            ellipsis: true,
          })
        : null;
    const fits = nameLines !== null && textWidth(amount, TREEMAP_FONT) <= w - pad * 2;
    return {
      x: l.x0,
      y: l.y0,
      w,
      h,
      name: leaf.data.name,
      id: leaf.data.id,
      value: leaf.value ?? 0,
      group: pkg.data.name,
      fill: colour(packages.indexOf(pkg)),
      label: fits ? [...nameLines!, amount] : null,
    };
  });
  return { width, height, cells, total: root.value ?? 0 };
}

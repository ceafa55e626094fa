/**
 * Where a document comes from, as every page citing it says: the original's URL with the date a
 * person checked it, and the publication date — each only once recorded in the document's
 * metadata (never guessed), else said to be unrecorded.
 */
import type { DocumentSummary } from '../schemas/document-summary.ts';
import { formatDate } from '../lib/format.ts';

/** What a page says when a document's original URL is not recorded yet. */
export const NO_URL = '原資料のURLは未登録です。';

/** What the source-text page says when the text keeps no page breaks. */
export const NO_PAGES =
  'このテキストにはPDFのページ区切りが残っていないため、ページは数えていません。各施策の出典と引用では、テキストの行番号で場所を示しています。';

/** How the page numbers of the 出典 are counted (the source-text page explains it at #pages). */
export const PAGES_NOTE =
  'ページは、PDFから取り出したテキストのページ区切りから数えたものです。行頭が1字下げの行と、ページ番号だけの行の次の行を、新しいページの始まりとしています。図の中の文字が1字下げで始まるとページを多く数えることがあり、PDFのページ番号と数ページずれることがあります。';

/** A document's original and its dates, as the 出典 of its pages shows them. */
export function provenanceOf(doc: DocumentSummary | undefined) {
  return {
    url: doc?.meta.url ?? null,
    urlChecked: doc?.meta.url_checked ? formatDate(doc.meta.url_checked) : null,
    published: doc?.meta.date ? formatDate(doc.meta.date) : null,
  };
}

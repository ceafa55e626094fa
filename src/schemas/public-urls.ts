/**
 * dist/data/urls.json, the published URL contract: every measure id ever published, with its
 * path, status and where it leads (src/site/publish-files.ts writes it). Each field's meaning
 * is its `.describe(doc(…))`, published in /data/schema/urls.schema.json and on /data/.
 */
import { z } from 'astro/zod';
import { doc } from './describe.ts';
import { urlStatusSchema } from './url-entry.ts';

const path = z.string().startsWith('/');

/** One id in urls.json. */
export const publicUrlSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .describe(
        doc(
          '施策のID（一度公開したIDは変わらず、使い回されない）',
          'The measure id (a published id never changes and is never reused).',
        ),
      ),
    status: urlStatusSchema.describe(
      doc(
        'live（現在の資料にある施策のページ）、moved（統合・改名されたID。redirect_to へ転送）、gone（資料から外れた施策。お知らせのページ）',
        'live (the measure is in the current documents), moved (merged or renamed: the URL redirects to redirect_to) or gone (no longer in the documents: the URL shows a notice).',
      ),
    ),
    path: path.describe(
      doc(
        'そのIDのページのパス（ベースパスを含む）。例: /measures/r6-hosei-001/',
        "Path of the id's page on the host, with the base, e.g. /measures/r6-hosei-001/.",
      ),
    ),
    url: z
      .string()
      .url()
      .optional()
      .describe(
        doc(
          'そのIDのページの完全なURL。サイトの公開アドレスが設定されているときだけ',
          "Absolute URL of the id's page; only when the site has a public address.",
        ),
      ),
    title: z
      .string()
      .describe(
        doc(
          '施策の名前（gone、moved では最後に公開したときの名前）',
          'The title (gone, moved: the title last published).',
        ),
      ),
    document: z
      .string()
      .describe(doc('そのIDが属する原資料のID', 'The source document id the id belongs to.')),
    redirect_to: path
      .nullable()
      .describe(
        doc(
          'moved のとき、転送先のページのパス（移動をすべてたどった先）。ほかは null',
          'moved: the path the page redirects to, after following every move; null otherwise.',
        ),
      ),
    successor: path
      .nullable()
      .describe(
        doc(
          'gone のとき、代わりとなる施策のページのパス（わかっている場合）。ほかは null',
          'gone: the path of the measure that replaces it, when one is known; null otherwise.',
        ),
      ),
  })
  .strict();
export type PublicUrl = z.infer<typeof publicUrlSchema>;

/** The whole of urls.json. */
export const publicUrlsSchema = z
  .object({
    site: z
      .string()
      .url()
      .nullable()
      .describe(
        doc(
          'サイトの公開アドレス（ベースパスを含む）。設定されていなければ null',
          "The site's public address, with its base path; null when none is configured.",
        ),
      ),
    base: path.describe(
      doc(
        'サイトを置く場所のベースパス（/ または /budget/ など）',
        'The base path the site is served under (/ or a path such as /budget/).',
      ),
    ),
    statuses: z
      .object({
        live: z.string().describe(doc('live の意味（英語）', 'What live means.')),
        moved: z.string().describe(doc('moved の意味（英語）', 'What moved means.')),
        gone: z.string().describe(doc('gone の意味（英語）', 'What gone means.')),
      })
      .strict()
      .describe(doc('各 status の意味の説明（英語）', 'What each status means, in words.')),
    ids: z
      .array(publicUrlSchema)
      .describe(doc('これまでに公開したすべてのID', 'Every id ever published.')),
  })
  .strict();
export type PublicUrls = z.infer<typeof publicUrlsSchema>;

// The sticky pull request comment: found by its hidden marker and updated in place, never duplicated.
import type { GitHub } from './client.js';

export interface StickyCommentOptions {
  github: GitHub;
  owner: string;
  repo: string;
  issueNumber: number;
  /** The hidden marker the body starts with. */
  marker: string;
  body: string;
  /** Login of the token's identity (`github-actions[bot]`, `<app-slug>[bot]`): only its comments are adopted. */
  author: string;
}

/** The login a GitHub App's token writes comments as (the workflow token: `github-actions[bot]`). */
export function botLogin(appSlug: string | undefined): string {
  return `${appSlug ?? 'github-actions'}[bot]`;
}

const PER_PAGE = 100;
const MAX_PAGES = 30;

/** Creates the comment, or updates ours: the first with the marker written by the same identity (anyone can copy it). */
export async function upsertStickyComment(o: StickyCommentOptions): Promise<'created' | 'updated'> {
  const where = { owner: o.owner, repo: o.repo };
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...where,
      issue_number: o.issueNumber,
      per_page: PER_PAGE,
      page,
    });
    const ours = data.find((c) => c.user?.login === o.author && c.body?.includes(o.marker));
    if (ours) {
      await o.github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...where,
        comment_id: ours.id,
        body: o.body,
      });
      return 'updated';
    }
    if (data.length < PER_PAGE) break;
  }
  await o.github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...where,
    issue_number: o.issueNumber,
    body: o.body,
  });
  return 'created';
}

// Finds the relative links of Markdown files that lead nowhere: a missing file or folder, or a `#fragment` that no
// heading (GitHub's slugs) or explicit `<a id>` of the target Markdown file defines. Links in code are not links.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import GithubSlugger from 'github-slugger';
import { lexer, walkTokens, type Token } from 'marked';

export interface BrokenLink {
  file: string;
  line: number;
  href: string;
  why: string;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i; // https:, mailto:, …
const HTML_TARGET = /\b(?:href|src)\s*=\s*"([^"]*)"/gi;
const HTML_ANCHOR = /<a\s[^>]*\b(?:id|name)\s*=\s*"([^"]+)"/gi;

/** Every link and image target of a Markdown text, with HTML `href`/`src` attributes, in document order. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  void walkTokens(lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') targets.push((token as Token & { href: string }).href);
    if (token.type === 'html') for (const m of token.raw.matchAll(HTML_TARGET)) targets.push(m[1] ?? '');
  });
  return targets;
}

/** The fragments a Markdown text defines: GitHub's heading slugs (with -1, -2 for repeats) and `<a id>`/`<a name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  void walkTokens(lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText(token.tokens ?? [])));
    if (token.type === 'html') for (const m of token.raw.matchAll(HTML_ANCHOR)) anchors.add(m[1] ?? '');
  });
  return anchors;
}

/** What GitHub slugs a heading from: its text without Markdown syntax (code spans keep their content). */
function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return plainText(t.tokens);
      return t.type === 'html' ? '' : 'text' in t ? String(t.text) : '';
    })
    .join('');
}

/** The broken relative links of one Markdown file; `root` only shortens the names in the report. */
export function brokenLinks(file: string, root: string): BrokenLink[] {
  const markdown = readFileSync(file, 'utf8');
  const broken: BrokenLink[] = [];
  for (const href of linkTargets(markdown)) {
    const why = whyBroken(file, markdown, href);
    if (why) broken.push({ file: relative(root, file), line: lineOf(markdown, href), href, why });
  }
  return broken;
}

function whyBroken(file: string, markdown: string, href: string): string | undefined {
  if (EXTERNAL.test(href) || href.startsWith('//')) return undefined;
  const [pathPart = '', fragment] = href.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const target = path === '' ? file : resolve(dirname(file), path);
  if (!existsSync(target)) return `no such file or folder: ${path}`;
  if (fragment === undefined || fragment === '') return undefined;
  if (statSync(target).isDirectory() || !target.endsWith('.md')) return undefined; // a folder, or a file GitHub shows with line anchors (#L10)
  const anchors = target === file ? anchorsOf(markdown) : anchorsOf(readFileSync(target, 'utf8'));
  return anchors.has(decodeURIComponent(fragment))
    ? undefined
    : `no heading #${fragment} in ${path === '' ? 'this file' : path}`;
}

function lineOf(markdown: string, href: string): number {
  const at = markdown.indexOf(`(${href}`);
  const index = at >= 0 ? at : markdown.indexOf(href);
  return markdown.slice(0, Math.max(index, 0)).split('\n').length;
}

/** The Markdown files whose links are checked: README.md, CONTRIBUTING.md and docs/*.md. */
export function documentationFiles(root: string): string[] {
  const docs = join(root, 'docs');
  const pages = readdirSync(docs).filter((name) => name.endsWith('.md'));
  return [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), ...pages.sort().map((name) => join(docs, name))];
}

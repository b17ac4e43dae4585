// Renders Markdown the way GitHub shows a job summary or a check run: GitHub Flavored Markdown (marked), GitHub's
// Markdown styles (github-markdown-css) and Mermaid 11 for ```mermaid blocks, in Debian's Chromium, headless.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { marked } from 'marked';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, removed on close. */
export async function openBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'sagemaker-train-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1012, height: 800 },
    deviceScaleFactor: 1,
    offline: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GFM to HTML, with ```mermaid blocks left as sources for Mermaid (as GitHub does). */
export function markdownToHtml(markdown: string): string {
  const renderer = new marked.Renderer();
  const code = renderer.code.bind(renderer);
  renderer.code = (token) =>
    token.lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(token.text)}</pre>` : code(token);
  return marked.parse(markdown, { gfm: true, async: false, renderer });
}

export interface RenderedChart {
  /** Mermaid's diagram type (`xychart`), or `error` for its error picture. */
  kind: string | null;
  width: number;
  height: number;
  /** Stroke colours of the plotted lines. */
  lineColours: string[];
}

export interface Rendered {
  page: Page;
  charts: RenderedChart[];
  /** Mermaid's exceptions, one per diagram it could not render. */
  errors: string[];
}

/** Fills a page with the Markdown (and an optional header, such as the checks box) and renders its charts. */
export async function renderMarkdown(
  browser: Browser,
  markdown: string,
  options: { header?: string; width?: number } = {},
): Promise<Rendered> {
  const css = await readFile(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  const page = await browser.context.newPage();
  // A short viewport: full-page screenshots are then as tall as the content, no taller.
  await page.setViewportSize({ width: options.width ?? 1012, height: 100 });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}
      body { margin: 0; background: #fff; }
      .markdown-body { box-sizing: border-box; max-width: 980px; padding: 24px 32px; }
      ${HEADER_CSS}</style></head>
      <body>${options.header ?? ''}<article class="markdown-body">${markdownToHtml(markdown)}</article></body></html>`,
  );
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  // In-page code as text: it runs in the browser, not in this program (whose types have no DOM).
  const errors = await page.evaluate<string[]>(`(async () => {
    const failures = [];
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    await mermaid.run({ querySelector: 'pre.mermaid' }).catch((err) => failures.push(String(err)));
    return failures;
  })()`);
  const charts = await page.evaluate<
    RenderedChart[]
  >(`Array.from(document.querySelectorAll('pre.mermaid svg'), (svg) => {
    const box = svg.getBoundingClientRect();
    const colours = Array.from(svg.querySelectorAll('[class*="line-plot"] path'), (p) =>
      (p.getAttribute('stroke') || getComputedStyle(p).stroke).toLowerCase());
    return {
      kind: svg.getAttribute('aria-roledescription'),
      width: Math.round(box.width),
      height: Math.round(box.height),
      lineColours: [...new Set(colours)],
    };
  })`);
  return { page, charts, errors };
}

/** GitHub's merge box row: icon, check name, then the title after a dash, cut with an ellipsis where it overflows. */
const HEADER_CSS = `
  .checks-box { font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
    margin: 24px 32px 0; border: 1px solid #d1d9e0; border-radius: 6px; max-width: 916px; }
  .checks-row { display: flex; align-items: center; gap: 8px; padding: 8px 16px; }
  .checks-text { width: var(--text-width); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: #59636e; }
  .checks-text strong { color: #1f2328; }
  .checks-badge { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; color: #59636e; }
  .checks-details { margin-left: auto; color: #0969da; }`;

/**
 * The row of a pull request's checks box, as wide as the text gets on a 1280-pixel-wide window next to the
 * "Required" badge and the "Details" link (about 600 pixels).
 */
export function checksBoxRow(checkName: string, title: string, conclusion: 'success' | 'failure'): string {
  const icon = conclusion === 'success' ? '✅' : '❌';
  return `<div class="checks-box"><div class="checks-row" style="--text-width: ${CHECKS_TEXT_WIDTH}px">
    <span>${icon}</span><span class="checks-text" id="check-title"><strong>${escapeHtml(checkName)}</strong> — ${escapeHtml(title)}</span>
    <span class="checks-badge">Required</span><a class="checks-details">Details</a></div></div>`;
}

export const CHECKS_TEXT_WIDTH = 600;

/** True when the checks row shows its whole text, without an ellipsis. */
export async function checksRowFits(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    `(() => { const el = document.getElementById('check-title'); return el.scrollWidth <= el.clientWidth; })()`,
  );
}

/** The text of the first element that matches the selector ('' when none does). */
export async function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate<string>(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return el ? el.textContent : ''; })()`,
  );
}

// The reports as a reviewer sees them: the job summary and the check run's output of a passing, a gate-failing and a
// training-failing run, rendered in Debian's Chromium with GitHub's Markdown styles and Mermaid 11. Fails when a chart
// does not render, when the check shows Mermaid source, or when a title does not fit the checks box.
// SCREENSHOTS=1 (scripts/screenshots.mjs) also writes the pictures under docs/images/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECK_TITLE_VISIBLE_CHARS, LINE_COLOURS } from '../../src/report/index.js';
import {
  checksBoxRow,
  checksRowFits,
  openBrowser,
  renderMarkdown,
  textOf,
  type Browser,
  type Rendered,
} from '../helpers/github-render.js';
import { page, PAGE_NAMES, type PageName } from './pages.js';

const IMAGES = join(import.meta.dirname, '../../docs/images');
const SCREENSHOTS = process.env.SCREENSHOTS === '1';
const CHECK_NAME = 'sagemaker-training';
const CHARTS: Record<PageName, number> = { passing: 2, 'gate-failing': 2, 'training-failing': 0 };

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
  if (SCREENSHOTS) await mkdir(IMAGES, { recursive: true });
}, 60_000);
afterAll(async () => browser?.close());

async function shoot(rendered: Rendered, file: string): Promise<void> {
  if (SCREENSHOTS) await rendered.page.screenshot({ path: join(IMAGES, file), fullPage: true });
  await rendered.page.close();
}

describe.each(PAGE_NAMES)('the %s run', (name) => {
  const { summary, check } = page(name);

  it('job summary: every chart renders as an xychart of about 640×300 with strong line colours', async () => {
    const rendered = await renderMarkdown(browser, summary);
    expect(rendered.errors).toEqual([]);
    expect(rendered.charts).toHaveLength(CHARTS[name]);
    for (const chart of rendered.charts) {
      expect(chart.kind).toBe('xychart');
      expect(chart.width).toBeLessThanOrEqual(660);
      expect(chart.height).toBeLessThanOrEqual(320);
      // The default theme's first colour is #ececff, near-white on white.
      expect(chart.lineColours[0]).toBe(LINE_COLOURS.series);
      expect(chart.lineColours).not.toContain('#ececff');
    }
    // The verdict is the first thing on the page.
    const first = await textOf(rendered.page, '.markdown-body > :first-child');
    expect(first).toMatch(/^(✅ Gate passed|❌ Gate failed|❌ Training failed)/);
    await shoot(rendered, `report-${name}-summary.png`);
  });

  it('check run: a title that fits the checks box, and no Mermaid source to read raw', async () => {
    expect(check.title.length).toBeLessThanOrEqual(CHECK_TITLE_VISIBLE_CHARS);
    const conclusion = name === 'passing' ? 'success' : 'failure';
    const rendered = await renderMarkdown(browser, check.summary, {
      header: checksBoxRow(CHECK_NAME, check.title, conclusion),
    });
    expect(await checksRowFits(rendered.page)).toBe(true);
    expect(rendered.charts).toEqual([]);
    const text = await textOf(rendered.page, '.markdown-body');
    expect(text).not.toContain('xychart-beta');
    if (CHARTS[name] > 0) expect(text).toContain('are in the job summary');
    await shoot(rendered, `report-${name}-check.png`);
  });
});

describe('the rendering test itself', () => {
  it('notices a chart Mermaid cannot draw', async () => {
    const rendered = await renderMarkdown(browser, '```mermaid\nxychart-beta\n  line [0.1, oops\n```\n');
    const drawn = rendered.charts.filter((c) => c.kind === 'xychart');
    expect(rendered.errors.length + rendered.charts.filter((c) => c.kind === 'error').length).toBeGreaterThan(0);
    expect(drawn).toEqual([]);
    await rendered.page.close();
  });

  it('notices a title the checks box cuts', async () => {
    const long = `Gate failed · accuracy 0.72 (−0.2333 vs main, below threshold 0.9, regressed by 0.2333 (allowed 0.01))`;
    const rendered = await renderMarkdown(browser, 'x', { header: checksBoxRow(CHECK_NAME, long, 'failure') });
    expect(await checksRowFits(rendered.page)).toBe(false);
    await rendered.page.close();
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CalibrationChart, CategoryBars, ProductBars, TimelineChart } from '../../../src/app/progress/charts';
import { HeadlineFigures, ProgressCharts } from '../../../src/app/progress/ProgressOverview';
import type { ProgressSummary } from '../../../src/domain/progress';

const summary: ProgressSummary = {
  attempts: 12,
  accuracy: 0.75,
  tellsFoundRate: 0.5,
  meanBrier: 0.1834,
  timeline: [
    { day: '2025-03-03', attempts: 5, accuracy: 0.6, tellsFoundRate: null },
    { day: '2025-03-04', attempts: 7, accuracy: 0.857, tellsFoundRate: 0.5 },
  ],
  byProduct: [
    { productId: 'watch-1', productName: 'Diver watch', attempts: 8, accuracy: 0.75, tellsFoundRate: 0.5, mastery: 0.71 },
    { productId: 'bag-1', productName: 'Tote bag', attempts: 4, accuracy: 0.5, tellsFoundRate: null, mastery: 0.42 },
  ],
  byCategory: [
    { category: 'logo-typography', observations: 6, successRate: 0.5, mastery: 0.55 },
    { category: 'safety-compliance-mark', observations: 3, successRate: 1, mastery: 0.8 },
  ],
  calibration: [
    { from: 0.5, to: 0.6, count: 2, meanConfidence: 0.55, accuracy: 0.5 },
    { from: 0.6, to: 0.7, count: 0, meanConfidence: null, accuracy: null },
    { from: 0.7, to: 0.8, count: 0, meanConfidence: null, accuracy: null },
    { from: 0.8, to: 0.9, count: 4, meanConfidence: 0.85, accuracy: 0.75 },
    { from: 0.9, to: 1, count: 3, meanConfidence: 0.95, accuracy: 1 },
  ],
  practiseNext: [],
};

/** The rows of the visually hidden table, as text per cell. */
function tableRows(html: string): string[][] {
  const table = /<table class="visually-hidden">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!),
  );
}
const canvasLabel = (html: string) => /<canvas role="img"[^>]*aria-label="([^"]*)"/.exec(html)?.[1];

describe('the progress charts', () => {
  it('draws the timeline in a figure with a captioned, labelled canvas and a table of the same numbers', () => {
    const html = renderToStaticMarkup(<TimelineChart points={summary.timeline} />);
    expect(html).toMatch(/^<figure class="chart"><figcaption>/);
    expect(canvasLabel(html)).toBe('Daily results over 2 days, 3 Mar to 4 Mar. Latest day: 7 drills, accuracy 86%, tells found 50%.');
    expect(tableRows(html)).toEqual([
      ['Day', 'Drills answered', 'Accuracy', 'Tells found'],
      ['3 Mar 2025', '5', '60%', '—'],
      ['4 Mar 2025', '7', '86%', '50%'],
    ]);
  });

  it('lists mastery per product with drills answered', () => {
    const html = renderToStaticMarkup(<ProductBars products={summary.byProduct} />);
    expect(canvasLabel(html)).toBe('Mastery for 2 products. Highest: Diver watch, 71%. Lowest: Tote bag, 42%.');
    expect(tableRows(html)[2]).toEqual(['Tote bag', '42%', '4', '50%', '—']);
  });

  it('names tell categories by their human label', () => {
    const html = renderToStaticMarkup(<CategoryBars categories={summary.byCategory} />);
    expect(tableRows(html).map((r) => r[0])).toEqual(['Tell category', 'Logo &amp; type', 'Safety mark']);
    expect(canvasLabel(html)).toContain('Highest: Safety mark, 80%');
  });

  it('shows calibration per band with the mean Brier score in the caption', () => {
    const html = renderToStaticMarkup(<CalibrationChart bins={summary.calibration} meanBrier={summary.meanBrier} />);
    expect(html).toContain('<strong>0.183</strong> (0 is perfect, 0.25 is a coin toss)');
    expect(canvasLabel(html)).toContain('Said 80–90%: right 75% of 4 calls');
    expect(canvasLabel(html)).not.toContain('60–70%');
    expect(tableRows(html)).toHaveLength(6);
    expect(tableRows(html)[2]).toEqual(['60–70%', '0', '—', '—']);
  });

  it('says there is nothing to draw rather than drawing an empty chart', () => {
    const empty = renderToStaticMarkup(<ProgressCharts summary={{ ...summary, timeline: [], byProduct: [], byCategory: [], calibration: [] }} />);
    expect(empty).not.toContain('<canvas');
    expect(empty).not.toContain('<table');
    expect(empty).toContain('No drills answered yet.');
    expect(empty).toContain('No calls with a stated confidence yet.');
  });

  it('draws all four charts for a summary, with its headline figures', () => {
    expect(renderToStaticMarkup(<ProgressCharts summary={summary} />).match(/<canvas role="img"/g)).toHaveLength(4);
    const figures = renderToStaticMarkup(<HeadlineFigures summary={summary} label="Your figures" />);
    for (const text of ['Drills answered', '>12<', '>75%<', '>50%<', '>0.183<']) expect(figures).toContain(text);
  });
});

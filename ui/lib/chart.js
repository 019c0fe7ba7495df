// Charts of our own, drawn as SVG from plain numbers: bars with a label under each, coloured
// from CSS (both themes), and the same numbers as a table for screen readers.

import { h, svgNode } from './dom.js';

/**
 * A bar chart of `bars` ({ value, label, title, mark, dot, attrs }: `mark` draws the bar in the
 * accent, `dot` (0 to 10, optional) a point over it on a 0–10 scale, `attrs` go on the bar's
 * group), as an <svg> hidden from screen readers plus a visually hidden <table> of `caption`,
 * `headers` and each bar's `cells`.
 */
export function barChart(bars, { caption, headers, cells }) {
  const width = 320;
  const height = 140;
  const top = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height + 18}`, class: 'chart', 'aria-hidden': 'true' },
    svgNode('line', { x1: 0, y1: height, x2: width, y2: height, class: 'axis' }),
    ...bars.map((bar, i) => {
      const tall = Math.round((bar.value / top) * (height - 14));
      const x = i * step + step * 0.15;
      return svgNode('g', { ...bar.attrs },
        svgNode('title', {}, bar.title),
        svgNode('rect', { x, y: height - tall, width: step * 0.7, height: Math.max(tall, bar.value > 0 ? 2 : 0), rx: 2, class: bar.mark ? 'bar mark' : 'bar' }),
        svgNode('text', { x: x + step * 0.35, y: height + 13, class: 'label', 'text-anchor': 'middle' }, bar.label),
        ...(bar.dot === undefined ? [] : [svgNode('circle', {
          cx: x + step * 0.35, cy: height - 4 - (bar.dot / 10) * (height - 14), r: 4, class: 'dot',
        })]));
    }));
  // The table sits in a clipped box: a table itself is not clipped, and would widen the page.
  const table = h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, cells.map((row) => h('tr', {}, row.map((text) => h('td', {}, text))))));
  return [svg, h('div', { class: 'visually-hidden' }, table)];
}

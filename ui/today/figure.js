// An exercise's line drawing: an <svg> built from its pose in poses.js. No fixed colours: the
// body is currentColor and the floor, props, far limbs and arrows take their colour from CSS.

import { svgNode } from '../lib/dom.js';
import { POSES } from './poses.js';

const FLOOR = 72;

const r1 = (n) => Math.round(n * 10) / 10;
const ring = (x, y, r) => `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/** Path data for each prop, from the pose and the prop's numbers. */
const PROPS = {
  wall: (p, x) => `M${x} ${FLOOR}V6`,
  // A step, a door's jamb, a wall seen face on.
  box: (p, x1, top, x2) => `M${x1} ${FLOOR}V${top}H${x2}V${FLOOR}`,
  // Anchored on a wall or door at (x, y), to each hand.
  band: (p, x, y) => `M${x} ${FLOOR}V6${[p.a, p.A].map((arm) => (arm ? `M${x} ${y}L${arm.slice(-2)}` : '')).join('')}`,
  // Its handle's top at (x, y), in the hands.
  kettlebell: (p, x, y) => `M${x - 3} ${y + 4}V${y}H${x + 3}V${y + 4}${ring(x, y + 8, 5)}`,
  roller: (p, x, y, r) => ring(x, y, r),
};

/** Path data for an arrow along the curve [x1, y1, cx, cy, x2, y2], headed at both ends when a 7th number is 1. */
function arrow([x1, y1, cx, cy, x2, y2, both]) {
  // Two 3.5-long strokes, 30° either side of the curve's direction at its end.
  const head = (x, y, fx, fy) => {
    const len = Math.hypot(x - fx, y - fy) || 1;
    const [ux, uy] = [(x - fx) / len, (y - fy) / len];
    const side = (k) => `${r1(x - 3.5 * (ux * 0.87 - k * uy * 0.5))} ${r1(y - 3.5 * (uy * 0.87 + k * ux * 0.5))}`;
    return `M${side(1)}L${x} ${y}L${side(-1)}`;
  };
  return `M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}` + head(x2, y2, cx, cy) + (both ? head(x1, y1, cx, cy) : '');
}

/** Where a pose's drawing begins, a margin above its highest point: every drawing keeps one
 * scale and the floor, and a lying one is not drawn under a band of empty sky. */
function top(pose) {
  const ys = [pose.h[1] - 5, pose.s[1], pose.p[1]];
  for (const limb of [pose.a, pose.A, pose.l, pose.L]) if (limb) ys.push(limb[1], limb[3]);
  for (const m of pose.m ?? []) ys.push(m[1], m[3], m[5]);
  const prop = pose.x;
  if (prop) ys.push({ wall: 6, band: 6, box: prop[2], kettlebell: prop[2], roller: prop[2] - prop[3] }[prop[0]] ?? 0);
  return Math.max(0, Math.floor(Math.min(...ys) - 6));
}

/**
 * The line drawing of exercise `id` in its key position, as an <svg role="img"> labelled with
 * `name`; null when the exercise has no drawing.
 */
export function figure(id, name) {
  const pose = POSES[id];
  if (!pose) return null;
  const svg = svgNode('svg', {
    viewBox: `0 ${top(pose)} 120 ${80 - top(pose)}`, class: 'figure', role: 'img', 'aria-label': `${name}: a drawing of the position`,
    'data-testid': 'exercise-figure', 'data-exercise-id': id, fill: 'none', stroke: 'currentColor',
    'stroke-width': 3.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
  });
  const { h, s, p, c, F } = pose;
  // A limb runs from its joint through [x1, y1, x2, y2]. Seen from the front (F), both sides are
  // as near as each other, and shoulders and hips have a width: the limbs start beside the spine.
  const len = Math.hypot(s[0] - p[0], s[1] - p[1]);
  const beside = ([x, y], w) => `${r1(x - ((s[1] - p[1]) / len) * w)} ${r1(y + ((s[0] - p[0]) / len) * w)} `;
  const limb = (from, to, w) => (to ? `M${from}L${F ? beside(from, w) : ''}${to}` : '');
  const near = limb(s, pose.a, 4.5) + limb(p, pose.l, 2.5), far = limb(s, pose.A, -4.5) + limb(p, pose.L, -2.5);
  const spine = c ? `M${p}Q${c} ${s}` : `M${p}L${s}`;
  svg.append(...[
    svgNode('path', { class: 'floor', d: `M4 ${FLOOR}H116`, 'stroke-width': 1.5 }),
    pose.x && svgNode('path', { class: 'prop', d: PROPS[pose.x[0]](pose, ...pose.x.slice(1)), 'stroke-width': 2 }),
    far && !F && svgNode('path', { class: 'far', d: far }),
    svgNode('path', { d: `${spine}L${h}${near}${F ? far : ''}` }),
    svgNode('circle', { cx: h[0], cy: h[1], r: 4.8, fill: 'currentColor', stroke: 'none' }),
    pose.m && svgNode('path', { class: 'motion', d: pose.m.map(arrow).join(''), 'stroke-width': 1.6 }),
  ].filter(Boolean));
  return svg;
}

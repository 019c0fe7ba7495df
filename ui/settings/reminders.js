// Reminder settings (times, the evening nudge, shoe prompts, the notification permission),
// the self-check with its test notification and the start at login, and, on Today, the note
// about a reminder missed while the app was closed.

import { $, act, h } from '../lib/dom.js';
import * as api from '../lib/api.js';

const form = $('reminder-form');
const list = $('reminder-times');
const error = $('reminder-error');
const status = $('notification-status');
const next = $('next-reminder');
const missed = $('reminder-missed');
const off = $('notifications-off');
const checkLines = $('reminder-check-lines');
const checkError = $('reminder-check-error');
const autostart = $('settings-autostart');

const PERMISSION = {
  granted: 'Notifications are allowed.',
  denied: 'Notifications are turned off for Backstride: reminders only show inside the app.',
  prompt: 'Backstride will ask to show notifications when you turn reminders on.',
};

const hhmm = (time) => time.slice(0, 5);
const clock = (iso) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const when = (iso) => new Intl.DateTimeFormat(undefined, {
  weekday: 'long', hour: '2-digit', minute: '2-digit',
}).format(new Date(iso));

function timeRow(value, first) {
  return h('li', { class: 'time-row' },
    h('input', {
      type: 'time', value, required: true, 'aria-label': 'Reminder time',
      'data-testid': first ? 'settings-reminder-time' : 'reminder-time',
    }),
    h('button', { type: 'button', class: 'ghost', 'aria-label': `Remove the ${value} reminder`, onclick: (e) => {
      e.target.closest('li').remove();
      save();
    } }, 'Remove'));
}

function fill(view) {
  const { settings } = view;
  list.replaceChildren(...settings.times.map((t, i) => timeRow(hhmm(t), i === 0)));
  form.elements.eveningOn.checked = settings.evening !== null;
  if (settings.evening) form.elements.evening.value = hhmm(settings.evening);
  form.elements.evening.disabled = settings.evening === null;
  form.elements.shoePrompts.checked = settings.shoePrompts;
  status.textContent = PERMISSION[view.permission];
  // Where the phone allows only inexact alarms, the time is the earliest a reminder comes.
  const around = view.exact === false ? 'around ' : '';
  next.textContent = view.upcoming.length > 0 ? `Next: ${around}${when(view.upcoming[0].at)}.` : 'No reminder is coming up.';
  showToday(view);
}

/** Shows on Today a reminder missed while the app was closed, and blocked notifications. */
function showToday(view) {
  const last = view.missed[view.missed.length - 1];
  missed.hidden = !last;
  if (last) missed.textContent = `Your ${clock(last.at)} reminder came while Backstride was closed: ${last.body}.`;
  off.hidden = view.permission !== 'denied';
}

function showCheck(view) {
  checkLines.replaceChildren(...view.lines.map((line) => h('li', {
    class: line.ok ? 'check-line' : 'check-line problem', 'data-kind': line.kind, 'data-ok': String(line.ok),
  }, h('span', {}, line.text), line.fix ? h('span', { class: 'hint' }, line.fix) : null)));
  $('autostart-row').hidden = view.autostart === null;
  autostart.checked = view.autostart === true;
}

/** Runs the self-check: what stands in the way of reminders on this device. */
export function check() {
  return act(api.checkReminders(), checkError, showCheck);
}

/** Loads the reminder settings into the form and Today's notes. */
export async function load() {
  fill(await api.reminders());
}

function save() {
  const times = [...list.querySelectorAll('input[type=time]')].map((input) => input.value).filter(Boolean);
  const evening = form.elements.eveningOn.checked ? form.elements.evening.value : null;
  return act(api.saveReminders(times, evening, form.elements.shoePrompts.checked), error, (view) => {
    fill(view);
    check();
  });
}

/** Wires the reminder form, once. */
export function init() {
  $('reminder-add').addEventListener('click', () => {
    list.append(timeRow('18:00', list.children.length === 0));
    save();
  });
  form.addEventListener('change', () => {
    form.elements.evening.disabled = !form.elements.eveningOn.checked;
    save();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  $('reminder-test').addEventListener('click', () => act(api.sendTestNotification(), checkError, showCheck));
  autostart.addEventListener('change', () => act(api.setAutostart(autostart.checked), checkError, showCheck));
}

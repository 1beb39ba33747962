// Small helpers every view shares: building elements, money and time in words, showing problems by their field.

/** h('button', { class: 'button', onclick: fn }, 'Text', child) — attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Minor units in words: money(15000, 'USD') is "150.00 USD"; also takes { amount_minor, currency }. */
export function money(amount, currency) {
  if (amount && typeof amount === 'object') return money(amount.amount_minor, amount.currency);
  if (amount === null || amount === undefined) return '';
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Number(amount));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}${currency ? ` ${currency}` : ''}`;
}

/** The browser's own zone, e.g. Europe/Paris. */
export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// The server's tz rules, zone by zone (GET /booking/time-zones): times are told by them, so that the page says the
// hour the emails and texts say, whatever the age of the browser's own rules. Outside what the server sent (or for a
// zone it did not send), the browser's rules tell them.
const zoneRules = new Map();

/** Takes an answer of GET /booking/time-zones: from now on times in its zones are told by the server's rules. */
export function useZoneRules(answer) {
  for (const [zone, rules] of Object.entries((answer && answer.zones) || {})) {
    zoneRules.set(zone, {
      until: Date.parse(rules.until),
      offsets: rules.offsets.map((o) => ({ from: Date.parse(o.from), minutes: o.offset_minutes })),
    });
  }
}

/** Whether times in `zone` are told by the server's rules. */
export function hasZoneRules(zone) {
  return zoneRules.has(zone);
}

/** The server's UTC offset of `zone` at `time` (ms), in minutes; null where it sent none. */
function serverOffset(zone, time) {
  const rules = zoneRules.get(zone);
  if (!rules || time >= rules.until || !rules.offsets.length || time < rules.offsets[0].from) return null;
  let minutes = null;
  for (const o of rules.offsets) {
    if (o.from > time) break;
    minutes = o.minutes;
  }
  return minutes;
}

/** [the Date to format, the zone to format it in]: shifted to the zone's local time by the server's offset, told in UTC. */
function located(instant, zone) {
  const time = new Date(instant).getTime();
  const minutes = serverOffset(zone, time);
  return minutes === null ? [new Date(time), zone] : [new Date(time + minutes * 60000), 'UTC'];
}

/** The UTC offset the page tells `zone`'s times with at an instant, in minutes (east of UTC positive). */
export function offsetIn(instant, zone) {
  const time = new Date(instant).getTime();
  const minutes = serverOffset(zone, time);
  if (minutes !== null) return minutes;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(time))
    .find((part) => part.type === 'timeZoneName').value;
  const match = /GMT([+\u2212-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '+' ? 1 : -1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** "Mon 11 Jan 2027, 10:00" for an instant, in a zone. */
export function when(instant, zone, { weekday = true, year = true } = {}) {
  if (!instant) return '';
  const [date, timeZone] = located(instant, zone);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: weekday ? 'short' : undefined, day: 'numeric', month: 'short',
    year: year ? 'numeric' : undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(date);
}

/** "10:00" for an instant, in a zone. */
export function timeOf(instant, zone) {
  const [date, timeZone] = located(instant, zone);
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(instant, zone) {
  const [date, timeZone] = located(instant, zone);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "Monday 11 January 2027" for a YYYY-MM-DD date. */
export function longDate(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** A short city name for a zone: "America/Toronto" is "Toronto". */
export function zoneName(zone) {
  return String(zone || '').split('/').pop().replace(/_/g, ' ');
}

/** Words for a status such as PENDING_PAYMENT. */
export function statusWords(status) {
  const words = {
    PENDING: 'Waiting for confirmation', CONFIRMED: 'Confirmed', FAILED: 'Not booked', REFUNDED: 'Refunded',
    CANCELLED: 'Cancelled', COMPLETED: 'Completed', NO_SHOW: 'Missed', ACTIVE: 'Active',
    PENDING_PAYMENT: 'Waiting for payment', EXHAUSTED: 'All sessions used',
  };
  return words[status] || String(status || '').toLowerCase().replace(/_/g, ' ');
}

/** Tells screen readers (and everyone) what just happened, in the page's live region. */
export function announce(message) {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

/** Removes the errors shown in a form. */
export function clearErrors(root) {
  root.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; el.hidden = true; });
  root.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  const general = root.querySelector('.form-error');
  if (general) { general.textContent = ''; general.hidden = true; }
}

/**
 * Shows an error next to its field: the element `[data-error-for="<field>"]` gets the words, and the control
 * `[data-field="<field>"]` is marked invalid (and described by the words). Without a matching field, the form's
 * `.form-error` shows it. `aliases` maps an API field name to the form's (e.g. { backup_datetime: 'backup' }).
 * @returns the element that shows the error
 */
export function showError(root, error, aliases = {}) {
  const problem = (error && error.problem) || {};
  const words = problem.detail || problem.title || (error && error.message) || 'Something went wrong.';
  const field = problem.field ? (aliases[problem.field] || problem.field) : null;
  const slot = field ? root.querySelector(`[data-error-for="${CSS.escape(field)}"]`) : null;
  if (slot) {
    slot.textContent = words;
    slot.hidden = false;
    const control = root.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      if (slot.id) control.setAttribute('aria-describedby', slot.id);
      control.focus?.();
    }
    return slot;
  }
  const general = root.querySelector('.form-error');
  if (general) {
    general.textContent = words;
    general.hidden = false;
    general.focus?.();
  }
  return general;
}

/** An empty error slot for a field, to put right after its control. */
export function errorSlot(field) {
  return h('p', { class: 'field-error', id: `error-${field.replace(/[^a-z0-9-]/gi, '-')}`, 'data-error-for': field, role: 'alert', hidden: true });
}

/** Waits `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls fn at most once per `ms` of quiet. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// The coach's console (#/coach): seven tabs over the admin API. These are the week at a glance, the bookings with
// their timelines, blocking dates, the weekly hours, promo codes, payments and the reconciliation report. Each tab
// loads its data the first time it is shown, and its Refresh button loads it again. Times and dates are in the
// coach's zone.
import { api, config, ApiError } from './auth.js';
import {
  h, fill, money, when, dateIn, longDate, zoneName, statusWords, announce, clearErrors, showError, errorSlot, debounce,
  browserZone, offsetIn,
} from './ui.js';

const TABS = [
  ['overview', 'Overview', overviewPanel],
  ['bookings', 'Bookings', bookingsPanel],
  ['block', 'Block dates', blockPanel],
  ['hours', 'Weekly hours', hoursPanel],
  ['promo', 'Promo codes', promoPanel],
  ['payments', 'Payments', paymentsPanel],
  ['reconciliation', 'Reconciliation', reconciliationPanel],
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const STATUSES = ['PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'];
const PAGE_SIZE = 20;

let lastTab = 'overview'; // coming back to the console opens the tab the coach left

export async function renderConsole(section) {
  section.classList.add('console');
  const panels = TABS.map(([name, label, setup]) => tabPanel(name, label, setup));
  fill(section, h('h1', { id: 'coach-title' }, 'Coach console'), tabList(panels), panels.map((p) => p.panel));
  select(panels, panels.find((p) => p.name === lastTab) || panels[0]);
}

// ---- The tabs -------------------------------------------------------------------------------------------------

/** The tab list: arrow keys, Home and End move between tabs and show each one (one tab stop: roving tabindex). */
function tabList(panels) {
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Coach console' }, panels.map((p) => p.tab));
  list.addEventListener('click', (event) => {
    const chosen = panels.find((p) => p.tab === event.target.closest('[role="tab"]'));
    if (chosen) select(panels, chosen);
  });
  list.addEventListener('keydown', (event) => {
    const at = panels.findIndex((p) => p.tab === document.activeElement);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: panels.length - 1 };
    if (at < 0 || !(event.key in moves)) return;
    event.preventDefault();
    const next = panels[(moves[event.key] + panels.length) % panels.length];
    select(panels, next);
    next.tab.focus();
  });
  return list;
}

function select(panels, chosen) {
  for (const p of panels) {
    const on = p === chosen;
    p.tab.setAttribute('aria-selected', String(on));
    p.tab.tabIndex = on ? 0 : -1;
    p.panel.hidden = !on;
  }
  lastTab = chosen.name;
  chosen.show();
}

/**
 * A tab and its panel. `setup(body)` builds the panel's lasting parts (forms) once and returns `load`, which fetches
 * and shows the data; a failure to load is shown in words above what was there before.
 */
function tabPanel(name, label, setup) {
  const tab = h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`,
    'aria-selected': 'false', tabindex: '-1' }, label);
  const state = h('p', { class: 'panel-state', hidden: true });
  const body = h('div', { class: 'tab-body' });
  const refresh = h('button', { type: 'button', class: 'button secondary', 'aria-label': `Refresh ${label.toLowerCase()}`,
    onclick: () => run() }, 'Refresh');
  const panel = h('div', { role: 'tabpanel', id: `panel-${name}`, class: 'tab-panel', 'aria-labelledby': `tab-${name}`,
    tabindex: '0', hidden: true }, h('div', { class: 'panel-head' }, h('h2', {}, label), refresh), state, body);
  let load = null;
  let busy = false;

  async function run() {
    if (busy) return;
    busy = true;
    panel.setAttribute('aria-busy', 'true');
    fill(state, 'Loading…');
    state.className = 'panel-state meta';
    state.hidden = false;
    try {
      load ??= setup(body);
      await load();
      state.hidden = true;
    } catch (error) {
      fill(state, `${label} could not be loaded: ${words(error)}`);
      state.className = 'panel-state form-error';
      announce(state.textContent);
    } finally {
      busy = false;
      panel.removeAttribute('aria-busy');
    }
  }
  return { name, tab, panel, show: () => { if (!load) run(); } };
}

// ---- Small shared pieces --------------------------------------------------------------------------------------

const zone = () => (config() && config().coach_zone) || browserZone();
const at = (instant) => when(instant, zone());
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const typeWords = (type) => ({ FREE: 'Free (promo code)', PAID_SINGLE: 'Paid session', PACKAGE: 'From a package' })[type] || type;

/** What went wrong, in words a coach can act on. */
function words(error) {
  if (!(error instanceof ApiError)) return `This page hit a problem (${(error && error.message) || error}).`;
  if (error.status === 401) return 'Your sign-in has run out. Please sign in again.';
  if (error.status === 403) return 'This is for the coach only.';
  return error.message;
}

/** Shows an error by its field (see showError), in the words above. */
function showProblem(root, error, aliases) {
  return showError(root, { problem: { ...(error && error.problem), detail: words(error) } }, aliases);
}

/** A labelled control with its hint and the slot its error goes in (named by the API's field, its id by the control). */
function field(labelText, control, { hint, error } = {}) {
  const parts = [h('label', { for: control.id }, labelText), control];
  if (hint) {
    control.setAttribute('aria-describedby', `${control.id}-hint`);
    parts.push(h('p', { class: 'hint', id: `${control.id}-hint` }, hint));
  }
  if (error) {
    const slot = errorSlot(error);
    slot.id = `${control.id}-error`; // two forms may name the same field
    parts.push(slot);
  }
  return h('div', { class: 'field' }, parts);
}

const formError = () => h('p', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });

function statusTag(status) {
  const tone = { CONFIRMED: 'ok', COMPLETED: 'ok', FAILED: 'bad', NO_SHOW: 'bad', CANCELLED: 'bad' }[status];
  return h('span', { class: tone ? `tag ${tone}` : 'tag' }, statusWords(status));
}

/** A responsive table: on small screens each row stacks, each cell led by its column's name (data-label). */
function table(id, caption, headers, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'responsive-table', id },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows)));
}

const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);

function stat(value, label) {
  return h('li', {}, h('strong', {}, value), label);
}

/** "2026-12" as "December 2026". */
function monthName(month) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

// ---- 1. Overview ----------------------------------------------------------------------------------------------

function overviewPanel(body) {
  return async () => {
    const o = await api('/booking/admin/overview');
    const upcoming = o.week.upcoming;
    fill(body,
      h('ul', { class: 'stats', id: 'overview-stats' },
        stat(upcoming.length, 'sessions still ahead this week'),
        stat(o.pending_bookings, 'bookings waiting for confirmation'),
        stat(o.pending_packages, 'packages waiting for payment')),
      h('h3', {}, `This week: ${longDate(o.week.start)} to ${longDate(o.week.end)}`),
      upcoming.length
        ? h('ul', { class: 'cards', id: 'overview-week' }, upcoming.map((a) => h('li', { class: 'card', 'data-booking-id': a.booking_id },
          h('strong', {}, at(a.scheduled_datetime)), h('p', { class: 'meta' }, `${typeWords(a.booking_type)}, phone ${a.user_phone}`))))
        : h('p', { class: 'meta' }, 'No more sessions this week.'),
      h('h3', {}, 'Promo codes'),
      o.promo_codes.length
        ? h('ul', { id: 'overview-promo' }, o.promo_codes.map((c) => h('li', {},
          h('strong', {}, c.code), `: ${c.uses_remaining} of ${c.max_uses} uses left`,
          c.active ? '' : ' (inactive)', c.expires_at ? `, until ${at(c.expires_at)}` : '')))
        : h('p', { class: 'meta' }, 'No promo codes yet.'),
      h('h3', {}, `Money in ${monthName(o.money.month)}`),
      monthMoney(o.money));
  };
}

/** This month's totals as payment-service last published them (`revenue` is what came in, before anything else). */
function monthMoney(m) {
  if (!m.totals.length) {
    return h('p', { class: 'meta' }, m.as_of ? `No payments this month (as of ${at(m.as_of)}).` : 'No figures for this month yet.');
  }
  const rows = m.totals.map((t) => h('tr', {},
    cell('Currency', t.currency), cell('Payments', t.payments), cell('Revenue', money(t.revenue, t.currency)),
    cell('Refunds', money(t.refunds, t.currency)), cell('Stripe fees', money(t.fees, t.currency)),
    cell('Net', h('strong', {}, money(t.net, t.currency)))));
  return h('div', {},
    table('overview-money', 'This month per currency', ['Currency', 'Payments', 'Revenue', 'Refunds', 'Stripe fees', 'Net'], rows),
    h('p', { class: 'meta' }, `As of ${at(m.as_of)}.`));
}

// ---- 2. Bookings ----------------------------------------------------------------------------------------------

function bookingsPanel(body) {
  const q = h('input', { type: 'search', id: 'bookings-q', 'data-field': 'q', maxlength: '100', autocomplete: 'off' });
  const status = h('select', { id: 'bookings-status', 'data-field': 'status' },
    h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s }, statusWords(s))));
  const from = h('input', { type: 'date', id: 'bookings-from', 'data-field': 'start_date' });
  const to = h('input', { type: 'date', id: 'bookings-to', 'data-field': 'end_date' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find bookings',
    onsubmit: (e) => { e.preventDefault(); find(0); } },
    field('Search name, email or phone', q, { error: 'q' }), field('Status', status, { error: 'status' }),
    field('From', from, { error: 'start_date' }), field('To', to, { error: 'end_date' }), formError());
  const results = h('div', { id: 'bookings-results' });
  const detail = h('div', { class: 'panel', id: 'booking-detail', hidden: true });
  fill(body, form, results, detail);

  let page = 0;
  let latest = 0; // answers to searches overtaken by a newer one are dropped

  /** Shows page `wanted` of the bookings that match the filters; `quiet` after a change (its own words are said). */
  async function find(wanted = page, quiet = false) {
    const ticket = ++latest;
    const params = new URLSearchParams({ page: String(wanted), size: String(PAGE_SIZE) });
    for (const [key, input] of [['q', q], ['status', status], ['start_date', from], ['end_date', to]]) {
      if (input.value.trim()) params.set(key, input.value.trim());
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/booking/admin/appointments?${params}`);
      if (ticket !== latest) return;
      clearErrors(form);
      page = answer.page;
      fill(results, bookingsTable(answer, { onPage: turn, onDetails: (id) => showBooking(detail, id, () => find(page, true)) }));
      if (!quiet) announce(`${plural(answer.total, 'booking')} found.`);
    } catch (error) {
      if (ticket !== latest) return;
      clearErrors(form);
      showProblem(form, error);
    } finally {
      if (ticket === latest) results.removeAttribute('aria-busy');
    }
  }

  /** Another page; the pager is drawn anew, so focus goes back to the same button (or the other, at an end). */
  async function turn(wanted) {
    const focused = document.activeElement && document.activeElement.id;
    await find(wanted);
    const same = focused && results.querySelector(`#${CSS.escape(focused)}:not([disabled])`);
    (same || results.querySelector('.pager button:not([disabled])'))?.focus();
  }

  const typed = debounce(() => find(0), 300);
  q.addEventListener('input', typed);
  for (const input of [status, from, to]) input.addEventListener('change', () => find(0));
  return () => find();
}

function bookingsTable(answer, { onPage, onDetails }) {
  if (!answer.total) return h('p', { class: 'meta', id: 'bookings-none' }, 'No bookings match.');
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  // A list item is the appointment as its client sees it: it carries the phone, not the client's name or email.
  const rows = answer.appointments.map((a) => h('tr', { 'data-booking-id': a.booking_id },
    cell('When', at(a.scheduled_datetime)),
    cell('Client', a.user_phone || '—'),
    cell('Type', typeWords(a.booking_type)),
    cell('Status', statusTag(a.status)),
    cell('Details', h('button', { type: 'button', class: 'button secondary show-booking',
      'aria-label': `Details of the booking on ${at(a.scheduled_datetime)}`, onclick: () => onDetails(a.booking_id) }, 'Details'))));
  return h('div', {},
    rows.length
      ? table('bookings-table', 'Bookings, most recently made first', ['When', 'Client (phone)', 'Type', 'Status', 'Details'], rows)
      : h('p', { class: 'meta' }, 'No bookings on this page.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages of bookings' },
      h('button', { type: 'button', class: 'button secondary', id: 'bookings-prev', disabled: answer.page === 0,
        onclick: () => onPage(answer.page - 1) }, 'Previous'),
      h('span', { id: 'bookings-page' }, `Page ${answer.page + 1} of ${pages}`),
      h('button', { type: 'button', class: 'button secondary', id: 'bookings-next', disabled: answer.page + 1 >= pages,
        onclick: () => onPage(answer.page + 1) }, 'Next'),
      h('span', { class: 'meta' }, `${plural(answer.total, 'booking')} in all`)));
}

/** Opens one booking below the table: who booked, its payment and calendar, its timeline, and what the coach may do. */
async function showBooking(detail, id, onChanged) {
  detail.hidden = false;
  detail.setAttribute('aria-busy', 'true');
  fill(detail, h('p', { class: 'meta' }, 'Loading the booking…'));
  const timeline = api(`/booking/admin/appointments/${id}/timeline`);
  timeline.catch(() => {}); // its failure is shown where the timeline goes, below
  try {
    const d = await api(`/booking/admin/appointments/${id}`);
    const reopen = () => { onChanged(); return showBooking(detail, id, onChanged); };
    const timelineBox = h('div', { id: 'timeline-box' }, h('p', { class: 'meta' }, 'Loading the timeline…'));
    const heading = h('h3', { id: 'booking-detail-title', tabindex: '-1' }, `Booking on ${at(d.booking.scheduled_datetime)}`);
    fill(detail, heading, bookingFacts(d), bookingActions(d.booking, reopen), h('h4', {}, 'Timeline'), timelineBox);
    heading.focus();
    try {
      fill(timelineBox, timelineList((await timeline).steps));
    } catch (error) {
      fill(timelineBox, h('p', { class: 'form-error' }, `The timeline could not be loaded: ${words(error)}`));
    }
  } catch (error) {
    fill(detail, h('p', { class: 'form-error', role: 'alert' }, `The booking could not be loaded: ${words(error)}`));
  } finally {
    detail.removeAttribute('aria-busy');
  }
}

function bookingFacts({ booking: b, client, payment, calendar }) {
  const rows = [
    ['Status', statusTag(b.status)],
    ['Type', typeWords(b.booking_type)],
    ['Session', `${at(b.scheduled_datetime)} (${b.duration_minutes} minutes)`],
    ['Backup', b.backup_datetime ? at(b.backup_datetime) : 'none'],
    b.moving_to && ['Moving to', `${at(b.moving_to)}, once its fee is charged`],
    ['Client', [client.name, client.email].filter(Boolean).join(', ') || '—'],
    ['Phone', client.phone || '—'],
    b.client_timezone && ['Client’s zone', zoneName(b.client_timezone)],
    b.promo_code && ['Promo code', b.promo_code],
    ['Price', money(payment.price)],
    ['Refunded', money(payment.refunded)],
    ['Payment', [stepWords(payment.step), payment.payment_intent_id, payment.fee_status && `fee ${payment.fee_status.toLowerCase()}`]
      .filter(Boolean).join(', ')],
    payment.last && ['Payment’s last word', payment.last],
    ['Calendar', [stepWords(calendar.step), calendar.event_id].filter(Boolean).join(', ')],
    calendar.last && ['Calendar’s last word', calendar.last],
    b.failure_reason && ['Why it failed', b.failure_reason],
    b.cancellation && ['Cancelled', cancelledWords(b.cancellation)],
  ].filter(Boolean);
  return h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A saga step's state (NOT_REQUIRED, PENDING, DONE, FAILED, COMPENSATED) in words. */
const stepWords = (step) => String(step || '').toLowerCase().replace(/_/g, ' ');

function cancelledWords(c) {
  const who = c.cancelled_by ? ` by the ${c.cancelled_by.toLowerCase()}` : '';
  return `${at(c.cancelled_at)}${who}${c.reason ? `: ${c.reason}` : ''}`;
}

/** Before the session: cancel in full. Once it has started: record how it went (and correct it). */
function bookingActions(b, onChanged) {
  const started = new Date(b.scheduled_datetime) <= new Date();
  const live = b.status === 'PENDING' || b.status === 'CONFIRMED';
  const box = h('div', { class: 'actions', id: 'booking-actions' });
  if (live && !started) {
    box.append(h('button', { type: 'button', class: 'button danger', id: 'coach-cancel',
      onclick: () => fill(box, cancelForm(b, onChanged, () => keep(box, b, onChanged))) },
    'Cancel and refund in full'));
  }
  if (started && ['CONFIRMED', 'COMPLETED', 'NO_SHOW'].includes(b.status)) {
    for (const [status, label] of [['completed', 'Mark completed'], ['no_show', 'Mark no-show']]) {
      if (b.status === status.toUpperCase()) continue;
      box.append(h('button', { type: 'button', class: 'button secondary', id: `coach-${status.replace('_', '-')}`,
        onclick: () => recordOutcome(b, status, box, onChanged) }, label));
    }
    box.append(formError());
  }
  if (!box.childNodes.length) {
    box.append(h('p', { class: 'meta' }, started ? 'The session has started.' : 'Nothing to change: the booking is over.'));
  }
  return box;
}

/** The coach thought better of cancelling: the actions again, focus back on the cancel button. */
function keep(box, b, onChanged) {
  const fresh = bookingActions(b, onChanged);
  box.replaceWith(fresh);
  fresh.querySelector('#coach-cancel').focus();
}

function cancelForm(b, onChanged, onKeep) {
  const reason = h('textarea', { id: 'coach-cancel-reason', 'data-field': 'reason', maxlength: '500', rows: '3' });
  const form = h('form', { class: 'confirm', 'aria-labelledby': 'coach-cancel-question' },
    h('p', { id: 'coach-cancel-question' }, h('strong', {}, 'Cancel this booking?'),
      ' The client gets a full refund (or their credit or promo use back) and is told.'),
    field('Reason (optional)', reason, { error: 'reason', hint: 'The client sees it. At most 500 characters.' }),
    formError(),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button danger', id: 'coach-cancel-confirm' }, 'Yes, cancel and refund'),
      h('button', { type: 'button', class: 'button secondary', id: 'coach-cancel-keep', onclick: onKeep }, 'Keep the booking')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const c = await api(`/booking/admin/appointments/${b.booking_id}/cancel`,
        { method: 'PUT', body: { reason: reason.value.trim() || null } });
      announce(`Cancelled. ${c.refund_amount
        ? `${money(c.refund_amount, c.currency)} goes back to the client.` : 'The client gets their credit or promo use back.'}`);
      onChanged();
    } catch (error) {
      showProblem(form, error);
    }
  });
  queueMicrotask(() => reason.focus());
  return form;
}

async function recordOutcome(b, status, box, onChanged) {
  clearErrors(box);
  try {
    await api(`/booking/admin/appointments/${b.booking_id}/status`, { method: 'PUT', body: { status } });
    announce(status === 'completed' ? 'Marked completed.' : 'Marked as a no-show.');
    onChanged();
  } catch (error) {
    showProblem(box, error);
  }
}

function timelineList(steps) {
  if (!steps.length) return h('p', { class: 'meta' }, 'Nothing recorded yet.');
  return h('ol', { id: 'timeline' }, steps.map((s) => h('li', { 'data-type': s.type },
    h('time', { datetime: s.at }, at(s.at)), ' ', h('span', { class: 'tag' }, s.service), ' ', s.summary)));
}

// ---- 3. Block dates -------------------------------------------------------------------------------------------

function blockPanel(body) {
  const today = dateIn(new Date(), zone());
  const date = h('input', { type: 'date', id: 'block-date', 'data-field': 'date', min: today, required: true });
  const end = h('input', { type: 'date', id: 'block-end-date', 'data-field': 'end_date', min: today });
  const reason = h('input', { type: 'text', id: 'block-reason', 'data-field': 'reason', maxlength: '500' });
  const preview = h('div', { id: 'block-preview-box' });
  const result = h('div', { id: 'block-result', role: 'status', tabindex: '-1' });
  const form = h('form', { id: 'block-form', novalidate: true },
    field('Date (or first date)', date, { error: 'date' }),
    field('Last date (for a range)', end, { error: 'end_date', hint: 'Leave empty to block one day.' }),
    field('Reason (optional)', reason, { error: 'reason', hint: 'Cancelled clients are told it.' }),
    h('p', { class: 'hint' }, 'Each client whose booking moves or is cancelled is told, on the channels they chose.'),
    formError(),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', id: 'block-preview' }, 'Preview')));
  const blocked = h('div', { id: 'blocked-dates-box' });
  fill(body, h('p', { class: 'hint' }, `Dates are in ${zoneName(zone())} time. Each booking on them moves to its backup slot `
    + 'if it can, or is cancelled and refunded in full.'),
    form, preview, result, h('h3', { id: 'blocked-dates-title', tabindex: '-1' }, 'Blocked dates'), blocked);

  const aliases = { start_date: 'date' };
  const chosen = () => ({ first: date.value, last: end.value && end.value !== date.value ? end.value : null });
  const loadBlocked = () => blockedDates(blocked, reloadBlocked);
  // After a change the list is read again; a failure then is shown in the list, not as the change's.
  const reloadBlocked = () => loadBlocked().catch((error) => fill(blocked,
    h('p', { class: 'form-error' }, `The blocked dates could not be loaded: ${words(error)}`)));

  // A preview is only good for the dates it was made for.
  for (const input of [date, end]) input.addEventListener('input', () => fill(preview));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    fill(result);
    const { first, last } = chosen();
    const params = new URLSearchParams({ date: first });
    if (last) params.set('end_date', last);
    try {
      const view = await api(`/booking/admin/block-date/preview?${params}`);
      fill(preview, previewResult(view, first, last, confirm));
      announce(blockSummary(view));
    } catch (error) {
      fill(preview);
      showProblem(form, error, aliases);
    }
  });

  async function confirm(button) {
    clearErrors(form);
    button.disabled = true;
    const { first, last } = chosen();
    const dates = last ? { start_date: first, end_date: last } : { date: first };
    try {
      const view = await api('/booking/admin/block-date', { method: 'POST',
        body: { ...dates, reason: reason.value.trim() || null, notify_affected_users: true } });
      fill(preview); // its button goes with it: focus goes to what blocking came to
      fill(result, h('p', { class: 'ok' }, blockedWords(view)));
      result.focus();
    } catch (error) {
      button.disabled = false;
      showProblem(form, error, aliases);
      return;
    }
    await reloadBlocked();
  }
  return loadBlocked;
}

const datesWords = (first, last) => (last ? `${longDate(first)} to ${longDate(last)}` : longDate(first));

/** "2 bookings: 1 moves to its backup, 1 is cancelled and refunded" */
function blockSummary(view) {
  const n = view.bookings.length;
  if (!n) return 'No confirmed bookings on these dates';
  const parts = [];
  if (view.moved) parts.push(view.moved === 1 ? '1 moves to its backup' : `${view.moved} move to their backups`);
  if (view.cancelled) parts.push(`${view.cancelled} ${view.cancelled === 1 ? 'is' : 'are'} cancelled and refunded`);
  return `${plural(n, 'booking')}: ${parts.join(', ')}`;
}

/** "Blocked. 1 moved to backup, 1 cancelled and refunded." */
function blockedWords(view) {
  if (!view.blocked.length) return 'Already blocked: nothing changed.';
  const parts = [view.moved && `${view.moved} moved to backup`, view.cancelled && `${view.cancelled} cancelled and refunded`].filter(Boolean);
  return `Blocked. ${parts.length ? `${parts.join(', ')}.` : 'No bookings were affected.'}${pendingWords(view)}`;
}

/** Bookings still mid-saga are settled by the same rule once their saga confirms them. */
function pendingWords(view) {
  const n = view.pending.length;
  return n ? ` ${plural(n, 'booking')} still being confirmed ${n === 1 ? 'is' : 'are'} settled the same way once confirmed.` : '';
}

function previewResult(view, first, last, confirm) {
  const items = view.bookings.map((b) => h('li', { 'data-booking-id': b.booking_id, 'data-outcome': b.outcome },
    h('strong', {}, b.client_name || b.client_email || 'A client'), b.client_name && b.client_email ? ` (${b.client_email})` : '',
    `, ${at(b.from)}: `,
    b.outcome === 'moved'
      ? `moves to its backup, ${at(b.to)}.`
      : `cancelled and refunded in full, because ${b.why || 'its backup cannot take it'}.`));
  const button = h('button', { type: 'button', class: 'button primary', id: 'block-confirm', onclick: () => confirm(button) },
    `Block ${datesWords(first, last)}`);
  return h('div', { id: 'block-preview-result', class: 'panel' },
    h('p', {}, h('strong', {}, `${blockSummary(view)}.`), pendingWords(view)),
    view.already_blocked.length ? h('p', { class: 'meta' }, `Already blocked: ${view.already_blocked.map(longDate).join(', ')}.`) : '',
    items.length ? h('ul', { id: 'block-preview-list' }, items) : '',
    h('div', { class: 'actions' }, button));
}

/**
 * The dates blocked from today to the booking horizon. No admin endpoint lists them: the public availability
 * answer names them (`blocked_dates`).
 */
async function blockedDates(box, reload) {
  const { blocked_dates: dates } = await api('/booking/availability');
  if (!dates.length) {
    fill(box, h('p', { class: 'meta', id: 'blocked-dates-none' }, 'No dates are blocked.'));
    return;
  }
  const errors = formError();
  fill(box, errors, h('ul', { id: 'blocked-dates', class: 'cards' }, dates.map((d) => h('li', { class: 'card blocked-date', 'data-date': d },
    h('span', {}, longDate(d)),
    h('button', { type: 'button', class: 'button secondary', 'aria-label': `Unblock ${longDate(d)}`, onclick: () => unblock(d) },
      'Unblock')))));

  async function unblock(d) {
    clearErrors(box);
    try {
      await api(`/booking/admin/block-date/${d}`, { method: 'DELETE' });
      announce(`${longDate(d)} is open again. Bookings already moved or cancelled stay so.`);
      await reload();
      document.getElementById('blocked-dates-title').focus();
    } catch (error) {
      showError(box, { problem: { detail: `${longDate(d)} could not be unblocked: ${words(error)}` } });
    }
  }
}

// ---- 4. Weekly hours ------------------------------------------------------------------------------------------

const MAX_WINDOWS = 8;

function hoursPanel(body) {
  let hours = { zone: zone(), windows: {} }; // what the form shows, kept in step with its inputs
  const days = h('div', { id: 'hours-days' });
  const result = h('div', { id: 'hours-result' });
  const intro = h('p', { class: 'hint' });
  const form = h('form', { id: 'hours-form', novalidate: true }, intro, formError(), days,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'hours-save' }, 'Save the hours')));
  fill(body, form, result);

  function show() {
    fill(intro, `Times in ${zoneName(hours.zone)} time (${hours.zone}), on the hour or the half hour. Changing them moves no booking.`);
    fill(days, DAYS.map((day) => h('fieldset', { class: 'hours-day', 'data-day': day }, dayRows(day))));
  }

  function dayRows(day) {
    const list = hours.windows[day] ||= [];
    const name = day[0].toUpperCase() + day.slice(1);
    const rerender = (focus) => {
      const set = form.querySelector(`fieldset[data-day="${day}"]`);
      fill(set, dayRows(day));
      set.querySelector(focus)?.focus();
    };
    const rows = list.map((w, i) => h('li', { class: 'hours-window' },
      timeField(day, i, 'start', 'From', w), timeField(day, i, 'end', 'To', w),
      h('button', { type: 'button', class: 'button secondary', 'aria-label': `Remove hours ${i + 1} on ${name}`,
        onclick: () => { list.splice(i, 1); rerender('.add-hours'); } }, 'Remove')));
    return [
      h('legend', {}, name),
      rows.length ? h('ul', { class: 'hours-windows' }, rows) : h('p', { class: 'meta' }, 'Closed.'),
      errorSlot(`windows.${day}`),
      h('button', { type: 'button', class: 'button secondary add-hours', disabled: list.length >= MAX_WINDOWS,
        'aria-label': `Add hours on ${name}`, onclick: () => { list.push(nextWindow(list)); rerender('.hours-window:last-child input'); } },
      list.length >= MAX_WINDOWS ? `At most ${MAX_WINDOWS} a day` : 'Add hours'),
    ];
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    fill(result);
    try {
      const saved = await api('/booking/admin/hours', { method: 'PUT', body: hours });
      hours = { zone: saved.zone, windows: saved.windows };
      show();
      const outside = saved.outside_hours.length;
      fill(result, outsideHours(saved.outside_hours));
      announce(`Weekly hours saved.${outside ? ` ${plural(outside, 'upcoming booking')} now outside them, not moved.` : ''}`);
    } catch (error) {
      showProblem(form, error);
    }
  });

  return async () => {
    const answer = await api('/booking/admin/hours');
    hours = { zone: answer.zone, windows: answer.windows };
    clearErrors(form);
    fill(result);
    show();
  };
}

/** One end of a window; its data-field is the API's name for it (`windows.monday[0].end`), so errors land by it. */
function timeField(day, i, end, label, span) {
  const name = `windows.${day}[${i}].${end}`;
  const input = h('input', { type: 'time', step: '1800', id: `hours-${day}-${i}-${end}`, 'data-field': name, value: span[end], required: true,
    oninput: (e) => { span[end] = e.target.value; } });
  return field(label, input, { error: name });
}

/** A new window: 09:00 to 17:00 on a closed day, else the hour after the last one. */
function nextWindow(list) {
  if (!list.length) return { start: '09:00', end: '17:00' };
  const [hh, mm] = (list[list.length - 1].end || '17:00').split(':').map(Number);
  const start = Math.min(hh * 60 + mm, 23 * 60);
  const time = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { start: time(start), end: time(Math.min(start + 60, 23 * 60 + 30)) };
}

function outsideHours(bookings) {
  if (!bookings.length) return h('p', { class: 'ok' }, 'Saved. No upcoming booking falls outside these hours.');
  const one = bookings.length === 1;
  return h('div', {},
    h('p', { class: 'warn' }, `Saved. ${plural(bookings.length, 'upcoming booking')} now ${one ? 'falls' : 'fall'} outside these hours; `
      + `${one ? 'it is' : 'they are'} not moved:`),
    h('ul', { id: 'hours-outside' }, bookings.map((b) => h('li', { 'data-booking-id': b.booking_id },
      `${at(b.scheduled_datetime)}: ${statusWords(b.status)}, ${typeWords(b.booking_type)}, phone ${b.user_phone}`))));
}

// ---- 5. Promo codes -------------------------------------------------------------------------------------------

function promoPanel(body) {
  const list = h('div', { id: 'promo-list' });
  const code = h('input', { type: 'text', id: 'promo-new-code', 'data-field': 'code', maxlength: '32', autocomplete: 'off',
    autocapitalize: 'characters', required: true });
  const max = h('input', { type: 'number', id: 'promo-new-max', 'data-field': 'max_uses', min: '0', max: '100000', step: '1',
    inputmode: 'numeric', required: true });
  const expires = h('input', { type: 'datetime-local', id: 'promo-new-expires', 'data-field': 'expires_at' });
  const created = h('div', { id: 'promo-new-result' });
  const form = h('form', { id: 'promo-new', novalidate: true },
    field('Code', code, { error: 'code', hint: '1 to 32 letters, digits, - or _.' }),
    field('How many uses', max, { error: 'max_uses' }),
    field('Expires (optional)', expires, { error: 'expires_at', hint: `In ${zoneName(zone())} time. Leave empty for no expiry.` }),
    formError(),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'promo-create' }, 'Create the code')));
  fill(body, list, h('h3', {}, 'New code'), form, created);

  const load = async () => {
    const codes = await api('/booking/admin/promo-codes');
    fill(list, codes.length
      ? table('promo-table', 'Promo codes', ['Code', 'Uses', 'Max uses', 'Expires', 'State', 'Switch'], codes.map(promoRow))
      : h('p', { class: 'meta' }, 'No promo codes yet.'));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    fill(created);
    try {
      const made = await api('/booking/admin/promo-codes', { method: 'POST', body: {
        code: code.value.trim(), max_uses: max.value === '' ? null : Number(max.value),
        ...(expires.value ? { expires_at: withOffset(expires.value, zone()) } : {}) } });
      form.reset();
      fill(created, h('p', { class: 'ok' }, `${made.code} created with ${plural(made.max_uses, 'use')}.`));
      announce(created.textContent);
    } catch (error) {
      showProblem(form, error);
      return;
    }
    await load().catch((error) => fill(list, h('p', { class: 'form-error' }, `The codes could not be loaded: ${words(error)}`)));
  });
  return load;
}

/** One code: its uses, its maximum (editable), and a switch on or off. Its errors show in its own row. */
function promoRow(p) {
  const id = `promo-max-${p.code}`;
  const max = h('input', { type: 'number', id, 'data-field': 'max_uses', min: String(p.uses_taken), max: '100000', step: '1',
    inputmode: 'numeric', value: String(p.max_uses), class: 'promo-max' });
  const slot = errorSlot('max_uses');
  slot.id = `${id}-error`;
  const expired = p.expires_at && new Date(p.expires_at) <= new Date();
  const row = h('tr', { 'data-code': p.code },
    h('th', { scope: 'row', 'data-label': 'Code' }, p.code),
    cell('Uses', `${p.uses_taken} taken, ${p.uses_remaining} left`),
    cell('Max uses', h('form', { class: 'inline-form', novalidate: true,
      onsubmit: (e) => { e.preventDefault(); update({ max_uses: max.value }); } },
      h('label', { for: id, class: 'console-sr-only' }, `Max uses of ${p.code}`), max,
      h('button', { type: 'submit', class: 'button secondary', 'aria-label': `Save max uses of ${p.code}` }, 'Save'), slot)),
    cell('Expires', p.expires_at ? at(p.expires_at) : 'Never'),
    cell('State', h('span', { class: p.active && !expired ? 'tag ok' : 'tag' }, expired ? 'Expired' : p.active ? 'Active' : 'Inactive')),
    cell('Switch', h('button', { type: 'button', class: p.active ? 'button danger promo-toggle' : 'button promo-toggle',
      'aria-label': `${p.active ? 'Deactivate' : 'Activate'} ${p.code}`, onclick: () => update({ active: !p.active }) },
    p.active ? 'Deactivate' : 'Activate'), formError()));

  async function update(change) {
    clearErrors(row);
    if ('max_uses' in change && !/^\d+$/.test(change.max_uses)) {
      showError(row, { problem: { field: 'max_uses', detail: 'Give a whole number from 0 to 100000.' } });
      return;
    }
    const body = 'max_uses' in change ? { max_uses: Number(change.max_uses) } : change;
    try {
      const fresh = await api(`/booking/admin/promo-codes/${encodeURIComponent(p.code)}`, { method: 'PUT', body });
      const next = promoRow(fresh);
      row.replaceWith(next);
      announce(`${fresh.code}: ${fresh.active ? 'active' : 'inactive'}, ${fresh.uses_remaining} of ${fresh.max_uses} uses left.`);
      next.querySelector('active' in change ? '.promo-toggle' : '.promo-max').focus();
    } catch (error) {
      showProblem(row, error);
    }
  }
  return row;
}

/**
 * A datetime-local value read in `zone`, as the API wants it: with that zone's offset then
 * ("2027-01-31T23:59" in Toronto is "2027-01-31T23:59:00-05:00").
 */
function withOffset(local, tz) {
  const [date, time] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, hh, mm);
  // The zone's offset at an instant, by the rules the page tells times with (the server's, where it sent them).
  const offsetAt = (instant) => offsetIn(instant, tz) * 60000;
  const offset = offsetAt(asUtc - offsetAt(asUtc)); // a second look, for a time near a clock change
  const minutes = Math.round(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(minutes / 60)}:${pad(Math.abs(minutes) % 60)}`;
}

// ---- 6. Payments ----------------------------------------------------------------------------------------------

const REFUND_WORDS = { REQUESTED: 'Refund asked for', PENDING: 'Refund under way', SUCCEEDED: 'Refunded', FAILED: 'Refund failed' };

function paymentsPanel(body) {
  return async () => {
    const { payments, totals, next_cursor: first } = await api('/booking/admin/payments');
    const list = payments.length
      ? table('payments-table', 'Payments, newest first', ['When', 'What', 'Amount', 'Stripe fee', 'Net', 'Payment', 'Refund', 'Orphan'],
        payments.map(paymentRow))
      : h('p', { class: 'meta' }, 'No payments yet.');
    // a page at a time: the older ones on request
    let next = first;
    const more = next ? h('button', {
      type: 'button', class: 'button', id: 'more-payments',
      onclick: async () => {
        more.disabled = true;
        const page = await api(`/booking/admin/payments?cursor=${encodeURIComponent(next)}`);
        list.querySelector('tbody').append(...page.payments.map(paymentRow));
        next = page.next_cursor;
        if (next) more.disabled = false;
        else more.remove();
      },
    }, 'Show older payments') : null;
    fill(body,
      totals.length ? totals.map(currencyTotals) : h('p', { class: 'meta' }, 'No payments have succeeded yet.'),
      h('h3', {}, 'Every payment'), list, more);
  };
}

/** Per currency: revenue is what came in less Stripe's fees and everything given back. */
function currencyTotals(t) {
  const m = (minor) => money(minor, t.currency);
  return h('section', { class: 'currency-totals', 'aria-labelledby': `totals-${t.currency}` },
    h('h3', { id: `totals-${t.currency}` }, `In ${t.currency}`),
    h('ul', { class: 'stats', id: `payments-totals-${t.currency}` },
      stat(m(t.gross_minor), `gross, ${plural(t.payments, 'payment')}`),
      stat(m(t.fees_minor), 'Stripe fees'),
      stat(m(t.refunded_minor), 'refunded'),
      stat(m(t.orphan_refunded_minor), 'orphans refunded'),
      stat(m(t.refunds_under_way_minor), 'refunds under way'),
      h('li', { class: t.failed_refunds_minor ? 'warn' : '' }, h('strong', {}, m(t.failed_refunds_minor)),
        t.failed_refunds_minor ? 'failed refunds: owed back to clients' : 'failed refunds'),
      stat(m(t.revenue_minor), 'revenue (net)')));
}

function paymentRow(p) {
  const refund = p.refund_status
    ? [REFUND_WORDS[p.refund_status] || p.refund_status, p.refunded_minor ? `, ${money(p.refunded_minor, p.currency)}` : '',
      p.refund_error ? h('span', { class: 'warn' }, `: ${p.refund_error}`) : '']
    : (p.refunded_minor ? money(p.refunded_minor, p.currency) : 'None');
  return h('tr', { 'data-payment-intent-id': p.payment_intent_id },
    cell('When', at(p.succeeded_at || p.created_at)),
    cell('What', p.product === 'package' ? 'Package' : 'Single session'),
    cell('Amount', money(p.amount_minor, p.currency)),
    cell('Stripe fee', p.fee_minor == null ? 'not known yet' : money(p.fee_minor, p.fee_currency)),
    cell('Net', p.net_minor == null ? 'not known yet' : money(p.net_minor, p.fee_currency || p.currency)),
    cell('Payment', p.status.charAt(0) + p.status.slice(1).toLowerCase()),
    cell('Refund', refund),
    cell('Orphan', p.orphan ? h('span', { class: 'tag bad' }, 'Orphan: nothing took it') : 'No'));
}

// ---- 7. Reconciliation ----------------------------------------------------------------------------------------

const PROBLEM_LISTS = {
  past_deadline: 'Bookings and packages past a deadline',
  parked_messages: 'Messages set aside after failing',
  parked_outbox_events: 'Events that could not be sent',
};

/** booking-service's part of the report; `./reconcile.sh` joins it with the other three services' parts. */
function reconciliationPanel(body) {
  return async () => {
    const report = await api('/booking/admin/reconciliation');
    const lists = Object.entries(report.problems);
    const facts = report.facts || {};
    fill(body,
      h('p', { class: 'meta' }, `${report.service}’s part, as of ${at(report.as_of)}. ./reconcile.sh joins every service’s part.`),
      lists.every(([, items]) => !items.length)
        ? h('p', { class: 'ok', id: 'reconciliation-ok' }, 'Everything adds up: nothing to look at.')
        : lists.map(([name, items]) => problemList(name, items)),
      h('p', { class: 'meta' }, 'For the other services to be checked against: '
        + `${plural((facts.live || []).length, 'live booking or package', 'live bookings and packages')}, `
        + `${plural((facts.confirmed_bookings || []).length, 'booking')} that must be in the calendar.`));
  };
}

function problemList(name, items) {
  const title = PROBLEM_LISTS[name] || name.replace(/_/g, ' ');
  return h('section', { class: 'problem-list', 'data-list': name, 'aria-labelledby': `reconciliation-${name}` },
    h('h3', { id: `reconciliation-${name}` }, `${title} (${items.length})`),
    items.length
      ? h('ul', { class: 'cards' }, items.map((item) => h('li', { class: 'card' }, problemItem(item))))
      : h('p', { class: 'meta' }, 'None.'));
}

/** Any item, as its fields in words (instants in the coach's zone); the lists' items differ in shape. */
function problemItem(item) {
  if (typeof item !== 'object' || item === null) return String(item);
  const shown = Object.entries(item).filter(([key, value]) => value !== null && key !== 'payload'); // a payload is long JSON
  return h('dl', { class: 'facts' }, shown.map(([key, value]) => [
    h('dt', {}, key.replace(/_/g, ' ')),
    h('dd', {}, /_at$/.test(key) ? at(value) : String(value)),
  ]));
}

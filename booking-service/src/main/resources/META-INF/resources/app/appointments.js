// My appointments (#/appointments): upcoming and past sessions, packages and the in-app inbox. A confirmed session
// can be cancelled or moved here, once the page has said in words what that would cost now (the server's quote).
import { api, config, ensureZoneRules } from './auth.js';
import {
  h, fill, money, browserZone, when, timeOf, dateIn, longDate, zoneName, statusWords, announce, clearErrors,
  showError, errorSlot, sleep,
} from './ui.js';

const POLL_EVERY_MS = 700;
const POLL_FOR_MS = 30_000;
const SESSION_TYPES = { FREE: 'free', PAID_SINGLE: 'paid_single', PACKAGE: 'package' };

/** Problem types whose server wording is terse: what to tell the client instead. */
const FRIENDLY = {
  'booking-not-changeable': 'This session can no longer be changed: it has started or is no longer booked.',
  'change-in-progress': 'A move of this session is still waiting for its fee. Please try again in a moment.',
  'reschedule-limit-reached': 'This session has been moved as often as allowed. You can cancel it and book again instead.',
  'slot-unavailable': 'That time has just been taken. Please pick another.',
  'not-found': 'This session could not be found. It may have been removed.',
};

let generation = 0; // bumped by every render, so that a slow earlier load never overwrites a newer one
let openPanel = null; // { panel, opener }: at most one change panel is open on the page (its ids stay unique)
let unread = 0;

/** Renders the whole view; `focusBooking` (after a change) is the card to put the focus on once it is drawn. */
export async function renderAppointments(section, { focusBooking = null } = {}) {
  const mine = ++generation;
  openPanel = null;
  const loading = h('p', { class: 'loading', role: 'status' }, 'Loading your appointments…');
  fill(section, h('h1', { id: 'appointments-title', tabindex: '-1' }, 'My appointments'),
    h('p', {}, h('a', { class: 'button primary', href: '#/book' }, 'Book a session')), loading);
  section.setAttribute('aria-busy', 'true');
  const [appointments, inbox] = await Promise.allSettled([api('/booking/my-appointments'), api('/notifications?size=20')]);
  if (appointments.status === 'fulfilled') {
    const { upcoming = [], past = [] } = appointments.value || {};
    await ensureZoneRules([...upcoming, ...past].map((a) => a.client_timezone));
  }
  if (mine !== generation) return;
  section.removeAttribute('aria-busy');
  loading.remove();
  try {
    if (appointments.status === 'rejected') throw appointments.reason;
    drawView(section, appointments.value || {}, inbox);
    if (focusBooking) focusCard(section, focusBooking);
  } catch (error) {
    section.append(h('div', { class: 'panel load-error', role: 'alert' },
      h('p', {}, `Your appointments could not be loaded. ${words(error)}`),
      h('button', { type: 'button', class: 'button', onclick: () => renderAppointments(section) }, 'Try again')));
  }
}

/** Sessions still to come that will happen: waiting or confirmed (a cancelled or failed one is done with). */
const LIVE = new Set(['PENDING', 'CONFIRMED']);

function drawView(section, { upcoming = [], past = [], packages = [], next_upcoming_cursor: moreUpcoming,
  next_past_cursor: morePast }, inbox) {
  const rerender = (bookingId) => renderAppointments(section, { focusBooking: bookingId });
  // the server sorts by time: a session cancelled or not booked reads as over, so it goes with the past ones
  const over = upcoming.filter((a) => !LIVE.has(a.status));
  const upcomingList = cardList('upcoming', upcoming.filter((a) => LIVE.has(a.status)), 'No upcoming sessions.',
    (a) => appointmentCard(a, rerender));
  const pastList = cardList('past', [...over, ...past], 'No past sessions.', (a) => appointmentCard(a, null));
  section.append(
    h('h2', {}, 'Upcoming'),
    upcomingList,
    moreButton('more-upcoming', 'Show later sessions', 'upcoming_cursor', moreUpcoming, 'upcoming', (a) => {
      (LIVE.has(a.status) ? upcomingList : pastList).append(appointmentCard(a, LIVE.has(a.status) ? rerender : null));
    }),
    h('h2', {}, 'Packages'),
    cardList('packages', packages, 'No packages yet.', packageCard),
    ...inboxSection(inbox),
    h('h2', {}, 'Past and cancelled'),
    pastList,
    moreButton('more-past', 'Show earlier sessions', 'past_cursor', morePast, 'past', (a) => pastList.append(appointmentCard(a, null))));
  if (inbox.status === 'fulfilled') setUnread((inbox.value && inbox.value.unread) || 0); // once its counter is on the page
}

/** A button that loads the next page of a list (the answer's cursor) and adds its cards; none when there is no more. */
function moreButton(id, label, param, cursor, key, add) {
  if (!cursor) return null;
  let next = cursor;
  const button = h('button', {
    type: 'button', class: 'button', id,
    onclick: async () => {
      button.disabled = true;
      try {
        const page = await api(`/booking/my-appointments?${param}=${encodeURIComponent(next)}`);
        await ensureZoneRules((page[key] || []).map((a) => a.client_timezone));
        (page[key] || []).forEach(add);
        next = page[`next_${key}_cursor`];
        if (next) button.disabled = false;
        else button.remove();
      } catch (error) {
        button.disabled = false;
        announce(`More sessions could not be loaded. ${words(error)}`);
      }
    },
  }, label);
  return button;
}

function cardList(id, items, emptyWords, card) {
  const list = h('ul', { id, class: 'cards' });
  if (items.length === 0) list.append(h('li', { class: 'empty' }, emptyWords));
  else list.append(...items.map(card));
  return list;
}

function focusCard(section, bookingId) {
  const card = section.querySelector(`li[data-booking-id="${CSS.escape(bookingId)}"] h3`);
  (card || section.querySelector('#appointments-title')).focus();
}

// ---- times and words ----

function coachZone() {
  return (config() || {}).coach_zone || browserZone();
}

/** The appointment's own zone when the browser knows it, else the browser's. */
function clientZone(a) {
  try {
    if (a.client_timezone) return new Intl.DateTimeFormat('en', { timeZone: a.client_timezone }).resolvedOptions().timeZone;
  } catch {
    // an id this browser does not know: fall through
  }
  return browserZone();
}

/** The coach's clock for an instant: only the time when it is the same day as in `zone`. */
function coachClock(instant, zone) {
  const coach = coachZone();
  return dateIn(instant, coach) === dateIn(instant, zone) ? timeOf(instant, coach) : when(instant, coach, { year: false });
}

/** "Mon 11 Jan 2027, 10:00 (Paris) · 04:00 for your coach (Toronto)". */
function timeWords(instant, zone) {
  const yours = `${when(instant, zone)} (${zoneName(zone)})`;
  return coachZone() === zone ? yours : `${yours} · ${coachClock(instant, zone)} for your coach (${zoneName(coachZone())})`;
}

/** A slot in a list: "10:00" (or with its day), and the coach's time in brackets when the zones differ. */
function slotWords(instant, zone, { withDay = false } = {}) {
  const yours = withDay ? when(instant, zone, { year: false }) : timeOf(instant, zone);
  return coachZone() === zone ? yours : `${yours} (coach ${coachClock(instant, zone)})`;
}

function sentence(text) {
  const s = String(text).trim();
  return s ? `${s[0].toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}` : s;
}

/** An error in words for the client. */
function words(error) {
  const type = error && error.type;
  if (FRIENDLY[type]) return FRIENDLY[type];
  if (error && error.status === 401) return 'Your sign-in has run out. Please sign in again.';
  const problem = (error && error.problem) || {};
  return sentence(problem.detail || problem.title || (error && error.message) || 'Something went wrong.');
}

/** The error as showError takes it: our words, the server's field. */
function explained(error) {
  return { problem: { detail: words(error), field: (error && error.field) || null } };
}

function statusTag(status) {
  const tone = { CONFIRMED: ' ok', ACTIVE: ' ok', FAILED: ' bad', NO_SHOW: ' bad' }[status] || '';
  return h('span', { class: `tag status${tone}` }, statusWords(status));
}

function typeWords(a) {
  if (a.booking_type === 'FREE') return 'Free session';
  if (a.booking_type === 'PACKAGE') return 'Package session';
  return a.price ? `Single session (${money(a.price)})` : 'Single session';
}

// ---- appointment cards ----

/** A session's card; `rerender` is given for upcoming ones, which a confirmed booking can change from. */
function appointmentCard(a, rerender) {
  const zone = clientZone(a);
  const li = h('li', { class: 'card', dataset: { bookingId: a.booking_id } },
    h('h3', { tabindex: '-1' }, timeWords(a.scheduled_datetime, zone)),
    h('p', { class: 'meta' }, typeWords(a)),
    a.user_phone && h('p', { class: 'meta' }, `Phone: ${a.user_phone}`),
    a.backup_datetime && h('p', { class: 'meta' }, `Backup time: ${timeWords(a.backup_datetime, zone)}`),
    h('p', { class: 'meta' }, statusTag(a.status)),
    moveWords(a, zone),
    outcomeWords(a, zone));
  if (rerender && a.status === 'CONFIRMED') li.append(changeButtons(a, li, rerender));
  return li;
}

/** Where the session was moved from (a reschedule, or the coach's block moving it to its backup), or is moving to. */
function moveWords(a, zone) {
  if (a.moving_to) return h('p', { class: 'moving warn' }, `Moving to ${timeWords(a.moving_to, zone)}, waiting for the fee`);
  return [
    a.previous_datetime && a.status === 'CONFIRMED'
      && h('p', { class: 'moved' }, `Moved from ${timeWords(a.previous_datetime, zone)} to this time`),
    a.move_failure && a.status === 'CONFIRMED'
      && h('p', { class: 'move-failure warn' }, `Your last move was not made: ${a.move_failure}.`),
  ];
}

const FEE_STATUS = {
  CHARGING: 'being charged to your saved card',
  CHARGED: 'charged to your saved card',
  FAILED: 'could not be charged, so the session was not returned to your package',
};

/** How a session ended: its cancellation's terms, a refund, or why it failed. */
function outcomeWords(a, zone) {
  const c = a.cancellation;
  const lines = [];
  if (c) {
    lines.push(`Cancelled by ${c.cancelled_by === 'COACH' ? 'your coach' : 'you'} on ${when(c.cancelled_at, zone)} (${zoneName(zone)}).`);
    if (c.reason) lines.push(`Reason: ${c.reason}`);
    if (c.fee_applied) {
      const how = c.fee_charged ? FEE_STATUS[c.fee_status] || 'charged to your saved card' : 'kept from your payment';
      lines.push(`Late-change fee: ${money(c.fee_amount, c.currency)}, ${how}.`);
    }
    if (c.refund_amount > 0) lines.push(`Refund: ${money(c.refund_amount, c.currency)}.`);
  } else if (a.status === 'REFUNDED' && a.refunded_amount > 0 && a.price) {
    lines.push(`Refunded: ${money(a.refunded_amount, a.price.currency)}.`);
  }
  if ((a.status === 'FAILED' || a.status === 'REFUNDED') && a.failure_reason) lines.push(`What went wrong: ${sentence(a.failure_reason)}`);
  return lines.map((line) => h('p', { class: 'meta outcome' }, line));
}

function changeButtons(a, li, rerender) {
  const date = when(a.scheduled_datetime, clientZone(a));
  const reschedule = h('button', { type: 'button', class: 'button secondary reschedule', 'aria-expanded': 'false',
    'aria-label': `Reschedule the session on ${date}` }, 'Reschedule');
  const cancel = h('button', { type: 'button', class: 'button danger cancel', 'aria-expanded': 'false',
    'aria-label': `Cancel the session on ${date}` }, 'Cancel');
  reschedule.addEventListener('click', () => togglePanel(li, reschedule, 'reschedule-panel', 'Reschedule',
    (panel) => loadReschedule(panel, a, rerender)));
  cancel.addEventListener('click', () => togglePanel(li, cancel, 'quote', 'Cancellation',
    (panel) => loadCancel(panel, a, rerender)));
  return h('div', { class: 'actions' }, reschedule, cancel);
}

// ---- the change panels ----

/** Opens a panel under the card (closing any other), or closes it when its own button is pressed again. */
function togglePanel(li, opener, className, label, load) {
  const same = openPanel && openPanel.opener === opener;
  closePanel();
  if (same) return;
  const panel = h('div', { class: `panel ${className}`, role: 'region', 'aria-label': label },
    h('p', { class: 'loading' }, 'Loading…'));
  panel.addEventListener('keydown', (event) => { if (event.key === 'Escape') closePanel(); });
  li.append(panel);
  opener.setAttribute('aria-expanded', 'true');
  openPanel = { panel, opener };
  load(panel)
    .catch((error) => fill(panel, h('p', { class: 'form-error', role: 'alert' }, words(error)), closeButton('Close')))
    .finally(() => { if (panel.isConnected) panel.querySelector('select, textarea, button')?.focus(); });
}

/** Closes the open panel, and gives the focus back to the button that opened it. */
function closePanel() {
  if (!openPanel) return;
  const { panel, opener } = openPanel;
  openPanel = null;
  const hadFocus = panel.contains(document.activeElement);
  panel.remove();
  opener.setAttribute('aria-expanded', 'false');
  if (hadFocus || document.activeElement === document.body) opener.focus();
}

function closeButton(text) {
  return h('button', { type: 'button', class: 'button secondary close-panel', onclick: closePanel }, text);
}

function formError() {
  return h('p', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
}

/** Runs a confirm button's change, keeping it from being pressed twice; a problem is shown in the panel. */
async function submit(panel, button, busyText, change) {
  const text = button.textContent;
  clearErrors(panel);
  button.disabled = true;
  button.textContent = busyText;
  try {
    await change();
  } catch (error) {
    if (!panel.isConnected) return announce(words(error));
    button.disabled = false;
    button.textContent = text;
    showError(panel, explained(error));
  }
}

// ---- cancelling ----

/** The cancellation quote in words, following its flags (24 hours before the session is the line). */
function cancelQuoteWords(a, q) {
  const parts = [];
  if (q.late && q.fee_applied) {
    parts.push(`This is less than 24 hours before the session: the late-change fee is ${money(q.fee_amount, q.currency)} (half).`);
    if (q.fee_charged) parts.push('It is charged to your saved card.');
  }
  if (q.refund_amount > 0) parts.push(`You get ${q.fee_applied ? '' : 'the full '}${money(q.refund_amount, q.currency)} back.`);
  if (a.booking_type === 'PACKAGE') {
    if (!q.credit_returned) parts.push('The session is not returned to your package (late change).');
    else parts.push(q.fee_charged ? 'The session goes back into your package once the fee is paid.' : 'The session goes back into your package.');
  }
  if (a.booking_type === 'FREE') {
    parts.push(q.promo_use_returned ? 'Your promo code use is returned.' : 'Your promo code use is not returned (less than 24 hours before the session).');
  }
  return parts.join(' ');
}

function cancelledWords(result) {
  if (result.refund_amount > 0) return `Cancelled. ${money(result.refund_amount, result.currency)} is being refunded.`;
  if (result.fee_charged && result.fee_amount > 0) {
    return `Cancelled. The late-change fee of ${money(result.fee_amount, result.currency)} is being charged to your saved card.`;
  }
  return 'Cancelled.';
}

async function loadCancel(panel, a, rerender) {
  const quote = await api(`/booking/${a.booking_id}/cancellation-quote`);
  const id = `cancel-reason-${a.booking_id}`;
  const reason = h('textarea', { id, class: 'cancel-reason', rows: '3', maxlength: '500', 'data-field': 'reason',
    'aria-describedby': `${id}-quote ${id}-hint` });
  const confirm = h('button', { type: 'button', class: 'button danger confirm-cancel' }, 'Cancel the session');
  confirm.addEventListener('click', () => submit(panel, confirm, 'Cancelling…', async () => {
    const text = reason.value.trim();
    const result = await api(`/booking/${a.booking_id}/cancel`, { method: 'PUT', body: text ? { reason: text } : {} });
    announce(cancelledWords(result));
    await rerender(a.booking_id);
  }));
  fill(panel,
    h('p', { id: `${id}-quote` }, cancelQuoteWords(a, quote)),
    h('div', { class: 'field' },
      h('label', { for: id }, 'Why are you cancelling? (optional)'), reason,
      h('p', { class: 'hint', id: `${id}-hint` }, 'At most 500 characters.'), errorSlot('reason')),
    formError(),
    h('div', { class: 'actions' }, confirm, closeButton('Keep it')));
}

// ---- rescheduling ----

/** The slots by their day in `zone`, in order: Map of YYYY-MM-DD to slots. */
function slotsByDay(slots, zone) {
  const days = new Map();
  for (const slot of slots) {
    const day = dateIn(slot.datetime, zone);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(slot);
  }
  return days;
}

function slotOption(slot, zone, withDay = false) {
  return h('option', { value: slot.datetime }, slotWords(slot.datetime, zone, { withDay }));
}

/** A labelled select with its error slot; `field` is the API field a problem may name. */
function selectField(id, className, label, field, hint) {
  const select = h('select', { id, class: className, 'data-field': field, 'aria-describedby': hint ? `${id}-hint` : null });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), select,
    hint && h('p', { class: 'hint', id: `${id}-hint` }, hint), field && errorSlot(field));
  return { select, wrap };
}

async function loadReschedule(panel, a, rerender) {
  const zone = clientZone(a);
  const type = SESSION_TYPES[a.booking_type] || 'free';
  const [quote, availability] = await Promise.all([
    api(`/booking/${a.booking_id}/reschedule-quote`),
    api(`/booking/availability?session_type=${type}&tz=${encodeURIComponent(zone)}`),
  ]);
  const current = Date.parse(a.scheduled_datetime);
  const slots = ((availability && availability.available_slots) || []).filter((s) => Date.parse(s.datetime) !== current);
  if (slots.length === 0) {
    fill(panel, h('p', {}, 'No other times are open right now. Please try again later.'), closeButton('Close'));
    return;
  }
  const days = slotsByDay(slots, zone);
  const id = `reschedule-${a.booking_id}`;
  const zones = coachZone() === zone ? `Times are in ${zoneName(zone)} time.`
    : `Times are in your time (${zoneName(zone)}), with your coach's (${zoneName(coachZone())}) in brackets.`;
  const date = selectField(`${id}-date`, 'reschedule-date', 'New day', null, null);
  const time = selectField(`${id}-time`, 'reschedule-time', 'New time', 'new_datetime', zones);
  const backup = selectField(`${id}-backup`, 'reschedule-backup', 'New backup time (optional)', 'new_backup_datetime',
    'If your coach cannot make the new time, the session moves to the backup.');
  fill(date.select, [...days.keys()].map((day) => h('option', { value: day }, longDate(day))));
  const currentDay = dateIn(a.scheduled_datetime, zone);
  if (days.has(currentDay)) date.select.value = currentDay;
  fill(backup.select, h('option', { value: '' }, 'Keep no backup'), [...days].map(([day, daySlots]) =>
    h('optgroup', { label: longDate(day) }, daySlots.map((s) => slotOption(s, zone, true)))));

  const showTimes = () => {
    fill(time.select, days.get(date.select.value).map((s) => slotOption(s, zone)));
    excludeFromBackup(backup.select, time.select.value);
  };
  date.select.addEventListener('change', showTimes);
  time.select.addEventListener('change', () => excludeFromBackup(backup.select, time.select.value));
  showTimes();

  const quoteText = quote.fee_applied
    ? `Moving now costs ${money(quote.fee_amount, quote.currency)} (half), charged to your saved card.` : 'Free to move.';
  const confirm = h('button', { type: 'button', class: 'button primary confirm-reschedule', 'aria-describedby': `${id}-quote` },
    'Move my session');
  confirm.addEventListener('click', () => submit(panel, confirm, 'Moving…',
    () => reschedule(a, zone, time.select.value, backup.select.value, rerender)));
  fill(panel, date.wrap, time.wrap, backup.wrap,
    h('p', { class: 'quote', id: `${id}-quote` }, quoteText),
    formError(),
    h('div', { class: 'actions' }, confirm, closeButton('Keep it as it is')));
}

/** The backup must differ from the new time: that option is disabled (and unselected). */
function excludeFromBackup(backupSelect, datetime) {
  for (const option of backupSelect.options) option.disabled = option.value !== '' && option.value === datetime;
  if (backupSelect.value === datetime) backupSelect.value = '';
}

/** Moves the booking: at once (200), or after a late fee is charged (202: then waits for the booking to settle). */
async function reschedule(a, zone, newDatetime, newBackup, rerender) {
  const body = { new_datetime: newDatetime };
  if (newBackup) body.new_backup_datetime = newBackup;
  const result = await api(`/booking/${a.booking_id}/reschedule`, { method: 'PUT', body });
  if (result && result.rescheduled) {
    announce(`Moved to ${timeWords(result.scheduled_datetime, zone)}.`);
    return rerender(a.booking_id);
  }
  announce('Charging the late-change fee to your saved card…');
  const settled = await waitForMove(a.booking_id);
  announce(settledWords(settled, zone));
  return rerender(a.booking_id);
}

/** Polls the booking until its move is no longer waiting for the fee, or the wait runs out. */
async function waitForMove(bookingId) {
  const deadline = Date.now() + POLL_FOR_MS;
  let booking;
  do {
    await sleep(POLL_EVERY_MS);
    booking = await api(`/booking/${bookingId}`);
  } while (booking && booking.moving_to && Date.now() < deadline);
  return booking;
}

function settledWords(booking, zone) {
  if (!booking || booking.moving_to) return 'The fee is still being charged. Your session shows its new time once it is paid.';
  if (booking.move_failure) {
    return `The late-change fee could not be charged (${booking.move_failure}), so your session stays at ${timeWords(booking.scheduled_datetime, zone)}.`;
  }
  return `Moved to ${timeWords(booking.scheduled_datetime, zone)}.`;
}

// ---- packages ----

function packageCard(p) {
  const unit = p.sessions_total === 1 ? 'session' : 'sessions';
  return h('li', { class: 'card', dataset: { packageId: p.package_id } },
    h('h3', {}, `Package of ${p.sessions_total}`),
    h('p', { class: 'sessions-left' }, `${p.sessions_remaining} of ${p.sessions_total} ${unit} left`),
    h('p', { class: 'meta' }, statusTag(p.status), p.price ? ` ${money(p.price)}` : ''),
    p.failure_reason && h('p', { class: 'meta' }, `What went wrong: ${sentence(p.failure_reason)}`),
    p.sessions_remaining > 0 && p.status === 'ACTIVE'
      && h('p', {}, h('a', { class: 'button', href: '#/book' }, 'Book from this package')));
}

// ---- the inbox ----

function inboxSection(result) {
  const title = h('h2', { id: 'inbox-title' }, 'Inbox');
  if (result.status === 'rejected') {
    return [title, h('p', { class: 'form-error' }, `Your messages could not be loaded. ${words(result.reason)}`)];
  }
  const { notifications = [] } = result.value || {};
  const list = h('ul', { id: 'inbox', class: 'inbox', 'aria-labelledby': 'inbox-title' });
  if (notifications.length === 0) list.append(h('li', { class: 'empty' }, 'No messages yet.'));
  else list.append(...notifications.map(inboxItem));
  const markAll = h('button', { type: 'button', class: 'button secondary mark-all-read' }, 'Mark all as read');
  markAll.addEventListener('click', () => markAllRead(list, markAll));
  const head = h('div', { class: 'inbox-head' }, title,
    h('span', { id: 'inbox-unread', 'aria-live': 'polite' }), markAll);
  return [head, list];
}

function inboxItem(n) {
  const li = h('li', { class: n.read ? 'message' : 'message unread', tabindex: '-1', dataset: { notificationId: n.id } },
    h('h3', {}, n.title || 'Message'),
    n.body && h('p', { class: 'message-body' }, n.body),
    h('p', { class: 'meta' }, h('time', { datetime: n.created_at }, when(n.created_at, browserZone()))));
  if (!n.read) {
    const button = h('button', { type: 'button', class: 'button secondary mark-read',
      'aria-label': `Mark as read: ${n.title || 'message'}` }, 'Mark as read');
    button.addEventListener('click', () => markRead(n, li, button));
    li.append(button);
  }
  return li;
}

function shownRead(li) {
  li.classList.remove('unread');
  li.querySelector('.mark-read')?.remove();
}

async function markRead(n, li, button) {
  button.disabled = true;
  try {
    await api(`/notifications/${n.id}/read`, { method: 'PUT' });
    shownRead(li);
    li.focus(); // its button is gone: the message itself keeps the focus
    setUnread(Math.max(0, unread - 1));
  } catch (error) {
    button.disabled = false;
    announce(`The message could not be marked as read. ${words(error)}`);
  }
}

async function markAllRead(list, button) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  try {
    const answer = await api('/notifications/read-all', { method: 'PUT' });
    list.querySelectorAll('li.unread').forEach(shownRead);
    setUnread((answer && answer.unread) || 0);
    announce(answer && answer.marked === 1 ? '1 message marked as read.' : `${(answer && answer.marked) || 0} messages marked as read.`);
  } catch (error) {
    announce(`The messages could not be marked as read. ${words(error)}`);
  }
}

/** The unread count beside the inbox and in the nav's badge (hidden at 0); "Mark all" is off when nothing is unread. */
function setUnread(count) {
  unread = count;
  const counter = document.getElementById('inbox-unread');
  if (counter) counter.textContent = `${count} unread`;
  document.querySelector('.mark-all-read')?.setAttribute('aria-disabled', String(count === 0));
  const badge = document.getElementById('unread-badge');
  if (badge) {
    badge.hidden = count === 0;
    fill(badge, String(count), h('span', { class: 'visually-hidden' }, ' unread'));
  }
}

// The booking modal: one scrolling form (session type, time, backup time, phone, reminders, card), then a
// confirmation that follows the booking's saga until it is confirmed or has failed.
import { api, config, ApiError, ensureZoneRules } from './auth.js';
import {
  h, fill, money, browserZone, timeOf, dateIn, longDate, zoneName, statusWords, announce, clearErrors, showError,
  errorSlot, sleep, debounce,
} from './ui.js';

const STRIPE_JS = 'https://js.stripe.com/v3/';
const COUNTRIES = ['CA', 'US', 'GB', 'IE', 'FR', 'BE', 'CH', 'DE', 'AT', 'NL', 'LU', 'ES', 'PT', 'IT', 'SE', 'NO', 'DK',
  'FI', 'PL', 'AU', 'NZ', 'MX', 'BR', 'AR', 'IN', 'JP', 'KR', 'SG', 'ZA', 'MA'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
// The saga's steps as GET /booking/{id} names them, and as the confirmation lists them.
const SAGA_STEPS = [
  { key: 'payment', step: 'payment', words: 'Payment' },
  { key: 'calendar', step: 'calendar', words: "Coach's calendar" },
  { key: 'confirmation', step: 'confirmed', words: 'Confirmed' },
];
const STEP_WORDS = { pending: 'waiting', active: 'in progress', done: 'done', failed: 'failed' };
// API fields that the form shows under another name (see the data-field attributes).
const ALIASES = {
  stripe_payment_intent_id: 'card_number',
  'notification_preferences.email': 'notification_preferences',
  'notification_preferences.inapp': 'notification_preferences',
  'notification_preferences.sms': 'notification_preferences',
};
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const endings = new WeakMap(); // dialog → how its modal ends (once), until the close event has come

let priceList = null;

/**
 * The prices as payment-service lists them (GET /payments/prices, fetched once per page): the page never keeps its
 * own copy. `amount(product, currency)` is in minor units; `sessions` is how many sessions a package holds;
 * `currencies` are the ones a client may pay in.
 */
export async function loadPrices() {
  if (!priceList) {
    priceList = api('/payments/prices').then((products) => {
      const byProduct = Object.fromEntries(products.map((p) => [p.product, p]));
      return {
        amount: (product, currency) => (byProduct[product].prices.find((m) => m.currency === currency) || {}).amount_minor,
        sessions: byProduct.package.sessions,
        currencies: byProduct.single.prices.map((m) => m.currency),
        words: (product) => priceWords(byProduct[product].prices),
      };
    }).catch((error) => { priceList = null; throw error; });
  }
  return priceList;
}

/** "150.00 USD or CAD" when the currencies cost the same, else "150.00 USD or 160.00 CAD". */
function priceWords(prices) {
  const same = prices.every((m) => m.amount_minor === prices[0].amount_minor);
  return same ? `${money(prices[0].amount_minor)} ${prices.map((m) => m.currency).join(' or ')}`
    : prices.map((m) => money(m)).join(' or ');
}

/**
 * Opens the booking modal in the (empty) dialog; onClose is called once it has closed. `prices` is what
 * loadPrices() gave.
 */
export function openBooking(dialog, { onClose, prices } = {}) {
  if (dialog.open) return;
  // Closed and opened again before the close event (a queued task) came: end the last modal now, so that its late
  // event cannot end this one.
  endings.get(dialog)?.();
  const opener = document.activeElement;
  const lifetime = new AbortController(); // ends the listeners and every poll when the modal closes
  const close = () => dialog.close();
  const body = h('div', { class: 'modal-body' });
  fill(dialog,
    h('div', { class: 'modal-head' },
      h('h2', { id: 'booking-title' }, 'Book a session'),
      h('button', { type: 'button', class: 'button secondary close', 'aria-label': 'Close', onclick: close },
        h('span', { 'aria-hidden': 'true' }, '×'))),
    body);
  const onBooked = (accepted, context) => followBooking(body, accepted, { ...context, close, signal: lifetime.signal });
  body.append(bookingForm({ close, onBooked, signal: lifetime.signal, prices }));
  trapFocus(dialog, lifetime.signal);
  const end = () => {
    endings.delete(dialog);
    lifetime.abort();
    returnFocus(opener, onClose);
  };
  endings.set(dialog, end);
  dialog.addEventListener('close', () => { if (!dialog.open) end(); }, { signal: lifetime.signal });
  dialog.showModal();
  dialog.querySelector('input[name="session-type"]:checked').focus();
}

/** Tab and Shift+Tab cycle inside the dialog; Escape closes it. */
function trapFocus(dialog, signal) {
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)]
      .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }, { signal });
}

function returnFocus(opener, onClose) {
  // Opened by the router, focus was on <main> (it focuses it on each hash change): go back to the button instead.
  const target = opener && opener !== document.body && opener.id !== 'main'
    ? opener : document.getElementById('open-booking');
  const focus = () => {
    if (target && target.isConnected && target.checkVisibility?.() !== false) target.focus();
  };
  const hash = location.hash;
  onClose?.();
  // onClose may change the hash, and the router then focuses <main>: take focus back after its listener ran.
  if (location.hash !== hash) window.addEventListener('hashchange', focus, { once: true });
  else focus();
}

/** The form. `onBooked(accepted, context)` takes over once a booking request was accepted (202). */
function bookingForm({ close, onBooked, signal, prices }) {
  const sessionTypes = [
    ['free', 'Free (promo code)'],
    ['paid_single', `Single session (${prices.words('single')})`],
    ['package', `Package of ${prices.sessions} (${prices.words('package')})`],
  ];
  const settings = config() || {};
  const coachZone = settings.coach_zone || 'America/Toronto';
  const countries = [...new Set([...COUNTRIES, settings.default_phone_region].filter(Boolean))];
  const country = defaultCountry(countries, settings.default_phone_region);
  const state = {
    type: 'free',
    zone: browserZone(),
    availability: null,
    slots: new Map(), // client date (YYYY-MM-DD) → its slots, soonest first
    date: null,
    slot: null, // the chosen slot's datetime, exactly as the API gave it
    packagesLoaded: false,
    credit: null, // the ACTIVE package with sessions left, booked from
  };
  const payments = { single: paymentFor('single'), package: paymentFor('package') };
  let availabilityAsked = 0; // the latest availability question: older answers are dropped
  let phoneCheck = null; // { key, result }: the last answer of /booking/phone-check

  // Session type, promo code, currency, package
  const typeField = h('fieldset', {}, h('legend', {}, 'Session type'),
    h('div', { class: 'choices' }, sessionTypes.map(([value, words]) => h('label', { class: 'choice' },
      h('input', {
        type: 'radio', name: 'session-type', value, checked: value === state.type, onchange: () => chooseType(value),
      }),
      words))));
  const promoInput = h('input', {
    type: 'text', id: 'promo-code', 'data-field': 'promo_code', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', 'aria-describedby': 'promo-status',
  });
  const promoStatus = h('p', { id: 'promo-status', class: 'hint', 'aria-live': 'polite' });
  promoInput.addEventListener('input', debounce(liveCheck(promoStatus, promoWords), 300));
  const promoField = field('Promo code', promoInput, errorSlot('promo_code'), promoStatus);
  const usual = country === 'CA' ? 'CAD' : 'USD'; // as payment-service picks one for a phone number
  const currencySelect = h('select', { id: 'currency', 'data-field': 'currency', onchange: updateWords },
    prices.currencies.map((code) => h('option', { value: code, selected: code === usual }, code)));
  const currencyField = field('Currency', currencySelect, errorSlot('currency'));
  const packageBox = h('div', { class: 'package', 'aria-live': 'polite' });
  const packagePay = h('div', { class: 'payment' });
  const buyButton = h('button', { type: 'button', id: 'buy-package', class: 'button primary', onclick: buyPackage });

  // Time zone, date, time, backup time
  const zoneSelect = h('select', {
    id: 'client-zone', 'data-field': 'client_timezone', 'aria-describedby': 'zone-hint',
    onchange: async () => {
      state.zone = zoneSelect.value;
      await ensureZoneRules([state.zone]);
      loadAvailability();
    },
  }, zoneList(state.zone, coachZone)
    .map((zone) => h('option', { value: zone, selected: zone === state.zone }, zone.replace(/_/g, ' '))));
  const zoneField = field('Your time zone', zoneSelect,
    h('p', { class: 'hint', id: 'zone-hint' }, `Times also shown in the coach's zone (${zoneName(coachZone)})`),
    errorSlot('client_timezone'));
  const picker = datePicker(chooseDate);
  const calendarNote = h('div', { class: 'calendar-note' });
  // aria-busy while the open times load: the days shown until then are the previous type's or zone's
  const dateField = h('fieldset', { id: 'date-field' }, h('legend', {}, 'Date'), picker.element, calendarNote);
  const slotArea = h('div', {});
  const backupDate = h('select', {
    id: 'backup-date', 'data-field': 'backup_datetime', 'aria-describedby': 'backup-hint', onchange: renderBackupTimes,
  });
  const backupTime = h('select', { id: 'backup-time' });
  const backupField = h('fieldset', {}, h('legend', {}, 'Backup time (optional)'),
    h('p', { class: 'hint', id: 'backup-hint' },
      'If the coach has to block your date, your session moves here automatically.'),
    h('div', { class: 'backup-fields' },
      field('Backup day', backupDate, errorSlot('backup_datetime')), field('Backup time', backupTime)));

  // Phone, reminders, card, actions
  const countrySelect = h('select', { id: 'phone-country', autocomplete: 'country' },
    countries.map((code) => h('option', { value: code, selected: code === country }, countryName(code))));
  const phoneInput = h('input', {
    type: 'tel', id: 'phone', autocomplete: 'tel', 'data-field': 'user_phone', 'aria-describedby': 'phone-status',
  });
  const phoneStatus = h('p', { id: 'phone-status', class: 'hint', 'aria-live': 'polite' });
  const checkPhone = liveCheck(phoneStatus, phoneWords);
  phoneInput.addEventListener('input', debounce(checkPhone, 300));
  countrySelect.addEventListener('change', checkPhone);
  const phoneField = h('fieldset', {}, h('legend', {}, 'Phone'),
    field('Country', countrySelect),
    field('Phone number (the coach calls you)', phoneInput, errorSlot('user_phone'), phoneStatus));
  const sms = settings.sms_enabled;
  const notify = {
    email: checkbox('notify-email', 'Email', true),
    inapp: checkbox('notify-inapp', 'In the app', true),
    sms: checkbox('notify-sms', sms ? 'Text message (SMS)' : 'Text message (SMS), coming soon', false, !sms),
  };
  const notifyField = h('fieldset', { 'data-field': 'notification_preferences' },
    h('legend', {}, 'How should we remind you?'),
    h('div', { class: 'choices' }, Object.values(notify).map((box) => box.label)));
  const singlePay = h('div', { class: 'payment' });
  const submitButton = h('button', { type: 'submit', id: 'book-submit', class: 'button primary' });

  const form = h('form', { class: 'booking-form', novalidate: true, onsubmit: submit },
    typeField, promoField, currencyField, packageBox, zoneField,
    dateField,
    h('fieldset', { 'data-field': 'scheduled_datetime' }, h('legend', {}, 'Time'), slotArea),
    errorSlot('scheduled_datetime'),
    backupField, phoneField, notifyField, errorSlot('notification_preferences'), singlePay,
    h('p', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true }),
    h('div', { class: 'actions' }, submitButton,
      h('button', { type: 'button', class: 'button secondary', onclick: close }, 'Cancel')));
  chooseType(state.type);
  return form;

  function chooseType(type) {
    state.type = type;
    promoField.hidden = type !== 'free';
    currencyField.hidden = type === 'free';
    packageBox.hidden = type !== 'package';
    // One card form at a time, so that #card-number stays unique.
    payments.single.hide();
    payments.package.hide();
    if (type === 'paid_single') payments.single.show(singlePay, currency());
    if (type === 'package') preparePackage();
    updateWords();
    loadAvailability();
  }

  function currency() {
    return currencySelect.value;
  }

  function updateWords() {
    submitButton.textContent = {
      free: 'Book free session',
      paid_single: `Pay ${money(prices.amount('single', currency()), currency())} and book`,
      package: 'Book from package',
    }[state.type];
    buyButton.textContent = `Buy a package of ${prices.sessions} for ${money(prices.amount('package', currency()), currency())}`;
  }

  async function promoWords() {
    const code = promoInput.value.trim();
    if (!code) return [''];
    const { valid, uses_remaining: left } = await api(`/booking/promo/${encodeURIComponent(code)}`);
    if (!valid) return ['This code is not valid', 'warn'];
    if (left <= 0) return ['This code has no uses left', 'warn'];
    return [`${code} is valid: ${left} ${left === 1 ? 'use' : 'uses'} left`, 'ok'];
  }

  async function preparePackage() {
    if (!state.packagesLoaded) {
      renderPackage();
      try {
        const mine = await api('/booking/my-appointments');
        state.credit = (mine.packages || []).find((p) => p.status === 'ACTIVE' && p.sessions_remaining > 0) || null;
        state.packagesLoaded = true;
      } catch (error) {
        fill(packageBox, failure(`Your packages could not be loaded: ${error.message}`, preparePackage));
        return;
      }
    }
    renderPackage();
  }

  function renderPackage() {
    if (state.type !== 'package') return;
    if (!state.packagesLoaded) {
      fill(packageBox, h('p', { class: 'hint' }, 'Looking for your package…'));
    } else if (state.credit) {
      payments.package.hide();
      fill(packageBox, h('p', { id: 'package-credits', class: 'ok', tabindex: '-1' },
        `${state.credit.sessions_remaining} of ${state.credit.sessions_total} sessions left in your package`));
    } else {
      fill(packageBox, h('p', {}, 'You have no package with sessions left.'), packagePay, buyButton);
      payments.package.show(packagePay, currency());
    }
  }

  async function buyPackage() {
    clearErrors(form);
    setBusy(buyButton, true);
    try {
      const intent = await payments.package.pay(currency());
      let bought = await api('/booking/create-paid-package', post({
        currency: intent.currency, stripe_payment_intent_id: intent.payment_intent_id,
      }));
      // A 202 (payment-service still verifying) answers PENDING_PAYMENT.
      if (bought.status !== 'ACTIVE') bought = await waitForPackage(bought.package_id, signal);
      state.credit = { ...bought, sessions_total: bought.sessions_total ?? prices.sessions };
      renderPackage();
      form.querySelector('#package-credits').focus();
      announce(`Package bought: ${state.credit.sessions_remaining} sessions to book.`);
    } catch (error) {
      // A payment that did not verify cannot be used again: the next try takes a new one.
      if (error.type === 'payment-failed') payments.package.forget();
      showError(form, error, ALIASES);
    } finally {
      setBusy(buyButton, false);
    }
  }

  async function loadAvailability() {
    const mine = ++availabilityAsked;
    dateField.setAttribute('aria-busy', 'true');
    fill(calendarNote, h('p', { class: 'hint' }, 'Loading the open times…'));
    try {
      const answer = await api(`/booking/availability?session_type=${state.type}&tz=${encodeURIComponent(state.zone)}`);
      if (mine === availabilityAsked && !signal.aborted) useAvailability(answer);
    } catch (error) {
      if (mine !== availabilityAsked) return;
      fill(calendarNote, failure(`The open times could not be loaded: ${error.message}`, loadAvailability));
    } finally {
      if (mine === availabilityAsked) dateField.removeAttribute('aria-busy');
    }
  }

  function useAvailability(answer) {
    state.availability = answer;
    state.slots = slotsByDate(answer.available_slots || [], state.zone);
    // What was chosen stays chosen while it is open (a reload after a change of zone or type, or a slot taken).
    if (state.slot && !slotsOn(dateIn(state.slot, state.zone)).some((s) => s.datetime === state.slot)) {
      state.slot = null;
      announce('The time you chose is not open any more: please choose another.');
    }
    state.date = state.slot ? dateIn(state.slot, state.zone) : (state.slots.has(state.date) ? state.date : null);
    fill(calendarNote,
      answer.busy_times_stale && h('p', { class: 'warn' }, "The coach's calendar could not be read lately: a time "
        + 'shown may have been taken since. If so, we will tell you when you book.'),
      !state.slots.size && h('p', { class: 'warn' }, 'There are no open times for this session type at the moment.'));
    const first = dateIn(new Date(), state.zone);
    const lastSlot = [...state.slots.keys()].pop() || first;
    const horizon = addDays(first, settings.horizon_days || 90);
    picker.show({
      first, last: lastSlot > horizon ? lastSlot : horizon, start: state.slots.keys().next().value || first,
      selected: state.date, why: (date) => whyNot(date, first),
    });
    renderSlots();
    renderBackup();
  }

  /** Why a day cannot be chosen, in words; null when it has a slot. */
  function whyNot(date, today) {
    if (state.slots.has(date)) return null;
    if (date < today) return 'past';
    if ((state.availability.blocked_dates || []).includes(date)) return 'blocked by the coach';
    if ((state.availability.full_dates || []).includes(date)) return 'fully booked';
    return 'no sessions';
  }

  function chooseDate(date) {
    state.date = date;
    if (state.slot && dateIn(state.slot, state.zone) !== date) state.slot = null;
    renderSlots();
    renderBackup();
  }

  function renderSlots() {
    if (!state.date) {
      fill(slotArea, h('p', { class: 'hint' }, state.availability ? 'Choose a date to see its times.' : ''));
      return;
    }
    fill(slotArea, h('p', { class: 'slot-day' }, longDate(state.date)),
      h('ul', { class: 'slots' }, slotsOn(state.date).map((slot) => h('li', {}, slotButton(slot)))));
  }

  function slotButton(slot) {
    return h('button', {
      type: 'button', class: 'slot', 'data-datetime': slot.datetime,
      'aria-pressed': String(slot.datetime === state.slot), onclick: () => chooseSlot(slot.datetime),
    }, timeOf(slot.datetime, state.zone), state.zone === coachZone ? null : h('small', {}, coachTime(slot.datetime)));
  }

  function chooseSlot(datetime) {
    state.slot = datetime;
    slotArea.querySelectorAll('button.slot')
      .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.datetime === datetime)));
    renderBackup();
  }

  function slotsOn(date) {
    return state.slots.get(date) || [];
  }

  function coachTime(datetime) {
    return `${timeOf(datetime, coachZone)} in ${zoneName(coachZone)}`;
  }

  /** The backup may be any open slot but the main one. */
  function backupChoices(date) {
    return slotsOn(date).filter((slot) => slot.datetime !== state.slot);
  }

  function renderBackup() {
    const kept = backupDate.value;
    const dates = [...state.slots.keys()].filter((date) => backupChoices(date).length);
    fill(backupDate, h('option', { value: '' }, 'No backup'),
      dates.map((date) => h('option', { value: date }, longDate(date))));
    backupDate.value = dates.includes(kept) ? kept : '';
    renderBackupTimes();
  }

  function renderBackupTimes() {
    const kept = backupTime.value;
    const choices = backupDate.value ? backupChoices(backupDate.value) : [];
    const words = (slot) => timeOf(slot.datetime, state.zone)
      + (state.zone === coachZone ? '' : ` (${coachTime(slot.datetime)})`);
    fill(backupTime, choices.length
      ? choices.map((slot) => h('option', { value: slot.datetime }, words(slot)))
      : h('option', { value: '' }, 'Choose a backup day first'));
    backupTime.disabled = !choices.length;
    if (choices.some((slot) => slot.datetime === kept)) backupTime.value = kept;
  }

  async function phoneWords() {
    const number = phoneInput.value.trim();
    if (!number) return [''];
    const { valid, e164 } = await askPhone(number, countrySelect.value);
    if (valid) return [`We will call ${e164}`, 'ok'];
    return [`This does not look like a phone number in ${countryName(countrySelect.value)} yet`, 'warn'];
  }

  async function askPhone(number, region) {
    const key = `${region} ${number}`;
    if (!phoneCheck || phoneCheck.key !== key) {
      const query = `number=${encodeURIComponent(number)}&region=${encodeURIComponent(region)}`;
      phoneCheck = { key, result: await api(`/booking/phone-check?${query}`) };
    }
    return phoneCheck.result;
  }

  /** The number in E.164 when it checks out; else as typed (the server then says what is wrong, by the field). */
  async function phoneToSend() {
    const number = phoneInput.value.trim();
    try {
      const result = await askPhone(number, countrySelect.value);
      return result.valid ? result.e164 : number;
    } catch {
      return number;
    }
  }

  /** Shows the problems the form can see by itself, each by its field; true when there are none. */
  function looksComplete() {
    const problems = [];
    if (!state.slot) problems.push(fieldProblem('scheduled_datetime', 'Choose a time'));
    if (!phoneInput.value.trim()) problems.push(fieldProblem('user_phone', 'Enter the number the coach should call'));
    // Shown last to first, so that focus ends by the first.
    problems.reverse().forEach((problem) => showError(form, problem));
    return problems.length === 0;
  }

  async function submit(event) {
    event.preventDefault();
    if (submitButton.disabled) return; // Enter pressed while the last submit still runs
    clearErrors(form);
    if (!looksComplete()) return;
    setBusy(submitButton, true);
    try {
      const accepted = await sendBooking();
      onBooked(accepted, { paid: state.type === 'paid_single', zone: state.zone, coachZone, smsEnabled: sms });
    } catch (error) {
      showError(form, error, ALIASES);
      if (error.type === 'slot-unavailable') loadAvailability();
    } finally {
      setBusy(submitButton, false);
    }
  }

  async function sendBooking() {
    const booking = {
      scheduled_datetime: state.slot,
      backup_datetime: backupDate.value && backupTime.value ? backupTime.value : undefined,
      user_phone: await phoneToSend(),
      client_timezone: state.zone,
      notification_preferences: {
        email: notify.email.input.checked, inapp: notify.inapp.input.checked, sms: notify.sms.input.checked,
      },
    };
    if (state.type === 'free') {
      return api('/booking/create-free', post({ ...booking, promo_code: promoInput.value.trim() }));
    }
    if (state.type === 'paid_single') {
      const intent = await payments.single.pay(currency());
      return api('/booking/create-paid-single', post({
        ...booking, currency: intent.currency, stripe_payment_intent_id: intent.payment_intent_id,
      }));
    }
    if (!state.credit) throw new ApiError(0, { detail: 'Buy a package first, or choose another session type.' });
    return api('/booking/use-package-session', post({ ...booking, package_id: state.credit.package_id }));
  }
}

/**
 * A month-at-a-time date picker. show({ first, last, start, selected, why }) draws the months from `first` to
 * `last` (YYYY-MM-DD), starting on the month of `start` unless the one on show is still in range; `why(date)` says
 * why a day cannot be chosen (null: it can). `onChoose(date)` hears of each choice.
 */
function datePicker(onChoose) {
  let view = null;
  let month = null; // YYYY-MM on show
  const title = h('h3', { class: 'month-name', 'aria-live': 'polite' });
  const prevButton = monthButton('prev-month', 'Previous month', '‹', -1);
  const nextButton = monthButton('next-month', 'Next month', '›', 1);
  const grid = h('div', { class: 'calendar-grid', onclick: clickDay, onkeydown: moveFocus });
  const element = h('div', { class: 'calendar' },
    h('div', { class: 'calendar-head' }, prevButton, title, nextButton), grid,
    h('p', { class: 'legend' }, 'Greyed, struck-through days cannot be booked: they are past, blocked by the coach, '
      + 'fully booked, or have no sessions.'));
  return { element, show };

  function monthButton(name, label, symbol, step) {
    return h('button', {
      type: 'button', class: `button secondary ${name}`, 'aria-label': label, disabled: true, onclick: () => turn(step),
    }, symbol);
  }

  function show(next) {
    view = next;
    if (!month || !inRange(month)) month = view.start.slice(0, 7);
    render();
  }

  function inRange(candidate) {
    return candidate >= view.first.slice(0, 7) && candidate <= view.last.slice(0, 7);
  }

  function render() {
    title.textContent = monthName(month);
    prevButton.disabled = !inRange(addMonths(month, -1));
    nextButton.disabled = !inRange(addMonths(month, 1));
    const days = daysOf(month);
    fill(grid,
      WEEKDAYS.map((day) => h('span', { class: 'dow', 'aria-hidden': 'true' }, day)),
      Array.from({ length: weekdayIndex(days[0]) }, () => h('span', { 'aria-hidden': 'true' })),
      days.map(dayButton));
  }

  function dayButton(date) {
    const why = view.why(date);
    return h('button', {
      type: 'button', class: 'day', 'data-date': date,
      'aria-label': why ? `${longDate(date)}, ${why}` : longDate(date),
      'aria-disabled': why ? 'true' : null, tabindex: why ? '-1' : null,
      'aria-pressed': why ? null : String(date === view.selected),
    }, Number(date.slice(8)));
  }

  function turn(step) {
    month = addMonths(month, step);
    render();
    // A month button that has just become disabled lost focus: give it to the other one.
    const [here, other] = step < 0 ? [prevButton, nextButton] : [nextButton, prevButton];
    if (here.disabled) other.focus();
  }

  function clickDay(event) {
    const day = event.target.closest('button.day');
    if (!day || day.getAttribute('aria-disabled') === 'true') return;
    view.selected = day.dataset.date;
    grid.querySelectorAll('button.day[aria-pressed]')
      .forEach((b) => b.setAttribute('aria-pressed', String(b === day)));
    onChoose(view.selected);
  }

  /** Arrow keys move by a day or a week, Home and End to the week's start or end, across months too. */
  function moveFocus(event) {
    const day = event.target.closest('button.day');
    if (!day) return;
    const date = day.dataset.date;
    const moves = {
      ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekdayIndex(date), End: 6 - weekdayIndex(date),
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = addDays(date, moves[event.key]);
    if (!inRange(target.slice(0, 7))) return;
    if (target.slice(0, 7) !== month) {
      month = target.slice(0, 7);
      render();
    }
    grid.querySelector(`[data-date="${target}"]`).focus();
  }
}

/**
 * The card payment for one product, kept for the modal's life so that nothing is paid twice: a booking refused after
 * the payment resends the same (paid) intent. The card form depends on the intent's mode (sandbox or Stripe) and on
 * Stripe's key, which only the intent gives, so the intent is made when the card form is first shown; while unpaid,
 * it is replaced when the currency has changed.
 */
function paymentFor(product) {
  let intent = null;
  let paid = false;
  let container = null;
  let shown = 0; // counts show() and hide(): an older show() that resolves late draws nothing
  let stripeCard = null; // { stripe, card } in live mode, once mounted

  return { show, hide, pay, forget };

  async function ensureIntent(currency) {
    if (!intent || (!paid && intent.currency !== currency)) {
      intent = { ...await api('/payments/intents', post({ product, currency })), currency };
    }
  }

  async function show(where, currency) {
    const mine = ++shown;
    container = where;
    stripeCard = null;
    fill(where, h('p', { class: 'hint' }, 'Getting the card form ready…'));
    try {
      await ensureIntent(currency);
      if (mine !== shown) return;
      if (intent.mode === 'sandbox') {
        fill(where, sandboxCard());
        return;
      }
      const slot = h('div', { class: 'card-element', 'data-field': 'card_number', 'aria-labelledby': 'card-label' });
      fill(where, h('div', { class: 'field' },
        h('p', { class: 'card-label', id: 'card-label' }, 'Card'), slot, errorSlot('card_number')));
      await mountStripe(slot, mine);
    } catch (error) {
      if (mine !== shown) return;
      fill(where, failure(`The card form could not be prepared: ${error.message}`, () => show(where, currency)));
    }
  }

  async function mountStripe(slot, mine) {
    const Stripe = await loadStripe();
    if (mine !== shown) return;
    const stripe = Stripe(intent.publishable_key);
    const card = stripe.elements().create('card');
    card.mount(slot);
    // Stripe checks the card as it is typed: its words go where the server's would.
    card.on('change', (event) => {
      const words = slot.parentElement.querySelector('[data-error-for="card_number"]');
      words.textContent = event.error ? event.error.message : '';
      words.hidden = !event.error;
    });
    stripeCard = { stripe, card };
  }

  function hide() {
    shown += 1;
    if (container) container.replaceChildren();
    container = null;
    stripeCard = null;
  }

  /** Pays (once) and returns the intent, with the currency it was made in. */
  async function pay(currency) {
    if (paid) return intent;
    await ensureIntent(currency);
    if (intent.mode === 'sandbox') await confirmSandbox();
    else await confirmStripe();
    paid = true;
    return intent;
  }

  async function confirmSandbox() {
    const input = container && container.querySelector('#card-number');
    const digits = input ? input.value.replace(/\D/g, '') : '';
    if (!digits) throw fieldProblem('card_number', 'Enter the card number');
    const id = encodeURIComponent(intent.payment_intent_id);
    await api(`/payments/sandbox/intents/${id}/confirm`, post({ card_number: digits }));
  }

  async function confirmStripe() {
    if (!stripeCard) throw fieldProblem('card_number', 'The card form is not ready yet: try again in a moment');
    const { stripe, card } = stripeCard;
    const { error } = await stripe.confirmCardPayment(intent.client_secret, { payment_method: { card } });
    // "Already succeeded" means an earlier confirmation went through and its answer was lost: it is paid.
    if (error && !(error.payment_intent && error.payment_intent.status === 'succeeded')) {
      throw new ApiError(402, { title: 'The card was not accepted', detail: error.message, field: 'card_number' });
    }
  }

  function forget() {
    intent = null;
    paid = false;
  }
}

function sandboxCard() {
  return h('div', { class: 'sandbox' },
    h('h3', {}, 'Sandbox card (no real money)'),
    h('p', { class: 'hint', id: 'card-hint' }, 'Test card 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.'),
    field('Card number', h('input', {
      type: 'text', id: 'card-number', inputmode: 'numeric', autocomplete: 'off', 'data-field': 'card_number',
      'aria-describedby': 'card-hint',
    }), errorSlot('card_number')));
}

let stripeJs = null; // Stripe.js is loaded once per page

function loadStripe() {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  stripeJs = stripeJs || new Promise((resolve, reject) => {
    document.head.append(h('script', {
      src: STRIPE_JS,
      onload: () => resolve(window.Stripe),
      onerror: () => {
        stripeJs = null;
        reject(new ApiError(0, { detail: 'The card form could not be loaded from Stripe. Check your connection.' }));
      },
    }));
  });
  return stripeJs;
}

/** Polls a package bought while its payment is still being verified: every 700 ms, for 30 s at most. */
async function waitForPackage(id, signal) {
  const until = Date.now() + 30000;
  while (Date.now() < until && !signal.aborted) {
    await sleep(700);
    const bought = await api(`/booking/packages/${encodeURIComponent(id)}`);
    if (bought.status === 'ACTIVE') return bought;
    if (bought.status === 'FAILED') {
      throw new ApiError(402, {
        type: 'urn:problem-type:payment-failed', field: 'stripe_payment_intent_id',
        detail: `The payment did not verify: ${bought.failure_reason || 'no reason was given'}`,
      });
    }
  }
  throw new ApiError(0, {
    detail: 'Your payment is still being verified. The package will show in My appointments once it is.',
  });
}

/** Replaces the form with the booking's progress, polled every 600 ms for 2 minutes at most. */
async function followBooking(body, accepted, { paid, zone, coachZone, smsEnabled, close, signal }) {
  const title = h('h3', { id: 'confirmation-title', tabindex: '-1' }, 'Booking your session…');
  const items = SAGA_STEPS.filter((s) => paid || s.key !== 'payment')
    .map((s) => ({ ...s, li: h('li', { 'data-step': s.step, 'data-state': 'pending' }, s.words) }));
  const detail = h('p', { id: 'confirmation-detail' });
  const actions = h('div', { class: 'actions' });
  fill(body, h('section', { id: 'confirmation', 'aria-labelledby': 'confirmation-title' },
    title, h('ol', { class: 'steps' }, items.map((item) => item.li)), detail, actions));
  title.focus();
  announce('Booking your session…');

  const until = Date.now() + 120000;
  while (!signal.aborted) {
    try {
      const booking = await api(`/booking/${encodeURIComponent(accepted.booking_id)}`);
      if (signal.aborted) return;
      showSteps(booking);
      if (showOutcome(booking)) return;
    } catch (error) {
      // A 4xx will not get better by asking again; anything else (offline, 5xx, 429) may.
      if (error.status >= 400 && error.status < 500 && error.status !== 429) {
        finish('We could not follow your booking', error.message);
        return;
      }
      detail.textContent = `We could not check just now (${error.message}); trying again…`;
    }
    if (Date.now() > until) {
      // A failure already shown stays (only its refund is still under way); a booking still pending is explained.
      if (!actions.childElementCount) {
        finish('Your booking is taking longer than usual',
          'We will tell you by email and in the app once it is settled; you can also follow it in My appointments.');
      }
      return;
    }
    await sleep(600);
  }

  function showSteps(booking) {
    const steps = (booking.saga && booking.saga.steps) || {};
    let activeGiven = false;
    for (const item of items) {
      const value = steps[item.key] || 'PENDING';
      let next = stepState(value);
      if (next === 'pending' && booking.status === 'CONFIRMED') next = 'done';
      if (next === 'pending' && booking.status === 'PENDING' && !activeGiven) {
        next = 'active';
        activeGiven = true;
      }
      item.li.hidden = value === 'NOT_REQUIRED';
      if (item.li.dataset.state !== next && !item.li.hidden) announce(`${item.words}: ${STEP_WORDS[next]}`);
      item.li.dataset.state = next;
    }
  }

  /** Shows the outcome once there is one; true when there is nothing more to wait for. */
  function showOutcome(booking) {
    if (booking.status === 'PENDING') return false;
    if (booking.status === 'CONFIRMED') {
      finish("You're booked", confirmedWords(booking, zone, coachZone, smsEnabled));
      return true;
    }
    if (booking.status === 'FAILED' || booking.status === 'REFUNDED') {
      const returning = booking.status === 'FAILED' && moneyTaken(booking);
      finish('We could not book this session', failedWords(booking, returning));
      return !returning; // a refund is under way: keep polling until the booking is REFUNDED
    }
    finish(statusWords(booking.status), '');
    return true;
  }

  function finish(words, more) {
    if (title.textContent !== words || detail.textContent !== more) announce(more ? `${words}. ${more}` : words);
    title.textContent = words;
    detail.textContent = more;
    if (actions.childElementCount) return;
    fill(actions,
      h('a', { href: '#/appointments', class: 'button secondary' }, 'See my appointments'),
      h('button', { type: 'button', class: 'button primary', onclick: close }, 'Done'));
  }
}

/** A saga step's value (PENDING, DONE, SUCCEEDED, FAILED, COMPENSATED, NOT_REQUIRED…) as the list shows it. */
function stepState(value) {
  if (value === 'FAILED' || value === 'COMPENSATED') return 'failed';
  if (value === 'DONE' || value.endsWith('ED')) return 'done';
  return 'pending';
}

/** A paid booking whose payment went through (so, as the booking failed, it is to be returned). */
function moneyTaken(booking) {
  const step = (booking.saga && booking.saga.steps && booking.saga.steps.payment) || 'PENDING';
  if (booking.booking_type !== 'PAID_SINGLE' || step === 'NOT_REQUIRED') return false;
  return step === 'COMPENSATED' || stepState(step) === 'done';
}

function confirmedWords(booking, zone, coachZone, smsEnabled) {
  const prefs = booking.notification_preferences || {};
  const channels = [
    prefs.email && 'by email', prefs.inapp && 'in the app', prefs.sms && smsEnabled && 'by text message',
  ].filter(Boolean);
  const backup = booking.backup_datetime && timeWords(booking.backup_datetime, zone, coachZone);
  return [
    `Your session is on ${timeWords(booking.scheduled_datetime, zone, coachZone)}.`,
    backup && `If the coach has to block that date, it moves to your backup time, ${backup}.`,
    booking.user_phone && `The coach will call you at ${booking.user_phone}.`,
    channels.length ? `We'll remind you ${listWords(channels)}.` : 'You chose no reminders.',
  ].filter(Boolean).join(' ');
}

function failedWords(booking, returning) {
  const reason = booking.failure_reason || 'something went wrong on our side';
  const refunded = booking.refunded_amount > 0 && booking.price
    ? money(booking.refunded_amount, booking.price.currency) : money(booking.price);
  return [
    `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`,
    booking.status === 'REFUNDED' && `Your payment of ${refunded} has been returned to your card.`,
    returning && `Your payment of ${money(booking.price)} is being returned to your card.`,
    booking.booking_type === 'PACKAGE' && 'The session is back in your package.',
    booking.booking_type === 'FREE' && booking.promo_code && 'Your promo code use is given back.',
  ].filter(Boolean).join(' ');
}

/** "Monday, 11 January 2027 at 16:00 your time (Paris), 10:00 in Toronto". */
function timeWords(instant, zone, coachZone) {
  const mine = `${longDate(dateIn(instant, zone))} at ${timeOf(instant, zone)}`;
  if (zone === coachZone) return `${mine} (${zoneName(coachZone)} time)`;
  const coachDate = dateIn(instant, coachZone);
  const coachDay = coachDate === dateIn(instant, zone) ? '' : `${longDate(coachDate)} at `;
  return `${mine} your time (${zoneName(zone)}), ${coachDay}${timeOf(instant, coachZone)} in ${zoneName(coachZone)}`;
}

function listWords(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// Small helpers

function post(body) {
  return { method: 'POST', body };
}

/** A problem the page finds by itself, shown like the server's (next to `field`). */
function fieldProblem(field, words) {
  return new ApiError(400, { title: words, detail: words, field });
}

function setBusy(button, busy) {
  button.disabled = busy;
  if (busy) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

/** Checks a field as it is typed: `ask` answers [words, kind] for `status`; only the latest answer shows. */
function liveCheck(status, ask) {
  let latest = 0;
  const show = (mine, words, kind) => {
    if (mine !== latest) return;
    status.textContent = words;
    status.className = kind ? `hint ${kind}` : 'hint';
  };
  return async () => {
    const mine = ++latest;
    try {
      show(mine, ...await ask());
    } catch (error) {
      show(mine, `This could not be checked just now: ${error.message}`, 'warn');
    }
  };
}

/** A labelled control, with what follows it (hints, its error slot). */
function field(label, control, ...after) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, ...after);
}

/** What could not be done, and a button to try again. */
function failure(words, retry) {
  return [h('p', { class: 'warn', role: 'alert' }, words),
    h('button', { type: 'button', class: 'button', onclick: () => retry() }, 'Try again')];
}

function checkbox(id, words, checked, disabled = false) {
  const input = h('input', { type: 'checkbox', id, checked: checked && !disabled, disabled });
  return { input, label: h('label', { class: 'choice', for: id }, input, words) };
}

function countryName(code) {
  return regionNames.of(code) || code;
}

/** The browser locale's country when it is in the list (en-CA: CA), else the configured one. */
function defaultCountry(countries, fallback) {
  let region;
  try {
    region = new Intl.Locale(navigator.language).region;
  } catch {
    // an unreadable locale: the configured country will do
  }
  if (countries.includes(region)) return region;
  return countries.includes(fallback) ? fallback : countries[0];
}

/** Every IANA zone the browser knows, with the given ones (an older browser may list none). */
function zoneList(...wanted) {
  const known = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, ...wanted])].sort();
}

function slotsByDate(slots, zone) {
  const byDate = new Map();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime))) {
    const date = dateIn(slot.datetime, zone);
    if (!byDate.has(date)) byDate.set(date, []);
    byDate.get(date).push(slot);
  }
  return byDate;
}

// Calendar dates as YYYY-MM-DD and months as YYYY-MM, counted in UTC so that no zone shifts them.

function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function addMonths(month, months) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

function daysOf(month) {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 0 for Monday to 6 for Sunday. */
function weekdayIndex(date) {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function monthName(month) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

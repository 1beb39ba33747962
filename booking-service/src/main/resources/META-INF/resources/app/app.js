// The single page: the home page (static in index.html, shown at once), the booking modal (#/book), my
// appointments (#/appointments) and the coach's console (#/coach), chosen by the URL hash so that a sign-in
// survives moving between them. Views load on first use.
import * as auth from './auth.js';
import { h, fill, announce } from './ui.js';

const views = ['home', 'appointments', 'coach'];

function showView(name) {
  for (const view of views) {
    document.getElementById(`view-${view}`).hidden = view !== name;
  }
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

function updateHeader() {
  const signedIn = auth.signedIn();
  const who = auth.user();
  document.getElementById('who').textContent = who ? `Signed in as ${who.name}` : '';
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.querySelectorAll('[data-needs="signed-in"]').forEach((el) => { el.hidden = !signedIn; });
  document.querySelectorAll('[data-needs="coach"]').forEach((el) => { el.hidden = !auth.isCoach(); });
}

function signInFirst(section, what, returnHash) {
  fill(section,
    h('h1', { id: `${section.id.replace('view-', '')}-title` }, what),
    h('p', {}, 'Please sign in first.'),
    h('button', { type: 'button', class: 'button primary', onclick: () => auth.login(returnHash) }, 'Sign in'));
}

async function route() {
  const hash = location.hash || '#/';
  const dialog = document.getElementById('booking-modal');
  if (hash === '#/book') {
    showView('home');
    if (!auth.signedIn()) {
      await auth.login('#/book');
      return;
    }
    const { openBooking, loadPrices } = await import('./booking-modal.js');
    const prices = await loadPrices();
    openBooking(dialog, { prices, onClose: () => { if (location.hash === '#/book') location.hash = '#/'; } });
    return;
  }
  if (dialog.open) dialog.close();
  if (hash.startsWith('#/appointments')) {
    showView('appointments');
    const section = document.getElementById('view-appointments');
    if (!auth.signedIn()) return signInFirst(section, 'My appointments', '#/appointments');
    const { renderAppointments } = await import('./appointments.js');
    return renderAppointments(section);
  }
  if (hash.startsWith('#/coach')) {
    showView('coach');
    const section = document.getElementById('view-coach');
    if (!auth.signedIn()) return signInFirst(section, 'Coach console', '#/coach');
    if (!auth.isCoach()) {
      return fill(section, h('h1', { id: 'coach-title' }, 'Coach console'), h('p', {}, 'This page is for the coach only.'));
    }
    const { renderConsole } = await import('./console.js');
    return renderConsole(section);
  }
  showView('home');
}

document.getElementById('sign-in').addEventListener('click', () => auth.login());
document.getElementById('sign-out').addEventListener('click', () => auth.logout());
document.getElementById('open-booking').addEventListener('click', () => {
  if (location.hash === '#/book') route();
  else location.hash = '#/book';
});
window.addEventListener('hashchange', () => {
  route().catch((error) => announce(error.message));
  document.getElementById('main').focus({ preventScroll: true });
});

auth.ready.then(async () => {
  updateHeader();
  await route();
  document.body.dataset.auth = auth.signedIn() ? 'signed-in' : 'signed-out';
  performance.mark('wimd:ready'); // the sign-in known and the view drawn (./benchmark.sh pages reads it)
}).catch((error) => announce(error.message));

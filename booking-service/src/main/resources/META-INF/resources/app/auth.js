// Signing in (OIDC authorization code flow with PKCE S256, through keycloak-js) and calling the API with the
// token. Tokens stay in this module's memory: never in localStorage or sessionStorage. A reload signs in again
// silently (check-sso in a hidden iframe) while the provider's session lasts.
import Keycloak from '/webjars/keycloak-js/25.0.4/dist/keycloak.mjs';
import { browserZone, hasZoneRules, useZoneRules } from './ui.js';

const RETURN_KEY = 'wimd.return-to'; // only the page to come back to after signing in (a URL hash), never a token

let keycloak = null;
let webConfig = null;

/** An answer that was not 2xx: `problem` is the problem+json body (type, title, detail, field), when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** The stable problem type without its prefix, e.g. `slot-unavailable`. */
  get type() {
    return String(this.problem.type || '').replace('urn:problem-type:', '');
  }
  get field() {
    return this.problem.field || null;
  }
}

async function readConfig() {
  const response = await fetch('/booking/web-config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.json();
}

/** Resolves once we know whether someone is signed in; never rejects (the pages work signed out). */
export const ready = (async () => {
  try {
    webConfig = await readConfig();
    await ensureZoneRules([browserZone(), webConfig.coach_zone]);
    const signIn = webConfig.sign_in;
    keycloak = new Keycloak({ url: signIn.url, realm: signIn.realm, clientId: signIn.client_id });
    await keycloak.init({
      onLoad: 'check-sso',
      pkceMethod: 'S256',
      silentCheckSsoRedirectUri: `${location.origin}/silent-check-sso.html`,
      checkLoginIframe: false,
    });
    keycloak.onTokenExpired = () => keycloak.updateToken(30).catch(() => keycloak.clearToken());
    const back = sessionStorage.getItem(RETURN_KEY);
    if (back !== null) {
      sessionStorage.removeItem(RETURN_KEY);
      if (keycloak.authenticated && back !== location.hash) location.hash = back;
    }
  } catch (error) {
    console.warn('Signing in is unavailable:', error && error.message ? error.message : error);
  }
  return signedIn();
})();

export function config() {
  return webConfig;
}

/**
 * Loads the server's tz rules for these zones (those not loaded yet), so that the page tells their times as the
 * emails do. Never throws: without them (a zone the server does not know, no answer) the browser's rules tell them.
 */
export async function ensureZoneRules(zones) {
  const missing = [...new Set(zones.filter(Boolean))].filter((zone) => !hasZoneRules(zone));
  const load = async (some) => {
    try {
      const response = await fetch(`/booking/time-zones?${some.map((zone) => `zone=${encodeURIComponent(zone)}`).join('&')}`,
        { headers: { Accept: 'application/json' } });
      if (response.ok) useZoneRules(await response.json());
      return response.ok || response.status !== 400;
    } catch {
      return true; // no answer: the browser's rules tell these zones' times
    }
  };
  for (let i = 0; i < missing.length; i += 50) {
    const batch = missing.slice(i, i + 50);
    // a zone the server does not know refuses the batch: then each of the others on its own
    if (!(await load(batch)) && batch.length > 1) await Promise.all(batch.map((zone) => load([zone])));
  }
}

export function signedIn() {
  return Boolean(keycloak && keycloak.authenticated);
}

export function isCoach() {
  return signedIn() && keycloak.hasRealmRole('coach');
}

/** The signed-in person as the token names them. */
export function user() {
  if (!signedIn()) return null;
  const t = keycloak.tokenParsed || {};
  return { id: t.sub, name: t.name || t.preferred_username || t.email || 'you', email: t.email || '' };
}

/** Sends the browser to the provider's sign-in page; it comes back to `returnHash` (default: where it is now). */
export function login(returnHash = location.hash || '#/') {
  sessionStorage.setItem(RETURN_KEY, returnHash);
  return keycloak.login({ redirectUri: `${location.origin}/` });
}

export function logout() {
  return keycloak.logout({ redirectUri: `${location.origin}/` });
}

/**
 * Calls the API on this origin with the bearer token (refreshed when it is about to expire).
 * @returns the JSON answer (null for 204); throws ApiError for any other answer than 2xx.
 */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (signedIn()) {
    try {
      await keycloak.updateToken(30);
    } catch {
      keycloak.clearToken();
    }
    if (keycloak.token) headers.Authorization = `Bearer ${keycloak.token}`;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: 'The server could not be reached', detail: 'Check your connection and try again.' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

// The web app's entry: routes (/, /map, /finder, /investor, /data, /api-docs,
// /zones/{code}, /login, /performance and /track; for staff /inbox, /audit,
// /admin/users and the dossiers' settings /admin/calendar, /admin/time-limits,
// /admin/procedures; for whoever handles dossiers /dossiers, /dossiers/new,
// /dossiers/{code}, /queue and /notifications; the linkage desk's
// /suppliers, /suppliers/{tax_code}, /demands, /demands/{code}, /linkage
// and, for those in it, /pipeline) drawn in
// the page without reloading it, the language menu (vi, en, ko; a first
// visit follows the browser's languages, then the choice is kept), and the
// strings of the page's frame, with the staff's links shown only to the
// roles that may use their pages.
import { t, setLang, lang, browserLang, fmtDate, LANGS, LANG_NAMES } from './i18n.js';
import { esc, errorHTML, getJSON } from './core.js';
import { savedFilter, saveFilter } from './filters.js';
import * as dashboard from './dashboard.js';
import * as mapPage from './map.js';
import * as finder from './finder.js';
import * as zone from './zone.js';
import * as investor from './investor.js';
import * as opendata from './opendata.js';
import * as apidocs from './apidocs.js';
import * as login from './login.js';
import { startAccount, drawAccount, refreshSignInLink, identity } from './account.js';
import { watchTables } from './tables.js';

const ROUTES = [
  { re: /^\/$/, page: dashboard, nav: 'dashboard' },
  { re: /^\/map$/, page: mapPage, nav: 'map' },
  { re: /^\/finder$/, page: finder, nav: 'finder' },
  { re: /^\/investor$/, page: investor, nav: 'investor' },
  { re: /^\/data$/, page: opendata, nav: 'data' },
  { re: /^\/api-docs$/, page: apidocs, nav: 'api' },
  { re: /^\/zones\/([^/]+)$/, page: zone, nav: null },
  { re: /^\/login$/, page: login, nav: null },
  // the staff's pages are loaded when first opened: the public pages,
  // which nearly everyone sees, do not carry them
  { re: /^\/inbox$/, load: () => import('./inbox.js'), nav: 'inbox' },
  { re: /^\/audit$/, load: () => import('./audit.js'), nav: 'audit' },
  { re: /^\/admin\/users$/, load: () => import('./users.js'), nav: 'users' },
  // dossiers: the public figures and a dossier's stage, then the pages of
  // those who file, handle and configure them
  { re: /^\/performance$/, load: () => import('./performance.js'), nav: 'performance' },
  { re: /^\/track$/, load: () => import('./track.js'), nav: 'performance' },
  { re: /^\/dossiers$/, load: () => import('./dossiers.js'), nav: 'dossiers' },
  { re: /^\/dossiers\/new$/, load: () => import('./dossier-new.js'), nav: 'dossiers' },
  { re: /^\/dossiers\/([^/]+)$/, load: () => import('./dossier.js'), nav: 'dossiers' },
  { re: /^\/queue$/, load: () => import('./queue.js'), nav: 'queue' },
  { re: /^\/notifications$/, load: () => import('./notifications.js'), nav: 'notifications' },
  { re: /^\/admin\/calendar$/, load: () => import('./admin-calendar.js'), nav: 'settings' },
  { re: /^\/admin\/time-limits$/, load: () => import('./admin-limits.js'), nav: 'settings' },
  { re: /^\/admin\/procedures$/, load: () => import('./admin-procedures.js'), nav: 'settings' },
  // the linkage desk: the suppliers, the buyers' demands and the local
  // share for everyone; the pipeline of matches for those in it
  { re: /^\/suppliers$/, load: () => import('./suppliers.js'), nav: 'suppliers' },
  { re: /^\/suppliers\/([^/]+)$/, load: () => import('./supplier.js'), nav: 'suppliers' },
  { re: /^\/demands$/, load: () => import('./demands.js'), nav: 'demands' },
  { re: /^\/demands\/([^/]+)$/, load: () => import('./demand.js'), nav: 'demands' },
  { re: /^\/pipeline$/, load: () => import('./pipeline.js'), nav: 'pipeline' },
  { re: /^\/linkage$/, load: () => import('./linkage.js'), nav: 'linkage' },
];

let token = 0;
let cleanups = [];

function storedLang() {
  try {
    return localStorage.getItem('khu.lang');
  } catch (e) {
    return null;
  }
}

function storeLang(l) {
  try {
    localStorage.setItem('khu.lang', l);
  } catch (e) {
    /* private mode: the choice lasts for this page only */
  }
}

// The navigation's links carry the finder's last filter, so that the map
// follows it.
function navLinks() {
  const q = savedFilter();
  const links = { dashboard: '/', map: q ? `/map?${q}` : '/map', finder: q ? `/finder?${q}` : '/finder', investor: '/investor', data: '/data', api: '/api-docs', inbox: '/inbox', audit: '/audit', users: '/admin/users', performance: '/performance', dossiers: '/dossiers', queue: '/queue', notifications: '/notifications', settings: '/admin/calendar', suppliers: '/suppliers', demands: '/demands', pipeline: '/pipeline', linkage: '/linkage' };
  for (const a of document.querySelectorAll('nav.main a[data-nav]')) if (links[a.dataset.nav]) a.setAttribute('href', links[a.dataset.nav]);
}

// The links of the staff's pages (li[data-roles] of the navigation) are
// shown only to a signed-in user of one of their roles.
function drawStaffNav() {
  const who = identity();
  for (const li of document.querySelectorAll('nav.main li[data-roles]')) li.hidden = !(who && who.signed_in && li.dataset.roles.split(' ').includes(who.role));
}

// The frame's strings and links in the current language.
function drawFrame(nav) {
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  navLinks();
  drawStaffNav();
  for (const a of document.querySelectorAll('nav.main a[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const select = document.getElementById('lang');
  if (select) select.value = lang();
  drawAccount();
}

async function render(focus) {
  const my = ++token;
  for (const f of cleanups) {
    try {
      f();
    } catch (e) {
      /* a page already gone */
    }
  }
  cleanups = [];
  const path = location.pathname;
  const search = location.search;
  let match = null;
  const route = ROUTES.find((r) => (match = r.re.exec(path)));
  drawFrame(route ? route.nav : null);
  const main = document.getElementById('main');
  main.setAttribute('aria-busy', 'true');
  if (!main.firstElementChild || focus) main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  const ctx = {
    path,
    search,
    params: new URLSearchParams(search),
    match,
    urls: window.khuRouteData(path, search, lang()),
    alive: () => my === token,
    onLeave: (f) => cleanups.push(f),
    setTitle: (s) => {
      document.title = `${s} · khu`;
    },
    replaceURL: (url) => {
      history.replaceState(null, '', url);
      refreshSignInLink();
    },
    // Goes to url (a path of this site) in place of this page.
    navigate: (url) => go(url, true),
  };
  try {
    if (!route) throw new Error(path);
    const page = route.page || (await route.load());
    if (!ctx.alive()) return;
    await page.render(main, ctx);
  } catch (e) {
    if (my === token) main.innerHTML = errorHTML(e);
  }
  if (my !== token) return;
  main.removeAttribute('aria-busy');
  if (focus) {
    const h = main.querySelector('h1');
    if (h) h.focus();
  }
}

// Shows the page at url, a path of this site: drawn in place when it is
// one of the app's, else loaded. replace: instead of the current entry of
// the history.
function go(url, replace) {
  const u = new URL(url, location.href);
  if (u.origin !== location.origin || !ROUTES.some((r) => r.re.test(u.pathname))) {
    if (replace) location.replace(u.href);
    else location.assign(u.href);
    return;
  }
  if (replace) history.replaceState(null, '', u.pathname + u.search + u.hash);
  else history.pushState(null, '', u.pathname + u.search + u.hash);
  window.scrollTo(0, 0);
  render(true);
}

// Follows links to the app's own pages without reloading.
function onClick(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  if (!ROUTES.some((r) => r.re.test(url.pathname))) return;
  e.preventDefault();
  if (a.hasAttribute('data-clear-filter')) saveFilter('');
  go(url.href, false);
}

// The language to start in: ?lang= (kept as the choice), else the choice
// kept from an earlier visit, else the browser's.
function startLang(fromURL) {
  if (LANGS.includes(fromURL)) return fromURL;
  const kept = storedLang();
  if (LANGS.includes(kept)) return kept;
  return browserLang(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
}

// Printing: every closed <details> opens (sources, data tables) and the
// footer of each page says where and when it was printed, and the page
// number; the details are closed again afterwards.
function printSetup() {
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('main details:not([open])')];
    for (const d of opened) d.open = true;
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const text = t('print_footer', { url: location.href, date: fmtDate(day) });
    const css = (s) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]/g, ' ')}"`;
    let style = document.getElementById('print-page');
    if (!style) {
      style = document.createElement('style');
      style.id = 'print-page';
      document.head.appendChild(style);
    }
    style.textContent = `@page { @bottom-left { content: ${css(text)}; font-size: 8pt; color: #333; }
@bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #333; } }`;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

// A server whose data is made up (khu demo, khu gen: GET /api/v1/config
// says synthetic) says so above every page, so that nobody takes its
// enterprises, projects or dossiers for real ones.
async function syntheticBanner() {
  try {
    const config = await getJSON('/api/v1/config');
    document.getElementById('synthetic-banner').hidden = !config.synthetic;
  } catch (e) {
    /* unknown: no banner, the data's sources still say what they are */
  }
}

function start() {
  printSetup();
  syntheticBanner();
  watchTables(document.getElementById('main'));
  const fromURL = new URLSearchParams(location.search).get('lang');
  setLang(startLang(fromURL));
  if (fromURL && LANGS.includes(fromURL)) storeLang(fromURL);
  const select = document.getElementById('lang');
  select.innerHTML = LANGS.map((x) => `<option value="${x}" lang="${x}">${esc(LANG_NAMES[x])}</option>`).join('');
  select.value = lang();
  select.addEventListener('change', () => {
    setLang(select.value);
    storeLang(lang());
    const p = new URLSearchParams(location.search);
    if (p.has('lang')) {
      p.set('lang', lang());
      history.replaceState(null, '', `${location.pathname}?${p.toString()}`);
    }
    render(false);
  });
  document.addEventListener('click', onClick);
  window.addEventListener('khu:filter', navLinks);
  window.addEventListener('khu:account', drawStaffNav);
  window.addEventListener('popstate', () => render(true));
  startAccount();
  render(false);
}

start();

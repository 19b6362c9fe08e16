// Vigie web UI entry point: navigation by URL hash, French by default with an
// English toggle. Pages call the local API only; no external resource. Every
// page carries the statement that data stays on this machine, the intended
// use, and the versions of the sources with their age.
import { lang, setLang, t } from './i18n.js';
import { el } from './dom.js';
import { setToken, token } from './api.js';
import { renderSources } from './sources.js';
import { calcPage } from './pages/calc.js';
import { ordonnancePage } from './pages/ordonnance.js';
import { questionPage } from './pages/question.js';
import { deidPage } from './pages/deid.js';
import { evolutionsPage } from './pages/evolutions.js';
import { urgencePage } from './pages/urgence.js';

const PAGES: Record<string, (root: HTMLElement) => void | Promise<void>> = {
  ordonnance: ordonnancePage,
  calc: calcPage,
  question: questionPage,
  deid: deidPage,
  evolutions: evolutionsPage,
  urgence: urgencePage,
};

function current(): string {
  const name = location.hash.replace('#', '');
  return name in PAGES ? name : 'ordonnance';
}

function render(focus: boolean): void {
  const page = current();
  const nav = document.getElementById('nav')!;
  nav.setAttribute('aria-label', t('nav.label'));
  nav.replaceChildren(...Object.keys(PAGES).map((name) => {
    const a = el('a', { href: `#${name}`, id: `nav-${name}` }, t(`nav.${name}`));
    if (name === page) a.setAttribute('aria-current', 'page');
    return a;
  }));
  document.getElementById('skip')!.textContent = t('skip');
  document.getElementById('local-statement')!.textContent = t('statement.local');
  document.getElementById('footer')!.textContent = t('statement.use');
  void renderSources(document.getElementById('sources')!);
  const toggle = document.getElementById('lang-toggle')!;
  toggle.textContent = lang() === 'fr' ? 'EN' : 'FR';
  toggle.setAttribute('lang', lang() === 'fr' ? 'en' : 'fr');
  toggle.setAttribute('aria-label', t('lang.switch'));
  const input = document.getElementById('token') as HTMLInputElement;
  input.placeholder = t('token');
  input.setAttribute('aria-label', t('token'));
  input.hidden = token() !== '';
  document.getElementById('signin-button')!.textContent = token() ? t('signout') : t('signin');
  const root = document.getElementById('page')!;
  void Promise.resolve(PAGES[page](root)).then(() => {
    if (focus) document.getElementById('page-title')?.focus();
  });
}

document.getElementById('lang-toggle')!.addEventListener('click', () => {
  setLang(lang() === 'fr' ? 'en' : 'fr');
  render(false);
});
// Sign in with an API token (`vigie tokens create --role clinician`); public
// mode needs none. The token stays in this tab's session storage.
document.getElementById('signin')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = document.getElementById('token') as HTMLInputElement;
  setToken(token() ? '' : input.value.trim());
  input.value = '';
  render(false);
});
// The skip link moves focus to the page without changing the hash (the route).
document.getElementById('skip')!.addEventListener('click', (ev) => {
  ev.preventDefault();
  document.getElementById('page')!.focus();
});
window.addEventListener('hashchange', () => render(true));
setLang(lang());
render(false);

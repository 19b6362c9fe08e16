// Vigie web UI entry point: navigation by URL hash, French by default with an
// English toggle. Pages call the local API only; no external resource.
import { lang, setLang, t } from './i18n.js';
import { el } from './dom.js';
import { setToken, token } from './api.js';
import { calcPage } from './pages/calc.js';
import { ordonnancePage } from './pages/ordonnance.js';
import { deidPage, questionPage } from './pages/text_tools.js';
import { urgencePage } from './pages/urgence.js';

const PAGES: Record<string, (root: HTMLElement) => void | Promise<void>> = {
  ordonnance: ordonnancePage,
  calc: calcPage,
  question: questionPage,
  deid: deidPage,
  urgence: urgencePage,
};

function current(): string {
  const name = location.hash.replace('#', '');
  return name in PAGES ? name : 'ordonnance';
}

function render(): void {
  const page = current();
  document.getElementById('nav')!.replaceChildren(...Object.keys(PAGES).map((name) =>
    el('a', { href: `#${name}`, class: name === page ? 'active' : '', id: `nav-${name}` },
      t(`nav.${name}`))));
  document.getElementById('footer')!.textContent = t('footer');
  document.getElementById('lang-toggle')!.textContent = lang() === 'fr' ? 'EN' : 'FR';
  const input = document.getElementById('token') as HTMLInputElement;
  input.placeholder = t('token');
  input.setAttribute('aria-label', t('token'));
  input.hidden = token() !== '';
  document.getElementById('signin-button')!.textContent = token() ? t('signout') : t('signin');
  void PAGES[page](document.getElementById('page')!);
}

document.getElementById('lang-toggle')!.addEventListener('click', () => {
  setLang(lang() === 'fr' ? 'en' : 'fr');
  render();
});
// Sign in with an API token (`vigie tokens create --role clinician`); public
// mode needs none. The token stays in this tab's session storage.
document.getElementById('signin')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = document.getElementById('token') as HTMLInputElement;
  setToken(token() ? '' : input.value.trim());
  input.value = '';
  render();
});
window.addEventListener('hashchange', render);
setLang(lang());
render();

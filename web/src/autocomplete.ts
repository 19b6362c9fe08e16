// Drug autocomplete on a text input, from the KB's drug resolution
// (POST /v1/drugs/search: brand, DCI, typos, CIS, CIP13). ARIA 1.2 combobox:
// ArrowDown/ArrowUp move through the suggestions, Enter picks one, Escape
// closes the list; the pick stores the CIS on the input (data-cis) so the
// check resolves exactly that specialty. Requests are debounced, a newer
// request aborts an older one, and answers are cached per query, so typing a
// word costs one request, not one per keystroke.
import { post } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';

const DEBOUNCE_MS = 250;
const MIN_CHARS = 3;
const MAX_SUGGESTIONS = 8;

interface Candidate {
  cis: string;
  denomination: string;
  matched_by: string;
  commercialised: boolean;
  cip13?: string[];
}

const cache = new Map<string, Candidate[]>();
// `listId` names the suggestion list (unique in the page).
export function attachDrugAutocomplete(input: HTMLInputElement, listId: string): HTMLElement {
  const list = el('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: '' });
  list.setAttribute('aria-label', t('rx.suggestions'));
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';
  // "No drug found" is a status message, not an option of the list.
  const status = el('span', { class: 'muted', role: 'status' });
  let items: Candidate[] = [];
  let active = -1;
  let timer: number | undefined;
  let inflight: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    status.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((o, j) =>
      o.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const c = items[i];
    if (!c) return;
    input.value = c.denomination;
    input.dataset.cis = c.cis;
    close();
  };
  const show = (found: Candidate[]) => {
    items = found.slice(0, MAX_SUGGESTIONS);
    list.replaceChildren(...items.map((c, i) => {
      const codes = [`CIS ${c.cis}`, c.matched_by].filter(Boolean).join(' · ');
      const o = el('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false',
        'data-cis': c.cis }, el('span', {}, c.denomination), ' ', el('small', {}, codes));
      // mousedown, not click: the input keeps focus, so the list does not close first.
      o.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i);
      });
      return o;
    }));
    if (!items.length) {
      close();
      status.textContent = t('rx.none_found');
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };
  const search = async (query: string) => {
    const key = query.toLowerCase();
    const hit = cache.get(key);
    if (hit) return show(hit);
    inflight?.abort();
    inflight = new AbortController();
    try {
      const r = await post('/v1/drugs/search', { query, k: MAX_SUGGESTIONS }, inflight.signal);
      cache.set(key, r.candidates);
      // Only if the user is still on this field and has not typed on since.
      if (input.value.trim() === query && document.activeElement === input) show(r.candidates);
    } catch {
      // Aborted by a newer query, or not signed in: the field stays free text.
    }
  };

  input.addEventListener('input', () => {
    delete input.dataset.cis;
    window.clearTimeout(timer);
    // Suggestions for an older text are stale: never let Enter pick one of them.
    close();
    const query = input.value.trim();
    if (query.length < MIN_CHARS) {
      inflight?.abort();
      return;
    }
    timer = window.setTimeout(() => void search(query), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden || !items.length) {
      if (ev.key === 'Escape') close();
      return;
    }
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      highlight((active + 1) % items.length);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (ev.key === 'Enter' && active >= 0) {
      ev.preventDefault();
      choose(active);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  });
  return el('div', {}, list, status);
}

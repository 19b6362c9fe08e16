// "Pseudonymisation" (POST /v1/deid): the de-identified text with each
// replaced entity highlighted and its label shown (NOM, DATE, ...). The text
// is processed in memory by the server and not stored (the audit line holds
// the count of entities only); the UI keeps nothing either.
import { post, ApiError } from '../api.js';
import { el, field, fill, heading, showError } from '../dom.js';
import { t } from '../i18n.js';

interface Entity { start: number; end: number; label: string; replacement: string }

// Offsets are code points into the original text (DESIGN.md): rebuild the
// de-identified text from it, each entity as a <mark> with its label.
export function highlighted(original: string, entities: Entity[]): Node[] {
  const cps = Array.from(original);
  const out: Node[] = [];
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    out.push(document.createTextNode(cps.slice(at, e.start).join('')));
    // Mask mode replaces with "[LABEL]": then the label alone says it.
    const text = e.replacement === `[${e.label}]` ? [] : [e.replacement];
    out.push(el('mark', { 'data-label': e.label, class: 'entity' }, ...text,
      el('span', { class: 'label' }, e.label)));
    at = e.end;
  }
  out.push(document.createTextNode(cps.slice(at).join('')));
  return out;
}

export function deidPage(root: HTMLElement): void {
  const text = el('textarea', { id: 'deid-text', rows: '6' });
  const out = el('div', { id: 'deid-result', 'aria-live': 'polite' });
  const mode = el('select', { id: 'deid-mode' }, el('option', { value: 'mask' }, t('deid.mask')),
    el('option', { value: 'pseudo' }, t('deid.pseudo')));
  const form = el('form', { id: 'deid-form', novalidate: '' }, ...field(t('deid.label'), text),
    ...field(t('deid.mode'), mode), el('button', { type: 'submit' }, t('deid.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post('/v1/deid', { text: text.value, mode: mode.value });
      out.replaceChildren(
        el('p', { class: 'muted', id: 'deid-count' }, fill(t('deid.count'), { n: r.entities.length })),
        el('div', { class: 'card info deid-text', id: 'deid-output' }, ...highlighted(text.value, r.entities)),
        el('details', {}, el('summary', {}, t('deid.plain')), el('pre', { id: 'deid-plain' }, r.text)));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(heading(t('nav.deid')), el('p', { class: 'note' }, t('deid.note')), form, out);
}

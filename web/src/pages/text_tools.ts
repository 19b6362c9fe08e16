// "Question clinique" (POST /v1/ask) and "Pseudonymisation" (POST /v1/deid).
// Both show plainly when the server has no such module or abstains.
import { post, ApiError } from '../api.js';
import { el, showError } from '../dom.js';
import { t } from '../i18n.js';

export function questionPage(root: HTMLElement): void {
  const q = el('textarea', { id: 'question-text', 'aria-label': t('nav.question') });
  const out = el('div', { id: 'question-result' });
  const button = el('button', { type: 'button' }, t('question.ask'));
  button.addEventListener('click', async () => {
    try {
      const r = await post('/v1/ask', { q: q.value });
      if (r.abstained) {
        out.replaceChildren(el('p', { class: 'card info' }, t('question.abstained')));
        return;
      }
      out.replaceChildren(...r.answer.map((s: { text: string; citations: number[] }) =>
        el('p', { class: 'card info' }, s.text, ' ',
          ...s.citations.map((i) => el('sup', { title: r.citations[i].passage },
            `[${r.citations[i].doc_id}]`)))));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(el('h1', {}, t('nav.question')), q, button, out);
}

export function deidPage(root: HTMLElement): void {
  const text = el('textarea', { id: 'deid-text', 'aria-label': t('nav.deid') });
  const out = el('div', { id: 'deid-result' });
  const button = el('button', { type: 'button' }, t('deid.run'));
  button.addEventListener('click', async () => {
    try {
      const r = await post('/v1/deid', { text: text.value });
      out.replaceChildren(el('pre', { class: 'card info' }, r.text));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(el('h1', {}, t('nav.deid')), el('p', { class: 'muted' }, t('deid.note')),
    text, button, out);
}

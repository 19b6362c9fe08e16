// "Question clinique" (POST /v1/ask): answer sentences, each followed by
// citation chips; a chip opens the cited passage (document id, title, year,
// passage text with the cited sentence marked) in a modal dialog (Escape or
// the close button return to the chip). Abstention is shown plainly.
import { post, ApiError } from '../api.js';
import { el, field, heading, showError } from '../dom.js';
import { t } from '../i18n.js';

interface Citation { doc_id: string; title?: string; year?: string; passage: string }

// The passage with `sentence` wrapped in <mark> (first occurrence; whitespace
// may differ between the sentence and the passage, so it is matched loosely).
export function markedPassage(passage: string, sentence: string): (Node | string)[] {
  const words = sentence.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = words.length ? new RegExp(words.join('\\s+')).exec(passage) : null;
  if (!m) return [passage];
  return [passage.slice(0, m.index), el('mark', {}, m[0]), passage.slice(m.index + m[0].length)];
}

function openPassage(dialog: HTMLDialogElement, c: Citation, sentence: string): void {
  const close = el('button', { type: 'button', class: 'secondary', id: 'passage-close' }, t('question.close'));
  close.addEventListener('click', () => dialog.close());
  const meta = [c.doc_id, c.title, c.year].filter(Boolean).join(' · ');
  dialog.replaceChildren(
    el('h2', { id: 'passage-title' }, t('question.passage')),
    el('p', { class: 'muted', id: 'passage-meta' }, meta),
    el('blockquote', { id: 'passage-text' }, ...markedPassage(c.passage, sentence)), close);
  dialog.showModal();
  close.focus();
}

export function questionPage(root: HTMLElement): void {
  const q = el('textarea', { id: 'question-text', rows: '3' });
  const out = el('div', { id: 'question-result', 'aria-live': 'polite' });
  const dialog = el('dialog', { id: 'passage', 'aria-labelledby': 'passage-title' });
  const form = el('form', { id: 'question-form', novalidate: '' },
    ...field(t('question.label'), q), el('button', { type: 'submit' }, t('question.ask')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    out.replaceChildren(el('p', { class: 'muted' }, t('loading')));
    try {
      const r = await post('/v1/ask', { q: q.value });
      if (r.abstained) {
        out.replaceChildren(el('p', { class: 'card abstained', id: 'question-abstained' },
          r.message || t('question.abstained')));
        return;
      }
      out.replaceChildren(...r.answer.map((s: { text: string; citations: number[] }) =>
        el('p', { class: 'card info answer-sentence' }, s.text, ' ', ...s.citations.map((i) => {
          const c: Citation = r.citations[i];
          const chip = el('button', { type: 'button', class: 'chip', 'data-doc': c.doc_id,
            'aria-haspopup': 'dialog' }, `${c.doc_id}${c.year ? `, ${c.year}` : ''}`);
          chip.addEventListener('click', () => openPassage(dialog, c, s.text));
          return chip;
        }))));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(heading(t('nav.question')), form, out, dialog);
}

// "Urgence (public)": public-mode triage (POST /v1/triage). No diagnosis; the
// answer says whom to call. The text is not stored by the server.
import { post, ApiError } from '../api.js';
import { el, showError } from '../dom.js';
import { t } from '../i18n.js';

export function urgencePage(root: HTMLElement): void {
  const text = el('textarea', { id: 'triage-text', 'aria-label': t('triage.describe') });
  const out = el('div', { id: 'triage-result' });
  const button = el('button', { type: 'button', id: 'triage-run' }, t('triage.run'));
  button.addEventListener('click', async () => {
    try {
      const r = await post('/v1/triage', { text: text.value });
      out.replaceChildren(el('div', { class: `card ${r.level}`, 'data-level': r.level },
        el('p', {}, r.message), el('p', { class: 'muted' }, r.disclaimer),
        el('p', { class: 'muted' }, r.privacy ?? '')));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(el('h1', {}, t('nav.urgence')), el('p', {}, t('triage.describe')), text,
    button, out);
}

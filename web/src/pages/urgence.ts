// "Grand public" (public mode, POST /v1/triage, no token needed): a standing
// banner "Appelez le 15", then the red-flag check. No diagnosis; the answer
// says whom to call. The text is not stored by the server.
import { post, ApiError } from '../api.js';
import { el, field, heading, showError } from '../dom.js';
import { t } from '../i18n.js';

export function urgencePage(root: HTMLElement): void {
  const text = el('textarea', { id: 'triage-text', rows: '4' });
  const out = el('div', { id: 'triage-result', 'aria-live': 'polite' });
  const form = el('form', { id: 'triage-form', novalidate: '' }, ...field(t('triage.describe'), text),
    el('button', { type: 'submit', id: 'triage-run' }, t('triage.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post('/v1/triage', { text: text.value });
      const call = r.call ? el('p', { class: 'call' }, el('a', { href: `tel:${r.call}` }, r.call)) : '';
      out.replaceChildren(el('div', { class: `card ${r.level}`, 'data-level': r.level, role: 'alert' },
        el('p', {}, r.message), call, el('p', { class: 'muted' }, r.disclaimer),
        el('p', { class: 'muted' }, r.privacy ?? '')));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(
    el('p', { class: 'banner', id: 'emergency-banner', role: 'note' }, t('triage.banner')),
    heading(t('nav.urgence')), el('p', {}, t('triage.intro')), form, out);
}

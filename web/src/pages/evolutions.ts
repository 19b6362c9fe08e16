// "Évolutions" (regulation watch, GET /v1/changes): pick a source and two of
// its versions held by the KB (GET /v1/kb/snapshots), optionally a substance;
// shows the summary, then the changes grouped by kind, each with its pages in
// both versions, levels before/after and the text difference. On a server
// without the watch module the page says so plainly.
import { get, ApiError } from '../api.js';
import { el, field, heading, showError } from '../dom.js';
import { t } from '../i18n.js';
import { snapshots } from '../sources.js';

// The kind's label as the API words it (summary.labels, in the request's
// language) when the server sends one; else the kind code made readable.
function kindLabel(kind: string, labels: Record<string, string> | undefined): string {
  const label = labels?.[kind] ?? kind.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function pages(c: any): string {
  const p = t('evo.page');
  const from = c.from_page ? `${p} ${c.from_page}` : '—';
  const to = c.to_page ? `${p} ${c.to_page}` : '—';
  return `${from} → ${to}`;
}

function diffNodes(c: any): Node[] {
  if (Array.isArray(c.diff) && c.diff.length) {
    return [el('p', { class: 'diff' }, ...c.diff.flatMap((d: any) => [
      d.op === '-' ? el('del', {}, d.text) : d.op === '+' ? el('ins', {}, d.text) : d.text, ' ']))];
  }
  const out: Node[] = [];
  if (c.before) out.push(el('p', {}, el('strong', {}, `${t('evo.before')} : `), c.before));
  if (c.after) out.push(el('p', {}, el('strong', {}, `${t('evo.after')} : `), c.after));
  return out;
}

function changeCard(c: any): HTMLElement {
  const who = [c.a, c.b].filter(Boolean).join(' + ');
  const levels = (c.from_levels?.length || c.to_levels?.length)
    ? ` · ${(c.from_levels ?? []).join(', ') || '—'} → ${(c.to_levels ?? []).join(', ') || '—'}` : '';
  const where = c.source === 'bdpm'
    ? [c.file, c.cis ? `CIS ${c.cis}` : '', c.cip13 ? `CIP13 ${c.cip13}` : '', c.field].filter(Boolean).join(' · ')
    : pages(c);
  return el('details', { class: 'card change', 'data-kind': c.kind },
    el('summary', {}, `${who}${levels}`, ' ', el('span', { class: 'pages' }, where)), ...diffNodes(c));
}

function render(out: HTMLElement, r: any): void {
  const parts: Node[] = [el('p', { class: 'card info', id: 'evo-summary' },
    r.summary?.line ?? `${r.summary?.total ?? r.changes.length}`)];
  const kinds: string[] = [];
  for (const c of r.changes) if (!kinds.includes(c.kind)) kinds.push(c.kind);
  if (!kinds.length) parts.push(el('p', { id: 'evo-none' }, t('evo.none')));
  for (const kind of kinds) {
    const of = r.changes.filter((c: any) => c.kind === kind);
    parts.push(el('section', { class: 'group', 'data-group': kind },
      el('h2', {}, `${kindLabel(kind, r.summary?.labels)} (${of.length})`), ...of.map(changeCard)));
  }
  const notCompared = r.bdpm_files?.not_compared ?? [];
  if (notCompared.length) {
    parts.push(el('h2', {}, t('evo.not_compared')), el('ul', {},
      ...notCompared.map((n: any) => el('li', {}, `${n.file} : ${n.reason}`))));
  }
  out.replaceChildren(...parts);
}

export async function evolutionsPage(root: HTMLElement): Promise<void> {
  const out = el('div', { id: 'evo-result', 'aria-live': 'polite' });
  const source = el('select', { id: 'evo-source' },
    el('option', { value: 'thesaurus' }, t('sources.thesaurus')),
    el('option', { value: 'bdpm' }, t('sources.bdpm')));
  const from = el('select', { id: 'evo-from' });
  const to = el('select', { id: 'evo-to' });
  const substance = el('input', { id: 'evo-substance', type: 'text' });
  const list = await snapshots();
  const fillVersions = () => {
    const versions: string[] = list ? list[source.value as 'bdpm' | 'thesaurus'] : [];
    for (const [select, pickIndex] of [[from, versions.length - 2], [to, versions.length - 1]] as const) {
      select.replaceChildren(...versions.map((v) => el('option', { value: v }, v)));
      if (pickIndex >= 0) select.value = versions[pickIndex];
    }
  };
  source.addEventListener('change', fillVersions);
  fillVersions();
  const form = el('form', { id: 'evo-form', novalidate: '', class: 'grid' },
    ...field(t('evo.source'), source), ...field(t('evo.from'), from), ...field(t('evo.to'), to),
    ...field(t('evo.substance'), substance), el('button', { type: 'submit' }, t('evo.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ from: from.value, to: to.value, source: source.value });
    if (substance.value.trim()) q.set('substance', substance.value.trim());
    out.replaceChildren(el('p', { class: 'muted' }, t('loading')));
    try {
      render(out, await get(`/v1/changes?${q}`));
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'unavailable') {
        out.replaceChildren(el('p', { class: 'card info', id: 'evo-pending' }, t('evo.pending')));
      } else {
        showError(out, err.message);
      }
    }
  });
  root.replaceChildren(heading(t('nav.evolutions')), form, out);
}

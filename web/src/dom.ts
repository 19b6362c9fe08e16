// Tiny DOM helpers: elements are built with textContent (never innerHTML), so
// text from the server or the user is never interpreted as markup.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

let counter = 0;

// A label and its input, linked by id (every input has a visible label).
export function field(label: string, input: HTMLElement): Node[] {
  if (!input.id) input.id = `f-${++counter}`;
  return [el('label', { for: input.id }, label), input];
}

export function showError(target: HTMLElement, message: string): void {
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
}

// "{n} mois" with its values filled in.
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

// The page title and its heading; the heading takes focus on navigation so a
// keyboard or screen-reader user lands on the new page.
export function heading(text: string): HTMLElement {
  document.title = `${text} — Vigie`;
  return el('h1', { tabindex: '-1', id: 'page-title' }, text);
}

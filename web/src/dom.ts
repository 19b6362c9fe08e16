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

export function field(label: string, input: HTMLElement): Node[] {
  const id = input.id || `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return [el('label', { for: id }, label), input];
}

export function showError(target: HTMLElement, message: string): void {
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
}

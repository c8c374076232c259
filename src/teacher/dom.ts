// A few DOM helpers for the teacher's page: elements are built with textContent only (never innerHTML), so a
// nickname or title from outside can never become markup.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/** Replaces every child of `parent`. */
export function fill(parent: Element, children: Child[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
}

/** A horizontal bar as SVG (no inline style, so a strict Content-Security-Policy keeps it), hidden from
 * screen readers: the text beside it says the same. */
export function bar(doc: Document, fraction: number): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 100 4');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('kt-bar');
  const track = doc.createElementNS(ns, 'rect');
  track.setAttribute('width', '100');
  track.setAttribute('height', '4');
  track.classList.add('kt-bar-track');
  const value = doc.createElementNS(ns, 'rect');
  value.setAttribute('width', String(Math.max(0, Math.min(100, fraction * 100))));
  value.setAttribute('height', '4');
  value.classList.add('kt-bar-value');
  svg.append(track, value);
  return svg;
}

// Shows notices as dismissible banners in a DOM area above the canvas. Text is set with textContent
// (never innerHTML), so a value from a URL can never become markup; banners re-translate themselves
// when the language changes.
import { noticeId, type Notice } from './notices';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export class NoticeBanner {
  private readonly shown = new Map<string, { notice: Notice; element: HTMLElement }>();

  constructor(
    private readonly container: HTMLElement,
    private readonly translate: Translate,
    private readonly dismissLabel: () => string,
  ) {}

  show(notice: Notice): void {
    const id = noticeId(notice);
    if (this.shown.has(id)) return;
    const doc = this.container.ownerDocument;
    const element = doc.createElement('div');
    element.className = 'kc-notice';
    element.setAttribute('role', 'alert');
    const text = doc.createElement('p');
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = '×';
    button.addEventListener('click', () => this.dismiss(id));
    element.append(text, button);
    this.container.append(element);
    this.shown.set(id, { notice, element });
    this.render(id);
  }

  dismiss(id: string): void {
    this.shown.get(id)?.element.remove();
    this.shown.delete(id);
  }

  get count(): number {
    return this.shown.size;
  }

  /** Re-translates every banner (after a language change). */
  refresh(): void {
    for (const id of this.shown.keys()) this.render(id);
  }

  private render(id: string): void {
    const entry = this.shown.get(id);
    if (!entry) return;
    const [text, button] = entry.element.children as unknown as [HTMLElement, HTMLElement];
    let message: string;
    try {
      message = this.translate(entry.notice.key, entry.notice.params);
    } catch {
      message = entry.notice.key;
    }
    text.textContent = message;
    button.setAttribute('aria-label', this.dismissLabel());
    button.title = this.dismissLabel();
  }
}

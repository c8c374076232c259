// The teacher guide (docs/teaching.md, docs/teaching.ko.md) shown on the teacher's page: the Markdown the
// guide uses (headings, paragraphs, lists, tables, **bold**, `code`) turned into DOM nodes with textContent
// only, so the guide is readable offline from the built game, with real headings and table headers.
import { el } from './dom';

/** Inline text: **bold** and `code`; links keep their text. */
function inline(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\([^)]*\)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) nodes.push(doc.createTextNode(text.slice(at, match.index)));
    if (match[1] !== undefined) nodes.push(el(doc, 'strong', { text: match[1] }));
    else if (match[2] !== undefined) nodes.push(el(doc, 'code', { text: match[2] }));
    else nodes.push(doc.createTextNode(match[3] ?? ''));
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(doc.createTextNode(text.slice(at)));
  return nodes;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
}

/** The guide's Markdown as DOM nodes; headings start at `<h{top}>` (the page has its own h1). */
export function renderGuide(doc: Document, markdown: string, top = 2): HTMLElement[] {
  const out: HTMLElement[] = [];
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (line.trim() === '') {
      index += 1;
    } else if (heading) {
      const level = Math.min(6, (heading[1]?.length ?? 1) + top - 1);
      out.push(el(doc, `h${level}` as 'h2', {}, inline(doc, heading[2] ?? '')));
      index += 1;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (index < lines.length && (lines[index] ?? '').startsWith('|')) {
        if (!/^\|[\s:|-]+\|$/.test((lines[index] ?? '').trim())) rows.push(cells(lines[index] ?? ''));
        index += 1;
      }
      const [head = [], ...body] = rows;
      out.push(
        el(doc, 'div', { class: 'kt-table-box' }, [
          el(doc, 'table', { class: 'kt-table' }, [
            el(doc, 'thead', {}, [el(doc, 'tr', {}, head.map((cell) => el(doc, 'th', { scope: 'col' }, inline(doc, cell))))]),
            el(doc, 'tbody', {}, body.map((row) => el(doc, 'tr', {}, row.map((cell) => el(doc, 'td', {}, inline(doc, cell)))))),
          ]),
        ]),
      );
    } else if (/^(\d+\.|-) /.test(line)) {
      const ordered = /^\d+\./.test(line);
      const list = el(doc, ordered ? 'ol' : 'ul');
      while (index < lines.length && ((lines[index] ?? '').startsWith(ordered ? '' : '- ') || /^\s+\S/.test(lines[index] ?? ''))) {
        const item = lines[index] ?? '';
        const start = ordered ? /^\d+\. (.*)$/.exec(item) : /^- (.*)$/.exec(item);
        if (start) list.append(el(doc, 'li', {}, inline(doc, start[1] ?? '')));
        else if (/^\s+\S/.test(item) && list.lastElementChild) list.lastElementChild.append(' ', ...inline(doc, item.trim()));
        else break;
        index += 1;
      }
      out.push(list);
    } else {
      const paragraph: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim() !== '' && !/^(#|\||\d+\. |- )/.test(lines[index] ?? '')) {
        paragraph.push((lines[index] ?? '').trim());
        index += 1;
      }
      out.push(el(doc, 'p', {}, inline(doc, paragraph.join(' '))));
    }
  }
  return out;
}

// The QR code of the join link, made on the teacher's device with uqr (the same library as the student's
// result-code QR) and drawn as one SVG path: dark modules only, a quiet zone of 4 modules, crisp at any
// size (projector, print). The SVG carries a text alternative; the link itself is always shown as text too.
import { encode } from 'uqr';

const SVG = 'http://www.w3.org/2000/svg';

/** The SVG path data of a QR code's dark modules, one unit per module, and the side in modules. */
export function qrPath(text: string, border = 4): { path: string; size: number } {
  const qr = encode(text, { ecc: 'M', border });
  const parts: string[] = [];
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end += 1;
      parts.push(`M${x} ${y}h${end - x}v1h${x - end}z`);
      x = end;
    }
  });
  return { path: parts.join(''), size: qr.size };
}

/** An SVG element of the QR code, with `label` as its accessible name. */
export function qrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const { path, size } = qrPath(text);
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('kt-qr');
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const modules = doc.createElementNS(SVG, 'path');
  modules.setAttribute('d', path);
  modules.setAttribute('fill', '#000000');
  svg.append(background, modules);
  return svg;
}

import { readFileSync } from 'node:fs';
import { ICON_SVG, svgToPng } from './icons';

// The stores' images: screenshots at 1280×800 (the page and Loupe's panel side by side, as a person sees them)
// and the 440×280 promotional tile, composed as SVG and rendered with resvg, like the icons.

export const SCREENSHOT = { width: 1280, height: 800 } as const;
export const PANEL_WIDTH = 400;

const png = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;

/** The page (left) and the panel (right, PANEL_WIDTH wide) as one 1280×800 store screenshot. */
export function sideBySide(pageShot: Buffer, panelShot: Buffer): Buffer {
  const { width, height } = SCREENSHOT;
  const left = width - PANEL_WIDTH;
  return svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <image x="0" y="0" width="${left}" height="${height}" preserveAspectRatio="xMinYMin slice" href="${png(pageShot)}"/>
      <image x="${left}" y="0" width="${PANEL_WIDTH}" height="${height}" preserveAspectRatio="xMinYMin slice" href="${png(panelShot)}"/>
      <rect x="${left - 1}" y="0" width="2" height="${height}" fill="#929292"/>
    </svg>`,
    width,
  );
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The 440×280 promotional tile: the icon, the name and one line of what Loupe does. */
export function promoTile(tagline: readonly [string, string]): Buffer {
  const icon = readFileSync(ICON_SVG, 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace('<svg ', '<svg x="36" y="76" width="128" height="128" ');
  return svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="280">
      <rect width="440" height="280" fill="#f5f5fe"/>
      <rect y="262" width="440" height="18" fill="#000091"/>
      ${icon}
      <text x="188" y="128" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="46" font-weight="bold" fill="#000091">Loupe</text>
      <text x="188" y="162" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="17" fill="#1e1e1e">${escape(tagline[0])}</text>
      <text x="188" y="186" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="17" fill="#1e1e1e">${escape(tagline[1])}</text>
    </svg>`,
    440,
  );
}

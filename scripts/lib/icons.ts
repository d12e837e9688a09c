import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

// Loupe's icon is drawn once, as SVG (assets/icon.svg), and rendered to the PNG sizes browsers and stores ask for.
// The build (wxt.config.ts) ships them as icon/<size>.png; the store listing reuses the 128 px one.

export const ICON_SVG = resolve(import.meta.dirname, '../../assets/icon.svg');
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Renders any SVG to a PNG of the given width (height follows the SVG's aspect ratio). */
export function svgToPng(svg: string | Buffer, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } }).render().asPng();
}

/** Writes icon/<size>.png for every size into `dir`; returns the files, relative to `dir`, by size. */
export function renderIcons(dir: string): Record<number, string> {
  const svg = readFileSync(ICON_SVG);
  mkdirSync(join(dir, 'icon'), { recursive: true });
  const files: Record<number, string> = {};
  for (const size of ICON_SIZES) {
    files[size] = `icon/${size}.png`;
    writeFileSync(join(dir, files[size]), svgToPng(svg, size));
  }
  return files;
}

/**
 * What an exported picture says about itself: the PNG's text chunks and the SVG's <title>, <desc>
 * and <metadata> name the dataset, the window, the export time and the tool.
 */
import { displaySafe } from '../report/escape.js';
import { EXPORT_SOFTWARE, windowText, type ExportMeta } from './export-meta.js';
import type { PngTextEntry } from './png-text.js';

/** Which part of the graph a picture shows, and at what scale. */
export interface PictureOf {
  full: boolean;
  scale: number;
}

function title(meta: ExportMeta): string {
  return `LogonLens graph: ${meta.dataset}`;
}

function description(meta: ExportMeta, picture: PictureOf): string {
  const part = picture.full ? 'full graph' : 'visible part';
  return `Window: ${windowText(meta.window, meta.timeZone ?? null)}. Exported ${meta.exportedAt} (${part}, ${picture.scale}x).`;
}

/** The PNG text chunks (standard keywords, plus a `Comment` holding the same facts as JSON). */
export function pngMetaEntries(meta: ExportMeta, picture: PictureOf): PngTextEntry[] {
  return [
    ['Title', title(meta)],
    ['Description', description(meta, picture)],
    ['Creation Time', meta.exportedAt],
    ['Software', EXPORT_SOFTWARE],
    ['Comment', JSON.stringify(metaRecord(meta, picture))],
  ];
}

function metaRecord(meta: ExportMeta, picture: PictureOf) {
  return {
    dataset: meta.dataset,
    windowFrom: meta.window?.from ?? null,
    windowTo: meta.window?.to ?? null,
    exportedAt: meta.exportedAt,
    software: EXPORT_SOFTWARE,
    full: picture.full,
    scale: picture.scale,
  };
}

/** Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A whole XML text with the characters XML forbids replaced by U+FFFD, so that it always parses. */
export function xmlValid(text: string): string {
  return text.replace(XML_INVALID, '\ufffd');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Hostile text for XML content or a quoted attribute: controls made visible, markup escaped. */
export function xmlText(text: string): string {
  return xmlValid(displaySafe(text)).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/**
 * The SVG with <title>, <desc> and <metadata> (a `logonlens:export` element in its own namespace)
 * as the first children of its root element, and every character XML forbids replaced: the file is
 * well-formed XML whatever the labels hold. Throws when the text has no <svg> root.
 */
export function withSvgMetadata(svg: string, meta: ExportMeta, picture: PictureOf): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null || open[0].endsWith('/>')) throw new Error('not an SVG document');
  const record = metaRecord(meta, picture);
  const attrs = Object.entries(record)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
  const head =
    `<title>${xmlText(title(meta))}</title>` +
    `<desc>${xmlText(description(meta, picture))}</desc>` +
    `<metadata><logonlens:export xmlns:logonlens="urn:logonlens:export"${attrs}/></metadata>`;
  const at = open.index + open[0].length;
  return xmlValid(svg.slice(0, at)) + head + xmlValid(svg.slice(at));
}

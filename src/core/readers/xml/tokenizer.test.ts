import { describe, expect, it } from 'vitest';
import { decodeEntities, XmlTokenizer, type XmlHandler } from './tokenizer.js';

function tokens(chunks: string[], maxMarkup = 1 << 20): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(`T:${text}`);
    text = '';
  };
  const h: XmlHandler = {
    open(name, attrs, selfClosing) {
      flush();
      out.push(`<${name}${attrs.map((a) => ` ${a.name}=${a.value}`).join('')}${selfClosing ? '/' : ''}>`);
    },
    close(name) {
      flush();
      out.push(`</${name}>`);
    },
    text(t) {
      text += t;
    },
    error(code) {
      flush();
      out.push(`!${code}`);
    },
  };
  const tk = new XmlTokenizer(h, { maxMarkup });
  for (const c of chunks) tk.write(c);
  tk.end();
  flush();
  return out;
}

const DOC =
  `<?xml version="1.0"?><!-- c > --><ev:Events xmlns:ev='x'><Data Name='a&amp;b' x="1>2">` +
  `v&lt;1&#x41;&#66;&bogus;</Data><![CDATA[<raw>&amp;]]><E/></ev:Events>`;
const EXPECTED = [
  '<Events>',
  '<Data Name=a&b x=1>2>',
  'T:v<1AB&bogus;',
  '</Data>',
  'T:<raw>&amp;',
  '<E/>',
  '</Events>',
];

describe('XmlTokenizer', () => {
  it('tokenizes names without prefixes, decodes entities and char refs, keeps CDATA raw', () => {
    expect(tokens([DOC])).toEqual(EXPECTED);
  });

  it('gives the same tokens however the input is split', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < DOC.length; i += size) chunks.push(DOC.slice(i, i + size));
      expect(tokens(chunks)).toEqual(EXPECTED);
    }
  });

  it('resynchronizes after a tag cut by a stray <', () => {
    expect(tokens(['<a><b x="1<c>t</c></a>'])).toEqual([
      '<a>',
      '!xml-malformed-tag',
      '<c>',
      'T:t',
      '</c>',
      '</a>',
    ]);
  });

  it('reports input that ends inside a tag', () => {
    expect(tokens(['<a><b x="1"'])).toEqual(['<a>', '!xml-truncated']);
  });

  it('skips markup longer than the bound without buffering it', () => {
    const huge = '<!--' + 'x'.repeat(5000) + '--><a/>';
    const chunks: string[] = [];
    for (let i = 0; i < huge.length; i += 100) chunks.push(huge.slice(i, i + 100));
    expect(tokens(chunks, 1000)).toEqual(['!xml-oversize-markup', '<a/>']);
  });

  it('replaces invalid character references', () => {
    expect(decodeEntities('a&#0;b&#x110000;c&#9;&#xD800;&#x1b;')).toBe('a\uFFFDb\uFFFDc\t\uFFFD\u001b');
  });
});

// The SVG is parsed as XML by a real parser in the web tests (features/exports) and in Chromium
// (test/e2e/exports.test.ts); core's tests have no DOM, so these check the text itself.
import { describe, expect, it } from 'vitest';
import { withSvgMetadata, xmlText, xmlValid } from './image-meta.js';

const META = {
  dataset: '</title><script>alert(1)</script>&\u0001\u202E',
  window: { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' },
  exportedAt: '2026-03-10T14:15:03Z',
};

describe('SVG metadata', () => {
  it('names dataset, window and export time in <title>, <desc> and <metadata>, escaped', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10"><text>a\u0007b</text></svg>';
    const out = withSvgMetadata(svg, META, { full: false, scale: 1 });
    expect(out).toMatch(/^<svg [^>]*><title>LogonLens graph: &lt;\/title&gt;&lt;script&gt;/);
    expect(out).toContain('&amp;&lt;U+0001&gt;&lt;U+202E&gt;</title>');
    expect(out).toContain('<desc>Window: 2021-12-03T00:00:00Z to 2021-12-04T00:00:00Z (UTC).');
    expect(out).toContain('exportedAt="2026-03-10T14:15:03Z"');
    expect(out).not.toContain('<script>');
    // A control character that a label drawn into the SVG carried is replaced: the file stays XML.
    expect(out).toContain('<text>a\ufffdb</text>');
  });

  it('escapes attribute quotes and keeps pairs of surrogates, replacing lone ones', () => {
    expect(xmlText(`"'<>&`)).toBe('&quot;&apos;&lt;&gt;&amp;');
    expect(xmlValid('a😀b\ud800c\udc00')).toBe('a😀b\ufffdc\ufffd');
  });

  it('refuses text without an svg root', () => {
    expect(() => withSvgMetadata('<html></html>', META, { full: true, scale: 1 })).toThrow(/not an SVG/);
  });
});

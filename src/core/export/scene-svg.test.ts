import { describe, expect, it } from 'vitest';
import { safeColor, sceneSvg, type Scene, type SceneNode } from './scene-svg.js';

const NODE: SceneNode = {
  x: 10,
  y: 20,
  width: 30,
  height: 30,
  shape: 'round-triangle',
  fill: 'rgb(178, 229, 230)',
  border: '#ffffff',
  borderWidth: 1,
  opacity: 1,
  label: '<img src=x onerror=alert(1)>&\u0007\u202E',
  fontSize: 10,
  color: '#1f2937',
  outlineColor: '#fff',
  outlineWidth: 2,
  labelMargin: 3,
};

function scene(nodes: SceneNode[]): Scene {
  return {
    viewBox: { x: -10, y: -10, width: 100, height: 80 },
    width: 200,
    height: 160,
    background: 'rgb(255, 255, 255)',
    nodes,
    edges: [
      {
        x1: 0,
        y1: 0,
        x2: 10,
        y2: 20,
        width: 2,
        color: '"/><script>x</script>',
        opacity: 0.15,
        dashed: true,
        label: '4624 ×3',
        fontSize: 9,
        labelColor: '#374151',
      },
    ],
  };
}

describe('the scene as SVG', () => {
  it('draws each shape, with labels as escaped text and colours checked', () => {
    const svg = sceneSvg(
      scene([
        NODE,
        { ...NODE, shape: 'diamond', label: '' },
        { ...NODE, shape: 'round-rectangle' },
        { ...NODE, shape: 'octagon', opacity: 0.15 },
        { ...NODE, shape: 'no-such-shape' },
      ]),
    );
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="160" viewBox="-10 -10 100 80"/,
    );
    expect(svg.match(/<polygon /g)).toHaveLength(3);
    expect(svg.match(/<rect /g)).toHaveLength(2); // background + round-rectangle
    expect(svg.match(/<ellipse /g)).toHaveLength(1);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&lt;U+0007&gt;&lt;U+202E&gt;</text>');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('stroke="#000000"'); // the hostile colour
    expect(svg).toContain('stroke-dasharray="6 4" opacity="0.15"');
    expect(svg).toContain('<g opacity="0.15"><polygon');
    expect(svg.match(/<text /g)).toHaveLength(5); // 4 node labels + 1 edge label
  });

  it('accepts CSS colours and nothing else', () => {
    expect(safeColor('#1a56db')).toBe('#1a56db');
    expect(safeColor('rgba(0, 0, 0, 0.5)')).toBe('rgba(0, 0, 0, 0.5)');
    expect(safeColor('white')).toBe('white');
    expect(safeColor('url(#x)')).toBe('#000000');
    expect(safeColor('red" onload="x')).toBe('#000000');
  });
});

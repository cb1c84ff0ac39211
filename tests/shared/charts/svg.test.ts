import { describe, expect, it } from 'vitest';
import {
  captionLines,
  captionSvg,
  element,
  escapeXml,
  fitText,
  svgDocument,
  textElement,
  textWidth,
} from '../../../shared/charts/svg';
import { renderSvg } from './render-svg';

describe('svg builder', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<X> & "red" 'car'`)).toBe('&lt;X&gt; &amp; &quot;red&quot; &apos;car&apos;');
  });

  it('escapes text content and attribute values, and leaves out undefined attributes', () => {
    expect(textElement('<Y>', { x: 1.234, 'data-token': 'a"b&c', hidden: undefined })).toBe(
      '<text x="1.23" data-token="a&quot;b&amp;c">&lt;Y&gt;</text>',
    );
    expect(element('rect', { width: 3 })).toBe('<rect width="3"/>');
    expect(element('g', {}, ['<a/>', '<b/>'])).toBe('<g><a/><b/></g>');
  });

  it('produces documents a strict SVG parser accepts, even with tokens like <X>, & and quotes', () => {
    const body = ['<X>', '&', '"', "'", '</text>', '<![CDATA['].map((token, i) =>
      textElement(token, { x: 10, y: 20 + 20 * i, 'aria-label': token }),
    );
    const svg = svgDocument({ width: 200, height: 160, background: '#ffffff', title: 'a <b> & c' }, body);
    expect(() => renderSvg(svg)).not.toThrow();
    expect(() => renderSvg('<svg xmlns="http://www.w3.org/2000/svg"><text><X></text></svg>')).toThrow();
  });

  it('writes the caption facts in one line, then the text, target and date', () => {
    const lines = captionLines({
      model: 'T5',
      checkpoint: 'tiny-t5',
      layer: 1,
      head: 2,
      text: 'I <X> this <Y>',
      target: '<X> love <Y> red car <Z>',
      date: '2026-11-26',
    });
    expect(lines).toEqual([
      'Model: T5  ·  Checkpoint: tiny-t5  ·  Layer: 1  ·  Head: 2',
      'Text: “I <X> this <Y>”',
      'Target: “<X> love <Y> red car <Z>”',
      'Date: 2026-11-26',
    ]);
    const svg = captionSvg({ text: 'I <X> this' }, 0, 0, 400, 'light');
    expect(svg).toContain('Text: “I &lt;X&gt; this”');
  });

  it('cuts long text with an ellipsis to fit a width', () => {
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(5);
    const cut = fitText(long, 13, 200);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(200);
    expect(fitText('short', 13, 200)).toBe('short');
  });
});

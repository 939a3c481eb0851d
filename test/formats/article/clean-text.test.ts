import { describe, expect, it } from 'vitest';
import { cleanAttribute, cleanText } from '../../../src/formats/article/index.js';
import { toTmxDate, toXsdDateTime } from '../../../src/formats/article/dates.js';
import { articleToken } from '../../../src/formats/article/ids.js';

describe('cleanText: what XML 1.0 cannot carry becomes U+FFFD, one code unit for one', () => {
  const rows = [
    { label: 'an empty string', text: '', clean: '' },
    { label: 'Hangul, emoji with a skin tone, a flag (surrogate pairs are kept)', text: '조태열 👍🏽 🇰🇷', clean: '조태열 👍🏽 🇰🇷' },
    { label: 'tab and LF (XML Chars)', text: 'a\tb\nc', clean: 'a\tb\nc' },
    { label: 'C1 controls and U+FFFD itself (allowed, if discouraged)', text: '\u0085\u009f\ufffd', clean: '\u0085\u009f\ufffd' },
    { label: 'NUL', text: 'a\u0000b', clean: 'a\ufffdb' },
    { label: 'other C0 controls', text: '\u0001\u0008\u000b\u000c\u000e\u001f', clean: '\ufffd'.repeat(6) },
    { label: 'the noncharacters U+FFFE and U+FFFF', text: '\ufffe\uffff', clean: '\ufffd\ufffd' },
    { label: 'a lone high surrogate', text: 'x\ud800y', clean: 'x\ufffdy' },
    { label: 'a lone low surrogate', text: 'x\udc00y', clean: 'x\ufffdy' },
    { label: 'a high surrogate at the end', text: 'x\ud83d', clean: 'x\ufffd' },
    { label: 'CR LF and lone CR (XML 1.0 §2.11)', text: 'a\r\nb\rc', clean: 'a\nb\nc' },
  ];
  it.each(rows)('$label', ({ text, clean }) => {
    expect(cleanText(text)).toBe(clean);
  });

  it('cleans attributes to one line', () => {
    expect(cleanAttribute('  Kim\n\t"K"\u0000 ')).toBe('Kim "K"\ufffd');
  });
});

describe('dates', () => {
  const rows = [
    { label: 'an ISO instant with milliseconds', iso: '2026-11-29T10:00:00.000Z', tmx: '20261129T100000Z', xsd: '2026-11-29T10:00:00Z' },
    { label: 'an offset is converted to UTC', iso: '2026-11-29T19:05:09+09:00', tmx: '20261129T100509Z', xsd: '2026-11-29T10:05:09Z' },
    { label: 'not a date', iso: 'yesterday', tmx: undefined, xsd: undefined },
    { label: 'an empty string', iso: '', tmx: undefined, xsd: undefined },
    { label: 'a year outside 0000-9999', iso: '+275760-09-13T00:00:00.000Z', tmx: undefined, xsd: undefined },
  ];
  it.each(rows)('$label', ({ iso, tmx, xsd }) => {
    expect({ tmx: toTmxDate(iso), xsd: toXsdDateTime(iso) }).toEqual({ tmx, xsd });
  });
});

describe('articleToken: an NMTOKEN for any article id', () => {
  const rows = [
    { label: 'a number', id: 42, token: 'article-42' },
    { label: 'a string with NMTOKEN characters', id: 'asiae.2024_05-14', token: 'article-asiae.2024_05-14' },
    { label: 'spaces, slashes, quotes, Hangul', id: 'x/7 & "조"', token: 'article-x_7______' },
  ];
  it.each(rows)('$label', ({ id, token }) => {
    expect(articleToken({ id, title: '', sourceName: '', status: '', importedAt: '', segments: [] })).toBe(token);
  });
});

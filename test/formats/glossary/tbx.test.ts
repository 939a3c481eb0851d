import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCEPT_TYPES, TERM_STATUSES, type Concept } from '../../../src/core/glossary/types.js';
import { readTbx, writeTbx } from '../../../src/formats/glossary/index.js';
import { EXPORT_NOW, FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';
import { schemaPath, validateTbx } from '../schema-validators.js';

const provenance = { origin: 'manual', createdBy: 'Min-ji', createdAt: '2026-11-29T10:00:00.000Z' };

/** Returns a concept with the given terms and the test provenance. */
function concept(id: string, terms: Concept['terms'], extra: Partial<Concept> = {}): Concept {
  return { id, type: 'person', terms, provenance, ...extra };
}

describe('writeTbx: every export is valid TBX-Basic (core RNG + TBX-Basic Schematron)', () => {
  const rows: { label: string; concepts: readonly Concept[]; title?: string }[] = [
    { label: 'the fixture glossary', concepts: FIXTURE_CONCEPTS },
    { label: 'an empty glossary (<text/> without a body)', concepts: [] },
    { label: 'a concept with only a Korean form', concepts: [concept('c1', [{ text: '조태열', lang: 'ko', status: 'preferred' }])] },
    {
      label: 'a concept without terms beside one with (left out, the file stays valid)',
      concepts: [concept('c1', []), concept('c2', [{ text: 'Seoul', lang: 'en', status: 'preferred' }], { type: 'place' })],
    },
    {
      label: 'text XML cannot carry: control characters, CR LF, a lone surrogate, padding',
      concepts: [
        concept('c1', [{ text: '  Cho\u0001 Tae-yul \uD800', lang: 'en', status: 'preferred', note: 'line one\r\nline two\rthree\u0007' }], {
          note: '\u0000\u001Fnote\uFFFE',
        }),
      ],
    },
    {
      label: 'a title and provenance with markup characters, no source, modification without a date',
      concepts: [concept('c1', [{ text: 'A&B <Corp>', lang: 'en', status: 'preferred' }], { provenance: { ...provenance, modifiedBy: 'Ji-hoon "JH" <jh>' } })],
      title: 'Desk <politics> & "world"',
    },
    {
      label: 'every type and status, a regional language, hyphenated and underscored ids',
      concepts: CONCEPT_TYPES.map((type, i) =>
        concept(`c-${i}_x.y`, [...TERM_STATUSES.map((status) => ({ text: `${type} ${status}`, lang: 'en', status })), { text: 'x', lang: 'zh-Hant', status: 'admitted' as const }], { type }),
      ),
    },
  ];
  it.each(rows)('$label', ({ concepts, title }) => {
    expect(validateTbx(writeTbx(concepts, { now: EXPORT_NOW, title }))).toEqual([]);
  });

  it('maps the model the documented way: type as subjectField, origin in the origination transaction, Korean in a ko langSec', () => {
    const xml = writeTbx([FIXTURE_CONCEPTS[0] as Concept], { now: EXPORT_NOW });
    expect(xml).toContain('<conceptEntry id="c1">\n        <descrip type="subjectField">person</descrip>');
    expect(xml).toMatch(/<transac type="transactionType">origination<\/transac>\s*<date>2026-11-20T09:15:00.000Z<\/date>\s*<transacNote type="responsibility">Min-ji<\/transacNote>\s*<note>flag<\/note>/);
    expect(xml).toMatch(/<langSec xml:lang="ko">\s*<termSec>\s*<term>조태열<\/term>/);
    expect(xml).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
  });
});

describe('the TBX validators reject what they should (so a pass means something)', () => {
  const invalid = [
    { file: 'tbx-basic-invalid-rng.tbx', label: 'fileDesc without sourceDesc, conceptEntry without id', expected: /Expecting an element|failed to validate attributes/ },
    { file: 'tbx-basic-invalid-sch.tbx', label: 'partOfSpeech properNoun, administrativeStatus "preferred", context at langSec level', expected: /partOfSpeech/ },
  ];
  it.each(invalid)('rejects examples/$file ($label)', ({ file, expected }) => {
    const problems = validateTbx(readFileSync(schemaPath(`examples/${file}`), 'utf8'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects a hand-broken export: an unknown administrativeStatus passes the RNG and fails the Schematron', () => {
    const broken = writeTbx(FIXTURE_CONCEPTS, { now: EXPORT_NOW }).replace('preferredTerm-admn-sts', 'preferred');
    expect(validateTbx(broken)).toEqual([expect.stringMatching(/administrativeStatus/)]);
  });

  it.each(['examples/tbx-basic-valid.tbx', 'tbx/Example_Astronomy_DCA_VALID.tbx'])('accepts %s', (file) => {
    expect(validateTbx(readFileSync(schemaPath(file), 'utf8'))).toEqual([]);
  });
});

describe('readTbx', () => {
  it('reads back exactly what writeTbx wrote: export -> import -> export is byte-identical', () => {
    const xml = writeTbx(FIXTURE_CONCEPTS, { now: EXPORT_NOW });
    const read = readTbx(xml);
    expect(read).toMatchObject({ ok: true, warnings: [] });
    if (!read.ok) return;
    expect(read.concepts).toEqual(FIXTURE_CONCEPTS.map((c) => stripUndefined(c)));
    expect(writeTbx(read.concepts, { now: EXPORT_NOW })).toBe(xml);
  });

  it('round-trips any glossary, and every export of it is valid (property)', () => {
    fc.assert(
      fc.property(glossaryArbitrary, (concepts) => {
        const xml = writeTbx(concepts, { now: EXPORT_NOW });
        expect(validateTbx(xml)).toEqual([]);
        const read = readTbx(xml);
        if (!read.ok) throw new Error(read.message);
        expect(writeTbx(read.concepts, { now: EXPORT_NOW })).toBe(xml);
      }),
      { numRuns: 40 },
    );
  });

  it('reads the shared TBX-Basic example, keeping what the model has no field for in the notes', () => {
    const read = readTbx(readFileSync(schemaPath('examples/tbx-basic-valid.tbx'), 'utf8'), { importedBy: 'Min-ji', now: EXPORT_NOW, sourceName: 'tbx-basic-valid.tbx' });
    expect(read).toEqual({
      ok: true,
      concepts: [
        {
          id: 'c1',
          type: 'term',
          note: 'Subject field: politics',
          terms: [
            {
              text: 'Volodymyr Zelenskyy',
              lang: 'en',
              status: 'preferred',
              note: 'Context: President Volodymyr Zelenskyy addressed parliament on Tuesday.\nSpelling used by the newsroom style guide.',
            },
            { text: 'Zelensky', lang: 'en', status: 'admitted', note: undefined },
            { text: 'Vladimir Zelensky', lang: 'en', status: 'deprecated', note: 'Russian-style transliteration produced by the MT engine.' },
            { text: 'Володимир Зеленський', lang: 'uk', status: 'preferred', note: undefined },
          ],
          provenance: { origin: 'import', source: 'tbx-basic-valid.tbx', createdBy: 'Min-ji', createdAt: EXPORT_NOW, modifiedBy: undefined, modifiedAt: undefined },
        },
      ],
      warnings: [
        'Left out, as Copydesk has no place for them: termNote termType ×1.',
        '1 subject field is not a Copydesk concept type (person, organisation, place, title, term): kept in the concept note.',
      ],
    });
  });

  it('reads the official TBX-Basic example (Astronomy, 175 kB) and writes it back as valid TBX-Basic', () => {
    const read = readTbx(readFileSync(schemaPath('tbx/Example_Astronomy_DCA_VALID.tbx'), 'utf8'));
    if (!read.ok) throw new Error(read.message);
    expect(read.concepts.length).toBeGreaterThan(10);
    expect(read.concepts[0]?.terms[0]).toMatchObject({ text: 'open cluster', lang: 'en', status: 'preferred' });
    expect(validateTbx(writeTbx(read.concepts, { now: EXPORT_NOW }))).toEqual([]);
  });

  it('reads TBX 2008 (<martif>: termEntry, langSet, tig and ntig), saying what it adapted', () => {
    const read = readTbx(readFileSync(new URL('../../fixtures/glossary/martif-2008.tbx', import.meta.url), 'utf8'), { importedBy: 'Min-ji', now: EXPORT_NOW });
    if (!read.ok) throw new Error(read.message);
    expect(read.concepts.map((c) => ({ id: c.id, type: c.type, note: c.note, terms: c.terms.map((t) => `${t.lang}:${t.status}:${t.text}${t.note ? ` (${t.note})` : ''}`) }))).toEqual([
      {
        id: 'c1042',
        type: 'person',
        note: undefined,
        terms: ['en:preferred:Ban Ki-moon', 'en:deprecated:Ban Ki Moon (Unhyphenated form used before 2007.)', 'ko:preferred:반기문'],
      },
      { id: 'UN', type: 'term', note: 'Subject field: diplomacy', terms: ['en:preferred:United Nations', 'en:admitted:UN'] },
    ]);
    expect(read.concepts[0]?.provenance).toMatchObject({ origin: 'import', createdBy: 'K. Lee', createdAt: '2010-03-04' });
    expect(read.concepts[1]?.provenance).toMatchObject({ origin: 'import', createdBy: 'Min-ji', createdAt: EXPORT_NOW });
    expect(read.warnings).toEqual([
      '1 numeric id was prefixed with "c" ("12" became "c12"): TBX ids must start with a letter.',
      '3 terms had no administrativeStatus: the first in a language section without a preferred term was taken as preferred, the others as admitted.',
      'Left out, as Copydesk has no place for them: termNote termType ×2.',
      '1 subject field is not a Copydesk concept type (person, organisation, place, title, term): kept in the concept note.',
      '1 superseded term was imported as deprecated.',
      'Language "en-US" was read as "en".',
      'Language "ko-KR" was read as "ko".',
    ]);
  });

  it('takes a file without concepts as an empty glossary, with a warning', () => {
    const read = readTbx(writeTbx([], { now: EXPORT_NOW }));
    expect(read).toEqual({ ok: true, concepts: [], warnings: ['The file holds no concepts.'] });
  });

  it('reads CDATA literally and decodes character references once', () => {
    const xml = writeTbx([concept('c1', [{ text: 'X', lang: 'en', status: 'preferred' }])], { now: EXPORT_NOW }).replace(
      '<term>X</term>',
      '<term>A&amp;lt;B &#xC870;&#53468;&#50676; <![CDATA[&amp; <i>]]></term>',
    );
    const read = readTbx(xml);
    expect(read.ok && read.concepts[0]?.terms[0]?.text).toBe('A&lt;B 조태열 &amp; <i>');
  });
});

/** Minimal TBX 2019 around one conceptEntry body, for the refusal rows. */
function tbxWith(entries: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
${entries}
</body></text>
</tbx>
`;
}

const GOOD_ENTRY = '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Seoul</term></termSec></langSec></conceptEntry>';

describe('readTbx refuses malformed and hostile files, naming the line, importing nothing', () => {
  const rows: { label: string; xml: string; message: RegExp; line?: number }[] = [
    {
      label: 'billion laughs (entity expansion bomb)',
      xml: `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>`,
      message: /^Line 2 declares a DOCTYPE\. .*billion laughs/,
      line: 2,
    },
    {
      label: 'external entity reading a server file',
      xml: `<?xml version="1.0"?>\n<!DOCTYPE tbx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n${tbxWith(GOOD_ENTRY.replace('Seoul', '&xxe;'))}`,
      message: /^Line 2 declares a DOCTYPE\. .*external entities/,
      line: 2,
    },
    {
      label: 'a TBX 2008 DOCTYPE naming its DTD (refused all the same: no DTD is read)',
      xml: '<?xml version="1.0"?>\n\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX" xml:lang="en"><text><body/></text></martif>',
      message: /^Line 3 declares a DOCTYPE\. .*Remove the DOCTYPE line/,
      line: 3,
    },
    {
      label: 'an ENTITY declaration without a DOCTYPE',
      xml: tbxWith('<!ENTITY x "y">'),
      message: /^Line 5 declares a ENTITY/,
      line: 5,
    },
    {
      label: 'an entity XML does not define (&nbsp;)',
      xml: tbxWith(GOOD_ENTRY.replace('Seoul', 'Seoul&nbsp;City')),
      message: /^Line 5 has "&nbsp;", which XML does not know/,
      line: 5,
    },
    {
      label: 'broken XML: a tag closed in the wrong order',
      xml: tbxWith(`${GOOD_ENTRY}\n<conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>Busan</termSec></term></langSec></conceptEntry>`),
      message: /^The XML is broken at line 6, column \d+: .*term/,
      line: 6,
    },
    { label: 'broken XML: not XML at all', xml: 'concept_id,term\nc1,Seoul', message: /^The XML is broken at line 1/, line: 1 },
    {
      label: 'the wrong root element',
      xml: '<?xml version="1.0"?>\n<html><body>Glossary</body></html>',
      message: /^Line 2: the root element is <html>, so this is not a TBX file/,
      line: 2,
    },
    { label: 'a second root element', xml: `${tbxWith(GOOD_ENTRY)}<tbx/>`, message: /^Line 8: a second top-level element <tbx>/, line: 8 },
    {
      label: 'a concept entry without terms',
      xml: tbxWith(`${GOOD_ENTRY}\n<conceptEntry id="c2"><descrip type="subjectField">person</descrip></conceptEntry>`),
      message: /^Line 6: this concept entry has no terms/,
      line: 6,
    },
    {
      label: 'an empty term',
      xml: tbxWith('<conceptEntry id="c1"><langSec xml:lang="en">\n<termSec><term>  </term></termSec></langSec></conceptEntry>'),
      message: /^Line 6: a term section has no term text/,
      line: 6,
    },
    {
      label: 'an unknown administrativeStatus',
      xml: tbxWith('<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Seoul</term>\n<termNote type="administrativeStatus">preferred-ish</termNote></termSec></langSec></conceptEntry>'),
      message: /^Line 6: "preferred-ish" is not a status Copydesk knows for "Seoul"/,
      line: 6,
    },
    { label: 'a repeated id', xml: tbxWith(`${GOOD_ENTRY}\n${GOOD_ENTRY}`), message: /^Line 6: the id "c1" was already used by the entry on line 5/, line: 6 },
    { label: 'an id TBX cannot use', xml: tbxWith(GOOD_ENTRY.replace('id="c1"', 'id="a b"')), message: /^Line 5: the id "a b" cannot be a concept id/, line: 5 },
    {
      label: 'a language section without xml:lang',
      xml: tbxWith('<conceptEntry id="c1">\n<langSec><termSec><term>Seoul</term></termSec></langSec></conceptEntry>'),
      message: /^Line 6: the <langSec> has no xml:lang/,
      line: 6,
    },
    { label: 'an empty file', xml: '', message: /^The file is empty/ },
    { label: 'only blank lines', xml: '\n  \n', message: /^The file holds only spaces and blank lines/ },
    { label: 'binary data (a NUL byte)', xml: '<tbx>\n\u0000\u0001</tbx>', message: /^The file is not a text file \(Line 2 holds a NUL byte\)/, line: 2 },
    { label: 'nesting deeper than any TBX', xml: `${'<a>'.repeat(500)}${'</a>'.repeat(500)}`, message: /^The XML could not be read: Maximum nested tags exceeded/ },
  ];
  it.each(rows)('$label', ({ xml, message, line }) => {
    const read = readTbx(xml);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(message);
    expect(read.line).toBe(line);
  });

  it('refuses a 50 MB file by its length, before reading or parsing it', () => {
    // A DOCTYPE and an unclosed element: had the XML been guarded or parsed first, either would be the message.
    const huge = `<!DOCTYPE tbx><tbx>${'a'.repeat(50 * 1024 * 1024)}`;
    const read = readTbx(huge);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^The file is 50 MB; glossary files over 32 MB are refused\./) });
  });

  it('refuses a billion-laughs file at once, without expanding anything', () => {
    // e30 would expand to 10^30 copies of "ha".
    const levels = Array.from({ length: 30 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY e0 "ha">\n${levels}\n]>\n<x>&e30;</x>`;
    // Expanding e30 would never finish: the test's own timeout is what catches a reader that tries.
    expect(readTbx(bomb)).toEqual({ ok: false, message: expect.stringMatching(/^Line 2 declares a DOCTYPE/), line: 2 });
  });
});

function stripUndefined(concept: Concept): Concept {
  return JSON.parse(JSON.stringify(concept)) as Concept;
}

/** Text with what a glossary meets: Latin, Hangul, emoji, markup characters, quotes, and line breaks for notes. */
const textArbitrary = fc
  .array(fc.constantFrom('Cho', 'Tae-yul', '조태열', '외교부', '😀', '<', '&', '"', "'", ',', ' ', '>', 'é', '\n', ']]>', '&amp;'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));
const termArbitrary = fc.record({
  text: textArbitrary.filter((t) => t.trim() !== ''),
  lang: fc.constantFrom('en', 'ko', 'zh-Hant'),
  status: fc.constantFrom(...TERM_STATUSES),
  note: fc.option(textArbitrary, { nil: undefined }),
});
const glossaryArbitrary = fc
  .array(
    fc.record({
      type: fc.constantFrom(...CONCEPT_TYPES),
      note: fc.option(textArbitrary, { nil: undefined }),
      terms: fc.array(termArbitrary, { minLength: 1, maxLength: 4 }),
      source: fc.option(textArbitrary, { nil: undefined }),
      modifiedBy: fc.option(textArbitrary, { nil: undefined }),
    }),
    { maxLength: 4 },
  )
  .map((rows) =>
    rows.map(
      (row, i): Concept => ({
        id: `c${i + 1}`,
        type: row.type,
        note: row.note,
        terms: row.terms,
        provenance: { origin: 'flag', source: row.source, createdBy: 'Min-ji', createdAt: '2026-11-29', modifiedBy: row.modifiedBy, modifiedAt: row.modifiedBy === undefined ? undefined : EXPORT_NOW },
      }),
    ),
  );

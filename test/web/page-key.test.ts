import { describe, it, expect } from 'vitest';
import { makeApp, importCorpusArticle, importText, editorAgent } from '../helpers.js';
import { getSegment } from '../../src/store/segments.js';
import { listDismissals } from '../../src/store/decisions.js';
import { BACKEND } from '../support/backend.js';

/**
 * The review page is cached under a key derived from the database's counters (issue 9): every
 * field the page shows is changed here, one at a time, and the page must follow each change on
 * the very next request. A field whose write did not move the key would be served stale.
 */
describe(`the review page follows every change of what it shows (${BACKEND})`, () => {
  it('an edit, a revert, the status, the engine, a dismissal and its restoring, a category, the glossary, a people decision, the pass score, another article', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const other = await importText(ctx, 'Talks in Beijing\n\nThe ministers met at the Diaoyutai State Guesthouse on the 14th.', 'other.txt');
    const { agent, csrf } = await editorAgent(app, 'Min-ji');
    const page = async () => (await agent.get(`/articles/${id}`).expect(200)).text;
    let before = await page();
    let fingerprint = '';
    // Read twice with nothing changed: the cached page, byte for byte.
    expect(await page()).toBe(before);

    const steps: { label: string; change: () => Promise<unknown>; shows?: string | RegExp; hides?: string }[] = [
      {
        label: 'an edit',
        change: () => agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303),
        shows: '<ins>Cho</ins> Raises Issues',
      },
      { label: 'the status', change: () => agent.post(`/articles/${id}/status`).type('form').send({ _csrf: csrf, status: 'done' }).expect(303), shows: '<option value="done" selected>' },
      { label: 'the MT engine', change: () => agent.post(`/articles/${id}/engine`).type('form').send({ _csrf: csrf, engine: 'Engine Z' }).expect(303), shows: 'value="Engine Z"' },
      {
        label: 'a confirmed category',
        change: async () => agent.post(`/articles/${id}/categories`).type('form')
          .send({ _csrf: csrf, segmentId: (await getSegment(ctx.store, id, 5))!.id, mtText: 'King', editText: 'Cho', category: 'accuracy/mistranslation', severity: 'major' }).expect(303),
        shows: '1 confirmed, 0 proposed',
      },
      { label: 'the pass score', change: () => agent.post('/reports/pass-score').type('form').send({ _csrf: csrf, passScore: '100' }).expect(303), shows: /class="verdict-fail"/ },
      {
        label: 'a "different people" decision',
        change: () => agent.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Cho Tae-yul', b: 'Cho Tae-yeol', back: '/names', confirm: '1' }).expect(303),
        hides: 'id="check-name-variant"',
      },
      {
        label: 'a glossary concept',
        change: () => agent.post('/glossary').type('form').send({ _csrf: csrf, type: 'person', preferred: 'Cho Tae-yul', deprecated: 'Cho Tae-yeol', admitted: '', korean: '', note: '' }).expect(303),
        shows: 'id="check-glossary-term"',
      },
      {
        label: 'a dismissal',
        change: async () => {
          fingerprint = /name="fingerprint" value="([^"]+)"/.exec(before)?.[1] ?? '';
          return agent.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, fingerprint, reason: 'correct as written' }).expect(303);
        },
        shows: '<summary>1 dismissed</summary>',
      },
      {
        label: 'restoring the dismissed flag',
        change: async () => agent.post(`/articles/${id}/dismissals/${(await listDismissals(ctx.store, id))[0]!.id}/restore`).type('form').send({ _csrf: csrf }).expect(303),
        shows: /name="fingerprint" value="[^"]+" form="dismiss-form"/,
      },
      {
        label: 'a correction in another article that this one repeats',
        change: () => agent.post(`/articles/${other}/segments/1`).type('form').send({ _csrf: csrf, base: '0', text: 'The ministers met at the Diaoyutai State Guest House on the 14th.' }).expect(303),
        shows: 'id="check-correction-not-carried"',
      },
      {
        label: 'a revert',
        change: () => agent.post(`/articles/${id}/segments/5/revert`).type('form').send({ _csrf: csrf, to: '0', base: '1' }).expect(303),
        hides: '<ins>Cho</ins> Raises Issues',
      },
    ];
    for (const step of steps) {
      await step.change();
      const after = await page();
      expect(after, `the page did not change after ${step.label}`).not.toBe(before);
      if (step.shows) expect(after, `the page does not show ${step.label}`).toMatch(step.shows);
      if (step.hides) expect(after, `the page still shows what ${step.label} removes`).not.toContain(step.hides);
      if (step.label === 'restoring the dismissed flag') expect(after).toContain(`value="${fingerprint}" form="dismiss-form"`);
      before = after;
    }
  });
});

import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, importText, editorAgent } from '../helpers.js';
import { REVIEW_KEYS } from '../../src/web/view-models/review-keys.js';

/** An article whose headline makes "King" of the surname 왕 while the lede is about Cho: an open error flag. */
const WITH_ERROR = 'King Meets Japanese Counterpart\n\nForeign Minister Cho Tae-yul met his Japanese counterpart in Tokyo on the 20th.\n\nKing also discussed the summit.';
/** An article no check flags as an error. */
const CLEAN = (n: number) => `Exports Rise for the ${n}th Month\n\nSouth Korea's exports rose 5 percent in May from a year earlier, the trade ministry said on Monday.`;

/** Returns where GET /articles/:id/next-with-errors sends the browser (the route answers 303). */
async function nextFrom(agent: ReturnType<typeof request.agent>, id: number): Promise<string> {
  const res = await agent.get(`/articles/${id}/next-with-errors`).expect(303);
  return String(res.headers.location);
}

describe('GET /articles/:id/next-with-errors', () => {
  it('goes to the next article by id with an open error flag, skipping those without, and wraps round to the first', async () => {
    const { ctx, app } = await makeApp();
    const a = await importCorpusArticle(ctx);
    const c1 = await importText(ctx, CLEAN(1), 'clean-1.txt');
    const b = await importText(ctx, WITH_ERROR, 'king.txt');
    const c2 = await importText(ctx, CLEAN(2), 'clean-2.txt');
    const { agent } = await editorAgent(app);
    // The fixtures are what the test says they are: errors on a and b, none on the others.
    for (const [id, errors] of [[a, true], [b, true], [c1, false], [c2, false]] as const) {
      const page = await agent.get(`/articles/${id}`).expect(200);
      expect(page.text.includes('<span class="severity" id="flag-') && /class="severity"[^>]*>error</.test(page.text), `article ${id}`).toBe(errors);
    }
    expect(await nextFrom(agent, a)).toBe(`/articles/${b}`);
    expect(await nextFrom(agent, c1)).toBe(`/articles/${b}`);
    expect(await nextFrom(agent, b)).toBe(`/articles/${a}`);
    expect(await nextFrom(agent, c2)).toBe(`/articles/${a}`);
  });

  it('skips an article once its errors are fixed or dismissed, and says so on the article when no other is left', async () => {
    const { ctx, app } = await makeApp();
    const a = await importCorpusArticle(ctx);
    const b = await importText(ctx, WITH_ERROR, 'king.txt');
    const { agent, csrf } = await editorAgent(app);
    expect(await nextFrom(agent, a)).toBe(`/articles/${b}`);

    // b's headline fixed: b has an open error flag no more (the redirect sees the save at once).
    await agent.post(`/articles/${b}/segments/0`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Meets Japanese Counterpart' }).expect(303);
    const kingLeft = (await agent.get(`/articles/${b}`).expect(200)).text;
    expect(/class="severity"[^>]*>error</.test(kingLeft), 'b still has an error flag after the fix').toBe(false);
    expect(await nextFrom(agent, a)).toBe(`/articles/${a}?errors=none`);
    const page = await agent.get(`/articles/${a}?errors=none`).expect(200);
    expect(page.text).toContain('<p class="notice" role="status">No other article has an open error flag.</p>');

    // From b, the one article left with errors is a; once a's error is dismissed, none is left at all.
    expect(await nextFrom(agent, b)).toBe(`/articles/${a}`);
    const fingerprint = /name="fingerprint" value="(headline-subject[^"]*)"/.exec((await agent.get(`/articles/${a}`).expect(200)).text)?.[1];
    expect(fingerprint).toBeDefined();
    await agent.post(`/articles/${a}/dismissals`).type('form').send({ _csrf: csrf, fingerprint: fingerprint!, reason: 'Correct as written' }).expect(303);
    expect(await nextFrom(agent, b)).toBe(`/articles/${b}?errors=none`);
  });

  it('answers an article that does not exist with 404', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/articles/999/next-with-errors').expect(404);
    expect(res.text).toContain('There is no article 999');
  });
});

describe('the review page’s keyboard aids', () => {
  it('links to the next article with errors, opens with a skip link to the flags, and lists every key in its dialog', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent } = await editorAgent(app);
    const html = (await agent.get(`/articles/${id}`).expect(200)).text;
    expect(html).toContain(`<a class="next-with-errors" href="/articles/${id}/next-with-errors">Next article with open errors</a>`);
    // The skip link is the first thing one can tab to, and the panel it names can take the focus.
    const body = html.slice(html.indexOf('<body>'));
    expect(/<(a|button|input|select|textarea|summary)\b[^>]*>/.exec(body)?.[0]).toBe('<a class="skip-link" href="#flags">');
    expect(html).toContain('<aside class="flag-panel" id="flags" aria-labelledby="flags-heading" tabindex="-1">');
    // Every flag can take the focus and is named by its severity, place and message.
    const flags = [...html.matchAll(/<li class="flag-item [^"]*" id="(flag-\d+)" tabindex="-1" aria-labelledby="([^"]+)">/g)];
    expect(flags.length).toBe(3);
    for (const [, flagId, labelledBy] of flags) {
      for (const part of labelledBy!.split(' ')) expect(html, `${flagId}: #${part}`).toContain(`id="${part}"`);
    }
    // The dialog: labelled, modal, one row per key of REVIEW_KEYS; the script that runs it is loaded, not inline.
    const dialog = html.slice(html.indexOf('<dialog'), html.indexOf('</dialog>'));
    expect(dialog).toMatch(/^<dialog class="keys-dialog" id="keys-help" aria-labelledby="keys-help-title" aria-modal="true">/);
    expect([...dialog.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => m[2])).toEqual(REVIEW_KEYS.map((k) => k.what));
    expect(dialog).toContain('<kbd>g</kbd> then <kbd>c</kbd>');
    expect(html).toContain('<script src="/public/keys.js" defer></script>');
    expect(html).not.toMatch(/<script>(?!<\/script>)|\son(click|keydown)=/);
  });

  it('serves public/keys.js', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/public/keys.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toContain("N: function () { go('a.next-with-errors'); }");
  });
});

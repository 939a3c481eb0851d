/** An editor's browser for tests against running instances: keeps cookies, reads the CSRF token, posts forms. */
export class HttpEditor {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  /** Signs in as `author` on the instance at `base` (the name cookie and a CSRF token); the cookies then serve every instance on the database. */
  static async signIn(base: string, author: string): Promise<HttpEditor> {
    const editor = new HttpEditor();
    const page = await editor.get(base, '/');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!token) throw new Error('no CSRF token on the corpus page');
    editor.csrf = token;
    const res = await editor.post(base, '/author', { author, back: '/' });
    if (res.status !== 303) throw new Error(`signing in answered ${res.status}`);
    return editor;
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** GETs `path` from the instance at `base`. */
  async get(base: string, path: string): Promise<Response> {
    const res = await fetch(`${base}${path}`, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    this.remember(res);
    return res;
  }

  /** POSTs a form (with the CSRF token) to `path` on the instance at `base`. */
  async post(base: string, path: string, form: Record<string, string>): Promise<Response> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return res;
  }
}

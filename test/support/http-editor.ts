import type { StoreConfig } from '../../src/store/open-store.js';
import { openServiceContext } from '../../src/service/context.js';
import type { Role } from '../../src/service/accounts.js';
import { ensureTestUser, TEST_PASSWORD } from './accounts.js';

/** An editor's browser for tests against running instances: keeps cookies, reads the CSRF token, posts forms. */
export class HttpEditor {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  /** Creates the users (role `role`, password TEST_PASSWORD already chosen) on the database the instances share. */
  static async createUsers(config: StoreConfig, usernames: readonly string[], role: Role = 'editor'): Promise<void> {
    const ctx = await openServiceContext(config);
    try {
      for (const name of usernames) await ensureTestUser(ctx, name, role);
    } finally {
      await ctx.store.close();
    }
  }

  /**
   * Signs in through /login at `base` as `username` (made by createUsers) and reads a CSRF token;
   * the session (in the database) and the cookies then serve every instance on the database.
   */
  static async signIn(base: string, username: string): Promise<HttpEditor> {
    const editor = new HttpEditor();
    const form = await editor.get(base, '/login');
    editor.csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    if (!editor.csrf) throw new Error('no CSRF token on the sign-in page');
    const res = await editor.post(base, '/login', { username, password: TEST_PASSWORD });
    if (res.status !== 303) throw new Error(`signing in as ${username} answered ${res.status}`);
    const page = await editor.get(base, '/');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!token) throw new Error('no CSRF token on the corpus page');
    editor.csrf = token;
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

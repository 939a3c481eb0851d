// A minimal browser stand-in for the benchmark: one keep-alive connection, a cookie jar, and the
// CSRF token read from the last page, so requests look like an editor's and not like a fresh visitor's.
import { Agent, request } from 'node:http';

/** Longest wait for one response (ms); a hung server fails the run instead of stalling it. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The hidden field every Copydesk form carries (views/partials/head.ejs, views/articles/_segment.ejs). */
const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

/** Returns a session bound to `http://127.0.0.1:port`: `send` a request, read `cookieHeader()` and `csrfToken`. */
export function createSession(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const jar = new Map();
  const session = {
    csrfToken: '',
    /** Returns the Cookie header a browser would send now. */
    cookieHeader: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    /** Sends one request; resolves to { status, headers, body, ms }, keeping cookies and the page's CSRF token. */
    send: (method, path, form, extraHeaders = {}) =>
      new Promise((resolve, reject) => {
        const body = form ? new URLSearchParams(form).toString() : undefined;
        const headers = { accept: 'text/html', ...extraHeaders };
        if (jar.size > 0) headers.cookie = session.cookieHeader();
        if (body !== undefined) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          headers['content-length'] = Buffer.byteLength(body);
        }
        const started = process.hrtime.bigint();
        const req = request({ host: '127.0.0.1', port, method, path, headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const eq = pair.indexOf('=');
              jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
            }
            const text = Buffer.concat(chunks).toString('utf8');
            const token = CSRF_FIELD.exec(text)?.[1];
            if (token) session.csrfToken = token;
            resolve({ status: res.statusCode, headers: res.headers, body: text, ms });
          });
          res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`${method} ${path} took longer than ${REQUEST_TIMEOUT_MS} ms`)));
        req.on('error', reject);
        req.end(body);
      }),
    /** Closes the kept-alive connection so the process can exit. */
    close: () => agent.destroy(),
  };
  return session;
}

/** The password of the benchmark's user (made by ensureBenchUser, which has already "chosen" it). */
export const BENCH_PASSWORD = 'benchmark passphrase';

/**
 * Makes `username` an account of `role` on the service context's database (issue 11: every page is
 * behind sign-in), with BENCH_PASSWORD already chosen; does nothing when it exists.
 */
export async function ensureBenchUser(ctx, username, role = 'admin') {
  const { addUser, changePassword } = await import('../dist/service/accounts.js');
  const { findUser } = await import('../dist/store/accounts.js');
  if (await findUser(ctx.store, username)) return;
  const { user, password } = await addUser(ctx, { username, role, createdBy: 'bench' });
  await changePassword(ctx, { id: user.id, username, role, mustChangePassword: true }, { current: password, next: BENCH_PASSWORD });
}

/**
 * Returns a session that looks like a returning editor on `reviewPath`: signed in through /login as
 * `username` (made by ensureBenchUser), with the CSRF cookie, and the page as it then loads
 * ({ session, page, headers, firstVisit }: headers are what a load generator sends to look the
 * same, with a browser's Accept and Accept-Encoding; firstVisit the session cookie alone, as a new
 * tab of a signed-in editor sends). Throws when
 * the page still sets a cookie, since every load request would then differ from a browser's.
 */
export async function startEditorSession(port, reviewPath, username) {
  const session = createSession(port);
  const form = await session.send('GET', '/login');
  if (form.status !== 200) throw new Error(`GET /login answered ${form.status}.`);
  const signedIn = await session.send('POST', '/login', { _csrf: session.csrfToken, username, password: BENCH_PASSWORD });
  if (signedIn.status !== 303) throw new Error(`POST /login answered ${signedIn.status}: ${signedIn.body.slice(0, 300)}`);
  const first = await session.send('GET', reviewPath);
  if (first.status !== 200) throw new Error(`GET ${reviewPath} answered ${first.status}.`);
  const page = await session.send('GET', reviewPath);
  if (page.status !== 200) throw new Error(`GET ${reviewPath} answered ${page.status}.`);
  const setCookie = page.headers['set-cookie'];
  if (setCookie) throw new Error(`GET ${reviewPath} still sets cookies (${setCookie.join('; ')}); the load would not look like a returning browser's.`);
  const sessionCookie = session.cookieHeader().split('; ').find((c) => c.startsWith('copydesk.session=')) ?? '';
  // What Chromium sends: every browser accepts gzip, and the app sends its cached pages compressed.
  const browser = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br, zstd' };
  return { session, page, headers: { cookie: session.cookieHeader(), ...browser }, firstVisit: { cookie: sessionCookie, ...browser } };
}

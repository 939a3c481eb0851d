/**
 * A text/event-stream client for tests, as a browser's EventSource reads the stream (the WHATWG
 * HTML "server-sent events" parsing rules, enough of them for Copydesk's events): it keeps every
 * event and comment in order, and lets a test wait for the next one that matches.
 */

/** One event as received: its name ('message' when none), its data parsed as JSON when it is; comments have type 'comment'. */
export interface StreamEvent {
  readonly type: string;
  readonly data: unknown;
}

/** An open stream. */
export interface EventStream {
  readonly status: number;
  readonly headers: Headers;
  /** The body of a refused request (not a stream). */
  readonly text: string;
  /** Every event and comment received so far, in order. */
  readonly events: readonly StreamEvent[];
  /** Waits for the next event (after those an earlier wait returned) of `type` that `match` accepts, and returns it. */
  next(type: string, match?: (data: any) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server has ended the stream. */
  readonly ended: Promise<void>;
  /** Closes it from this side, as a browser closing the tab. */
  close(): void;
}

/** Opens `url` as EventSource does (Accept: text/event-stream), with `headers` (a Cookie, say). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal, redirect: 'manual' });
  const events: StreamEvent[] = [];
  let cursor = 0;
  const waiters = new Set<() => void>();
  const wake = () => { for (const w of [...waiters]) w(); };
  const isStream = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
  let text = '';
  let isEnded = false;
  let markEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => { markEnded = resolve; });
  if (!isStream) {
    text = await res.text();
    isEnded = true;
    markEnded();
  } else {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let type = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) events.push({ type: 'comment', data: line.slice(1).trim() });
              else if (line.startsWith('event:')) type = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            }
            if (data.length > 0) {
              const joined = data.join('\n');
              let parsed: unknown = joined;
              try { parsed = JSON.parse(joined); } catch { /* plain text */ }
              events.push({ type, data: parsed });
            }
          }
          wake();
        }
      } catch {
        // closed from this side
      } finally {
        isEnded = true;
        markEnded();
        wake();
      }
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    text,
    events,
    ended,
    close: () => abort.abort(),
    next(type, match = () => true, timeoutMs = 5000) {
      return new Promise<StreamEvent>((resolve, reject) => {
        const look = () => {
          for (let i = cursor; i < events.length; i += 1) {
            const e = events[i] as StreamEvent;
            if (e.type === type && match(e.data)) {
              cursor = i + 1;
              done();
              resolve(e);
              return;
            }
          }
          if (isEnded) {
            done();
            reject(new Error(`the stream ended before a "${type}" event came; it sent ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no "${type}" event within ${timeoutMs} ms; the stream sent ${JSON.stringify(events)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
  };
}

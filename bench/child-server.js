// Starting and stopping bench/serve.js in a child process, so the load generator and the server
// it measures do not share an event loop.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVE_SCRIPT = fileURLToPath(new URL('./serve.js', import.meta.url));

/** Longest a child server may take to start listening (ms). */
const START_TIMEOUT_MS = 15_000;
/** Longest a child server may take to stop before it is killed (ms). */
const STOP_TIMEOUT_MS = 10_000;

/** Sends `message` to the child and resolves to the `key` field of its next message that has one. */
function ask(child, message, key) {
  return new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m && typeof m === 'object' && key in m) {
        child.off('message', onMessage);
        resolve(m[key]);
      }
    };
    child.on('message', onMessage);
    child.send(message, (err) => err && reject(err));
  });
}

/**
 * Starts `node [execArgv] bench/serve.js ...args`; resolves to { port, stop } once it listens.
 * `stop()` asks the child to close and resolves when it has exited (killing it after STOP_TIMEOUT_MS);
 * `ask(message, key)` sends a message and resolves to the `key` of the child's answer (serve.js: 'loop').
 */
export function startServer(args, execArgv = []) {
  const child = fork(SERVE_SCRIPT, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench/serve.js ${args[0]} did not listen within ${START_TIMEOUT_MS} ms.`));
    }, START_TIMEOUT_MS);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve({ port: m.port, stop, pid: child.pid, ask: (message, key) => ask(child, message, key) });
    });
    // After a resolve this reject does nothing; before one it reports a child that died while starting.
    exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`bench/serve.js ${args[0]} exited (${status}) before listening.`));
    });
  });
}

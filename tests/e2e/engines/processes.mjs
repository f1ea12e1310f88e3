// The processes the WebKit driver starts itself (Xvfb, WebKitWebDriver and the MiniBrowser it launches), each in
// its own process group, so that one kill ends a program and every child it started. Whatever happens to the test
// (a failed assertion, an exception, Ctrl+C, the runner's SIGTERM), the groups still running are killed on the way
// out: nothing is left behind to hold a display or a port for the next run.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set();

/** Kills `child`'s whole process group (the program and what it started); harmless if it is already gone. */
export function killGroup(child) {
  running.delete(child);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has already ended.
  }
}

function killAll() {
  for (const child of [...running]) {
    killGroup(child);
  }
}

process.once('exit', killAll);
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + number);
  });
}

/** Starts `command` as the leader of a new process group, remembered until `killGroup`. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('error', () => running.delete(child));
  return child;
}

/** A TCP port free on 127.0.0.1 right now (the kernel picks it), for a program that needs its port on the command line. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts a virtual X server on a display number it picks itself (`-displayfd`: the first one with no lock file),
 * so two runs never share a display. Returns `{ display: ':N', stop }`; `stop()` resolves once Xvfb is gone.
 */
export async function startXvfb() {
  const xvfb = spawnGroup('/usr/bin/Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let log = '';
  xvfb.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const number = await new Promise((done, fail) => {
    let written = '';
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) done(written.trim());
    });
    xvfb.once('exit', (code) => fail(new Error(`Xvfb stopped (${code}) before it named its display: ${log}`)));
    xvfb.once('error', fail);
  });
  xvfb.stdio[3].destroy();
  xvfb.stderr.destroy();
  // SIGTERM first: Xvfb then removes its lock file and socket (/tmp/.X<N>-lock, /tmp/.X11-unix/X<N>).
  const stop = async () => {
    if (xvfb.exitCode === null && xvfb.signalCode === null) {
      const exited = new Promise((done) => xvfb.once('exit', done));
      xvfb.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 2000))]);
    }
    killGroup(xvfb);
  };
  return { display: `:${number}`, stop };
}

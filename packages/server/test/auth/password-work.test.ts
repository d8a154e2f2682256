import { describe, expect, it } from 'vitest';
import { PasswordWork } from '../../src/auth/password-work.js';

/** The Argon2id gate: at most `concurrency` at once, in order, shedding load past the queue. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('the password work gate', () => {
  it('runs at most `concurrency` jobs at once, the rest in arrival order', async () => {
    const gate = new PasswordWork(2, 10);
    const started: number[] = [];
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const jobs = blockers.map((blocker, index) =>
      gate.run(async () => {
        started.push(index);
        await blocker.promise;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);

    blockers[1]?.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    for (const blocker of blockers) blocker.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
  });

  it('frees its slot when a job fails', async () => {
    const gate = new PasswordWork(1, 10);
    await expect(gate.run(() => Promise.reject(new Error('argon2 failed')))).rejects.toThrow();

    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('answers RATE_LIMITED rather than queue without bound', async () => {
    const gate = new PasswordWork(1, 1);
    const blocker = deferred();
    const running = gate.run(() => blocker.promise);
    const queued = gate.run(async () => 'queued');

    await expect(gate.run(async () => 'shed')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    blocker.resolve();
    await running;
    expect(await queued).toBe('queued');
  });
});

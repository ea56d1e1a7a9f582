import { describe, expect, it } from 'vitest';
import { untilAborted } from './abort.js';

describe('untilAborted', () => {
  it('settles like the promise, or with the abort reason first', async () => {
    await expect(untilAborted(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    await expect(untilAborted(Promise.reject(new Error('no')), undefined)).rejects.toThrow('no');
    const controller = new AbortController();
    const pending = untilAborted(new Promise(() => {}), controller.signal);
    controller.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toThrow('gone');
  });
});

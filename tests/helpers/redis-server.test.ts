import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { quietPort } from './ports.js';
import { ping, type RedisServerProcess, startRedisServer } from './redis-server.js';

/** Sends one inline command and returns the first `lines` lines of the reply. */
function command(port: number, line: string, lines = 1): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (data) => {
      reply += data.toString();
      const parts = reply.split('\r\n');
      if (parts.length > lines) {
        socket.destroy();
        resolve(parts.slice(0, lines));
      }
    });
  });
}

describe('startRedisServer', () => {
  const started: RedisServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((redis) => redis.stop()));
  });

  it('starts a real redis-server on a free port that answers commands', async () => {
    const redis = await startRedisServer();
    started.push(redis);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await command(redis.port, 'SET greeting bonjour')).toEqual(['+OK']);
    expect(await command(redis.port, 'GET greeting', 2)).toEqual(['$7', 'bonjour']);
    // Nothing is saved to disk.
    expect(await command(redis.port, 'CONFIG GET save', 5)).toEqual(['*2', '$4', 'save', '$0', '']);
  });

  it('dies on kill() and comes back empty on the same port after restart()', async () => {
    const redis = await startRedisServer();
    started.push(redis);
    await command(redis.port, 'SET survivor yes');
    await redis.kill();
    expect(await ping(redis.port)).toBe(false);
    await redis.restart();
    expect(await ping(redis.port)).toBe(true);
    // Nothing is persisted: a restarted Redis has lost everything, as a killed one would.
    expect(await command(redis.port, 'EXISTS survivor')).toEqual([':0']);
  });

  it('hangs on pause() and answers again on resume()', async () => {
    const redis = await startRedisServer();
    started.push(redis);
    redis.pause();
    expect(await ping(redis.port, 300)).toBe(false);
    redis.resume();
    expect(await ping(redis.port)).toBe(true);
    redis.pause();
    // stop() works on a paused Redis too (afterEach)
  });

  it('listens on the port it is given, and stop() frees it', async () => {
    const port = quietPort();
    const redis = await startRedisServer({ port });
    started.push(redis);
    expect(redis.port).toBe(port);
    expect(await ping(port)).toBe(true);
    await redis.stop();
    expect(await ping(port)).toBe(false);
    await redis.stop(); // twice is harmless
  });

  it('names the Debian package when redis-server is missing', async () => {
    const missing = startRedisServer({ binary: '/nonexistent/redis-server' });
    await expect(missing).rejects.toThrow(/Debian package redis-server/);
  });

  it('removes its temp dir on stop', async () => {
    const redis = await startRedisServer();
    const [, , , , dir] = await command(redis.port, 'CONFIG GET dir', 5);
    expect(dir).toMatch(/jarvis-redis-/);
    expect(existsSync(dir!)).toBe(true);
    await redis.stop();
    expect(existsSync(dir!)).toBe(false);
  });
});

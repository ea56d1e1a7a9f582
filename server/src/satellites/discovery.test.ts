import { afterEach, describe, expect, it } from 'vitest';
import { Info } from 'wyoming-ts';
import { WyomingServer } from 'wyoming-ts/node';
import { discoverSatellites, type FoundService, probe } from './discovery.js';

const servers: WyomingServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

/** A Wyoming service that answers describe with `info`. */
async function service(info: Info): Promise<number> {
  const server = new WyomingServer({
    uri: 'tcp://127.0.0.1:0',
    handler: async (connection) => {
      for await (const event of connection)
        if (event.type === 'describe') await connection.write(info);
    },
  });
  await server.start();
  servers.push(server);
  return Number(server.uri.split(':').at(-1));
}

const satelliteInfo = new Info({
  satellite: {
    name: 'kitchen',
    area: 'Kitchen',
    attribution: { name: 'x', url: '' },
    installed: true,
  },
});
const whisperInfo = new Info({
  asr: [
    { name: 'faster-whisper', attribution: { name: 'x', url: '' }, installed: true, models: [] },
  ],
});

describe('satellite discovery', () => {
  it('reports the services whose info has a satellite section, once each', async () => {
    const satellitePort = await service(satelliteInfo);
    const whisperPort = await service(whisperInfo);
    const found: string[] = [];
    let announce: (service: FoundService) => Promise<void> = async () => {};
    const stop = discoverSatellites({
      browse: (onFound) => {
        announce = onFound;
        return () => {};
      },
      onSatellite: (uri, satellite) => found.push(`${uri} ${satellite.name}`),
      known: (uri) => uri.endsWith(':1'),
    });
    await Promise.all([
      announce({ name: 'kitchen', host: '127.0.0.1', port: satellitePort }),
      announce({ name: 'kitchen again', host: '127.0.0.1', port: satellitePort }),
      announce({ name: 'whisper', host: '127.0.0.1', port: whisperPort }),
      announce({ name: 'configured', host: '127.0.0.1', port: 1 }),
    ]);
    stop();
    expect(found).toEqual([`tcp://127.0.0.1:${satellitePort} kitchen`]);
  });

  it('probe gives up on a service that is not there', async () => {
    expect(await probe('tcp://127.0.0.1:1', 500)).toBeUndefined();
  });
});

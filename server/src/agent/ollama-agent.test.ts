// The Ollama agent through the real `ollama` client against the Ollama test server, acting on
// the demo home: streamed answers, tools, the prompt it builds, the conversation's thread.
import { afterEach, describe, expect, it } from 'vitest';
import { callTools, say } from '../../../tests/helpers/ollama-test-server.js';
import {
  type AgentKit,
  type AgentKitOptions,
  lastToolResult,
  startAgentKit,
  systemOf,
  toolNames,
} from './test-kit.js';

let kit: AgentKit;

async function start(options: AgentKitOptions = {}): Promise<AgentKit> {
  kit = await startAgentKit(options);
  return kit;
}

afterEach(async () => {
  await kit?.stop();
});

describe('OllamaAgent: answers', () => {
  it('streams the answer: deltas come out before the model has finished', async () => {
    let release!: () => void;
    const beforeDone = new Promise<void>((resolve) => (release = resolve));
    await start({
      script: [
        say(
          ['Paris is ', 'the capital ', 'of France. ', 'It has ', 'about two ', 'million people.'],
          { beforeDone },
        ),
      ],
    });
    const turn = kit.agent.reply({
      text: 'What is the capital of France?',
      conversationId: 'satellite-1',
      area: 'living_room',
      timers: [],
      now: new Date('2025-06-02T12:05:00Z'),
    });
    let settled = false;
    void turn.done.then(() => (settled = true));
    const deltas: string[] = [];
    let settledAtThird: boolean | undefined;
    for await (const delta of turn.text) {
      deltas.push(delta);
      if (deltas.length === 3) {
        settledAtThird = settled;
        release();
      }
    }
    const reply = await turn.done;
    expect(settledAtThird).toBe(false);
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(deltas.join('')).toBe(
      'Paris is the capital of France. It has about two million people.',
    );
    expect(reply).toMatchObject({
      speech: 'Paris is the capital of France. It has about two million people.',
      language: 'en',
      failed: false,
      expectsReply: false,
      calls: [],
      tools: [],
    });
    expect(kit.errors).toEqual([]);
  });

  it('sends the model a persona, the live context, the tools and the request', async () => {
    await start({ script: [say('Hello.')] });
    await kit.ask('What is the capital of France?');
    const [chat] = kit.server.chats;
    expect(chat).toMatchObject({ model: 'llama3.1:8b', stream: true });
    const system = systemOf(chat);
    expect(system).toContain('You are Jarvis');
    expect(system).toContain('no markdown');
    expect(system).toContain('Always answer in English');
    expect(system).toContain('Monday, June 2, 2025, 2:05 PM (time zone Europe/Paris)');
    expect(system).toContain('The user is in the Living room (area living_room)');
    expect(system).not.toContain('light.');
    expect(chat!.messages!.at(-1)).toEqual({
      role: 'user',
      content: 'What is the capital of France?',
    });
    expect(toolNames(chat)).toEqual([
      'ha_call_service',
      'get_states',
      'list_areas',
      'list_devices',
      'timer_start',
      'timer_cancel',
      'timer_list',
      'reminder_set',
      'reminder_list',
      'reminder_cancel',
      'get_time',
    ]);
    const schema = chat!.tools![0]!.function.parameters!;
    expect(schema).toMatchObject({ type: 'object', required: ['domain', 'service'] });
  });

  it('puts the devices the request is about in the prompt, not the whole house', async () => {
    await start({ script: [say('OK.'), say('OK.')] });
    await kit.ask('Is the kitchen light on?');
    const system = systemOf(kit.server.chats[0]);
    expect(system).toContain('- light.kitchen "Kitchen light"');
    expect(system).not.toContain('lock.front_door');
    expect(system).not.toContain('fan.bedroom_fan');
    await kit.ask('allume la lumière', { area: 'bedroom' });
    const french = systemOf(kit.server.chats[1]);
    const lines = french.split('\n').filter((line) => line.startsWith('- '));
    expect(lines[0]).toContain('light.bedroom_lamp');
    expect(lines.every((line) => line.startsWith('- light.'))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(french).toContain('Always answer in French');
  });

  it('does not speak what the model writes before calling a tool', async () => {
    await start({
      script: [
        { type: 'tool_calls', text: 'Let me check the time', calls: [{ name: 'get_time' }] },
        say('It is five past two.'),
      ],
    });
    const { deltas, reply } = await kit.ask('What time is it?');
    expect(reply.speech).toBe('It is five past two.');
    expect(deltas.join('')).toBe('It is five past two.');
    expect(reply.tools).toEqual(['get_time']);
    const toolResult = lastToolResult(kit.server.chats[1]);
    expect(toolResult).toMatchObject({ ok: true, date: 'Monday, June 2, 2025', time: '2:05 PM' });
  });
});

describe('OllamaAgent: the home', () => {
  it('switches a light with a tool call and says what it did', async () => {
    await start({
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'light', service: 'turn_on', entity_id: ['light.kitchen'] },
        }),
        say('The kitchen light is on.'),
      ],
    });
    expect(kit.home.entity('light.kitchen')?.state).toBe('off');
    const { reply } = await kit.ask('Turn on the kitchen light');
    expect(kit.home.entity('light.kitchen')?.state).toBe('on');
    expect(reply).toMatchObject({
      speech: 'The kitchen light is on.',
      failed: false,
      tools: ['ha_call_service'],
      calls: [{ domain: 'light', service: 'turn_on', target: { entity_id: ['light.kitchen'] } }],
    });
    const second = kit.server.chats[1]!;
    const [assistant, tool] = second.messages!.slice(-2);
    expect(assistant).toMatchObject({
      role: 'assistant',
      tool_calls: [
        { function: { name: 'ha_call_service', arguments: { entity_id: ['light.kitchen'] } } },
      ],
    });
    expect(tool).toMatchObject({ role: 'tool', tool_name: 'ha_call_service' });
    expect(JSON.parse(tool!.content)).toEqual({
      ok: true,
      called: 'light.turn_on',
      entities: ['light.kitchen'],
    });
  });

  it('finds devices by alias and by area, with service data', async () => {
    await start({
      script: [
        callTools(
          {
            name: 'ha_call_service',
            arguments: {
              domain: 'light',
              service: 'turn_on',
              entity_id: 'Lampe de chevet',
              data: { brightness_pct: '40' },
            },
          },
          {
            name: 'ha_call_service',
            arguments: { domain: 'light', service: 'turn_off', area: 'Salon' },
          },
        ),
        say("C'est fait."),
      ],
    });
    const { reply } = await kit.ask('Allume la lampe de chevet à 40 % et éteins le salon');
    const lamp = kit.home.entity('light.bedroom_lamp')!;
    expect(lamp.state).toBe('on');
    expect(lamp.attributes['brightness']).toBe(102);
    const living = kit.home
      .entities()
      .filter((e) => e.domain === 'light' && e.area_id === 'living_room');
    expect(living.map((e) => e.state)).toEqual(['off', 'off', 'off', 'off']);
    expect(reply.calls).toEqual([
      {
        domain: 'light',
        service: 'turn_on',
        target: { entity_id: ['light.bedroom_lamp'] },
        data: { brightness_pct: 40 },
      },
      {
        domain: 'light',
        service: 'turn_off',
        target: { entity_id: living.map((e) => e.entity_id) },
      },
    ]);
    expect(reply.language).toBe('fr');
  });

  it('refuses devices the home does not expose and services off the allow-list, telling the model', async () => {
    await start({
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'light', service: 'turn_on', entity_id: ['light.garden'] },
        }),
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'homeassistant', service: 'restart', entity_id: ['light.kitchen'] },
        }),
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'switch', service: 'turn_on', entity_id: ['light.kitchen'] },
        }),
        say("I can't find a garden light."),
      ],
    });
    const before = JSON.stringify(kit.home.entities());
    const { reply } = await kit.ask('Turn on the garden light');
    expect(JSON.stringify(kit.home.entities())).toBe(before);
    expect(reply).toMatchObject({
      speech: "I can't find a garden light.",
      failed: false,
      calls: [],
    });
    expect(lastToolResult(kit.server.chats[1])).toEqual({
      ok: false,
      error: expect.stringContaining('light.garden does not exist or is not exposed to Jarvis'),
    });
    expect(lastToolResult(kit.server.chats[2])).toEqual({
      ok: false,
      error: expect.stringContaining('domain "homeassistant" cannot be controlled'),
    });
    expect(lastToolResult(kit.server.chats[3])).toEqual({
      ok: false,
      error: expect.stringContaining('light.kitchen is not a switch'),
    });
  });

  it('reads states and lists areas and devices', async () => {
    await start({
      script: [
        callTools(
          { name: 'get_states', arguments: { entity_id: ['Thermostat'] } },
          { name: 'list_areas', arguments: {} },
        ),
        callTools(
          { name: 'list_devices', arguments: { area: 'kitchen', domain: 'switch' } },
          { name: 'get_states', arguments: {} },
        ),
        say('It is 20.5 degrees.'),
      ],
    });
    const { reply } = await kit.ask('How warm is it?');
    expect(reply.tools).toEqual(['get_states', 'list_areas', 'list_devices', 'get_states']);
    const [states, areas] = kit.server.chats[1]!.messages!.slice(-2).map((m) =>
      JSON.parse(m.content),
    );
    expect(states.entities[0]).toMatchObject({
      entity_id: 'climate.thermostat',
      area: 'Hallway',
      state: 'heat',
      attributes: { current_temperature: 20.5, temperature: 21 },
    });
    expect(areas.areas).toContainEqual(
      expect.objectContaining({ area_id: 'living_room', user_is_here: true }),
    );
    const [devices, here] = kit.server.chats[2]!.messages!.slice(-2).map((m) =>
      JSON.parse(m.content),
    );
    expect(devices.devices).toEqual([
      {
        entity_id: 'switch.coffee_machine',
        name: 'Coffee machine',
        domain: 'switch',
        area: 'Kitchen',
      },
    ]);
    expect(here.entities.map((e: { entity_id: string }) => e.entity_id)).toContain(
      'media_player.samsung_tv',
    );
    expect(here.entities.every((e: { area: string }) => e.area === 'Living room')).toBe(true);
  });
});

describe('OllamaAgent: timers', () => {
  it('starts a timer: the reply carries the action for the satellite', async () => {
    await start({
      script: [
        callTools({ name: 'timer_start', arguments: { duration: 'cinq minutes', name: 'pâtes' } }),
        say('Minuteur pâtes lancé pour cinq minutes.'),
      ],
    });
    const { reply } = await kit.ask('Lance un minuteur de cinq minutes pour les pâtes');
    expect(reply.timer).toEqual({ type: 'start', id: 'timer-1', seconds: 300, name: 'pâtes' });
    expect(lastToolResult(kit.server.chats[1])).toEqual({
      ok: true,
      started: { id: 'timer-1', seconds: 300, duration: '5 minutes', name: 'pâtes' },
    });
  });

  it('cancels the running timer it is asked about, and lists them', async () => {
    const timers = [
      { id: 't-eggs', name: 'eggs', secondsLeft: 120 },
      { id: 't-tea', name: 'tea', secondsLeft: 30 },
    ];
    await start({
      script: [
        callTools({ name: 'timer_cancel', arguments: {} }),
        callTools({ name: 'timer_cancel', arguments: { name: 'tea' } }),
        say('Cancelled the tea timer.'),
        callTools({ name: 'timer_list', arguments: {} }),
        say('Two minutes left on the eggs.'),
      ],
    });
    const cancelled = await kit.ask('Cancel the tea timer', { timers });
    expect(lastToolResult(kit.server.chats[1])).toMatchObject({
      ok: false,
      error: expect.stringContaining('several timers'),
    });
    expect(cancelled.reply.timer).toEqual({ type: 'cancel', id: 't-tea' });
    const listed = await kit.ask('How long is left?', { timers: timers.slice(0, 1) });
    expect(listed.reply.timer).toEqual({ type: 'query' });
    expect(lastToolResult(kit.server.chats[4])).toEqual({
      ok: true,
      timers: [{ id: 't-eggs', name: 'eggs', seconds_left: 120, left: '2 minutes' }],
    });
  });
});

describe('OllamaAgent: the conversation', () => {
  it('gives the model the recent turns of the same conversation, and keeps conversations apart', async () => {
    await start({
      script: [say('Nice to meet you, Ada.'), say('Your name is Ada.'), say('I do not know.')],
    });
    await kit.ask('My name is Ada.');
    await kit.ask('What is my name?');
    const messages = kit.server.chats[1]!.messages!.map(({ role, content }) => ({ role, content }));
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: 'Nice to meet you, Ada.' },
      { role: 'user', content: 'What is my name?' },
    ]);
    await kit.ask('What is my name?', { conversationId: 'satellite-2', satellite: 'satellite-2' });
    expect(kit.server.chats[2]!.messages!.map((m) => m.role)).toEqual(['system', 'user']);
    const stored = await kit.conversations.recent('satellite-1');
    expect(stored.map((m) => [m.role, m.content, m.satellite, m.language])).toEqual([
      ['user', 'My name is Ada.', 'satellite-1', 'en'],
      ['assistant', 'Nice to meet you, Ada.', 'satellite-1', 'en'],
      ['user', 'What is my name?', 'satellite-1', 'en'],
      ['assistant', 'Your name is Ada.', 'satellite-1', 'en'],
    ]);
  });

  it('listens again after a question of its own, and takes the answer in context', async () => {
    await start({
      script: [
        say('Which light, the kitchen or the living room?'),
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'light', service: 'turn_on', entity_id: ['light.kitchen'] },
        }),
        say('The kitchen light is on.'),
      ],
    });
    const question = await kit.ask('Turn on the light', { area: undefined });
    expect(question.reply).toMatchObject({ expectsReply: true, failed: false });
    const answer = await kit.ask('The kitchen', { area: undefined });
    expect(answer.reply).toMatchObject({ expectsReply: false, speech: 'The kitchen light is on.' });
    expect(kit.server.chats[1]!.messages!.slice(1).map((m) => m.content)).toEqual([
      'Turn on the light',
      'Which light, the kitchen or the living room?',
      'The kitchen',
    ]);
    expect(kit.home.entity('light.kitchen')?.state).toBe('on');
  });
});

// Sensitive actions through the agent: held back, asked about, run on "yes" without the model,
// dropped on "no", forgotten when the answer is something else or comes too late.
import { afterEach, describe, expect, it } from 'vitest';
import { callTools, say } from '../../../tests/helpers/ollama-test-server.js';
import { InProcessConversationStore } from '../conversation/in-process-store.js';
import { demoEntities } from '../home/demo-data.js';
import { DemoHome } from '../home/demo-home.js';
import type { HomeEntity } from '../home/home.js';
import { type AgentKit, type AgentKitOptions, startAgentKit } from './test-kit.js';

let kit: AgentKit;

async function start(options: AgentKitOptions = {}): Promise<AgentKit> {
  kit = await startAgentKit(options);
  return kit;
}

afterEach(async () => {
  await kit?.stop();
});

const unlockFrontDoor = callTools({
  name: 'ha_call_service',
  arguments: { domain: 'lock', service: 'unlock', entity_id: ['lock.front_door'] },
});

const garageDoor: HomeEntity = {
  entity_id: 'cover.garage_door',
  domain: 'cover',
  name: 'Garage door',
  aliases: ['Porte du garage'],
  area_id: 'hallway',
  state: 'closed',
  attributes: {
    device_class: 'garage',
    current_position: 0,
    friendly_name: 'Garage door',
    supported_features: 15,
  },
};

describe('OllamaAgent: confirmations', () => {
  it('asks before unlocking, and unlocks on "yes" without asking the model again', async () => {
    await start({ script: [unlockFrontDoor] });
    const asked = await kit.ask('Unlock the front door');
    expect(asked.reply).toMatchObject({
      speech: 'Do you want me to unlock the front door?',
      expectsReply: true,
      failed: false,
      calls: [],
      tools: ['ha_call_service'],
    });
    expect(asked.deltas.join('')).toBe('Do you want me to unlock the front door?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
    expect(await kit.conversations.pending('satellite-1')).toMatchObject({
      tool: 'ha_call_service',
      arguments: { domain: 'lock', service: 'unlock', entity_id: ['lock.front_door'] },
      question: 'Do you want me to unlock the front door?',
      language: 'en',
    });
    const chats = kit.server.chats.length;
    const yes = await kit.ask('yes');
    expect(kit.server.chats.length).toBe(chats);
    expect(kit.home.entity('lock.front_door')?.state).toBe('unlocked');
    expect(yes.reply).toMatchObject({
      speech: 'Unlocked the front door.',
      expectsReply: false,
      failed: false,
      tools: ['ha_call_service'],
      calls: [{ domain: 'lock', service: 'unlock', target: { entity_id: ['lock.front_door'] } }],
    });
    expect(await kit.conversations.pending('satellite-1')).toBeUndefined();
    const thread = await kit.conversations.recent('satellite-1');
    expect(thread.map((m) => m.content)).toEqual([
      'Unlock the front door',
      'Do you want me to unlock the front door?',
      'yes',
      'Unlocked the front door.',
    ]);
  });

  it('drops the action on "no"', async () => {
    await start({ script: [unlockFrontDoor] });
    await kit.ask('Unlock the front door');
    const no = await kit.ask('no thanks');
    expect(no.reply).toMatchObject({
      speech: "OK, I won't unlock the front door.",
      calls: [],
      failed: false,
    });
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
    expect(await kit.conversations.pending('satellite-1')).toBeUndefined();
    expect(kit.server.chats).toHaveLength(1);
  });

  it('forgets the action when the answer is something else, and handles that normally', async () => {
    await start({ script: [unlockFrontDoor, say('It is five past two.')] });
    await kit.ask('Unlock the front door');
    const other = await kit.ask('What time is it?');
    expect(other.reply.speech).toBe('It is five past two.');
    expect(kit.server.chats).toHaveLength(2);
    expect(await kit.conversations.pending('satellite-1')).toBeUndefined();
    kit.server.enqueue(say('Yes to what?'));
    const late = await kit.ask('yes');
    expect(late.reply.speech).toBe('Yes to what?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
  });

  it('keeps a question to its own conversation', async () => {
    await start({ script: [unlockFrontDoor, say('Yes to what?')] });
    await kit.ask('Unlock the front door');
    const elsewhere = await kit.ask('yes', {
      conversationId: 'satellite-2',
      satellite: 'satellite-2',
    });
    expect(elsewhere.reply.speech).toBe('Yes to what?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
    expect(await kit.conversations.pending('satellite-1')).toBeDefined();
  });

  it('asks and answers in French', async () => {
    await start({ script: [unlockFrontDoor] });
    const asked = await kit.ask("Déverrouille la porte d'entrée");
    expect(asked.reply).toMatchObject({
      speech: "Voulez-vous que je déverrouille la porte d'entrée ?",
      language: 'fr',
      expectsReply: true,
    });
    const yes = await kit.ask('oui vas-y');
    expect(yes.reply).toMatchObject({
      speech: "J'ai déverrouillé la porte d'entrée.",
      language: 'fr',
    });
    expect(kit.home.entity('lock.front_door')?.state).toBe('unlocked');
    kit.server.enqueue(unlockFrontDoor);
    await kit.ask("Déverrouille la porte d'entrée");
    const no = await kit.ask('non');
    expect(no.reply.speech).toBe("D'accord, je n'y touche pas.");
  });

  it('asks before moving a garage door but not the blinds', async () => {
    const home = new DemoHome({ entities: [...demoEntities(), garageDoor] });
    await start({
      home,
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'cover', service: 'open', entity_id: ['Garage door'] },
        }),
        callTools({
          name: 'ha_call_service',
          arguments: {
            domain: 'cover',
            service: 'close_cover',
            entity_id: ['cover.bedroom_blinds'],
          },
        }),
        say('The blinds are closed.'),
      ],
    });
    const garage = await kit.ask('Open the garage door');
    expect(garage.reply).toMatchObject({
      speech: 'Do you want me to open the garage door?',
      expectsReply: true,
    });
    expect(home.entity('cover.garage_door')?.state).toBe('closed');
    expect((await kit.ask('sure')).reply.speech).toBe('Opened the garage door.');
    expect(home.entity('cover.garage_door')?.state).toBe('open');
    const blinds = await kit.ask('Close the bedroom blinds');
    expect(blinds.reply).toMatchObject({ speech: 'The blinds are closed.', expectsReply: false });
    expect(home.entity('cover.bedroom_blinds')?.state).toBe('closed');
  });

  it('asks for every service of a domain listed as sensitive', async () => {
    await start({
      sensitiveDomains: ['switch'],
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'switch', service: 'turn_on', entity_id: ['Cafetière'] },
        }),
      ],
    });
    const asked = await kit.ask('Allume la cafetière');
    expect(asked.reply).toMatchObject({
      speech: "Voulez-vous que j'allume la machine à café ?",
      expectsReply: true,
    });
    expect((await kit.ask('oui')).reply.speech).toBe("J'ai allumé la machine à café.");
    expect(kit.home.entity('switch.coffee_machine')?.state).toBe('on');
  });

  it('lets the question expire with the conversation', async () => {
    let clock = Date.parse('2025-06-02T12:05:00Z');
    const conversations = new InProcessConversationStore({ ttlMs: 60_000, now: () => clock });
    await start({
      conversations,
      now: () => new Date(clock),
      script: [unlockFrontDoor, say('Yes to what?')],
    });
    await kit.ask('Unlock the front door');
    clock += 61_000;
    const late = await kit.ask('yes');
    expect(late.reply.speech).toBe('Yes to what?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
  });

  it('takes the "yes" only from the peer that was asked, and only for 30 s', async () => {
    let clock = Date.parse('2025-06-02T12:05:00Z');
    await start({
      now: () => new Date(clock),
      script: [unlockFrontDoor, say('Yes to what?'), unlockFrontDoor, say('Yes to what?')],
    });
    const homeAssistant = { conversationId: 'ha-1', peer: 'wyoming:192.168.1.20' };
    await kit.ask('Unlock the front door', homeAssistant);
    const stranger = await kit.ask('yes', { ...homeAssistant, peer: 'wyoming:192.168.1.66' });
    expect(stranger.reply.speech).toBe('Yes to what?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
    await kit.ask('Unlock the front door', homeAssistant);
    clock += 31_000; // the conversation lives on (5 minutes), the question does not
    const late = await kit.ask('yes', homeAssistant);
    expect(late.reply.speech).toBe('Yes to what?');
    expect(kit.home.entity('lock.front_door')?.state).toBe('locked');
  });

  it('says so when the confirmed action fails', async () => {
    await start({ script: [unlockFrontDoor] });
    await kit.ask('Unlock the front door');
    // The lock is gone from the home before the user says yes: the action is checked again.
    await kit.conversations.setPending('satellite-1', {
      ...(await kit.conversations.pending('satellite-1'))!,
      arguments: { domain: 'lock', service: 'unlock', entity_id: ['lock.back_door'] },
    });
    const yes = await kit.ask('yes');
    expect(yes.reply).toMatchObject({ failed: true, errorCode: 'action-failed', calls: [] });
    expect(yes.reply.speech).toMatch(/^Sorry, I couldn't unlock/);
    expect(kit.errors).toEqual(['action-failed']);
  });
});

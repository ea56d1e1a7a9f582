import { describe, expect, it } from 'vitest';
import { type Row, expected, outcome } from './intent-table.js';

const PASTA = { id: 'pasta-1', name: 'pasta', secondsLeft: 270 };
const EGGS = { id: 'eggs-1', name: 'eggs', secondsLeft: 120 };

const ROWS: Row[] = [
  {
    say: 'turn on the kitchen light',
    intent: 'HassTurnOn',
    speech: 'Turned on the kitchen light.',
    calls: ['light.turn_on light.kitchen'],
  },
  {
    say: 'turn off the light',
    intent: 'HassTurnOff',
    speech: 'Turned off the light.',
    calls: ['light.turn_off light.kitchen'],
  },
  {
    say: 'Turn off the light.',
    area: 'bedroom',
    intent: 'HassTurnOff',
    speech: 'Turned off the light.',
    calls: ['light.turn_off light.bedroom_lamp'],
  },
  {
    say: 'turn off the light',
    area: 'Living room',
    intent: 'HassTurnOff',
    speech: 'Turned off the lights.',
    calls: ['light.turn_off light.living_room_ceiling,light.floor_lamp'],
  },
  {
    say: 'Turn the lights off in the living room!',
    intent: 'HassTurnOff',
    speech: 'Turned off the lights in the living room.',
    calls: ['light.turn_off light.living_room_ceiling,light.floor_lamp'],
  },
  {
    say: 'turn on the bedroom',
    intent: 'HassTurnOn',
    speech: 'Turned on the light in the bedroom.',
    calls: ['light.turn_on light.bedroom_lamp'],
  },
  {
    say: 'switch on the coffee maker',
    intent: 'HassTurnOn',
    speech: 'Turned on the coffee maker.',
    calls: ['switch.turn_on switch.coffee_maker'],
  },
  {
    say: 'turn on the fan',
    area: 'bedroom',
    intent: 'HassTurnOn',
    speech: 'Turned on the fan.',
    calls: ['fan.turn_on fan.ceiling_fan'],
  },
  {
    say: 'turn off everything in the kitchen',
    intent: 'HassTurnOff',
    speech: 'Turned off everything in the kitchen.',
    calls: ['light.turn_off light.kitchen', 'switch.turn_off switch.coffee_maker'],
  },
  {
    say: 'Hey Jarvis, can you please turn on the bedroom lamp?',
    intent: 'HassTurnOn',
    speech: 'Turned on the bedroom lamp.',
    calls: ['light.turn_on light.bedroom_lamp'],
  },
  {
    say: 'set the bedroom light to 30 percent',
    intent: 'HassLightSet',
    speech: 'Set the light in the bedroom to 30%.',
    calls: ['light.turn_on light.bedroom_lamp {"brightness_pct":30}'],
  },
  {
    say: 'dim the floor lamp to fifty percent',
    intent: 'HassLightSet',
    speech: 'Set the floor lamp to 50%.',
    calls: ['light.turn_on light.floor_lamp {"brightness_pct":50}'],
  },
  {
    say: 'turn on the lights in the living room at 20%',
    intent: 'HassLightSet',
    speech: 'Set the lights in the living room to 20%.',
    calls: ['light.turn_on light.living_room_ceiling,light.floor_lamp {"brightness_pct":20}'],
  },
  {
    say: 'set the living room lights to warm',
    intent: 'HassLightSet',
    speech: 'Set the lights in the living room to warm white.',
    calls: ['light.turn_on light.living_room_ceiling,light.floor_lamp {"color_temp_kelvin":2700}'],
  },
  {
    say: 'make the bedroom lamp cool',
    intent: 'HassLightSet',
    speech: 'Set the bedroom lamp to cool white.',
    calls: ['light.turn_on light.bedroom_lamp {"color_temp_kelvin":5000}'],
  },
  {
    say: 'set the light to neutral white',
    area: 'bedroom',
    intent: 'HassLightSet',
    speech: 'Set the light to neutral white.',
    calls: ['light.turn_on light.bedroom_lamp {"color_temp_kelvin":4000}'],
  },
  {
    say: 'open the blinds in the bedroom',
    intent: 'HassTurnOn',
    speech: 'Opened the blinds in the bedroom.',
    calls: ['cover.open_cover cover.bedroom_blinds'],
  },
  {
    say: 'close the bedroom blinds',
    intent: 'HassTurnOff',
    speech: 'Closed the bedroom blinds.',
    calls: ['cover.close_cover cover.bedroom_blinds'],
  },
  {
    say: 'set the temperature to 21 degrees',
    intent: 'HassClimateSetTemperature',
    speech: 'Set the thermostat to 21 degrees.',
    calls: ['climate.set_temperature climate.thermostat {"temperature":21}'],
  },
  {
    say: 'set the thermostat to twenty one and a half degrees',
    intent: 'HassClimateSetTemperature',
    speech: 'Set the thermostat to 21.5 degrees.',
    calls: ['climate.set_temperature climate.thermostat {"temperature":21.5}'],
  },
  {
    say: 'lock the front door',
    intent: 'HassLock',
    speech: 'Locked the front door.',
    calls: ['lock.lock lock.front_door'],
  },
  {
    say: 'lock the door',
    area: 'bedroom',
    intent: 'HassLock',
    speech: 'Locked the front door.',
    calls: ['lock.lock lock.front_door'],
  },
  {
    say: 'unlock the front door',
    intent: 'HassUnlock',
    speech: 'Do you want me to unlock the front door?',
    expectsReply: true,
  },
  {
    say: 'pause the TV',
    intent: 'HassMediaPause',
    speech: 'Paused the TV.',
    calls: ['media_player.media_pause media_player.tv'],
  },
  {
    say: 'resume the music',
    area: 'living_room',
    intent: 'HassMediaUnpause',
    speech: 'Resumed the TV.',
    calls: ['media_player.media_play media_player.tv'],
  },
  {
    say: 'set the volume to 30 percent',
    intent: 'HassSetVolume',
    speech: 'Set the volume of the TV to 30%.',
    calls: ['media_player.volume_set media_player.tv {"volume_level":0.3}'],
  },
  {
    say: 'is the front door locked?',
    intent: 'HassGetState',
    speech: 'Yes, the front door is locked.',
  },
  {
    say: 'Is the front door open?',
    intent: 'HassGetState',
    speech: 'No, the front door is locked.',
  },
  {
    say: 'is the kitchen light on?',
    intent: 'HassGetState',
    speech: 'No, the kitchen light is off.',
  },
  {
    say: 'are the lights on in the living room',
    intent: 'HassGetState',
    speech: 'Not all of them: the floor lamp is on.',
  },
  { say: "what's the state of the TV", intent: 'HassGetState', speech: 'The TV is playing.' },
  {
    say: "What's the temperature in the kitchen?",
    intent: 'HassClimateGetTemperature',
    speech: "It's 21.5 degrees in the kitchen.",
  },
  {
    say: 'how warm is it in the living room',
    intent: 'HassClimateGetTemperature',
    speech: "It's 19.5 degrees in the living room.",
  },
  { say: 'what time is it', intent: 'HassGetCurrentTime', speech: "It's 3:05 PM." },
  {
    say: "what's the date today",
    intent: 'HassGetCurrentDate',
    speech: 'Today is Wednesday, January 15, 2025.',
  },
  {
    say: 'set a timer for five minutes',
    intent: 'HassStartTimer',
    speech: 'Timer set for 5 minutes.',
    timer: { type: 'start', id: 'timer-1', seconds: 300 },
  },
  {
    say: 'set a pasta timer for 10 minutes',
    intent: 'HassStartTimer',
    speech: 'Pasta timer set for 10 minutes.',
    timer: { type: 'start', id: 'timer-1', seconds: 600, name: 'pasta' },
  },
  {
    say: 'start a timer for an hour and a half',
    intent: 'HassStartTimer',
    speech: 'Timer set for 1 hour and 30 minutes.',
    timer: { type: 'start', id: 'timer-1', seconds: 5400 },
  },
  {
    say: 'set a 90 second timer',
    intent: 'HassStartTimer',
    speech: 'Timer set for 1 minute and 30 seconds.',
    timer: { type: 'start', id: 'timer-1', seconds: 90 },
  },
  {
    say: 'remind me in half an hour',
    intent: 'HassStartTimer',
    speech: 'Timer set for 30 minutes.',
    timer: { type: 'start', id: 'timer-1', seconds: 1800 },
  },
  {
    say: 'cancel the pasta timer',
    timers: [PASTA, EGGS],
    intent: 'HassCancelTimer',
    speech: 'Pasta timer cancelled.',
    timer: { type: 'cancel', id: 'pasta-1' },
  },
  {
    say: 'cancel the timer',
    timers: [PASTA, EGGS],
    intent: 'HassCancelTimer',
    speech: 'You have several timers: pasta and eggs. Which one?',
    failed: true,
  },
  {
    say: 'cancel the timer',
    intent: 'HassCancelTimer',
    speech: "There's no timer running.",
    failed: true,
  },
  {
    say: 'how much time is left',
    timers: [PASTA],
    intent: 'HassTimerStatus',
    speech: '4 minutes and 30 seconds left on the pasta timer.',
    timer: { type: 'query' },
  },
  {
    say: 'how much time is left',
    timers: [PASTA, EGGS],
    intent: 'HassTimerStatus',
    speech:
      'Time left: 4 minutes and 30 seconds on the pasta timer and 2 minutes on the eggs timer.',
    timer: { type: 'query' },
  },
  { say: 'never mind', intent: 'HassNevermind', speech: '' },
  { say: 'Stop.', intent: 'HassNevermind', speech: '' },
  {
    say: 'turn on the toaster',
    intent: 'HassTurnOn',
    speech: "I don't know a device called toaster.",
    failed: true,
  },
  {
    say: 'turn on the garage light',
    intent: 'HassTurnOn',
    speech: "I don't know a device called garage light.",
    failed: true,
  },
  {
    say: 'turn on the fan',
    intent: 'HassTurnOn',
    speech: "There's no fan in the kitchen.",
    failed: true,
  },
  {
    say: 'turn off the light',
    area: null,
    intent: 'HassTurnOff',
    speech: "I don't know which room you're in. Please name the room.",
    failed: true,
  },
  { say: 'what is the capital of France', intent: null },
  { say: 'play some jazz', intent: null },
  { say: '', intent: null },
];

describe('English intents', () => {
  it.each(ROWS)('$say', async (row) => {
    expect(await outcome(row)).toEqual(expected(row, 'en'));
  });
});

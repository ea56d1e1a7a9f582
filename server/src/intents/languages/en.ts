import { type LanguageData, counting, listOf, phrasesOf, worth } from './language.js';
import { enReminderData as reminders } from './reminders-en.js';
import { enHomeResponses } from './responses-en.js';

export const en: LanguageData = {
  language: 'en',
  locale: 'en-US',
  rules: {
    ...reminders.rules,
    the: '[(the|my|all the|all)]',
    turn: '(turn|switch)',
    set: '(set|turn|dim|put|make|change)',
    light: '(light|lights|lamp|lamps|lighting)',
    in_area: 'in [the] {area}',
    percent: '[(percent|per cent|%)]',
    degrees: '(degrees|degree|°)',
    cover: '(blinds|blind|shades|shade|curtains|curtain|shutters|shutter|covers|cover)',
    door: '(door|doors)',
    heating: '(temperature|thermostat|heating|heat)',
    media: '(music|media|song|video|movie|playback)',
    timer: '(timer|countdown)',
    what_is: "(what is|what's|whats)",
    cancel: '(cancel|stop|delete|remove|clear)',
    create: '(set|start|create|make)',
    left: '(is left|left|remains|is remaining|remaining)',
  },
  grammarRules: {
    ...reminders.grammarRules,
    the: '[the]',
    turn: 'turn',
    set: 'set',
    light: '(light|lights)',
    in_area: 'in the {area}',
    percent: 'percent',
    degrees: 'degrees',
    cover: '(blinds|curtains)',
    door: 'door',
    heating: '(temperature|thermostat)',
    media: 'music',
    timer: 'timer',
    cancel: '(cancel|stop)',
    create: 'set',
    left: '(is left|left)',
  },
  wrap: {
    before: '[hey] [jarvis] [please] [(can|could|would|will) you] [please]',
    after: '[(please|thanks|thank you)] [jarvis]',
  },
  intents: {
    ...reminders.intents,
    HassLightSet: [
      {
        target: 'light',
        sentences: [
          '<set> <the> {name} (to|at) {brightness} <percent>',
          '<turn> on <the> {name} (to|at) {brightness} <percent>',
          'set <the> brightness of <the> {name} to {brightness} <percent>',
          '<set> <the> {area} <light> (to|at) {brightness} <percent>',
          '<set> <the> <light> [<in_area>] (to|at) {brightness} <percent>',
          '<turn> on <the> <light> [<in_area>] (to|at) {brightness} <percent>',
          '<turn> on <the> {area} <light> (to|at) {brightness} <percent>',
          '<set> <the> {name} [to] {color}',
          '<set> <the> {area} <light> [to] {color}',
          '<set> <the> <light> [<in_area>] [to] {color}',
        ],
      },
    ],
    HassClimateSetTemperature: [
      {
        target: 'climate',
        sentences: [
          'set <the> <heating> [<in_area>] to {temperature} [<degrees>]',
          'set <the> {area} <heating> to {temperature} [<degrees>]',
          '(set|turn|put) <the> {name} to {temperature} [<degrees>]',
          '(turn|put) <the> (heating|heat) (up|down) to {temperature} [<degrees>]',
          'make it {temperature} <degrees> [<in_area>]',
        ],
      },
    ],
    HassSetVolume: [
      {
        target: 'media',
        sentences: [
          '<set> <the> volume [(of|on) <the> {name}] [(up|down)] to {volume} <percent>',
          '<set> <the> volume <in_area> [(up|down)] to {volume} <percent>',
          '<set> <the> {name} volume to {volume} <percent>',
          'volume [to] {volume} <percent>',
        ],
      },
    ],
    HassTurnOn: [
      { target: 'onoff', sentences: ['<turn> on <the> {name}', '<turn> <the> {name} on'] },
      {
        target: 'light',
        sentences: [
          '<turn> on <the> <light> [<in_area>]',
          '<turn> on <the> {area} <light>',
          '<turn> <the> <light> on [<in_area>]',
          '<turn> <the> {area} <light> on',
          '(light|lights) on [<in_area>]',
          '<turn> on <the> {area}',
        ],
      },
      {
        target: 'fan',
        sentences: ['<turn> on <the> (fan|fans) [<in_area>]', '<turn> on <the> {area} (fan|fans)'],
      },
      {
        target: 'cover',
        sentences: [
          'open <the> {name}',
          '(open|raise) <the> <cover> [<in_area>]',
          '(open|raise) <the> {area} <cover>',
        ],
      },
    ],
    HassTurnOff: [
      { target: 'onoff', sentences: ['<turn> off <the> {name}', '<turn> <the> {name} off'] },
      {
        target: 'light',
        sentences: [
          '<turn> off <the> <light> [<in_area>]',
          '<turn> off <the> {area} <light>',
          '<turn> <the> <light> off [<in_area>]',
          '<turn> <the> {area} <light> off',
          '(light|lights) off [<in_area>]',
          '<turn> off <the> {area}',
        ],
      },
      {
        target: 'fan',
        sentences: [
          '<turn> off <the> (fan|fans) [<in_area>]',
          '<turn> off <the> {area} (fan|fans)',
        ],
      },
      {
        target: 'everything',
        sentences: ['<turn> off everything [<in_area>]', '<turn> everything off [<in_area>]'],
      },
      {
        target: 'cover',
        sentences: [
          '(close|shut) <the> {name}',
          '(close|shut|lower) <the> <cover> [<in_area>]',
          '(close|shut|lower) <the> {area} <cover>',
        ],
      },
    ],
    HassLock: [
      {
        target: 'lock',
        sentences: [
          'lock <the> {name}',
          'lock <the> <door> [<in_area>]',
          'lock <the> {area} <door>',
          'lock up',
        ],
      },
    ],
    HassUnlock: [
      {
        target: 'lock',
        sentences: [
          'unlock <the> {name}',
          '(unlock|open) <the> <door> [<in_area>]',
          '(unlock|open) <the> {area} <door>',
          'open <the> {name}',
        ],
      },
    ],
    HassMediaPause: [
      {
        target: 'media',
        sentences: [
          'pause <the> {name}',
          'pause [<the> <media>] [<in_area>]',
          'stop <the> (music|playback) [<in_area>]',
        ],
      },
    ],
    HassMediaUnpause: [
      {
        target: 'media',
        sentences: [
          '(resume|unpause|continue) <the> {name}',
          '(resume|unpause|continue) [<the> <media>] [<in_area>]',
          'play <the> (music|media|video|movie) [<in_area>]',
        ],
      },
    ],
    HassGetState: [
      {
        target: 'any',
        sentences: [
          '(is|are) <the> {name} [turned] {state}',
          '<what_is> the (state|status) of <the> {name}',
        ],
      },
      {
        target: 'light',
        sentences: [
          '(is|are) <the> {area} <light> [turned] {state}',
          '(is|are) <the> <light> [<in_area>] [turned] {state}',
          '(is|are) <the> <light> [turned] {state} <in_area>',
        ],
      },
      { target: 'lock', sentences: ['(is|are) <the> <door> [<in_area>] {state}'] },
    ],
    HassClimateGetTemperature: [
      {
        target: 'temperature',
        sentences: [
          '<what_is> the (temperature|temp) [<in_area>]',
          '<what_is> the {area} (temperature|temp)',
          'how (warm|cold|hot) is it [<in_area>]',
          'how (warm|cold|hot) is the {area}',
          'what temperature is it [<in_area>]',
        ],
      },
    ],
    HassGetCurrentTime: [
      {
        sentences: [
          '<what_is> the time [now]',
          'what time is it [now]',
          'tell me the time',
          'do you have the time',
        ],
      },
    ],
    HassGetCurrentDate: [
      {
        sentences: [
          "<what_is> (the date|today's date) [today]",
          'what day is (it|today) [today]',
          '<what_is> today',
          'tell me the date',
        ],
      },
    ],
    HassStartTimer: [
      {
        sentences: [
          '<create> (a|an|the) {duration} <timer>',
          '<create> [(a|an|the)] <timer> for {duration}',
          '<create> [(a|an|the)] {timer_name} <timer> for {duration}',
          '<create> [(a|an|the)] {duration} {timer_name} <timer>',
          '<create> [(a|an|the)] <timer> for {duration} (for|called|named) {timer_name}',
          '<timer> [for] {duration}',
          '(remind|alert|wake) me in {duration}',
        ],
      },
    ],
    HassCancelTimer: [
      {
        sentences: [
          '<cancel> <the> <timer>',
          '<cancel> <the> {timer_name} <timer>',
          '<cancel> <the> <timer> (for|called|named) {timer_name}',
        ],
      },
    ],
    HassTimerStatus: [
      {
        sentences: [
          '(how much time|how long) <left> [on <the> [{timer_name}] <timer>]',
          '<what_is> left on <the> [{timer_name}] <timer>',
          '[what is the] <timer> status',
        ],
      },
    ],
    HassNevermind: [
      {
        sentences: [
          '(never mind|nevermind|forget it|nothing|no thanks|be quiet|shut up|quiet)',
          "(stop|cancel|that's all|that is all)",
        ],
      },
    ],
  },
  yes: [
    '(yes|yeah|yep|yup|sure|ok|okay|of course|do it|go ahead|confirm|confirmed|correct|please do) [(please|do it|go ahead)]',
  ],
  no: [
    "(no|nope|nah|don't|do not|no thanks|no thank you|cancel|stop|never mind|nevermind|forget it) [(thanks|thank you|don't)]",
  ],
  articles: { strip: ['the', 'a', 'an', 'my', 'our'], contractions: [] },
  numbers: {
    words: {
      ...counting(
        'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
      ),
      ...counting('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10),
      'one hundred': 100,
      'a hundred': 100,
    },
    multipliers: { hundred: 100 },
    joiners: ['and'],
    half: ['and a half'],
  },
  durations: {
    units: {
      ...worth('second seconds sec secs', 1),
      ...worth('minute minutes min mins', 60),
      ...worth('hour hours hr hrs', 3600),
    },
    one: ['a', 'an'],
    halfAfter: ['and a half'],
    quarterAfter: ['and a quarter'],
    halfBefore: ['half an', 'half a', 'a half'],
    fixed: { 'a quarter of an hour': 900, 'a quarter hour': 900, 'quarter of an hour': 900 },
    joiners: ['and'],
    samples: phrasesOf(
      'thirty seconds, ninety seconds, one minute, two minutes, three minutes, five minutes, ten minutes, fifteen minutes, twenty minutes, thirty minutes, half an hour, an hour, an hour and a half, two hours',
    ),
  },
  colors: [
    { kelvin: 2700, say: 'warm white', phrases: ['warm', 'warm white', 'warmer', 'soft white'] },
    { kelvin: 4000, say: 'neutral white', phrases: ['neutral', 'neutral white', 'white'] },
    { kelvin: 5000, say: 'cool white', phrases: ['cool', 'cool white', 'cold', 'cooler'] },
    { kelvin: 6500, say: 'daylight', phrases: ['daylight'] },
  ],
  states: {
    on: { phrases: ['on'], say: 'on' },
    off: { phrases: ['off'], say: 'off' },
    locked: { phrases: ['locked'], say: 'locked' },
    unlocked: { phrases: ['unlocked'], say: 'unlocked' },
    open: { phrases: ['open', 'opened'], say: 'open' },
    closed: { phrases: ['closed', 'shut'], say: 'closed' },
    playing: { phrases: ['playing'], say: 'playing' },
    paused: { phrases: ['paused'], say: 'paused' },
    unavailable: { phrases: ['unavailable'], say: 'unavailable' },
  },
  copula: ['is', 'are'],
  domains: {
    light: { one: 'light', many: 'lights', bare: 'light' },
    switch: { one: 'switch', many: 'switches', bare: 'switch' },
    fan: { one: 'fan', many: 'fans', bare: 'fan' },
    cover: { one: 'blinds', many: 'blinds', bare: 'blind' },
    lock: { one: 'door', many: 'doors', bare: 'lock' },
    climate: { one: 'thermostat', many: 'thermostats', bare: 'thermostat' },
    media_player: { one: 'player', many: 'players', bare: 'media player' },
    sensor: { one: 'sensor', many: 'sensors', bare: 'sensor' },
    device: { one: 'device', many: 'devices', bare: 'device' },
  },
  nameWords: listOf(
    'kitchen living room bedroom bathroom hallway hall office garage garden dining lamp light ceiling floor door front back blinds heating coffee maker',
  ),
  nameClues: { letters: '', words: listOf('the of and my with for') },
  timerNames: ['pasta', 'eggs', 'pizza', 'tea', 'oven'],
  reminders: reminders.reminders,
  hour12: true,
  targets: {
    name: 'the {name}',
    area: 'the {domain} in the {area}',
    here: 'the {domain}',
    everything: 'everything',
    everythingArea: 'everything in the {area}',
  },
  responses: { ...reminders.responses, ...enHomeResponses },
};

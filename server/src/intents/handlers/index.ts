import type { IntentName } from '../languages/language.js';
import {
  climateSetTemperature,
  lightSet,
  mediaPause,
  mediaUnpause,
  setVolume,
  turnOff,
  turnOn,
} from './devices.js';
import { lock, unlock } from './locks.js';
import { climateGetTemperature, currentDate, currentTime, getState } from './queries.js';
import { type Handler, reply } from './request.js';
import { acknowledgeReminder, cancelReminder, listReminders, setReminder } from './reminders.js';
import { cancelTimer, startTimer, timerStatus } from './timers.js';

const nevermind: Handler = async (request) => reply(request, request.speech.say('nevermind'));

export const HANDLERS: Readonly<Record<IntentName, Handler>> = {
  HassLightSet: lightSet,
  HassClimateSetTemperature: climateSetTemperature,
  HassSetVolume: setVolume,
  HassTurnOn: turnOn,
  HassTurnOff: turnOff,
  HassLock: lock,
  HassUnlock: unlock,
  HassMediaPause: mediaPause,
  HassMediaUnpause: mediaUnpause,
  HassGetState: getState,
  HassClimateGetTemperature: climateGetTemperature,
  HassGetCurrentTime: currentTime,
  HassGetCurrentDate: currentDate,
  HassStartTimer: startTimer,
  HassCancelTimer: cancelTimer,
  HassTimerStatus: timerStatus,
  JarvisReminderSet: setReminder,
  JarvisReminderList: listReminders,
  JarvisReminderCancel: cancelReminder,
  JarvisReminderAck: acknowledgeReminder,
  HassNevermind: nevermind,
};

export { createIntentRecognizer, type IntentRecognizerOptions } from './recognizer.js';
export { LANGUAGES, languageData } from './languages/index.js';
export type { IntentName, LanguageData } from './languages/language.js';
export type * from './types.js';

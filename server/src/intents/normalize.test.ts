import { describe, expect, it } from 'vitest';
import { agreementOf, contract, displayName, withArticle } from './articles.js';
import { fr } from './languages/fr.js';
import { expansionsOf, fold, rawText, tokenize, words } from './normalize.js';

const french = expansionsOf(fr.articles.contractions, fr.articles.render?.elide);

describe('normalize', () => {
  it.each([
    ['Allume la lumière du salon à 50 % !', 'allume la lumiere de le salon a 50 %', french],
    ["Éteins l’entrée, s'il te plaît", 'eteins l entree s il te plait', french],
    ["minuteur d'une heure", 'minuteur de une heure', french],
    ['Set it to 21,5°C', 'set it to 21.5 ° c', undefined],
    ["What's the time?", 'what s the time', undefined],
    ['Œufs  au   plat', 'oeufs a le plat', french],
  ])('%j', (text, folded, expansions) => {
    expect(words(text, expansions).join(' ')).toBe(folded);
  });

  it('keeps what was said for replies', () => {
    expect(rawText(tokenize("la lumière de l'Entrée", french))).toBe("la lumière de l'entrée");
    expect(rawText(tokenize('du salon', french))).toBe('du salon');
  });

  it('folds accents and ligatures', () => {
    expect(fold('Télévision Œuvre Straße')).toBe('television oeuvre strasse');
  });
});

describe('articles', () => {
  it.each([
    ['cuisine', 'la cuisine'],
    ['salon', 'le salon'],
    ['entrée', "l'entrée"],
    ['volets de la chambre', 'les volets de la chambre'],
    ['lampe de chevet', 'la lampe de chevet'],
    ['garage', 'le garage'],
    ['télé', 'la télé'],
    ['TV', 'la TV'],
    ['sous-sol', 'le sous-sol'],
  ])('%s → %s', (name, said) => {
    expect(withArticle(name, fr.articles)).toBe(said);
  });

  it('agrees', () => {
    expect(agreementOf("porte d'entrée", fr.articles)).toEqual({ feminine: true, plural: false });
    expect(agreementOf('volets', fr.articles)).toEqual({ feminine: false, plural: true });
  });

  it.each([
    ['la lumière de le salon', 'la lumière du salon'],
    ['le volume de les enceintes', 'le volume des enceintes'],
    ["pas de interrupteur dans l'entrée", "pas d'interrupteur dans l'entrée"],
    ['à le salon', 'au salon'],
  ])('contracts %j', (text, said) => {
    expect(contract(text, fr.articles)).toBe(said);
  });

  it.each([
    ['Kitchen light', 'kitchen light'],
    ['TV', 'TV'],
    ['Bedroom Light', 'bedroom light'],
    ['Living Room', 'living room'],
    ['Front Door', 'front door'],
    ['Nightstand lamp', 'nightstand lamp'],
    ['Samsung TV', 'Samsung TV'],
    ['Hue Go', 'Hue Go'],
    ['Felix Feeder', 'Felix Feeder'],
    ['Porte d’entrée', 'porte d’entrée'],
  ])('says %s mid-sentence as %s', (name, said) => {
    expect(displayName(name)).toBe(said);
  });
});

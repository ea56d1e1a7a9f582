// The memory benchmark's fourth development set: written on 6 December 2026 as the held-out set,
// it was run once on the final configuration of that day; development 3, written after it, shares
// many of its words, so it is no longer held out and may be tuned on (the held-out set is now in
// memory-heldout.ts, written on 7 December). Its French questions end in ' ?'.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated)
const FOURTH_DEV = `
people|fact|My stepdaughter Anaïs is studying medicine in Montpellier|Ma belle-fille Anaïs fait médecine à Montpellier|What career is Anaïs heading for?;Anaïs est inscrite en quelle filière ?;Where does Anaïs attend university?
people|fact|My brother-in-law Mathieu drives a taxi|Mon beau-frère Mathieu est chauffeur de taxi|How does Mathieu earn his money?;Mathieu gagne sa croûte comment ?
people|fact|Aunt Josiane is diabetic|Tante Josiane est diabétique|Is it OK to offer Josiane sweets?;Josiane a-t-elle un souci de santé ?
people|fact|Our babysitter Yasmine comes on Wednesdays|Notre baby-sitter Yasmine vient le mercredi|Which weekday is the nanny here?;La nounou, on la voit quel jour ?
people|fact|My colleague Rémi speaks fluent Japanese|Mon collègue Rémi parle couramment japonais|Does Rémi know any foreign tongues?;Rémi maîtrise quelle langue étrangère ?
people|fact|Grandma Simone is ninety-one|Mamie Simone a quatre-vingt-onze ans|Is Simone over ninety?;Simone a quel âge ?
people|fact|My godfather Alain lives on a boat in La Rochelle|Mon parrain Alain vit sur un bateau à La Rochelle|Where is Alain moored?;Alain loge où exactement ?
people|fact|Julien, my flatmate, is a night-shift nurse|Julien, mon colocataire, est infirmier de nuit|Why is Julien snoozing at lunchtime?;Julien bosse quand ?
people|fact|My niece Louise is learning the violin|Ma nièce Louise apprend le violon|What is Louise taking lessons in?;Louise joue de quoi ?
pets|fact|Biscotte is our Labrador puppy|Biscotte est notre chiot labrador|What pedigree is Biscotte?;Biscotte est de quelle espèce ?
pets|fact|Biscotte chews shoes when left alone|Biscotte mâchouille les chaussures quand elle reste seule|What mischief does Biscotte get up to?;Biscotte fait des bêtises ?
pets|fact|Our cat Moustache is on a kidney diet|Notre chat Moustache suit un régime pour les reins|Can Moustache have ordinary kibble?;Moustache a droit aux croquettes normales ?
pets|fact|The axolotl tank needs cool water below 20 degrees|L'aquarium de l'axolotl doit rester en dessous de 20 degrés|How chilly must the axolotl be kept?;L'axolotl craint-il la chaleur ?
pets|fact|Our hens lay about four eggs a day|Nos poules pondent environ quatre œufs par jour|How productive are the chickens?;Les cocottes produisent bien ?
house|house|The stopcock for the garden hose is by the back door|Le robinet du tuyau d'arrosage est près de la porte de derrière|Where do I turn on the outside tap?;Où brancher l'arrosage ?
house|house|The torch is in the glovebox of the car|La lampe torche est dans la boîte à gants de la voiture|Where can I grab a flashlight?;On a une lampe de poche quelque part ?
house|house|The warranty papers are in the green folder in the study|Les garanties sont dans la chemise verte du bureau|Where is the guarantee for the fridge?;Les papiers de garantie, ils sont où ?
house|house|The heat pump is serviced by Climatech every autumn|La pompe à chaleur est entretenue par Climatech chaque automne|Who maintains our heat pump?;C'est qui, le technicien de la pompe à chaleur ?
house|house|The septic tank was emptied in 2024|La fosse septique a été vidangée en 2024|When did the cesspit get drained?;La fosse a été vidée quand ?
house|house|The bin bags are in the pantry on the bottom shelf|Les sacs poubelle sont dans le cellier en bas|Refuse sacks, where are they?;On a encore des sacs pour les ordures ?
house|house|The sewing machine is in the loft in a grey case|La machine à coudre est au grenier dans une valise grise|Where did the Singer end up?;La machine à coudre a fini où ?
house|house|The doorbell runs on a battery that lasts a year|La sonnette fonctionne avec une pile qui dure un an|Why is the chime silent?;La sonnette marche sur secteur ?
house|house|The downstairs toilet flush sticks if you press too hard|La chasse d'eau des toilettes du bas se bloque si on appuie trop fort|Any trick to the loo downstairs?;Pourquoi la chasse coince ?
preference|preference|I never want the radio on before 9 am|Je ne veux jamais la radio avant 9 h|Can you play some tunes at dawn?;Un peu de son dès le réveil ?
preference|preference|I hate being called by my full name|Je déteste qu'on m'appelle par mon nom complet|How should you address me?;Tu m'appelles comment ?
preference|preference|I like my steak rare|J'aime le steak saignant|How pink should my beef be?;La cuisson de ma viande ?
preference|preference|I prefer audiobooks to podcasts|Je préfère les livres audio aux podcasts|What do I listen to on my commute?;J'écoute quoi dans les transports ?
preference|preference|I'm lactose intolerant|Je suis intolérant au lactose|Can I have cheese?;Le lait, ça me va ?
preference|preference|I like the hallway lights dimmed after 11 pm|J'aime que le couloir soit tamisé après 23 h|How bright should the corridor be late?;Le passage, tard, on l'éclaire comment ?
episode|episode|We had the kitchen redone in January|Nous avons refait la cuisine en janvier|When was the kitchen renovated?;Les travaux de la cuisine, c'était quand ?
episode|episode|I twisted my ankle on the stairs last week|Je me suis tordu la cheville dans l'escalier la semaine dernière|Why am I limping?;Je me suis blessé au pied ?
episode|episode|Our son Gaspard passed his baccalaureate in July|Notre fils Gaspard a eu son bac en juillet|Did Gaspard graduate from high school?;Gaspard a décroché son diplôme ?
episode|episode|We saw the northern lights in Norway|Nous avons vu des aurores boréales en Norvège|Where did we spot the aurora?;On a observé quoi en Scandinavie ?
episode|episode|The car got a dent in the supermarket car park|La voiture a pris un coup sur le parking du supermarché|How did the bodywork get damaged?;La bosse sur l'auto, c'est arrivé comment ?
episode|episode|I won the village pétanque tournament|J'ai gagné le tournoi de pétanque du village|Am I a champion at anything?;J'ai remporté une compétition ?
reminder|reminder|Collect the prescription from the chemist on Thursday|Récupérer l'ordonnance à la pharmacie jeudi|When must I fetch my drugs?;Mes remèdes, je vais les chercher quand ?
reminder|reminder|Send grandma a postcard from the seaside|Envoyer une carte postale à mamie depuis la mer|What am I meant to mail my gran?;J'écris quoi à ma grand-mère ?
reminder|reminder|Cancel the gym membership before the end of the month|Résilier l'abonnement à la salle de sport avant la fin du mois|Which subscription do I have to stop?;Quel contrat dois-je arrêter ?
reminder|reminder|Have the gutters cleared in November|Faire nettoyer les gouttières en novembre|When will someone unblock the guttering?;Les chéneaux, c'est prévu pour quand ?
reminder|reminder|Buy a present for Louise's recital|Acheter un cadeau pour l'audition de Louise|Which present am I hunting for?;Je dois offrir quelque chose à qui ?
`;

/** French questions are written with French typography: a space before the question mark. */
export const looksFrench = (s: string) => s.endsWith(' ?');

/** The fourth development set's facts and questions, deterministic for a seed. */
export function generateFourthDevSet(seed = 2026): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(FOURTH_DEV, 'fresh', seed, (text) => (looksFrench(text) ? 'fr' : 'en'));
}

// The memory benchmark's second development set: other people, pets, objects and habits than the
// first, with questions in words the first set's questions do not use. It was written as the
// held-out set, then seen while the memory was tuned, so it is a development set now (a fresh
// held-out set is in memory-heldout.ts). Tuning may look at it.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated)
const SECOND_DEV = `
people|fact|My nephew Bastien moved to Toulouse last year|Mon neveu Bastien s'est installé à Toulouse l'an dernier|In which city is Bastien settled?;Bastien réside où maintenant ?
people|fact|Bastien is a carpenter|Bastien est menuisier|What's Bastien's profession?;Bastien exerce quel boulot ?
people|fact|My goddaughter Margaux turns twelve on 4 September|Ma filleule Margaux fête ses douze ans le 4 septembre|When is Margaux's party?;Margaux souffle ses bougies quel jour ?
people|fact|Margaux cannot eat gluten|Margaux ne supporte pas le gluten|Is there any ingredient to avoid when Margaux visits?;Margaux suit-elle un régime particulier ?
people|fact|Our neighbour Mr Leroy feeds the cat when we travel|M. Leroy, le voisin, nourrit le chat quand on part|Who minds our moggy while we're abroad?;Qui s'occupe du chat pendant notre absence ?
people|fact|Grandpa Jean takes his insulin at noon|Papi Jean prend son insuline à midi|At what hour is Jean's injection?;Jean se pique à quelle heure ?
people|fact|Chloé, my partner, is scared of spiders|Chloé, ma compagne, a peur des araignées|What frightens Chloé?;De quoi Chloé a-t-elle la phobie ?
people|fact|Victor plays bass in a rock band|Victor joue de la basse dans un groupe de rock|Which instrument does Victor practise?;Victor pratique quel instrument ?
pets|fact|Draco is our German shepherd|Draco est notre berger allemand|What breed is Draco?;Draco, c'est quelle race ?
pets|fact|Draco gets his walk at 6 pm|Draco sort se promener à 18 h|At what hour is Draco's stroll?;Draco part en balade vers quelle heure ?
pets|fact|Pistache is a tortoise who hibernates in the cellar|Pistache est une tortue qui hiberne à la cave|Where does Pistache sleep through the cold months?;Pistache dort où pendant l'hiver ?
pets|fact|Felix hates the vacuum cleaner|Felix déteste l'aspirateur|Which household appliance scares Felix?;Qu'est-ce qui effraie Felix ?
house|house|The spare bulbs are in the second kitchen drawer|Les ampoules de rechange sont dans le deuxième tiroir de la cuisine|Any replacement bulbs in stock?;Il reste des ampoules quelque part ?
house|house|The garage door remote hangs on the hook by the entrance|La télécommande du garage est accrochée au crochet de l'entrée|Where have we left the clicker for the garage?;Où traîne le bip du garage ?
house|house|The gas meter is outside behind the hedge|Le compteur de gaz est dehors derrière la haie|Where would I check the gas usage?;Où relever le compteur du gaz ?
house|house|The vacuum cleaner bags are under the stairs|Les sacs de l'aspirateur sont sous l'escalier|Where are the hoover refills?
house|house|The solar panels were installed in 2022|Les panneaux solaires ont été posés en 2022|How long ago were the solar panels fitted?;Depuis combien de temps a-t-on des panneaux solaires ?
house|house|The spare tyre is in the car boot under the mat|La roue de secours est dans le coffre sous le tapis|I've got a flat, where's the replacement wheel?
house|house|The dishwasher tablets are under the sink|Les pastilles du lave-vaisselle sont sous l'évier|Where are the dishwasher pods?;Les capsules pour le lave-vaisselle, on les garde où ?
house|house|The Netflix login is written in the blue notebook|Les identifiants Netflix sont notés dans le carnet bleu|How do I sign into the streaming app?;J'ai oublié comment me connecter à Netflix
preference|preference|I prefer my eggs soft-boiled|Je préfère les œufs à la coque|How runny should my eggs be?;Mes œufs, je les veux comment ?
preference|preference|I like the shutters to open at sunrise|J'aime que les volets s'ouvrent au lever du soleil|When should the blinds be raised?;À quel moment ouvrir les persiennes ?
preference|preference|I drink green tea in the afternoon|L'après-midi je bois du thé vert|What beverage do I have after lunch?;Je sirote quoi vers 16 h ?
preference|preference|My favourite film is Amélie|Mon film préféré est Amélie|Which movie do I love most?;Quel long-métrage je préfère ?
preference|preference|I'm allergic to penicillin|Je suis allergique à la pénicilline|Is there an antibiotic that's off limits for me?;Y a-t-il un médicament qui me rend malade ?
episode|episode|We adopted Draco from the shelter in May|Nous avons adopté Draco au refuge en mai|Where was Draco before he joined us?;D'où vient Draco ?
episode|episode|I passed my driving test on Thursday|J'ai eu mon permis de conduire jeudi|Did I get my licence?;Ai-je réussi l'examen de conduite ?
episode|episode|The roof leaked during the storm in October|Le toit a pris l'eau pendant la tempête d'octobre|Did rainwater get through the ceiling at some point?;On a déjà eu une infiltration ?
episode|episode|Chloé and I got engaged in Venice|Chloé et moi nous sommes fiancés à Venise|Where did I propose?;Où a eu lieu notre demande en mariage ?
episode|episode|I sold my old motorbike last month|J'ai vendu ma vieille moto le mois dernier|Where's my motorcycle gone?;Qu'est devenue ma bécane ?
episode|episode|We repainted the front gate blue|Nous avons repeint le portail en bleu|What shade is the entrance gate now?;Le portail est de quelle teinte ?
reminder|reminder|Renew the home insurance in March|Renouveler l'assurance habitation en mars|When does the house cover expire?;L'assurance de la maison arrive à échéance quand ?
reminder|reminder|Defrost the freezer on Saturday|Dégivrer le congélateur samedi|When is the freezer getting cleared of ice?;C'est pour quand, le dégivrage ?
reminder|reminder|Drop the parcel at the post office before noon|Déposer le colis à la poste avant midi|What's the deadline for sending the package?;Le paquet doit partir avant quelle heure ?
reminder|reminder|Give Draco his worm tablet on the 1st|Donner le vermifuge à Draco le 1er|When does Draco get his anti-parasite treatment?
reminder|reminder|Book the chimney sweep before winter|Réserver le ramoneur avant l'hiver|Which tradesman do we book for the fireplace?;Il faut faire venir qui pour la cheminée ?
`;

/** A development table's facts and questions: a fact's first question is English, the rest French. */
export function parseDevTable(table: string, prefix: string, seed: number) {
  return parseFactTable(table, prefix, seed, (_text, i) => (i === 0 ? 'en' : 'fr'));
}

/** The second development set's facts and questions, deterministic for a seed. */
export function generateSecondDevSet(seed = 1729): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseDevTable(SECOND_DEV, 'dev2', seed);
}

// The memory benchmark's earlier held-out set, written on 7 December 2026 before any change to the
// memory that day (the one before it is development 4 now). It was run twice, so it is reported
// as seen ("old held-out 1"), beside the later held-out sets (memory-heldout2.ts, -3.ts). Other
// people, pets, objects, habits and events than the development sets, and questions written as a
// person would ask them, in words the development questions do not use (`heldOutOverlap`
// measures it against each development set). Nothing in the memory (lexicons, query expansion,
// weights, thresholds) is to be tuned on these: do not read them when changing it. Once they have
// been looked at while changing the memory, write others and make these a development set.
import { NO_LEXICON } from '../src/memory/lexicon.js';
import { analyse } from '../src/memory/terms.js';
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const HELD_OUT = `
people|fact|My son-in-law Fabrice is a firefighter in Chambéry|Mon gendre Fabrice est pompier à Chambéry|What trade did Fabrice choose?;Fabrice a choisi quelle carrière ?
people|fact|Cousin Margot is expecting twins in April|Ma cousine Margot attend des jumeaux en avril|Is Margot pregnant?;Margot aura combien de bébés ?
people|fact|Uncle Régis cannot drive since his stroke|Oncle Régis ne conduit plus depuis son AVC|Could Régis give me a lift?;Régis peut-il prendre le volant ?
people|fact|Our au pair Ingrid is from Sweden|Notre fille au pair Ingrid est suédoise|What nationality is Ingrid?;Ingrid est originaire de quel pays ?
people|fact|My father-in-law Henri collects stamps|Mon beau-père Henri collectionne les timbres|What does Henri amass?;Henri accumule quoi ?
people|fact|Ophélie, my goddaughter, is vegan|Ophélie, ma filleule, est végane|Which menu fits Ophélie?;Ophélie consomme du beurre ?
people|fact|My sister-in-law Carole teaches yoga in Biarritz|Ma belle-sœur Carole donne des cours de yoga à Biarritz|Which seaside resort is Carole based in?;Carole enseigne quelle discipline ?
people|fact|Grandpa Marcel was a rugby referee|Papi Marcel était arbitre de rugby|Which sport did Marcel officiate?;Marcel sifflait quels matchs ?
people|fact|My friend Baptiste owes me 50 euros|Mon ami Baptiste me doit 50 euros|Has Baptiste repaid his debt?;Baptiste a une dette envers moi ?
pets|fact|Pirate is our one-eyed tomcat|Pirate est notre matou borgne|What's unusual about Pirate's face?;Pirate a un handicap ?
pets|fact|Pirate naps on top of the fridge|Pirate fait la sieste sur le frigo|Which perch does Pirate favour for dozing?;Pirate se repose à quel endroit ?
pets|fact|Our pony Galipette lives at the riding school|Notre poney Galipette est en pension au centre équestre|Where is Galipette stabled?;Galipette est hébergée où ?
pets|fact|Our gecko Zigzag eats live crickets|Notre gecko Zigzag mange des grillons vivants|What food does Zigzag require?;Zigzag se nourrit de quoi ?
pets|fact|Our dog Nuage must be muzzled at the vet|Notre chienne Nuage doit porter une muselière chez le vétérinaire|Is Nuage aggressive at the clinic?;Nuage devient agressive chez le docteur des bêtes ?
pets|fact|Our donkeys Pompon and Réglisse are sixteen|Nos ânes Pompon et Réglisse ont seize ans|Are the donkeys elderly?;Les baudets sont vieux ?
house|house|The pool pump timer is in the pool house|La minuterie de la pompe de la piscine est dans le local technique|Where is the clock controlling the filtration?;Comment programmer la filtration ?
house|house|The chimney was swept in October|Le ramonage a été fait en octobre|When was the flue swept?;Le ramoneur, c'était quand ?
house|house|The fire extinguisher is beside the cooker|L'extincteur est à côté de la cuisinière|If a pan catches fire, what can I use nearby?;Y a-t-il un extincteur ?
house|house|The electric shutters' remote is in the hall console|La télécommande des volets roulants est dans la console de l'entrée|What operates the window screens?;Les volets se baissent avec quoi ?
house|house|The water softener takes salt every two months|L'adoucisseur d'eau prend du sel tous les deux mois|How often should the softener be replenished?;Le sel de l'adoucisseur, c'est à quelle fréquence ?
house|house|The attic hatch opens with a hooked pole|La trappe du grenier s'ouvre avec une perche à crochet|How do I reach the loft?;Comment accéder aux combles ?
house|house|The house insurance renews on 1 March|L'assurance habitation se renouvelle le 1er mars|When does our dwelling policy lapse?;La police multirisque court jusqu'à quand ?
house|house|The wifi repeater sits on the upstairs landing|Le répéteur wifi est sur le palier de l'étage|Where's the booster for the network?;Le relais du réseau, il est posé où ?
house|house|The recycling goes in the yellow-lidded bin|Le recyclage va dans la poubelle au couvercle jaune|Which container receives cardboard and plastic bottles?;Les emballages, je les jette dans quoi ?
preference|preference|I like my tea with a slice of lemon|Je prends mon thé avec une rondelle de citron|What do I add to my cuppa?;Tu ajoutes quoi dans ma tasse de thé ?
preference|preference|I can't bear the smell of fish|Je ne supporte pas l'odeur du poisson|Should you suggest a seafood meal?;Le saumon, bonne idée ce midi ?
preference|preference|I like my shower at 38 degrees|J'aime ma douche à 38 degrés|How scalding should the spray be?;Je me douche à combien de degrés ?
preference|preference|I don't eat pork|Je ne mange pas de porc|Is bacon allowed on my plate?;Le jambon, j'évite ?
preference|preference|I prefer window seats on planes|Je préfère le hublot en avion|Which seat should you reserve on an airliner?;Couloir ou hublot quand je m'envole ?
preference|preference|I'd rather walk than drive to the bakery|Je préfère aller à pied à la boulangerie plutôt qu'en voiture|Car or feet for bread?;Pour le pain, je marche ?
preference|preference|My favourite film is Amélie|Mon film préféré est Amélie|Which cinema classic do I adore?;Mon œuvre de cinéma fétiche ?
preference|preference|I hate being disturbed during my nap|Je déteste être dérangé pendant ma sieste|Can you interrupt my siesta?;M'interrompre après le déjeuner, c'est permis ?
preference|preference|I prefer red wine to beer|Je préfère le vin rouge à la bière|What should you pour me at an aperitif?;À l'apéro, je bois quoi ?
preference|preference|I like the TV subtitles on|J'aime les sous-titres à la télé|Should captions appear on screen?;Les dialogues sous l'image, je les affiche ?
episode|episode|We adopted Pirate from the shelter in May|Nous avons adopté Pirate au refuge en mai|Where did our tomcat originate?;Pirate était à la SPA ?
episode|episode|My bike was stolen outside the station|Mon vélo a été volé devant la gare|What did a thief nick from me?;On m'a dérobé quelque chose ?
episode|episode|We renewed the roof tiles after the storm|Nous avons refait les tuiles du toit après la tempête|Were there repairs overhead following the gale?;La toiture a-t-elle été réparée ?
episode|episode|I was promoted to team leader in September|J'ai été promu chef d'équipe en septembre|Did I rise at my firm?;Ai-je obtenu de l'avancement ?
episode|episode|Our daughter Capucine got engaged at Christmas|Notre fille Capucine s'est fiancée à Noël|Is Capucine betrothed?;Capucine a-t-elle un fiancé ?
episode|episode|I fell off a ladder while pruning the hedge|Je suis tombé d'une échelle en taillant la haie|What mishap occurred when trimming shrubs?;Je me suis fait mal en jardinant ?
episode|episode|We spent New Year in Prague|Nous avons passé le Nouvel An à Prague|Where did we toast midnight on 31 December?;Le réveillon, on l'a fêté où ?
reminder|reminder|Renew the car insurance before 30 June|Renouveler l'assurance auto avant le 30 juin|Which policy must I extend this summer?;Quelle couverture prolonger bientôt ?
reminder|reminder|Vote in the town election on Sunday|Aller voter aux municipales dimanche|Is there a ballot soon?;Il y a un scrutin bientôt ?
reminder|reminder|Return Pascal's drill on Monday|Rendre la perceuse de Pascal lundi|What should Pascal recover from me?;Je restitue quoi à Pascal ?
reminder|reminder|Buy flowers for Mother's Day|Acheter des fleurs pour la fête des mères|What florist errand is pending?;Un bouquet pour qui ?
reminder|reminder|Make an appointment with the optician|Prendre rendez-vous chez l'opticien|Should my eyesight be tested?;Mes lunettes sont à renouveler ?
`;

/** The held-out facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateHeldOutSet(seed = 1207): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(HELD_OUT, 'heldout', seed, (text) => (looksFrench(text) ? 'fr' : 'en'));
}

/** Content stems of a text with no lexicon (what the words are, not what they mean). */
const stemsOf = (text: string) =>
  new Set(analyse(text, NO_LEXICON).stems.filter((w) => w.length > 1));

/**
 * How much the held-out questions' words overlap the development questions': the share of
 * held-out content stems (the names in the held-out facts left out) that a development question
 * also uses, and those stems.
 */
export function heldOutOverlap(
  development: readonly BenchQuestion[],
  heldOut: readonly BenchQuestion[],
  heldOutFacts: readonly BenchFact[],
): { share: number; shared: string[] } {
  const dev = new Set(development.flatMap((q) => [...stemsOf(q.text)]));
  const names = new Set(
    heldOutFacts.flatMap((f) =>
      (f.text.match(/\b\p{Lu}\p{L}+/gu) ?? []).map((n) => [...stemsOf(n)]).flat(),
    ),
  );
  const words = heldOut.flatMap((q) => [...stemsOf(q.text)]).filter((w) => !names.has(w));
  const shared = [...new Set(words.filter((w) => dev.has(w)))].sort();
  return { share: words.filter((w) => dev.has(w)).length / Math.max(1, words.length), shared };
}

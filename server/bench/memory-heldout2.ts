// The memory benchmark's second held-out set, written on 7 December 2026 (later that day) before
// any change to the memory was tried: the first held-out set of 7 December (memory-heldout.ts)
// had been run twice by then, so it no longer guides anything and is reported as already seen.
// Other people, pets, objects, habits and events than every earlier set, and questions a person
// would ask, often indirectly or in other words than the fact. Nothing in the memory (lexicons,
// query expansion, weights, thresholds) is to be tuned on these: do not read them while changing
// it, and run them only to report a final choice. It was run before the third held-out set
// (memory-heldout3.ts) was written, so it is reported as seen now ("old held-out 2").
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const FRESH_HELD_OUT = `
people|fact|My stepson Quentin is a mechanic at the tractor dealership|Mon beau-fils Quentin est mécanicien chez un concessionnaire de tracteurs|Who could look at a broken engine for me?;Quentin répare quoi au juste ?
people|fact|Aunt Bérénice is a keen birdwatcher|Tante Bérénice est passionnée d'ornithologie|Would binoculars please Bérénice?;Bérénice guette quoi avec ses jumelles ?
people|fact|My grandson Timothée starts nursery school in September|Mon petit-fils Timothée entre à la maternelle en septembre|When does Timothée begin class?;Timothée fait sa rentrée quand ?
people|fact|Our lodger Inès pays the rent on the fifth|Notre locataire Inès paie le loyer le 5|When is Inès's payment owed?;Inès s'acquitte du loyer vers le combien ?
people|fact|My cousin Armand runs a vineyard near Cahors|Mon cousin Armand a un vignoble près de Cahors|Who could provide bottles for the wedding?;Armand produit quoi ?
people|fact|Gisèle, my mother-in-law, uses a wheelchair|Gisèle, ma belle-mère, se déplace en fauteuil roulant|Can Gisèle cope with the porch steps?;Gisèle tient-elle debout seule ?
people|fact|My pen pal Lucien writes to me from Iceland|Mon correspondant Lucien m'écrit d'Islande|Which country are Lucien's letters posted from?;Lucien poste ses lettres de quelle nation ?
people|fact|My niece Maëlle is a competitive swimmer|Ma nièce Maëlle fait de la natation en compétition|Is Maëlle good at the breaststroke?;Maëlle dispute des courses dans quel élément ?
people|fact|Didier the gardener charges 25 euros an hour|Didier le jardinier prend 25 euros de l'heure|How expensive is Didier?;Didier facture combien ?
pets|fact|Our guinea pigs Patate and Frite share a hutch in the orchard|Nos cochons d'Inde Patate et Frite partagent un clapier dans le verger|Where is the rodents' shelter?;La cabane de Patate est posée où ?
pets|fact|Our spaniel Vanille is going deaf|Notre épagneule Vanille devient sourde|Why does Vanille ignore my calls?;Vanille perçoit-elle les sifflets ?
pets|fact|Our goat Biquette eats the roses|Notre chèvre Biquette mange les rosiers|Who ravaged the flowerbed?;Qui a brouté les fleurs ?
pets|fact|Our corn snake Slinky sheds its skin every six weeks|Notre serpent des blés Slinky mue toutes les six semaines|How often does the reptile moult?;Le serpent change de peau à quel rythme ?
pets|fact|Our old mare Bergamote has arthritis|Notre vieille jument Bergamote a de l'arthrose|Why is Bergamote stiff?;Bergamote souffre de quoi ?
pets|fact|The beehives are behind the orchard wall|Les ruches sont derrière le mur du verger|Where do the bees swarm from?;Le miel, il est produit dans quel coin ?
house|house|The good silverware is in the sideboard|L'argenterie est dans le buffet|Where are the fancy forks and knives?;Les couverts des fêtes, ils sont où ?
house|house|The water heater is in the garage next to the freezer|Le chauffe-eau est dans le garage à côté du congélateur|Where is the immersion cylinder?;Le cumulus, il est dans quelle pièce ?
house|house|The lawnmower blades were sharpened in April|Les lames de la tondeuse ont été affûtées en avril|When was the grass cutter honed?;L'affûtage de la tondeuse, c'était quand ?
house|house|The wheelbarrow is behind the compost heap|La brouette est derrière le compost|Where's the barrow for carting soil?;Avec quoi je charrie la terre, et c'est où ?
house|house|The wine is stored in the old bread oven|Le vin est rangé dans l'ancien four à pain|Where are the good bottles?;Le rouge, il est entreposé où ?
house|house|The woodstove takes logs no longer than 40 cm|Le poêle à bois prend des bûches de 40 cm maximum|What size of firewood chunk is right?;Je scie les bûches à quelle longueur ?
house|house|The borehole pump is switched off in winter|La pompe du forage est coupée l'hiver|Is the well in use during the frosts?;On arrose avec le puits quand il gèle ?
house|house|The tent and sleeping bags are in the loft over the garage|La tente et les sacs de couchage sont dans les combles au-dessus du garage|Where's the camping gear?;Le matériel de bivouac est entreposé où ?
house|house|The rainwater tank holds 3000 litres|La cuve de récupération d'eau de pluie contient 3000 litres|How big is the rain butt?;La citerne, elle fait quelle capacité ?
house|house|The front door lock sticks in cold weather|La serrure de la porte d'entrée coince quand il gèle|Why is unlocking hard on frosty mornings?;Déverrouiller quand ça gèle, c'est dur, pourquoi ?
house|house|The outdoor lights come on with a motion sensor|Les lumières extérieures s'allument avec un détecteur de mouvement|What activates the floodlights at dusk?;Les projecteurs extérieurs se déclenchent comment ?
preference|preference|I eat porridge with honey for breakfast|Je mange du porridge au miel au petit-déjeuner|What's my usual morning bowl?;Mon premier bol de la journée ?
preference|preference|I prefer linen sheets in summer|Je préfère les draps en lin l'été|Which bedding fabric do I choose in July?;Quelle literie pour la canicule ?
preference|preference|I would rather dine at 7 pm sharp|Je préfère dîner à 19 h pile|When do I expect the evening meal?;On soupe vers quand ?
preference|preference|I avoid spicy food|J'évite les plats épicés|Should you add chilli to my curry?;Le piment, je tolère ?
preference|preference|I don't want visitors after 9 pm|Je ne veux pas de visite après 21 h|Can friends drop by at ten pm?;Recevoir quelqu'un à 22 h, c'est ok ?
preference|preference|I prefer sparkling water|Je préfère l'eau gazeuse|Fizzy or not for me?;Ma boisson pétille ?
preference|preference|I'm allergic to wasp stings|Je suis allergique aux piqûres de guêpe|Is a hornet bite dangerous for me?;Une piqûre d'insecte, c'est grave pour moi ?
preference|preference|I do the crossword with my breakfast|Je fais les mots croisés au petit-déjeuner|Which puzzle do I solve over toast?;Quel jeu de lettres m'amuse ?
preference|preference|I prefer taking the tram to work|Je préfère aller au travail en tram|How do I reach my workplace?;Je vais au bureau par quel moyen ?
preference|preference|I like my pillows firm|J'aime les oreillers fermes|Soft or hard cushion for me?;Mon coussin, mou ou dur ?
episode|episode|We bought a camper van in the spring|Nous avons acheté un camping-car au printemps|Do we own a motorhome?;On a un véhicule aménagé pour les vacances ?
episode|episode|My daughter Zoé was born during a snowstorm|Ma fille Zoé est née pendant une tempête de neige|What was the weather when Zoé was delivered?;Zoé est venue au monde dans quelles conditions ?
episode|episode|I had my appendix out in March|On m'a retiré l'appendice en mars|Have I had surgery?;Ai-je subi une opération ?
episode|episode|We buried a time capsule under the lime tree|Nous avons enterré une capsule temporelle sous le tilleul|What did we bury for the future?;On a enfoui quoi pour l'avenir ?
episode|episode|I climbed Mont Ventoux by bike last summer|J'ai monté le mont Ventoux à vélo l'été dernier|Have I conquered a famous summit?;Ai-je gravi un col célèbre ?
episode|episode|The neighbours' oak fell on our fence|Le chêne des voisins est tombé sur notre clôture|Why is there a gap along the boundary?;Pourquoi la palissade est cassée ?
episode|episode|We met our friends the Duvals on a cruise|Nous avons rencontré nos amis les Duval en croisière|Where did we encounter the Duvals?;Notre amitié avec les Duval a commencé où ?
episode|episode|I took up pottery in September|Je me suis mis à la poterie en septembre|What craft have I begun?;J'ai un nouveau loisir ?
episode|episode|We inherited a piano from great-aunt Yolande|Nous avons hérité d'un piano de grand-tante Yolande|Who bequeathed the upright?;Le piano, c'est un legs de qui ?
reminder|reminder|Settle the roofer's invoice by Friday|Régler la facture du couvreur avant vendredi|Which payment is urgent?;Quelle note est à solder ?
reminder|reminder|Return the rented tuxedo on Saturday|Rendre le smoking loué samedi|What formal outfit goes back to the shop?;Le costume de location, je le ramène quand ?
reminder|reminder|Call the notary about the will|Appeler le notaire au sujet du testament|Who must I ring regarding inheritance papers?;Je contacte quel juriste ?
reminder|reminder|Renew my fishing permit before April|Renouveler mon permis de pêche avant avril|Which angling paperwork must I update?;Ma carte pour taquiner le goujon est à refaire ?
reminder|reminder|Buy birdseed for the feeder|Acheter des graines pour la mangeoire|What do the sparrows lack?;On rachète quoi pour les oiseaux ?
`;

/** The fresh held-out facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateFreshHeldOutSet(seed = 1277): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(FRESH_HELD_OUT, 'heldout2', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

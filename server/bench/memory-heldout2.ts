// The memory benchmark's second held-out set, written on 7 December 2026 (later that day) before
// any change to the memory was tried: the first held-out set of 7 December (memory-heldout.ts)
// had been run twice by then, so it no longer guides anything and is reported as already seen.
// Other people, pets, objects, habits and events than every earlier set, and questions a person
// would ask, often indirectly or in other words than the fact. Nothing in the memory (lexicons,
// query expansion, weights, thresholds) is to be tuned on these: do not read them while changing
// it, and run them only to report a final choice.
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
people|fact|My pen pal Lucien lives in Quebec|Mon correspondant Lucien habite au Québec|Which country are Lucien's letters posted from?;Lucien poste ses lettres de quelle province ?
people|fact|My niece Maëlle is a competitive swimmer|Ma nièce Maëlle fait de la natation en compétition|Is Maëlle good at the breaststroke?;Maëlle dispute des courses dans quel élément ?
people|fact|Didier the plumber charges 60 euros an hour|Didier le plombier prend 60 euros de l'heure|How expensive is Didier?;Didier facture combien ?
pets|fact|Our rabbit Caramel has a hutch in the orchard|Notre lapin Caramel a un clapier dans le verger|Where is Caramel's shelter?;La cabane de Caramel est posée où ?
pets|fact|Caramel's claws need trimming every month|Il faut couper les griffes de Caramel tous les mois|How often is Caramel's pedicure?;Les ongles de Caramel, on les taille à quel rythme ?
pets|fact|Our parrot Coco imitates the telephone ringing|Notre perroquet Coco imite la sonnerie du téléphone|Which bird mimics sounds?;Qui fait croire qu'on nous appelle ?
pets|fact|The goldfish are fed twice a day|Les poissons rouges mangent deux fois par jour|How often do the fish dine?;Les poissons reçoivent combien de rations ?
pets|fact|Our old mare Bergamote has arthritis|Notre vieille jument Bergamote a de l'arthrose|Why is Bergamote stiff?;Bergamote souffre de quoi ?
pets|fact|Our hamster Noisette bites when woken|Notre hamster Noisette mord quand on la réveille|Is Noisette tame when disturbed?;Noisette est-elle gentille ?
house|house|The key safe code is written inside the meter cupboard|Le code de la boîte à clés est noté dans le placard du compteur|How can a visitor let themselves in?;La combinaison du coffret, elle est notée où ?
house|house|The water heater is in the garage next to the freezer|Le chauffe-eau est dans le garage à côté du congélateur|Where is the immersion cylinder?;Le cumulus, il est dans quelle pièce ?
house|house|The smoke alarm batteries were changed in August|Les piles du détecteur de fumée ont été changées en août|When were the fire detectors' cells swapped?;L'avertisseur d'incendie, on l'a révisé quand ?
house|house|The ladder hangs on the wall of the shed|L'échelle est accrochée au mur de l'abri de jardin|What can I stand on to reach the roof?;Pour grimper sur le toit, on a de quoi ?
house|house|The wine is stored in the old bread oven|Le vin est rangé dans l'ancien four à pain|Where are the good bottles?;Le rouge, il est entreposé où ?
house|house|The boiler pressure should stay between 1 and 2 bar|La pression de la chaudière doit rester entre 1 et 2 bars|What should the pressure gauge show?;Le manomètre, quelle valeur ?
house|house|The borehole pump is switched off in winter|La pompe du forage est coupée l'hiver|Is the well in use during the frosts?;On arrose avec le puits quand il gèle ?
house|house|The spare duvets are on top of the wardrobe in the guest room|Les couettes de rechange sont sur l'armoire de la chambre d'amis|Where are more blankets for visitors?;Il y a de quoi couvrir nos hôtes ?
house|house|Our electricity contract is with Enercoop|Notre contrat d'électricité est chez Enercoop|Who's our energy provider?;Notre fournisseur d'énergie, c'est qui ?
house|house|The front door lock sticks in cold weather|La serrure de la porte d'entrée coince quand il gèle|Why is unlocking hard on frosty mornings?;Déverrouiller par temps glacial, c'est dur, pourquoi ?
house|house|The outdoor lights come on with a motion sensor|Les lumières extérieures s'allument avec un détecteur de mouvement|What switches the floodlights on at dusk?;Les projecteurs extérieurs se déclenchent comment ?
preference|preference|I take my coffee black with no sugar|Je bois mon café noir sans sucre|Milk or sugar in my espresso?;Mon petit noir, je le sucre ?
preference|preference|I like the bedroom at 17 degrees for sleeping|J'aime la chambre à 17 degrés pour dormir|How cool should my sleeping quarters be?;Je dors au frais, à combien ?
preference|preference|I support Olympique de Marseille|Je supporte l'Olympique de Marseille|Which squad do I cheer for?;Je suis fan de quelle équipe ?
preference|preference|I avoid spicy food|J'évite les plats épicés|Should you add chilli to my curry?;Le piment, je tolère ?
preference|preference|I prefer jazz when I work|Je préfère le jazz quand je travaille|Which genre helps me concentrate?;Quel style pour me concentrer ?
preference|preference|I read the newspaper on paper, not on screens|Je lis le journal sur papier, pas sur écran|Should you forward the headlines to my tablet?;La presse, je la lis comment ?
preference|preference|I want the alarm at 6:45 on weekdays|Je veux le réveil à 6 h 45 en semaine|When do I rise on Tuesdays?;Tu me sonnes vers quand le lundi ?
preference|preference|I can't stand coriander|Je déteste la coriandre|What should never be sprinkled on my salad?;Quel aromate m'écœure ?
preference|preference|I prefer cycling to work|Je préfère aller au travail à vélo|How do I reach my workplace?;Je pédale jusqu'au bureau ?
preference|preference|I like my pillows firm|J'aime les oreillers fermes|Soft or hard cushion for me?;Mon coussin, mou ou dur ?
episode|episode|We bought a camper van in the spring|Nous avons acheté un camping-car au printemps|Do we own a motorhome?;On a un véhicule aménagé pour les vacances ?
episode|episode|My daughter Zoé was born during a snowstorm|Ma fille Zoé est née pendant une tempête de neige|What was the weather when Zoé was delivered?;Zoé est venue au monde dans quelles conditions ?
episode|episode|I broke my wrist skiing in Chamonix|Je me suis cassé le poignet au ski à Chamonix|Have I had a fracture?;M'a-t-on plâtré ?
episode|episode|We planted an apple tree for our anniversary|Nous avons planté un pommier pour notre anniversaire|What did we sow to mark our wedding?;Quel arbre fruitier célèbre nos noces ?
episode|episode|I ran the Paris marathon in 2019|J'ai couru le marathon de Paris en 2019|Have I completed 42 kilometres on foot?;Ai-je bouclé une épreuve d'endurance ?
episode|episode|The neighbours' oak fell on our fence|Le chêne des voisins est tombé sur notre clôture|Why is there a gap along the boundary?;Pourquoi la palissade est cassée ?
episode|episode|We met our friends the Duvals on a cruise|Nous avons rencontré nos amis les Duval en croisière|Where did we encounter the Duvals?;Notre amitié avec les Duval a commencé où ?
episode|episode|I gave up smoking two years ago|J'ai arrêté de fumer il y a deux ans|Do I puff on cigs?;Je grille des clopes ?
episode|episode|We inherited a piano from great-aunt Yolande|Nous avons hérité d'un piano de grand-tante Yolande|Who bequeathed the upright?;Le piano, c'est un legs de qui ?
reminder|reminder|Pay the plumber's invoice by Friday|Payer la facture du plombier avant vendredi|Which payment is urgent?;Quelle note est à solder ?
reminder|reminder|Pick up the suit from the dry cleaner|Récupérer le costume au pressing|What's waiting for me at the laundry shop?;Mon complet est prêt où ?
reminder|reminder|Call the notary about the will|Appeler le notaire au sujet du testament|Who must I ring regarding inheritance papers?;Je contacte quel juriste ?
reminder|reminder|Renew my passport before the trip to Canada|Renouveler mon passeport avant le voyage au Canada|Which ID lapses ahead of the Canadian journey?;Mon titre pour l'étranger est à refaire ?
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

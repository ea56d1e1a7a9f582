// The memory benchmark's third held-out set, written on 7 December 2026 by a helper who did not
// change or tune the memory, before the changes of that evening were tried on it, and committed
// before anything recalled from it. Other people, pets, things, places, habits and health facts
// than every earlier set, and questions in words that neither the development questions nor the
// earlier held-out ones use: paraphrases, synonyms, kinds of things (oboe ~ woodwind), definitions
// (midwife ~ childbirth), other word forms, idioms ("piano à bretelles"), and each fact asked once
// in English and once in French, so one of its two questions crosses languages. Each question
// names the one fact a person who read the facts would answer it from. Nothing in the memory
// (lexicons, query expansion, weights, thresholds) is to be tuned on these: do not read them while
// changing it. Run twice on 7 December, it is reported as old held-out 3 (seen) since held-out 4.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const THIRD_HELD_OUT = `
people|fact|My brother-in-law Gaëtan is a radiologist in Angers|Mon beau-frère Gaëtan est radiologue à Angers|Which relative could interpret my X-rays?;Gaëtan a quelle spécialité à l'hôpital ?
people|fact|Our neighbour Mrs Ferrand lends us her trailer|Notre voisine Mme Ferrand nous prête sa remorque|Who helps when we haul rubble to the dump?;Pour emporter les gravats à la déchetterie, qui nous dépanne ?
people|fact|My granddaughter Apolline plays the oboe in the conservatory orchestra|Ma petite-fille Apolline joue du hautbois dans l'orchestre du conservatoire|Which woodwind has Apolline mastered?;Apolline est-elle dans une formation symphonique ?
people|fact|Our friend Mireille is a midwife|Notre amie Mireille est sage-femme|Who in our circle assists at childbirth?;Mireille assiste aux accouchements ?
people|fact|My godmother Huguette has no mobile phone|Ma marraine Huguette n'a pas de téléphone portable|Can I text Huguette?;Huguette est joignable sur un cellulaire ?
people|fact|Our son Basile rents a studio in Quebec City|Notre fils Basile loue un studio à Québec|Is Basile across the Atlantic?;Basile s'est établi dans quelle province ?
people|fact|My mother Geneviève turns 80 on 14 June|Ma mère Geneviève aura 80 ans le 14 juin|When will Geneviève be an octogenarian?;Maman atteint quatre-vingts printemps quand ?
people|fact|My colleague Tristan drives me to the office on Mondays|Mon collègue Tristan m'emmène au bureau le lundi|Who do I carpool with?;Mon covoiturage du début de semaine, c'est avec qui ?
pets|fact|Our tomcat Filou is neutered|Notre matou Filou est castré|Can Filou sire kittens?;Filou a-t-il été stérilisé ?
pets|fact|Our canary Tartine sings at sunrise|Notre canari Tartine chante au lever du soleil|Which songbird greets the daybreak?;Qui gazouille dès l'aube ?
pets|fact|Our old beagle Moka takes a heart pill every morning|Notre vieux beagle Moka prend un comprimé pour le cœur chaque matin|Which hound has cardiac trouble?;On soigne quel organe chez Moka ?
pets|fact|Six koi carp live in our pond|Six carpes koï vivent dans notre bassin|How large is our shoal of ornamental fish?;Combien de poissons nagent dans la mare ?
pets|fact|Our collie Praline herds the grandchildren like sheep|Notre colley Praline rassemble les petits-enfants comme des moutons|Who corrals the little ones?;Quelle chienne surveille les gamins tel un troupeau ?
pets|fact|Our Persian cat Câline must be brushed every day|Notre chatte persane Câline doit être brossée tous les jours|Which fluffy pet is groomed daily?;Qui a une fourrure à démêler ?
house|house|The jump leads are in the boot of the Peugeot|Les câbles de démarrage sont dans le coffre de la Peugeot|Where are the jumper cables?;Les pinces crocodiles, elles sont où ?
house|house|The ironing board is behind the bathroom door|La planche à repasser est derrière la porte de la salle de bain|Where do I press my shirts?;Pour défroisser une chemise, j'utilise quoi, et c'est où ?
house|house|The photo albums are in the chest at the foot of our bed|Les albums photo sont dans le coffre au pied de notre lit|Where are the family snapshots?;Les clichés de famille, on les conserve où ?
house|house|The picnic hamper is on top of the wardrobe|Le panier de pique-nique est sur l'armoire|Where's the sandwich basket for outings?;Le panier des excursions champêtres, il est où ?
house|house|The dining table extends to seat ten|La table de la salle à manger s'agrandit pour dix personnes|What headcount does our extendable table welcome?;On s'attable à combien au maximum ?
house|house|Our tandem hangs in the barn|Notre tandem est suspendu dans la grange|Where is the bicycle built for two?;La bicyclette biplace est accrochée où ?
house|house|The generator is in the barn and its fuel is in the red jerrycan|Le groupe électrogène est dans la grange et son carburant dans le jerrican rouge|What do we have for a blackout?;En plein délestage, on a un secours ?
house|house|The house was built in 1932|La maison a été construite en 1932|When was our place constructed?;Notre demeure remonte à quelle époque ?
house|house|The spare propane bottle for the barbecue is under the terrace|La bouteille de propane de rechange pour le barbecue est sous la terrasse|Where's the backup canister for the grill?;La bonbonne des grillades, elle est où ?
habits|preference|I sing in a choir on Thursday evenings|Je chante dans une chorale le jeudi soir|When are my vocal rehearsals?;Mes répétitions de chant, c'est quand ?
habits|preference|I meditate for fifteen minutes after waking up|Je médite quinze minutes après mon réveil|Do I have a mindfulness ritual?;Ma séance de pleine conscience s'étale sur combien de minutes ?
habits|preference|I phone my mother every Sunday evening|J'appelle ma mère tous les dimanches soir|When do I natter with Mum?;Je bavarde avec maman quand ?
habits|preference|I do my grocery shopping at the Saturday market|Je fais mes courses au marché du samedi|Where do I buy fruit and veg?;Je m'approvisionne où en légumes ?
habits|preference|I go jogging along the canal at 7 am|Je cours le long du canal à 7 h|Which path do I jog on?;Mon footing matinal, c'est sur quel itinéraire ?
habits|preference|I play bridge at the club on Wednesday afternoons|Je joue au bridge au club le mercredi après-midi|Which card game am I keen on?;Je suis mordu de quel divertissement à atouts ?
health|fact|My husband Olivier is colour-blind|Mon mari Olivier est daltonien|Can Olivier tell red from green?;Olivier distingue-t-il les nuances ?
health|fact|I get migraines when a storm is coming|J'ai des migraines quand un orage approche|What triggers my bad headaches?;Quand le tonnerre menace, ma tête me lance ?
health|fact|Grandpa Aimé has a pacemaker|Papi Aimé porte un stimulateur cardiaque|Who has an implant regulating his heartbeat?;Qui a un boîtier implanté dans la poitrine ?
health|fact|The physiotherapist comes on Monday mornings for Grandpa Aimé's knee|La kiné vient le lundi matin pour le genou de papi Aimé|Who does rehab on Aimé's joint?;La rééducation d'Aimé tombe quand ?
health|fact|I am short-sighted and wear contact lenses|Je suis myope et je porte des lentilles|Is my vision sharp for faraway things?;J'ai besoin de verres correcteurs ?
health|fact|Apolline has asthma and always carries her inhaler|Apolline est asthmatique et garde toujours son inhalateur|Who has a puffer for wheezing attacks?;Qui s'essouffle parfois ?
health|fact|My blood type is O negative|Mon groupe sanguin est O négatif|What's my blood group?;Je suis de quel rhésus ?
preference|preference|I prefer paper books to e-readers|Je préfère les livres papier aux liseuses|Should you gift me a Kindle?;Une tablette de lecture me réjouirait ?
preference|preference|My favourite season is autumn|Ma saison préférée est l'automne|Which stretch of the year is dearest to me?;Les feuilles mortes, ça m'enchante ?
preference|preference|My favourite painter is Monet|Mon peintre préféré est Monet|Which Impressionist do I admire?;Le peintre des Nymphéas est mon favori ?
preference|preference|I prefer hiking in the mountains to beach holidays|Je préfère la randonnée en montagne aux vacances à la plage|Coast or peaks for my getaways?;Littoral ou sommets pour mes congés ?
preference|preference|I sleep with earplugs|Je dors avec des bouchons d'oreilles|How do I muffle sounds at bedtime?;Comment je m'isole du vacarme pour m'endormir ?
preference|preference|I like my baguette well baked|J'aime la baguette bien cuite|Pale or golden loaf for me?;Ma ficelle, plutôt pâle ou dorée ?
episode|episode|Our car was towed to the pound in Nancy|Notre voiture a été emmenée à la fourrière à Nancy|What befell our automobile in Nancy?;La dépanneuse a embarqué quoi ?
episode|episode|I won 2,000 euros in the lottery|J'ai gagné 2000 euros au loto|Have I hit a jackpot?;Ai-je touché le gros lot ?
episode|episode|We went on safari in Kenya for our honeymoon|Nous avons fait un safari au Kenya pour notre lune de miel|Which African land did we tour as newlyweds?;Notre voyage de noces, c'était où ?
episode|episode|Our son Basile broke his collarbone playing rugby|Notre fils Basile s'est cassé la clavicule au rugby|What did Basile fracture?;Basile s'est fracturé quel os ?
episode|episode|I learned the accordion during lockdown|J'ai appris l'accordéon pendant le confinement|What skill did I acquire during the pandemic?;Je manie le piano à bretelles ?
reminder|reminder|Order heating oil before November|Commander du fioul avant novembre|What must I purchase for the furnace?;La cuve de mazout, je la remplis quand ?
reminder|reminder|Collect the framed painting from the gallery on Thursday|Récupérer le tableau encadré à la galerie jeudi|Which artwork awaits pickup?;La toile, je la retire quand ?
reminder|reminder|Send the tax return before 20 May|Envoyer la déclaration d'impôts avant le 20 mai|What's my cutoff for the taxman?;Mes revenus, je les déclare jusqu'à quand ?
`;

/** The third held-out set's facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateThirdHeldOutSet(seed = 3107): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(THIRD_HELD_OUT, 'heldout3', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

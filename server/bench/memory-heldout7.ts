// The memory benchmark's seventh held-out set, written on 8 December 2026 by a helper who did not
// change or tune the memory, before any change of that session was measured on it, and committed
// before anything recalled from it. Another household: other people, pets, rooms, things and
// places than every earlier set, and questions in words that neither the development questions
// (dev 1-4, and held-out 3-6 spent as dev 5-8) nor the earlier held-out ones (1-6) use:
// paraphrases, synonyms, kinds of things (a toboggan ~ the sledges, quetsches ~ plums),
// definitions (lockjaw, logopedist), other word forms, idioms ("chiner", "biniou", "boulot"), each
// fact asked once in English and once in French, so one of its two questions crosses languages.
// Each question names the one fact a person who read the facts would answer it from. Nothing in
// the memory (lexicons, query expansion, weights, thresholds) is to be tuned on these: do not read
// them while changing it, and run them only to report a final choice.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const SEVENTH_HELD_OUT = `
people|fact|My son-in-law Aristide is a luthier in Mirecourt|Mon gendre Aristide est luthier à Mirecourt|Who carves violas and fiddles?;Aristide fabrique des violons ?
people|fact|My granddaughter Domitille is a park ranger in the Cévennes|Ma petite-fille Domitille est garde forestière dans les Cévennes|Does Domitille patrol woodland?;Qui protège la faune des Cévennes ?
people|fact|My uncle Casimir was a stonemason in Figeac|Mon oncle Casimir était tailleur de pierre à Figeac|Did Casimir chisel masonry?;Casimir taillait des moellons ?
people|fact|Our neighbour Bérangère drives the school bus|Notre voisine Bérangère conduit le car scolaire|Who chauffeurs the schoolkids?;Bérangère emmène les écoliers en autocar ?
people|fact|My sister Maïwenn repairs sails in Lorient|Ma sœur Maïwenn répare des voiles à Lorient|Which sibling patches canvas for yachts?;Maïwenn raccommode quoi en Bretagne ?
people|fact|The speech therapist, Octave, comes on Friday afternoons|L'orthophoniste, Octave, vient le vendredi après-midi|When's the logopedist's session?;Le rééducateur de la parole, c'est quand ?
people|fact|My father-in-law Honoré was a train driver|Mon beau-père Honoré était conducteur de train|Did Honoré pilot locomotives?;Honoré bossait à la SNCF ?
people|fact|My ex-husband Norbert has the children every other weekend|Mon ex-mari Norbert a les enfants un week-end sur deux|Do the kids stay at their dad's fortnightly?;Les petits dorment chez leur papa tous les combien ?
pets|fact|Our Bernese mountain dog Balthazar drools on visitors|Notre bouvier bernois Balthazar bave sur les invités|Who slobbers on visitors?;Qui dégouline de salive sur nos convives ?
pets|fact|Our pot-bellied pig Pétunia digs up the lawn|Notre cochon vietnamien Pétunia retourne la pelouse|Who ploughs the turf with her snout?;Le gazon est labouré par quel porcin ?
pets|fact|Our chameleon Origami only drinks drops from leaves|Notre caméléon Origami ne boit que des gouttes sur les feuilles|How does the camouflaging saurian quench its thirst?;Comment s'hydrate notre saurien ?
pets|fact|Our quails Pépite and Bigoudi lay speckled eggs|Nos cailles Pépite et Bigoudi pondent des œufs tachetés|Which diminutive fowl produce mottled clutches?;Qui pond des coquilles mouchetées ?
pets|fact|Our Sphynx cat Nénuphar wears a jumper in winter|Notre chat sphynx Nénuphar porte un pull en hiver|Which bald feline wears knitwear?;Qui enfile une laine quand ça caille ?
pets|fact|Our tarantula Velours must not be handled|Notre mygale Velours ne doit pas être manipulée|May I cuddle the hairy spider?;L'arachnide, je la caresse ?
house|house|The chainsaw hangs in the tack room|La tronçonneuse est accrochée dans la sellerie|Where's the motorised saw for felling trunks?;Pour abattre un arbre, la tronçonneuse est où ?
house|house|The cider press is stored in the hayloft|La presse à cidre est rangée dans le fenil|Where's the apple crusher?;Le pressoir à pommes est remisé où ?
house|house|The pizza oven takes forty minutes to heat up|Le four à pizza met quarante minutes à chauffer|How quickly is the brick oven scorching?;Le four en briques est brûlant en combien ?
house|house|The sledges are stored in the cloakroom|Les luges sont rangées dans le vestiaire|Where are the toboggans?;Pour glisser dans la poudreuse, les traîneaux sont où ?
house|house|The key to the well's padlock is in the sugar tin|La clé du cadenas du puits est dans la boîte à sucre|What opens the well's padlock?;La clef du cadenas de la margelle, elle est où ?
house|house|The loom is in the orangery|Le métier à tisser est dans l'orangerie|Where's the handloom?;Je tisse dans quel recoin ?
house|house|The baby monitor is charging on the nursery windowsill|Le babyphone charge sur le rebord de la fenêtre de la chambre du bébé|Where's the infant intercom?;L'interphone du nourrisson est où ?
house|house|The kayak paddles hang on the wall of the boathouse|Les pagaies du kayak sont accrochées au mur du hangar à bateaux|Where are the oars for the canoe?;Pour pagayer, les avirons sont où ?
house|house|The hot tub is drained every three months|Le jacuzzi est vidé tous les trois mois|What's the jacuzzi's flushing interval?;La baignoire à remous, on la purge tous les combien ?
habits|preference|I swim in the sea all year round, even in January|Je me baigne dans la mer toute l'année, même en janvier|Do I plunge into frigid surf in midwinter?;Je fais trempette dans l'océan en décembre ?
habits|preference|I play the bagpipes with the Celtic circle on Tuesday evenings|Je joue de la cornemuse avec le cercle celtique le mardi soir|When do I rehearse with the Breton bagpipers?;Mon biniou résonne quand ?
habits|preference|I make jam with the plums in August|Je fais de la confiture avec les prunes en août|When do I simmer damson preserves?;Je fais mes bocaux de quetsches quand ?
habits|preference|I go to the flea market on the first Sunday of the month|Je chine à la brocante le premier dimanche du mois|When do I rummage for bric-a-brac?;Je fouine chez les brocanteurs quand ?
habits|preference|I play tarot with the neighbours on Thursday evenings|Je joue au tarot avec les voisins le jeudi soir|When do I shuffle the deck with the folks over the fence?;Le tarot chez les voisins, c'est quand ?
habits|preference|I cycle to work when it's dry|Je vais au travail à vélo quand il ne pleut pas|Do I pedal to my desk when sunny?;Je pédale jusqu'au taf quand il fait sec ?
health|fact|My husband Gauthier has sleep apnoea and sleeps with a mask|Mon mari Gauthier a de l'apnée du sommeil et dort avec un masque|Why does Gauthier wear a ventilator when slumbering?;Gauthier cesse de respirer en ronflant ?
health|fact|I take thyroid pills every morning on an empty stomach|Je prends mes comprimés pour la thyroïde à jeun chaque matin|Which gland do I dose at sunrise?;Mon traitement hormonal, je l'avale quand ?
health|fact|Our son Amaury is allergic to peanuts and carries an adrenaline pen|Notre fils Amaury est allergique aux arachides et a toujours un stylo d'adrénaline|Does Amaury carry an EpiPen?;Les cacahuètes, c'est dangereux pour Amaury ?
health|fact|Grandma Ernestine has Parkinson's disease|Mamie Ernestine a la maladie de Parkinson|Why do Ernestine's fingers quiver?;Ernestine a une affection neurologique ?
health|fact|My tetanus booster is due in 2030|Mon rappel du tétanos est à faire en 2030|When must I renew my lockjaw inoculation?;Mon antitétanique, je le refais quand ?
health|fact|Our daughter Héloïse has eczema|Notre fille Héloïse a de l'eczéma|Does Héloïse suffer itchy rashes?;Héloïse a une dermatite ?
health|fact|I get seasick on ferries|J'ai le mal de mer sur les ferries|Am I queasy aboard ships?;Sur un navire, j'ai la nausée ?
preference|preference|I can't stand celery|Je ne supporte pas le céleri|Which crunchy stalk do I detest?;Le céleri rémoulade, je le dévore ?
preference|preference|My favourite singer is Barbara|Ma chanteuse préférée est Barbara|Whose ballads do I idolise?;Quelle vedette de la chanson me bouleverse ?
preference|preference|I take my hot chocolate with whipped cream|J'aime mon chocolat chaud avec de la chantilly|What crowns my cocoa?;Je garnis mon cacao de quoi ?
preference|preference|I want the garden fairy lights switched off at eleven|Je veux que les guirlandes du jardin s'éteignent à 23 h|When do the twinkly garlands outdoors darken?;Les guirlandes lumineuses s'éteignent quand ?
preference|preference|I prefer dry cider to champagne|Je préfère le cidre brut au champagne|Which sparkling tipple wins me over?;Pour trinquer, je choisis quel breuvage pétillant ?
preference|preference|My favourite flower is the peony|Ma fleur préférée est la pivoine|Which blossom is my darling?;Quelle floraison me ravit le plus ?
episode|episode|We were snowed in at the chalet for three days in 2018|Nous sommes restés bloqués par la neige trois jours au chalet en 2018|When were we trapped by snowdrifts at altitude?;Prisonniers des congères, c'était quand ?
episode|episode|I caught a forty-kilo catfish in the Rhône|J'ai pêché un silure de quarante kilos dans le Rhône|What whopper did I reel in?;Quel monstre aquatique ai-je ferré ?
episode|episode|A swarm of bees settled in the letterbox in June|Un essaim d'abeilles s'est installé dans la boîte aux lettres en juin|What colonised our mailbox?;Des butineuses ont squatté quoi ?
episode|episode|I carried the Olympic flame in Pau in 2024|J'ai porté la flamme olympique à Pau en 2024|Was I a torchbearer for the Olympics?;J'ai brandi le flambeau des JO ?
episode|episode|Our son Amaury got lost at Disneyland when he was four|Notre fils Amaury s'est perdu à Disneyland quand il avait quatre ans|Where did Amaury wander off as a toddler?;Amaury a disparu dans quel parc d'attractions ?
reminder|reminder|Have the rocking chair re-caned before Christmas|Faire rempailler le rocking-chair avant Noël|Which rocker must be reseated by yuletide?;Le fauteuil à bascule, on le fait recanner pour quand ?
reminder|reminder|Take Balthazar to the groomer on Friday|Emmener Balthazar au toilettage vendredi|When is Balthazar's pampering appointment?;Le toilettage du bouvier, c'est quand ?
reminder|reminder|Pay the school canteen before the 10th|Payer la cantine avant le 10|By when must the cafeteria fees be paid?;La cantoche, on la raque jusqu'à quand ?
`;

/** The seventh held-out set's facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateSeventhHeldOutSet(seed = 7208): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(SEVENTH_HELD_OUT, 'heldout7', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

// The memory benchmark's fourth held-out set, written on 7 December 2026 by a helper who did not
// change or tune the memory, before any change of that session was measured on it, and committed
// before anything recalled from it. Another household: other people, pets, rooms, things and
// places than every earlier set, and questions in words that neither the development questions
// nor the earlier held-out ones (1, 2, 3) use: paraphrases, synonyms, kinds of things (sausage
// dog ~ dachshund), definitions, other word forms, idioms ("down under", "l'île de Beauté"), each
// fact asked once in English and once in French, so one of its two questions crosses languages.
// Each question names the one fact a person who read the facts would answer it from. Nothing in
// the memory (lexicons, query expansion, weights, thresholds) is to be tuned on these: do not
// read them while changing it, and run them only to report a final choice.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const FOURTH_HELD_OUT = `
people|fact|My brother-in-law Ambroise is a locksmith in Besançon|Mon beau-frère Ambroise est serrurier à Besançon|Who could rescue me if I'm locked out?;Quel proche sait crocheter une serrure ?
people|fact|Our daughter Bertille is spending a year abroad in Melbourne|Notre fille Bertille passe une année à l'étranger à Melbourne|Is Bertille down under?;Bertille séjourne sur quel continent ?
people|fact|My twin brother Évariste teaches mathematics in Dakar|Mon frère jumeau Évariste enseigne les mathématiques à Dakar|What subject does Évariste teach?;Mon jumeau est installé en Afrique ?
people|fact|Our neighbour Firmin waters the greenhouse when we are away|Notre voisin Firmin arrose la serre quand nous sommes absents|Who tends our seedlings under glass if we leave?;Quand on s'absente, qui bichonne les semis ?
people|fact|My best friend Perrine runs a bookshop in Arles|Ma meilleure amie Perrine tient une librairie à Arles|Who could track down a rare title for me?;Perrine vend quoi dans sa boutique ?
people|fact|My stepmother Rosalie was an air traffic controller|Ma belle-mère Rosalie était contrôleuse aérienne|Was Rosalie in aviation?;Rosalie surveillait les décollages ?
people|fact|My cousin Jocelyn is a sommelier in Épernay|Mon cousin Jocelyn est sommelier à Épernay|Who'd recommend a fine vintage for a feast?;Jocelyn s'y entend en champagne ?
people|fact|Solène, the harp teacher, comes on Tuesday afternoons|Solène, la professeure de harpe, vient le mardi après-midi|On which afternoon does Solène teach?;La leçon de harpe se déroule quand ?
pets|fact|Our dachshund Gribouille has a slipped disc|Notre teckel Gribouille a une hernie discale|What's wrong with Gribouille's spine?;Gribouille a un problème de vertèbres ?
pets|fact|Our Maine Coon Loukoum weighs nine kilos|Notre maine coon Loukoum pèse neuf kilos|What does Loukoum weigh?;Notre énorme matou pèse combien ?
pets|fact|Our three runner ducks sleep in the old kennel|Nos trois canards coureurs dorment dans l'ancienne niche|Where do the waterfowl roost?;Les palmipèdes se couchent où ?
pets|fact|Our chinchilla Mistigri bathes in dust instead of water|Notre chinchilla Mistigri se baigne dans la poussière, pas dans l'eau|How does Mistigri freshen its fur?;Mouiller Mistigri, c'est conseillé ?
pets|fact|Our greyhound Sirius was rescued from a racing track|Notre lévrier Sirius a été sauvé d'un cynodrome|Did Sirius once chase a mechanical hare?;Sirius a couru sur une piste jadis ?
pets|fact|Our cockatiel Zéphyr whistles the Marseillaise|Notre calopsitte Zéphyr siffle la Marseillaise|Which bird can do the national anthem?;Zéphyr imite quelle mélodie ?
house|house|The snow chains are in the carport cupboard|Les chaînes à neige sont dans le placard de l'abri voiture|Where are the tyre grips for icy mountain roads?;Les accessoires antidérapants pour les pneus, ils sont où ?
house|house|The telescope is on the mezzanine|Le télescope est sur la mezzanine|Where's our stargazing kit?;Pour contempler les astres, on a quoi, et c'est où ?
house|house|The ski boots are kept dry in the boiler room|Les chaussures de ski sont au sec dans la chaufferie|Where's the footwear for the slopes?;Mes chaussures pour les descentes enneigées, elles sont où ?
house|house|Our hob is induction|Notre plaque de cuisson est à induction|Is there a naked flame on our cooktop?;Une casserole en aluminium chauffe sur notre cuisinière ?
house|house|The futon in the box room sleeps two|Le futon du débarras accueille deux personnes|Where could a mate kip?;Il y a un couchage d'appoint ?
house|house|The winter duvets are in the dressing room|Les couettes d'hiver sont dans le dressing|Where are the thick quilts?;Les édredons épais, ils sont où ?
house|house|The soldering iron hangs above the workbench in the workshop|Le fer à souder est accroché au-dessus de l'établi de l'atelier|Where's the gadget for bonding wires to a circuit board?;Mon circuit électronique est à souder, avec quoi et où ?
house|house|The parasol stand is in the greenhouse|Le pied du parasol est dans la serre|Where's the sunshade's stand?;Le socle de l'ombrelle, où est-il ?
house|house|The veranda windows are single glazed|Les fenêtres de la véranda sont en simple vitrage|Is the conservatory poorly insulated?;La véranda est-elle bien calfeutrée ?
habits|preference|I do tai chi in the park on Saturday mornings|Je fais du tai-chi au parc le samedi matin|When do I do my slow martial art?;Ma gymnastique chinoise, c'est quand ?
habits|preference|I volunteer at the food bank on Fridays|Je suis bénévole à la banque alimentaire le vendredi|Which charity benefits from my efforts?;Je m'engage bénévolement où ?
habits|preference|I never eat before noon|Je ne mange jamais avant midi|Do I fast until midday?;Je grignote quelque chose au saut du lit ?
habits|preference|I write in my diary every night before sleeping|J'écris dans mon journal intime chaque soir avant de dormir|When do I jot down my thoughts?;Je tiens un carnet secret ?
habits|preference|I go to Mass on Sunday mornings|Je vais à la messe le dimanche matin|Am I a churchgoer?;Je suis croyant ?
habits|preference|I knit in front of the television in the evening|Je tricote devant la télévision le soir|What do I create with yarn in front of the TV?;Qu'est-ce que je confectionne avec des pelotes ?
health|fact|My father Anatole wears hearing aids|Mon père Anatole porte des appareils auditifs|Is Anatole deaf?;Anatole est malentendant ?
health|fact|I am allergic to latex|Je suis allergique au latex|Are surgical gloves a risk for me?;Les gants en caoutchouc me posent problème ?
health|fact|My wife Ségolène gets hay fever every May|Ma femme Ségolène a le rhume des foins chaque mois de mai|Why does Ségolène sneeze in spring?;Ségolène réagit au pollen ?
health|fact|Grandma Honorine has an artificial hip|Mamie Honorine a une prothèse de hanche|Whose hip is prosthetic?;Honorine a une articulation artificielle ?
health|fact|I take iron tablets for anaemia|Je prends des comprimés de fer contre l'anémie|Which deficiency am I medicated for?;J'ai une carence en quoi ?
health|fact|Our son Lazare is dyslexic|Notre fils Lazare est dyslexique|Does Lazare struggle with spelling?;Lazare a des soucis d'orthographe ?
health|fact|I sleepwalk when I am stressed|Je suis somnambule quand je suis stressé|Do I roam around asleep?;Je déambule en dormant ?
preference|preference|My favourite composer is Chopin|Mon compositeur préféré est Chopin|Whose nocturnes delight me?;Quel musicien polonais m'émeut ?
preference|preference|I don't want phone calls during dinner|Je ne veux pas d'appels pendant le dîner|Should my mobile be muted at mealtimes?;Je réponds au téléphone en mangeant ?
preference|preference|I prefer crime novels|Je préfère les romans policiers|Which fiction genre do I devour?;Un polar, ça me tente ?
preference|preference|I hate mushrooms|Je déteste les champignons|Would I relish ceps in an omelette?;Les girolles, j'en raffole ?
preference|preference|My favourite sport to watch is handball|Mon sport préféré à regarder est le handball|Which ball contest do I watch on television?;Quelle rencontre sportive me captive à l'écran ?
preference|preference|I like to sleep in pitch darkness|J'aime dormir dans le noir complet|Should a nightlight glow beside my pillow?;Une veilleuse près du lit, ça me convient ?
episode|episode|I got a speeding ticket near Orléans|J'ai eu une amende pour excès de vitesse près d'Orléans|Was I caught going too fast?;J'ai été flashé par un radar ?
episode|episode|I served on a jury at a trial in Rouen|J'ai été juré à un procès à Rouen|Was I once a juror?;J'ai siégé au tribunal ?
episode|episode|We spent three nights in an igloo in Lapland|Nous avons passé trois nuits dans un igloo en Laponie|Have we slept in a snow hut?;On a dormi dans une hutte de neige ?
episode|episode|Ségolène was elected to the town council in March|Ségolène a été élue au conseil municipal en mars|Is Ségolène a local politician?;Ségolène fait de la politique ?
episode|episode|Burglars took my grandmother's jewellery last spring|Des cambrioleurs ont emporté les bijoux de ma grand-mère au printemps dernier|Have we been burgled?;Des voleurs sont entrés chez nous ?
reminder|reminder|Get Gribouille's vaccine booster in June|Faire le rappel de vaccin de Gribouille en juin|When are Gribouille's jabs?;Gribouille se fait vacciner quel mois ?
reminder|reminder|Give the raclette machine back to Perrine|Rendre l'appareil à raclette à Perrine|What do I owe Perrine?;Qu'est-ce que Perrine m'a prêté ?
reminder|reminder|Book the ferry to Corsica before Easter|Réserver le ferry pour la Corse avant Pâques|Which sea crossing must I arrange?;La traversée vers l'île de Beauté, je la retiens quand ?
`;

/** The fourth held-out set's facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateFourthHeldOutSet(seed = 4127): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(FOURTH_HELD_OUT, 'heldout4', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

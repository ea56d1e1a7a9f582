// The memory benchmark's fifth held-out set, written on 7 December 2026 by a helper who did not
// change or tune the memory, before any change of that session was measured on it, and committed
// before anything recalled from it. Another household: other people, pets, rooms, things and
// places than every earlier set, and questions in words that neither the development questions
// (dev 1-4, and held-out 3 spent as dev 5) nor the earlier held-out ones (1-4) use: paraphrases,
// synonyms, kinds of things (Cluedo ~ board games, prawns ~ shellfish), definitions, other word
// forms, idioms ("se faire une toile", "pépin"), each fact asked once in English and once in
// French, so one of its two questions crosses languages. Each question names the one fact a
// person who read the facts would answer it from. Nothing in the memory (lexicons, query
// expansion, weights, thresholds) is to be tuned on these: do not read them while changing it,
// and run them only to report a final choice.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const FIFTH_HELD_OUT = `
people|fact|My stepbrother Cyprien is a glassblower in Biot|Mon demi-frère Cyprien est souffleur de verre à Biot|Who shapes molten sand into vases?;Cyprien façonne quelle matière ?
people|fact|My great-uncle Philibert was a lighthouse keeper on Ouessant|Mon grand-oncle Philibert était gardien de phare à Ouessant|Did Philibert guard a beacon for sailors?;Philibert habitait au bout du Finistère ?
people|fact|My sister Mélisande translates Russian novels|Ma sœur Mélisande traduit des romans russes|Which Slavic literature does Mélisande bring into French?;Mélisande est traductrice ?
people|fact|Our neighbour Théophile is a retired submarine officer|Notre voisin Théophile est un officier de sous-marin à la retraite|Did Théophile serve beneath the waves?;Théophile a servi dans la Marine ?
people|fact|My daughter-in-law Hortense is a florist in Colmar|Ma belle-fille Hortense est fleuriste à Colmar|Who could do blooms for a christening?;Hortense dirige quel commerce alsacien ?
people|fact|My grandson Aurèle is an apprentice chef in Lausanne|Mon petit-fils Aurèle est apprenti cuisinier à Lausanne|Which grandchild is studying gastronomy?;Aurèle fait son apprentissage où ?
people|fact|Eulalie, the osteopath, comes on Thursday evenings|Eulalie, l'ostéopathe, vient le jeudi soir|When does the bonesetter show?;Eulalie débarque quand ?
people|fact|My great-aunt Léopoldine lives in a care home in Vichy|Ma grand-tante Léopoldine vit en maison de retraite à Vichy|Is Léopoldine in sheltered accommodation?;Léopoldine est en EHPAD ?
pets|fact|Our basset hound Bretzel snores loudly|Notre basset Bretzel ronfle très fort|Which pooch rumbles in its slumber?;Quel toutou fait du boucan dans son sommeil ?
pets|fact|Our tabby cat Scampi steals socks from the laundry basket|Notre chat tigré Scampi vole les chaussettes dans le panier à linge|Who pinches our hosiery?;Qui chaparde nos affaires dans le linge sale ?
pets|fact|Our alpacas Quinoa and Chamallow graze in the paddock|Nos alpagas Quinoa et Chamallow broutent dans l'enclos|Where do the woolly camelids feed?;Où paissent Quinoa et Chamallow ?
pets|fact|Our bearded dragon Kiwi needs a UV lamp|Notre pogona Kiwi a besoin d'une lampe UV|What ultraviolet source does our lizard depend on?;Le lézard réclame quel éclairage ?
pets|fact|Our Newfoundland Baloo loves swimming in the lake|Notre terre-neuve Baloo adore nager dans le lac|Which huge canine is fond of paddling?;Baloo barbote où ?
pets|fact|Our pet rats Cachou and Pruneau sleep in an old teapot|Nos rats Cachou et Pruneau dorment dans une vieille théière|Where do Cachou and Pruneau nestle?;Cachou et Pruneau font dodo dans quoi ?
house|house|The board games are in the chest in the playroom|Les jeux de société sont dans la malle de la salle de jeux|Where are Monopoly and Scrabble stowed?;Où est le Cluedo ?
house|house|The kindling is in the woodshed|Le petit bois est dans le bûcher|Where are the twigs to start a blaze?;Pour démarrer une flambée, les brindilles sont où ?
house|house|The sauna takes half an hour to heat up|Le sauna met une demi-heure à chauffer|How much waiting till we can sweat in the cabin?;La cabine finlandaise est bouillante au bout de combien ?
house|house|The umbrella stand is in the porch|Le porte-parapluies est sous le porche|Where do soggy brollies belong?;Mon pépin trempé, je le dépose où ?
house|house|The hammock is put away in the gazebo for the winter|Le hamac est rangé dans le kiosque du jardin pour l'hiver|Where does the hammock hibernate?;Le hamac, il hiverne où ?
house|house|The music room is soundproofed|La salle de musique est insonorisée|Which chamber blocks out the racket?;Quel espace étouffe les sons ?
house|house|The electric car charger is on the side wall of the house|La borne de recharge de la voiture électrique est sur le mur latéral de la maison|Where do I plug in the EV?;La bagnole se recharge où ?
house|house|The bread machine is on top of the microwave|La machine à pain est sur le micro-ondes|Where's the contraption that kneads dough?;Le pétrin électrique, il est où ?
house|house|The safe is hidden behind the portrait in the guest bedroom|Le coffre-fort est caché derrière le portrait de la chambre d'amis|Where do we stash valuables?;Les bijoux et l'argent liquide, on les planque où ?
habits|preference|I practise archery on Wednesday evenings|Je fais du tir à l'arc le mercredi soir|When do I shoot arrows?;Je vise des cibles quand ?
habits|preference|I play chess online before going to bed|Je joue aux échecs en ligne avant de me coucher|When do I move knights and bishops?;Je m'affronte à des inconnus sur un échiquier virtuel ?
habits|preference|I lay flowers on my mother's grave every All Saints' Day|Je fleuris la tombe de ma mère à chaque Toussaint|What do I do at the cemetery each November?;Je me recueille au cimetière quand ?
habits|preference|I make my own yoghurt every week|Je fais mes yaourts moi-même chaque semaine|Are our yogurts homemade?;D'où viennent nos laitages ?
habits|preference|I go to the cinema on Monday evenings|Je vais au cinéma le lundi soir|When am I at the flicks?;Je fréquente les salles obscures quand ?
habits|preference|I dance the tango on Friday nights|Je danse le tango le vendredi soir|Do I do any Argentine partner dancing?;Quelle danse argentine me passionne ?
health|fact|My husband Barnabé has gout|Mon mari Barnabé a la goutte|Whose toes swell with uric acid?;Barnabé a des crises d'arthrite ?
health|fact|I have tinnitus|J'ai des acouphènes|Is there a constant buzzing in my ears?;J'ai des bourdonnements d'oreille ?
health|fact|Our daughter Sidonie has epilepsy|Notre fille Sidonie est épileptique|Is Sidonie prone to seizures?;Sidonie fait des crises convulsives ?
health|fact|I am allergic to shellfish|Je suis allergique aux crustacés|Are prawns and crab hazardous for me?;Les langoustines, c'est risqué pour moi ?
health|fact|Grandpa Fulbert had cataract surgery in March|Papi Fulbert s'est fait opérer de la cataracte en mars|When was Fulbert's clouded lens removed?;Le cristallin de Fulbert a été remplacé ?
health|fact|I have high cholesterol and take statins|J'ai trop de cholestérol et je prends des statines|Are my lipids elevated?;Mes analyses montrent trop de lipides ?
health|fact|Our son Gontran stammers|Notre fils Gontran bégaie|Does Gontran have a speech impediment?;Gontran bafouille ?
preference|preference|My favourite poet is Baudelaire|Mon poète préféré est Baudelaire|Whose verses do I cherish most?;Quel écrivain en vers je vénère ?
preference|preference|I don't like olives|Je n'aime pas les olives|Should I skip the tapenade?;Une pizza aux olives, ça me dit ?
preference|preference|I prefer holiday cottages to hotels|Je préfère les gîtes aux hôtels|Which lodging appeals to me on vacation?;Pour mes escapades, je descends à l'hôtel ?
preference|preference|My favourite cheese is Comté|Mon fromage préféré est le comté|Which Jura delicacy do I savour?;Quelle meule jurassienne je savoure ?
preference|preference|I want the cooker hood on when I cook|Je veux la hotte allumée quand je cuisine|Should the extractor fan whirr whenever the stove's on?;Quand je mitonne un ragoût, j'enclenche l'aspiration ?
preference|preference|I prefer paper road maps to GPS|Je préfère les cartes routières au GPS|Do I trust the satnav?;Je me fie au navigateur de la bagnole ?
episode|episode|We took a hot-air balloon flight over the Loire|Nous avons fait un vol en montgolfière au-dessus de la Loire|Have we drifted through the sky in a wicker gondola?;On a survolé un fleuve ?
episode|episode|I was stung by a jellyfish in Crete|J'ai été piqué par une méduse en Crète|Which marine beast wounded me in Greece?;Je me suis fait brûler par une bestiole marine en Grèce ?
episode|episode|Lightning struck the chimney in August|La foudre est tombée sur la cheminée en août|Has a thunderbolt struck the chimney stack?;Un orage a frappé le toit ?
episode|episode|I took part in a TV quiz show in 2019|J'ai participé à un jeu télévisé en 2019|Was I a contestant on a broadcast quiz?;Je suis apparu dans une émission ?
episode|episode|We found Roman coins while digging a trench for the fibre cable|Nous avons trouvé des pièces romaines en creusant une tranchée pour la fibre|What ancient treasure did we unearth?;On a déterré de la monnaie antique ?
reminder|reminder|Have the alpacas shorn in May|Faire tondre les alpagas en mai|When is the fleece clipping?;La tonte de Quinoa et Chamallow, c'est pour quand ?
reminder|reminder|Return the carpet cleaner to the hire shop|Rapporter la shampouineuse au magasin de location|Which hired shampooer is overdue?;Qu'est-ce qui retourne chez le loueur ?
reminder|reminder|Renew Sidonie's identity card before the school trip|Refaire la carte d'identité de Sidonie avant le voyage scolaire|Which ID must Sidonie redo ahead of her jaunt with classmates?;Sidonie a une CNI valide ?
`;

/** The fifth held-out set's facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateFifthHeldOutSet(seed = 5309): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(FIFTH_HELD_OUT, 'heldout5', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

// The memory benchmark's sixth held-out set, written late on 7 December 2026 by a helper who did
// not change or tune the memory, before any later change was measured on it, and committed before
// anything recalled from it. Another household: other people, pets, rooms, things and places than
// every earlier set, and questions in words that neither the development questions (dev 1-4, and
// held-out 3, 4 and 5 spent as dev 5-7) nor the earlier held-out ones (1-5) use: paraphrases,
// synonyms, kinds of things (a flue ~ the chimney, grid puzzles ~ crosswords), definitions, other
// word forms, idioms ("les plombs ont sauté", "rester en rade"), each fact asked once in English
// and once in French, so one of its two questions crosses languages. Each question names the one
// fact a person who read the facts would answer it from. Nothing in the memory (lexicons, query
// expansion, weights, thresholds) is to be tuned on these: do not read them while changing it,
// and run them only to report a final choice.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { looksFrench } from './memory-dev4.js';
import { parseFactTable } from './memory-table.js';

// category | kind | fact in English | fact in French | questions (; separated; French ones end in ' ?')
const SIXTH_HELD_OUT = `
people|fact|My brother-in-law Evrard is a beekeeper in Millau|Mon beau-frère Evrard est apiculteur à Millau|Which in-law is an apiarist?;Evrard élève des abeilles ?
people|fact|My niece Ombeline is a cartographer in Quimper|Ma nièce Ombeline est cartographe à Quimper|Which kinswoman charts terrain for atlases?;Ombeline est topographe ?
people|fact|My godfather Anselme restores church organs|Mon parrain Anselme restaure des orgues d'église|Who refurbishes cathedral pipes?;Anselme rafistole quoi dans les chapelles ?
people|fact|Our neighbour Gwenola runs a vineyard near Gaillac|Notre voisine Gwenola tient un vignoble près de Gaillac|Which neighbour cultivates grapes?;Gwenola est viticultrice ?
people|fact|My cousin Thibaud is a tree surgeon in Valence|Mon cousin Thibaud est élagueur à Valence|Which cousin prunes towering boughs professionally?;Thibaud taille les cimes ?
people|fact|My stepmother Clothilde teaches the bassoon|Ma belle-mère Clothilde enseigne le basson|Who tutors pupils on a reed pipe?;Clothilde est prof de quoi ?
people|fact|The chiropodist, Zélie, comes on Tuesday mornings|Zélie, la pédicure, vient le mardi matin|When is the podiatrist here?;Zélie dorlote nos orteils quand ?
people|fact|My grandfather Fulcran was a blacksmith in Aurillac|Mon grand-père Fulcran était forgeron à Aurillac|Did Fulcran forge horseshoes?;Fulcran ferrait des chevaux ?
pets|fact|Our whippet Tapioca is afraid of thunderstorms|Notre whippet Tapioca a peur des orages|Which sighthound cowers during tempests?;Tapioca tremble quand il tonne ?
pets|fact|Our cockatoo Gaspacho imitates the doorbell|Notre cacatoès Gaspacho imite la sonnette|Which squawker apes the ding-dong?;Qui copie le carillon du vestibule ?
pets|fact|Our geese Mirabelle and Nougatine chase the postman|Nos oies Mirabelle et Nougatine poursuivent le facteur|Which honkers harass the postie?;Qui pourchasse le préposé ?
pets|fact|Our hedgehog Cornichon hibernates in a box in the cellar|Notre hérisson Cornichon hiberne dans une caisse à la cave|Where does our prickly critter overwinter?;Cornichon roupille où jusqu'au dégel ?
pets|fact|Our sugar glider Frangipane hides keys under the sofa|Notre phalanger volant Frangipane cache les clés sous le canapé|Which marsupial squirrels away latchkeys?;Mon trousseau s'est volatilisé, quel coupable ?
pets|fact|Our lovebirds Sésame and Zinzin sing at dawn|Nos inséparables Sésame et Zinzin chantent à l'aube|Which devoted pair trill at cockcrow?;Qui pépie à l'aurore ?
house|house|The pasta maker is in the bottom drawer of the dresser|La machine à pâtes est dans le tiroir du bas du vaisselier|Where's the pasta roller?;Pour étirer des tagliatelles, le laminoir est où ?
house|house|The pressure washer is under the outside staircase|Le nettoyeur haute pression est sous l'escalier extérieur|Where's the patio blaster?;Pour décaper la terrasse, le Kärcher est où ?
house|house|The spare keys to the caravan are in the key cabinet by the back door|Les doubles des clés de la caravane sont dans la boîte à clés près de la porte de derrière|Where's the duplicate bunch for the trailer?;Les duplicata pour la roulotte, ils sont où ?
house|house|The ice-cream maker is in the scullery|La sorbetière est dans l'arrière-cuisine|Where's the sorbet churn?;Pour turbiner un sorbet, l'ustensile est où ?
house|house|The polytunnel heater comes on below five degrees|Le chauffage du tunnel de culture s'allume en dessous de cinq degrés|At what mercury level does the hooped cloche's burner ignite?;L'abri en plastique du potager est tempéré sous quel seuil ?
house|house|The pole for the skylight hangs in the stairwell|La perche du vasistas est accrochée dans la cage d'escalier|Where's the hooked rod for the velux?;Pour entrouvrir la lucarne, la gaffe est où ?
house|house|The wine cellar is kept at twelve degrees|La cave à vin est maintenue à douze degrés|How nippy is the claret vault?;Nos millésimes reposent à combien ?
house|house|The metal detector is in the old dovecote|Le détecteur de métaux est dans l'ancien pigeonnier|Where's the beeping relic sniffer?;Pour dénicher des trésors enfouis, le matos est où ?
house|house|The pellet stove's hopper must be topped up every two days|Le réservoir de granulés du poêle doit être rempli tous les deux jours|How regularly must the pellet burner's hopper be reloaded?;Les granulés du poêle, on en remet tous les combien ?
habits|preference|I row on the river on Saturday mornings|Je fais de l'aviron sur la rivière le samedi matin|When do I take out the scull?;Je rame sur la rivière quand ?
habits|preference|I do a sudoku with my coffee every morning|Je fais un sudoku avec mon café chaque matin|When do I crack my sudoku?;Je résous des énigmes de chiffres en sirotant quoi ?
habits|preference|I embroider tea towels for the parish fête|Je brode des torchons pour la kermesse de la paroisse|What do I stitch for the vicarage bazaar?;Mes broderies partent où ?
habits|preference|I video-call my grandchildren in Hanoï every Sunday evening|J'appelle mes petits-enfants à Hanoï en visio chaque dimanche soir|When do I webcam with the grandkids?;Je papote avec ma descendance au Vietnam quand ?
habits|preference|I go fossil hunting on the cliffs in spring|Je cherche des fossiles sur les falaises au printemps|When do I seek ammonites?;Je fouille les roches quand ?
habits|preference|I bake a sourdough loaf on Sundays|Je fais un pain au levain le dimanche|When do I mould my tangy boule?;Ma fournée, c'est quand ?
health|fact|My wife Ghislaine has coeliac disease|Ma femme Ghislaine est cœliaque|Must Ghislaine shun wheat?;Ghislaine bannit le gluten ?
health|fact|I had my tonsils removed last winter|On m'a retiré les amygdales l'hiver dernier|Have I had a tonsillectomy?;Un chirurgien m'a ôté quoi dans la gorge ?
health|fact|Our son Maximin has flat feet and wears insoles|Notre fils Maximin a les pieds plats et porte des semelles|Does Maximin have orthopaedic inserts?;Maximin a une voûte plantaire affaissée ?
health|fact|I am allergic to ragweed pollen|Je suis allergique au pollen d'ambroisie|Does ragweed set off my hay fever?;Un végétal invasif me fait éternuer ?
health|fact|Grandma Philomène uses a walking frame|Mamie Philomène marche avec un déambulateur|Does Philomène totter with a zimmer frame?;Philomène s'appuie sur quoi en trottinant ?
health|fact|I get cramps in my calves at night|J'ai des crampes aux mollets la nuit|What rouses me with knotted calves?;Mes mollets se nouent sous la couette ?
health|fact|Our daughter Albane has scoliosis|Notre fille Albane a une scoliose|Does Albane have a curved vertebral column?;Albane a la colonne déviée ?
preference|preference|I can't stand tarragon|Je ne supporte pas l'estragon|Which leafy garnish do I loathe?;L'aromate de la béarnaise, j'en suis dingue ?
preference|preference|My favourite novelist is Giono|Mon romancier préféré est Giono|Whose prose do I prize above all?;Quel auteur provençal me fait vibrer ?
preference|preference|I like my tea with a sprig of mint|J'aime mon thé avec un brin de menthe|What aromatic leaf do I steep in my brew?;Mon thé, je l'agrémente de quoi ?
preference|preference|I prefer aisle seats at the theatre|Je préfère les places côté allée au théâtre|Which theatre stall do I opt for?;Au spectacle, je m'assois où ?
preference|preference|I want the heated towel rail on in the mornings|Je veux le sèche-serviettes allumé le matin|Should the bathroom rail be hot at sunup?;Mes draps de bain, tièdes dès potron-minet ?
preference|preference|My favourite fruit is the quince|Mon fruit préféré est le coing|What's my top orchard indulgence?;Quelle douceur jaune et duveteuse me régale ?
episode|episode|Our car broke down in the Mont Blanc tunnel|Notre voiture est tombée en panne dans le tunnel du Mont-Blanc|Where did our motor conk out?;On a été en carafe où ?
episode|episode|I won a pumpkin-growing contest in 2021|J'ai gagné un concours de citrouilles en 2021|Did I triumph with an enormous gourd?;J'ai raflé quel trophée ?
episode|episode|A fox raided the henhouse in April|Un renard a attaqué le poulailler en avril|What predator slaughtered our poultry?;Quel carnassier a croqué nos gallinacés ?
episode|episode|We got married on a boat on Lake Vassivière|Nous nous sommes mariés sur un bateau sur le lac de Vassivière|On which lake did we tie the knot?;On s'est dit oui où ?
episode|episode|I sprained my ankle paragliding at Saint-Hilaire|Je me suis tordu la cheville en parapente à Saint-Hilaire|How did I hurt a ligament soaring?;Je me suis fait une entorse en vol libre ?
reminder|reminder|Have the weathervane repaired before October|Faire réparer la girouette avant octobre|When must the wind indicator on the roof be mended?;L'indicateur de vent, on le retape quand ?
reminder|reminder|Take Cornichon to the vet for his spring check-up|Emmener Cornichon chez le vétérinaire pour son bilan de printemps|Whose veterinary examination looms?;Qui ausculte notre boule de piquants ?
reminder|reminder|Renew the boat's mooring contract in January|Renouveler le contrat d'amarrage du bateau en janvier|When must the dinghy's berth be rebooked?;Le ponton du voilier, on le reconduit quand ?
`;

/** The sixth held-out set's facts and questions, deterministic for a seed (35 % of facts in French). */
export function generateSixthHeldOutSet(seed = 6421): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseFactTable(SIXTH_HELD_OUT, 'heldout6', seed, (text) =>
    looksFrench(text) ? 'fr' : 'en',
  );
}

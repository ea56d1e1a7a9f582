// The memory benchmark's third development set, written before the memory was tuned on it: other
// people, pets, objects and habits than the first two, and more preferences and episodes, whose
// questions share no content word with the fact in either language ("Did we replace the couch?"
// for "We bought a new sofa on Saturday"), in phrasings the first two sets do not use. Tuning
// may look at it; the held-out set stays unseen.
import type { BenchFact, BenchQuestion } from './memory-corpus.js';
import { parseDevTable } from './memory-dev2.js';

// category | kind | fact in English | fact in French | question in English; question in French
const THIRD_DEV = `
people|fact|My stepfather Roland repairs old clocks|Mon beau-père Roland répare de vieilles horloges|What's Roland's hobby?;Quel est le passe-temps de Roland ?
people|fact|Anaïs, my niece, studies medicine in Poitiers|Anaïs, ma nièce, étudie la médecine à Poitiers|What is Anaïs training to become?;Anaïs veut devenir quoi plus tard ?
people|fact|Our cleaner Rosa comes on Wednesday mornings|Rosa, notre femme de ménage, vient le mercredi matin|Which day is the housekeeper here?;Quand passe Rosa ?
people|fact|Mathis is left-handed|Mathis est gaucher|Which hand does Mathis write with?;Mathis écrit de quelle main ?
people|fact|Yvette is deaf in one ear|Yvette est sourde d'une oreille|Does Yvette hear well?;Faut-il parler fort à Yvette ?
people|fact|Samuel speaks fluent Japanese|Samuel parle couramment japonais|What languages does Samuel know?;Samuel connaît quelles langues ?
pets|fact|Biscuit is a Siamese cat who is fifteen|Biscuit est un chat siamois de quinze ans|How old is Biscuit?;Quel âge a Biscuit ?
pets|fact|Plume the budgie sleeps under a cloth|Plume la perruche dort sous un tissu|How do we settle Plume for the night?;On couvre la cage de Plume le soir ?
pets|fact|Oscar is afraid of fireworks|Oscar a peur des feux d'artifice|What upsets Oscar on Bastille Day?;Qu'est-ce qui angoisse Oscar ?
pets|fact|Titan the ferret escapes through the cat flap|Titan le furet s'échappe par la chatière|How does Titan get out?;Par où s'enfuit Titan ?
house|house|The circuit breaker for the garden is labelled C7|Le disjoncteur du jardin est étiqueté C7|Which switch powers the outside sockets?;Quel interrupteur coupe le courant dehors ?
house|house|The snow shovel is behind the boiler|La pelle à neige est derrière la chaudière|What do I clear the drive with after a blizzard?;Où est l'outil pour dégager l'allée en hiver ?
house|house|The warranty for the fridge is in the red folder|La garantie du frigo est dans le classeur rouge|Where's the guarantee for the refrigerator?;Où sont les papiers du réfrigérateur ?
house|house|The bin collection calendar is pinned on the pantry door|Le calendrier des poubelles est punaisé sur la porte du cellier|Where's the schedule for the rubbish lorry?;Où est le planning du ramassage des ordures ?
house|house|The dehumidifier is in the laundry room|Le déshumidificateur est dans la buanderie|Where's the machine that dries the air?;Où est l'appareil contre l'humidité ?
house|house|The sewing kit is in the wicker basket|La trousse de couture est dans le panier en osier|Where are the needle and thread?;Où sont le fil et les aiguilles ?
preference|preference|I like my bath water very hot|J'aime que l'eau du bain soit très chaude|How should the tub be run for me?;Je me baigne à quelle température ?
preference|preference|I sleep with the window open|Je dors la fenêtre ouverte|Do I want fresh air in the bedroom overnight?;Faut-il fermer la chambre la nuit ?
preference|preference|My favourite colour is purple|Ma couleur préférée est le violet|Which shade do I like best?;Quelle teinte me plaît le plus ?
preference|preference|I listen to podcasts while cooking|J'écoute des podcasts en cuisinant|What do I put on when I'm making dinner?;Qu'est-ce que je mets quand je prépare le repas ?
preference|preference|I avoid dairy products|Je ne mange pas de produits laitiers|Can I have cheese?;Le fromage, ça me va ?
preference|preference|I would rather take the train than fly|Je préfère le train à l'avion|How do I like to travel long distances?;Comment je me déplace pour les longs trajets ?
preference|preference|I go to bed around midnight|Je me couche vers minuit|What time do I turn in?;À quelle heure je vais dormir ?
preference|preference|I don't like loud music after ten|Je n'aime pas la musique forte après 22 h|How noisy can it get late in the evening?;Le volume, je le veux comment tard le soir ?
preference|preference|I prefer dark chocolate|Je préfère le chocolat noir|Which sweet treat should I pick?;Quelle friandise me fait plaisir ?
preference|preference|I want the heating off when nobody is home|Je veux le chauffage coupé quand il n'y a personne|Should the radiators run while the house is empty?;On laisse les radiateurs allumés en notre absence ?
preference|preference|I'm afraid of heights|J'ai le vertige|Would I enjoy climbing a tall tower?;Est-ce que je supporte d'être en hauteur ?
episode|episode|We bought a new sofa on Saturday|Nous avons acheté un nouveau canapé samedi|Did we replace the couch?;Qu'est-ce qu'on s'est offert pour le salon ?
episode|episode|My grandmother passed away in January|Ma grand-mère est décédée en janvier|Is granny still alive?;Mamie est-elle toujours parmi nous ?
episode|episode|I lost my wallet at the station|J'ai perdu mon portefeuille à la gare|Where did my purse go missing?;Où ai-je égaré mes papiers ?
episode|episode|We celebrated our tenth wedding anniversary in Rome|Nous avons fêté nos dix ans de mariage à Rome|Which city did we visit for our marriage milestone?;Où sommes-nous partis pour l'anniversaire de notre union ?
episode|episode|The car failed its inspection last week|La voiture a raté le contrôle technique la semaine dernière|Did the vehicle pass its MOT?;Est-ce que l'auto est en règle ?
episode|episode|I had a tooth pulled on Tuesday|Je me suis fait arracher une dent mardi|Have I been to the dentist recently?;Suis-je allé chez le dentiste ?
episode|episode|Our basement flooded after the heavy rain|Notre sous-sol a été inondé après les fortes pluies|Was there ever water damage downstairs?;La cave a-t-elle déjà pris l'eau ?
episode|episode|I learnt to swim this summer|J'ai appris à nager cet été|Can I manage in the pool?;Je sais me débrouiller dans la piscine ?
episode|episode|We hosted a barbecue for the neighbours|Nous avons organisé un barbecue pour les voisins|Did we invite the people next door over?;Les gens d'à côté sont-ils venus manger chez nous ?
episode|episode|I quit the gym in February|J'ai résilié mon abonnement à la salle de sport en février|Am I still a member of the fitness club?;Est-ce que je paie toujours pour la musculation ?
episode|episode|Lina got her braces off|Lina s'est fait enlever son appareil dentaire|Are Lina's teeth straight now?;Lina porte-t-elle encore des bagues ?
reminder|reminder|Cancel the magazine subscription before the 20th|Résilier l'abonnement au magazine avant le 20|Which periodical do I need to stop?;Quelle revue faut-il arrêter ?
reminder|reminder|Bring the library books back on Thursday|Rendre les livres à la bibliothèque jeudi|When are the borrowed novels due?;Quand rapporter les romans empruntés ?
reminder|reminder|Book a haircut for next week|Prendre rendez-vous chez le coiffeur la semaine prochaine|Do I need to see the barber?;Faut-il que je me fasse couper les cheveux ?
reminder|reminder|Order more printer paper|Commander du papier pour l'imprimante|What office supplies are we short of?;Qu'est-ce qui manque pour imprimer ?
`;

/** The third development set's facts and questions, deterministic for a seed. */
export function generateThirdDevSet(seed = 2718): {
  facts: BenchFact[];
  questions: BenchQuestion[];
} {
  return parseDevTable(THIRD_DEV, 'dev3', seed);
}

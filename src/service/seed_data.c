/* seed_data.c: the demo's fixed tables: genres, publishers, and public-domain classics. */
#include "service/seed_data.h"

const struct seed_category seed_categories[] = {
    {"fiction", "Fiction", NULL, "Novels and stories, from the classics to this year's debuts."},
    {"fantasy", "Fantasy", "fiction", "Magic, myth and other worlds."},
    {"science-fiction", "Science Fiction", "fiction",
     "Futures, far stars and the science of what if."},
    {"mystery", "Mystery & Crime", "fiction", "Detectives, puzzles and the people who solve them."},
    {"thriller", "Thriller & Suspense", "fiction", "Page-turners with the clock running."},
    {"romance", "Romance", "fiction", "Love stories, sweet and otherwise."},
    {"literary-fiction", "Literary Fiction", "fiction",
     "Character, voice and the shape of a life."},
    {"historical-fiction", "Historical Fiction", "fiction", "Stories set in the past, told now."},
    {"horror", "Horror", "fiction", "Dread, the uncanny and things that knock at night."},
    {"classics", "Classics", "fiction", "Books that outlived their authors, in fresh editions."},
    {"non-fiction", "Non-fiction", NULL, "True stories, big ideas and practical guides."},
    {"history", "History", "non-fiction", "Empires, revolutions and the lives inside them."},
    {"science", "Science & Nature", "non-fiction", "How the world works, from cells to galaxies."},
    {"biography", "Biography & Memoir", "non-fiction", "Lives, told by others and by themselves."},
    {"business", "Business & Economics", "non-fiction", "Markets, money and the work of building."},
    {"self-help", "Self-help", "non-fiction", "Habits, health and a calmer mind."},
    {"philosophy", "Philosophy", "non-fiction", "The old questions, asked again."},
    {"travel", "Travel", "non-fiction", "Journeys, places and the people met on the way."},
    {"childrens", "Children's", NULL, "Picture books, first chapters and bedtime stories."},
    {"poetry", "Poetry", NULL, "Verse old and new."},
    {"comics", "Comics & Graphic Novels", NULL, "Stories told in panels."},
};
const size_t seed_n_categories = sizeof(seed_categories) / sizeof(seed_categories[0]);

const struct seed_publisher seed_publishers[] = {
    {"mangu-classics", "Mangu Classics", "Carefully edited public-domain classics, free or nearly.",
     "https://classics.mangu.example"},
    {"lantern-house", "Lantern House", "Literary and historical fiction since 1998.",
     "https://lanternhouse.example"},
    {"northwind-press", "Northwind Press", "Science fiction and fantasy from new and loved voices.",
     "https://northwind.example"},
    {"harbor-and-finch", "Harbor & Finch", "Crime, suspense and the occasional ghost.",
     "https://harborfinch.example"},
    {"juniper-books", "Juniper Books", "Romance, comics and books for younger readers.",
     "https://juniper.example"},
    {"meridian-editions", "Meridian Editions", "Non-fiction for the curious.",
     "https://meridian.example"},
    {"editorial-alba", "Editorial Alba", "Narrativa en español.", "https://alba.example"},
    {"editions-du-phare", "Éditions du Phare", "Romans et récits en langue française.",
     "https://phare.example"},
    {"kranich-verlag", "Kranich Verlag", "Erzählende Literatur auf Deutsch.",
     "https://kranich.example"},
};
const size_t seed_n_publishers = sizeof(seed_publishers) / sizeof(seed_publishers[0]);

const struct seed_person seed_people[] = {
    {"jane-austen", "Jane Austen",
     "Jane Austen (1775–1817) was an English novelist whose six major novels, among them Pride and "
     "Prejudice and Emma, turned the comedy of manners into a study of money, class and the "
     "heart."},
    {"charles-dickens", "Charles Dickens",
     "Charles Dickens (1812–1870) was the most popular English novelist of the Victorian age. His "
     "serialised novels gave the world Oliver Twist, Ebenezer Scrooge and Pip."},
    {"lewis-carroll", "Lewis Carroll",
     "Lewis Carroll was the pen name of Charles Lutwidge Dodgson (1832–1898), an Oxford "
     "mathematician whose Alice books remain the high-water mark of literary nonsense."},
    {"mary-shelley", "Mary Shelley",
     "Mary Wollstonecraft Shelley (1797–1851) began Frankenstein at nineteen during a summer by "
     "Lake Geneva and so, many argue, invented science fiction."},
    {"bram-stoker", "Bram Stoker",
     "Bram Stoker (1847–1912) was an Irish novelist and theatre manager, best remembered for "
     "Dracula, the epistolary novel that defined the modern vampire."},
    {"arthur-conan-doyle", "Arthur Conan Doyle",
     "Sir Arthur Conan Doyle (1859–1930) was a Scottish physician and writer who created Sherlock "
     "Holmes, the consulting detective of 221B Baker Street."},
    {"mark-twain", "Mark Twain",
     "Mark Twain, born Samuel Langhorne Clemens (1835–1910), grew up on the Mississippi and became "
     "America's great humorist and the author of Huckleberry Finn."},
    {"herman-melville", "Herman Melville",
     "Herman Melville (1819–1891) sailed on whalers in the Pacific before writing Moby-Dick, a "
     "commercial failure in his lifetime and an American cornerstone since."},
    {"h-g-wells", "H. G. Wells",
     "Herbert George Wells (1866–1946) wrote the scientific romances — The Time Machine, The War "
     "of "
     "the Worlds — that set the themes of a century of science fiction."},
    {"jules-verne", "Jules Verne",
     "Jules Verne (1828–1905) was a French novelist whose Voyages extraordinaires took readers "
     "under "
     "the sea, around the world and to the centre of the Earth."},
    {"leo-tolstoy", "Leo Tolstoy",
     "Count Leo Tolstoy (1828–1910) was a Russian novelist whose War and Peace and Anna Karenina "
     "are often named the greatest novels ever written."},
    {"fyodor-dostoevsky", "Fyodor Dostoevsky",
     "Fyodor Dostoevsky (1821–1881) survived a mock execution and Siberian exile to write novels "
     "of "
     "guilt, faith and freedom that shaped modern fiction."},
    {"charlotte-bronte", "Charlotte Brontë",
     "Charlotte Brontë (1816–1855), eldest of the three Brontë sisters to reach adulthood, "
     "published "
     "Jane Eyre in 1847 under the name Currer Bell."},
    {"emily-bronte", "Emily Brontë",
     "Emily Brontë (1818–1848) wrote poetry and a single novel, Wuthering Heights, a wild story of "
     "love and revenge on the Yorkshire moors."},
    {"oscar-wilde", "Oscar Wilde",
     "Oscar Wilde (1854–1900) was an Irish poet and playwright, the wit of London's stages and the "
     "author of one novel, The Picture of Dorian Gray."},
    {"edgar-allan-poe", "Edgar Allan Poe",
     "Edgar Allan Poe (1809–1849) was an American poet, critic and master of the macabre tale, and "
     "the inventor of the detective story."},
    {"franz-kafka", "Franz Kafka",
     "Franz Kafka (1883–1924) was a Prague insurance clerk who wrote in German at night; his "
     "stories "
     "of bewildered people facing faceless power gave us the word Kafkaesque."},
    {"virginia-woolf", "Virginia Woolf",
     "Virginia Woolf (1882–1941) was an English modernist who remade the novel around the flow of "
     "consciousness in Mrs Dalloway and To the Lighthouse."},
    {"victor-hugo", "Victor Hugo",
     "Victor Hugo (1802–1885) was a French poet, playwright and novelist, the great voice of "
     "French Romanticism and the author of Les Misérables and Notre-Dame de Paris."},
    {"gustave-flaubert", "Gustave Flaubert",
     "Gustave Flaubert (1821–1880) was a Norman novelist obsessed with le mot juste; his Madame "
     "Bovary caused a scandal and founded a school."},
    {"miguel-de-cervantes", "Miguel de Cervantes",
     "Miguel de Cervantes (1547–1616) was a soldier, tax collector and captive in Algiers before "
     "he wrote Don Quixote, often called the first modern novel."},
    {"benito-perez-galdos", "Benito Pérez Galdós",
     "Benito Pérez Galdós (1843–1920) was the great Spanish realist, chronicler of nineteenth-"
     "century Madrid and author of the Episodios nacionales."},
    {"johann-wolfgang-von-goethe", "Johann Wolfgang von Goethe",
     "Johann Wolfgang von Goethe (1749–1832) was a poet, scientist and statesman in Weimar, and "
     "is counted the greatest writer in the German language."},
    {"robert-louis-stevenson", "Robert Louis Stevenson",
     "Robert Louis Stevenson (1850–1894) was a Scottish novelist and travel writer who gave us "
     "Treasure Island and Jekyll and Hyde before settling in Samoa."},
    {"emily-dickinson", "Emily Dickinson",
     "Emily Dickinson (1830–1886) lived quietly in Amherst, Massachusetts and left nearly 1,800 "
     "poems, almost all published after her death."},
    {"walt-whitman", "Walt Whitman",
     "Walt Whitman (1819–1892) was an American poet, journalist and wartime nurse who revised "
     "Leaves "
     "of Grass for the whole of his life."},
    {"louisa-may-alcott", "Louisa May Alcott",
     "Louisa May Alcott (1832–1888) was an American novelist and abolitionist whose Little Women "
     "drew on her own childhood with three sisters."},
    {"l-frank-baum", "L. Frank Baum",
     "Lyman Frank Baum (1856–1919) was an American author of children's books who wrote fourteen "
     "novels set in the Land of Oz."},
    {"kenneth-grahame", "Kenneth Grahame",
     "Kenneth Grahame (1859–1932) was secretary of the Bank of England and wrote The Wind in the "
     "Willows from bedtime stories told to his son."},
    {"charles-darwin", "Charles Darwin",
     "Charles Darwin (1809–1882) was an English naturalist whose voyage on HMS Beagle led to the "
     "theory of evolution by natural selection."},
    {"sun-tzu", "Sun Tzu",
     "Sun Tzu was a Chinese general and strategist of the fifth century BC, traditionally credited "
     "with The Art of War."},
    {"marcus-aurelius", "Marcus Aurelius",
     "Marcus Aurelius (121–180) was Roman emperor and Stoic philosopher; his private notebooks "
     "became the Meditations."},
    {"benjamin-franklin", "Benjamin Franklin",
     "Benjamin Franklin (1706–1790) was a printer, scientist, diplomat and one of the founders of "
     "the United States."},
    {"frederick-douglass", "Frederick Douglass",
     "Frederick Douglass (c. 1818–1895) escaped slavery in Maryland and became the most "
     "influential "
     "abolitionist orator and writer of his age."},
    {"edward-gibbon", "Edward Gibbon",
     "Edward Gibbon (1737–1794) was an English historian and member of Parliament whose Decline "
     "and "
     "Fall set the standard for narrative history."},
};
const size_t seed_n_people = sizeof(seed_people) / sizeof(seed_people[0]);

#define C(title, sub, author, genre, lang, year, pages, blurb)                                     \
    {                                                                                              \
        title, sub, author, genre, lang, year, pages, blurb                                        \
    }

const struct seed_classic seed_classics[] = {
    C("Pride and Prejudice", NULL, "jane-austen", "romance", "en", 1813, 432,
      "When the wealthy and aloof Mr Darcy snubs Elizabeth Bennet at a country ball, neither "
      "imagines how thoroughly they have misjudged each other. Austen's sparkling comedy of "
      "manners is still the model of the romantic novel."),
    C("Emma", NULL, "jane-austen", "classics", "en", 1815, 474,
      "Handsome, clever and rich, Emma Woodhouse is sure she knows best about everyone's heart "
      "but her own. Austen's most playful novel follows a matchmaker whose schemes go gloriously "
      "wrong."),
    C("Persuasion", NULL, "jane-austen", "romance", "en", 1817, 249,
      "Eight years after she was persuaded to break off her engagement to a penniless naval "
      "officer, Anne Elliot meets Captain Wentworth again, now rich and famous. Austen's last "
      "completed novel is her most tender."),
    C("A Tale of Two Cities", NULL, "charles-dickens", "historical-fiction", "en", 1859, 489,
      "It was the best of times, it was the worst of times. Between London and revolutionary "
      "Paris, a doctor freed from the Bastille, his daughter and two men who love her are caught "
      "up in the Terror."),
    C("Great Expectations", NULL, "charles-dickens", "classics", "en", 1861, 544,
      "An orphan named Pip helps an escaped convict on the marshes and, years later, finds himself "
      "the heir of a mysterious benefactor. Dickens's darkest comedy of ambition and shame."),
    C("A Christmas Carol", "In Prose, Being a Ghost Story of Christmas", "charles-dickens",
      "classics", "en", 1843, 104,
      "On Christmas Eve the miser Ebenezer Scrooge is visited by the ghost of his partner and by "
      "three spirits who show him what he was, what he is and what he will be."),
    C("Oliver Twist", NULL, "charles-dickens", "classics", "en", 1838, 608,
      "Born in a workhouse and sold into apprenticeship, Oliver runs away to London and falls in "
      "with the Artful Dodger, Fagin and the terrifying Bill Sikes."),
    C("Alice's Adventures in Wonderland", NULL, "lewis-carroll", "childrens", "en", 1865, 96,
      "Alice follows a White Rabbit down a hole and into a world of mad tea parties, a grinning "
      "cat and a queen who wants everyone's head. The nonsense classic, complete."),
    C("Through the Looking-Glass", "And What Alice Found There", "lewis-carroll", "childrens", "en",
      1871, 112,
      "Alice climbs through the mirror above the fireplace into a country laid out like a "
      "chessboard, and sets out to become a queen. With Jabberwocky and the Walrus and the "
      "Carpenter."),
    C("Frankenstein", "or, The Modern Prometheus", "mary-shelley", "horror", "en", 1818, 280,
      "Victor Frankenstein builds a living being from the remains of the dead and flees from what "
      "he has made. The creature's revenge, and his longing, drive one of the first and finest "
      "works of science fiction."),
    C("Dracula", NULL, "bram-stoker", "horror", "en", 1897, 418,
      "Jonathan Harker travels to Transylvania to sell a London house to a nobleman who casts no "
      "reflection. Told in letters and diaries, the novel that made the vampire immortal."),
    C("The Hound of the Baskervilles", NULL, "arthur-conan-doyle", "mystery", "en", 1902, 256,
      "A legend of a spectral hound haunts the Baskerville family, and now Sir Charles lies dead "
      "on "
      "the moor with giant footprints beside him. Sherlock Holmes's most famous case."),
    C("A Study in Scarlet", NULL, "arthur-conan-doyle", "mystery", "en", 1887, 176,
      "Back from Afghanistan, Dr John Watson takes rooms at 221B Baker Street with a peculiar "
      "young man. A body in an empty house, and a word in blood, bring Holmes his first case."),
    C("The Adventures of Sherlock Holmes", NULL, "arthur-conan-doyle", "mystery", "en", 1892, 307,
      "Twelve cases from the casebook of the world's first consulting detective, from A Scandal "
      "in Bohemia to The Adventure of the Copper Beeches."),
    C("Adventures of Huckleberry Finn", NULL, "mark-twain", "classics", "en", 1884, 366,
      "Escaping his violent father, Huck Finn rafts down the Mississippi with Jim, a man fleeing "
      "slavery. Twain's great novel of friendship, conscience and the river."),
    C("The Adventures of Tom Sawyer", NULL, "mark-twain", "childrens", "en", 1876, 274,
      "Fence-painting, pirate games and a murder witnessed in a graveyard at midnight: a boyhood "
      "in a Mississippi river town, told with Twain's mischief."),
    C("Moby-Dick", "or, The Whale", "herman-melville", "classics", "en", 1851, 635,
      "Call me Ishmael. A sailor signs on to the whaler Pequod and learns that Captain Ahab means "
      "to hunt down the white whale that took his leg, whatever it costs."),
    C("Bartleby, the Scrivener", "A Story of Wall Street", "herman-melville", "literary-fiction",
      "en", 1853, 64,
      "A Wall Street lawyer hires a quiet copyist who one day answers every request with the same "
      "words: I would prefer not to. A strange, funny and haunting story."),
    C("The Time Machine", NULL, "h-g-wells", "science-fiction", "en", 1895, 118,
      "A Victorian inventor travels to the year 802,701 and finds humanity divided into the "
      "gentle Eloi and the Morlocks who live below. The novella that named a genre's favourite "
      "device."),
    C("The War of the Worlds", NULL, "h-g-wells", "science-fiction", "en", 1898, 192,
      "Cylinders fall on the commons of Surrey, and out of them come the Martians. A narrator "
      "flees across a burning England in the first great alien invasion story."),
    C("The Invisible Man", "A Grotesque Romance", "h-g-wells", "science-fiction", "en", 1897, 149,
      "A bandaged stranger takes a room at a village inn in winter. Beneath the bandages there is "
      "nothing at all, and a scientist undone by his own discovery."),
    C("Twenty Thousand Leagues Under the Seas", NULL, "jules-verne", "science-fiction", "en", 1870,
      426,
      "A professor, his servant and a harpooner are taken aboard the Nautilus, the submarine of "
      "the mysterious Captain Nemo, for a voyage through the wonders of the deep."),
    C("Le Tour du monde en quatre-vingts jours", NULL, "jules-verne", "classics", "fr", 1872, 320,
      "Pour gagner un pari de vingt mille livres, le flegmatique Phileas Fogg et son valet "
      "Passepartout se lancent dans un tour du monde en quatre-vingts jours, poursuivis par "
      "l'inspecteur Fix."),
    C("Anna Karenina", NULL, "leo-tolstoy", "literary-fiction", "en", 1878, 864,
      "Happy families are all alike. Anna leaves her husband for the dashing Count Vronsky, while "
      "the landowner Levin searches for meaning on his estate. Tolstoy's masterpiece of love and "
      "society."),
    C("War and Peace", NULL, "leo-tolstoy", "historical-fiction", "en", 1869, 1296,
      "Five aristocratic families live through Napoleon's invasion of Russia. From ballrooms to "
      "Borodino, Tolstoy's vast novel of history and ordinary lives."),
    C("Crime and Punishment", NULL, "fyodor-dostoevsky", "literary-fiction", "en", 1866, 545,
      "Raskolnikov, a penniless former student in St Petersburg, kills an old pawnbroker to prove "
      "a theory, and is hunted by his conscience and a patient magistrate."),
    C("The Brothers Karamazov", NULL, "fyodor-dostoevsky", "literary-fiction", "en", 1880, 796,
      "A dissolute father is murdered, and each of his sons — sensual Dmitri, rational Ivan, "
      "devout Alyosha — bears some share of the guilt. Dostoevsky's final and greatest novel."),
    C("Notes from Underground", NULL, "fyodor-dostoevsky", "philosophy", "en", 1864, 136,
      "A bitter retired official addresses the reader from his corner of St Petersburg, raging "
      "against reason and progress. The first great existentialist novel."),
    C("Jane Eyre", "An Autobiography", "charlotte-bronte", "romance", "en", 1847, 532,
      "An orphan who survives a cruel school becomes governess at Thornfield Hall, where she falls "
      "in love with its brooding master and hears strange laughter in the night."),
    C("Wuthering Heights", NULL, "emily-bronte", "classics", "en", 1847, 416,
      "Taken in as a foundling, Heathcliff grows up beside Catherine Earnshaw and loses her to "
      "another man. His revenge spans two generations on the wild Yorkshire moors."),
    C("The Picture of Dorian Gray", NULL, "oscar-wilde", "horror", "en", 1890, 254,
      "A beautiful young man wishes that his portrait would age instead of him, and the wish is "
      "granted. Wilde's only novel is a gothic fable of vanity and corruption."),
    C("The Importance of Being Earnest", "A Trivial Comedy for Serious People", "oscar-wilde",
      "classics", "en", 1895, 96,
      "Two young men invent alter egos to escape their obligations and find that both are courting "
      "under the name Ernest. Wilde's most perfect comedy."),
    C("Tales of Mystery and Imagination", NULL, "edgar-allan-poe", "horror", "en", 1908, 352,
      "The Fall of the House of Usher, The Tell-Tale Heart, The Pit and the Pendulum, The "
      "Murders in the Rue Morgue and more: Poe's finest tales of terror and deduction."),
    C("The Raven and Other Poems", NULL, "edgar-allan-poe", "poetry", "en", 1845, 96,
      "Once upon a midnight dreary: Poe's own collection of his verse, with The Raven, "
      "Lenore and The Haunted Palace."),
    C("The Metamorphosis", NULL, "franz-kafka", "literary-fiction", "en", 1915, 72,
      "Gregor Samsa, a travelling salesman, wakes one morning to find himself transformed into a "
      "monstrous insect. His family's response is the real horror."),
    C("Die Verwandlung", NULL, "franz-kafka", "classics", "de", 1915, 80,
      "Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er sich in seinem Bett "
      "zu einem ungeheueren Ungeziefer verwandelt. Kafkas berühmteste Erzählung."),
    C("The Trial", NULL, "franz-kafka", "literary-fiction", "en", 1925, 256,
      "Someone must have slandered Josef K., for one morning he is arrested without having done "
      "anything wrong. Kafka's nightmare of a court that never names the charge."),
    C("Mrs Dalloway", NULL, "virginia-woolf", "literary-fiction", "en", 1925, 194,
      "Clarissa Dalloway buys the flowers herself on a June day in London and prepares for a "
      "party, "
      "while a shell-shocked veteran walks the same streets. A single day, and a whole life."),
    C("To the Lighthouse", NULL, "virginia-woolf", "literary-fiction", "en", 1927, 209,
      "The Ramsay family summers on the Isle of Skye, where a promised trip to the lighthouse is "
      "put off, and put off again, across ten years and a war."),
    C("Jacob's Room", NULL, "virginia-woolf", "literary-fiction", "en", 1922, 176,
      "A young man's life from a Cornish beach to Cambridge and London, seen only through the "
      "people around him. Woolf's first experimental novel."),
    C("Les Misérables", NULL, "victor-hugo", "historical-fiction", "fr", 1862, 1488,
      "Libéré du bagne, Jean Valjean tente de se racheter, traqué sans relâche par l'inspecteur "
      "Javert. De Digne aux barricades de Paris, la grande fresque de Victor Hugo."),
    C("Notre-Dame de Paris", NULL, "victor-hugo", "historical-fiction", "fr", 1831, 640,
      "Dans le Paris de 1482, le sonneur Quasimodo, l'archidiacre Frollo et la belle Esmeralda se "
      "croisent à l'ombre de la cathédrale."),
    C("Madame Bovary", "Mœurs de province", "gustave-flaubert", "literary-fiction", "fr", 1857, 480,
      "Mariée à un médecin de campagne, Emma Bovary rêve d'amours romanesques et de vie "
      "parisienne. Le roman qui valut un procès à Flaubert."),
    C("Don Quijote de la Mancha", NULL, "miguel-de-cervantes", "classics", "es", 1605, 1104,
      "Un hidalgo manchego pierde el juicio leyendo libros de caballerías y sale a los caminos con "
      "su escudero Sancho Panza a deshacer entuertos."),
    C("Fortunata y Jacinta", "Dos historias de casadas", "benito-perez-galdos", "literary-fiction",
      "es", 1887, 912,
      "En el Madrid de la Restauración, dos mujeres de clases opuestas aman al mismo hombre. La "
      "obra maestra del realismo español."),
    C("Die Leiden des jungen Werthers", NULL, "johann-wolfgang-von-goethe", "romance", "de", 1774,
      160,
      "In Briefen an seinen Freund erzählt der junge Werther von seiner unglücklichen Liebe zu "
      "Lotte, die einem anderen versprochen ist. Der Roman, der eine Epoche erschütterte."),
    C("Treasure Island", NULL, "robert-louis-stevenson", "childrens", "en", 1883, 292,
      "Young Jim Hawkins finds a treasure map in a dead pirate's sea chest and sails for a distant "
      "island with a crew that includes the one-legged cook Long John Silver."),
    C("Strange Case of Dr Jekyll and Mr Hyde", NULL, "robert-louis-stevenson", "horror", "en", 1886,
      96,
      "A London lawyer investigates the connection between his respected friend Dr Jekyll and the "
      "brutal Edward Hyde. The answer became a byword for the divided self."),
    C("Poems", "Series One", "emily-dickinson", "poetry", "en", 1890, 152,
      "The first collection of Emily Dickinson's poems, published four years after her death: "
      "dashes, slant rhyme and a mind like no other."),
    C("Leaves of Grass", NULL, "walt-whitman", "poetry", "en", 1855, 432,
      "I celebrate myself, and sing myself. Whitman's expansive, democratic free verse, the book "
      "he spent his life rewriting."),
    C("Little Women", NULL, "louisa-may-alcott", "classics", "en", 1868, 759,
      "Meg, Jo, Beth and Amy March come of age in Massachusetts while their father is away at war. "
      "A beloved story of sisters, ambition and home."),
    C("The Wonderful Wizard of Oz", NULL, "l-frank-baum", "childrens", "en", 1900, 154,
      "A cyclone carries Dorothy and her dog Toto from Kansas to the Land of Oz, where she follows "
      "the yellow brick road in search of a way home."),
    C("The Wind in the Willows", NULL, "kenneth-grahame", "childrens", "en", 1908, 302,
      "Mole leaves his spring cleaning for the riverbank, where he meets Ratty, the wise Badger "
      "and "
      "the incorrigible, motor-car-mad Mr Toad."),
    C("On the Origin of Species", NULL, "charles-darwin", "science", "en", 1859, 502,
      "Darwin's argument for evolution by natural selection, drawn from pigeons, barnacles and the "
      "finches of the Galápagos. The book that changed biology."),
    C("The Art of War", NULL, "sun-tzu", "business", "en", 1910, 112,
      "The ancient Chinese treatise on strategy, in Lionel Giles's classic translation: know the "
      "enemy, know yourself, and win without fighting."),
    C("Meditations", NULL, "marcus-aurelius", "philosophy", "en", 1862, 254,
      "The private reflections of a Roman emperor on duty, mortality and keeping one's mind calm. "
      "Stoic philosophy at its most personal."),
    C("The Autobiography of Benjamin Franklin", NULL, "benjamin-franklin", "biography", "en", 1791,
      240,
      "A runaway apprentice becomes a printer, scientist and statesman. Franklin's own account of "
      "his life, with his famous plan for moral perfection."),
    C("Narrative of the Life of Frederick Douglass", "An American Slave", "frederick-douglass",
      "biography", "en", 1845, 125,
      "Douglass's account of his life in slavery, his self-education and his escape: one of the "
      "most powerful documents in American history."),
    C("The History of the Decline and Fall of the Roman Empire", "Volume I", "edward-gibbon",
      "history", "en", 1776, 590,
      "From the age of the Antonines to the crises of the third century, the first volume of "
      "Gibbon's monumental history of how Rome fell."),
};
const size_t seed_n_classics = sizeof(seed_classics) / sizeof(seed_classics[0]);

size_t seed_bank_len(const char *const list[SEED_BANK])
{
    size_t n = 0;

    while (n < SEED_BANK && list[n])
        n++;
    return n;
}

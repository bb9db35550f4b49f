/**
 * Race phrase banks (the nine SRD 5.1 races), hand-written so two characters of different races read
 * differently. Templates: `{name}`, `{race}`, `{homeland}`; `[a|b]` picks one.
 */
export interface RaceBank {
  /** Words that identify the race in free text ("hill dwarf" -> dwarf); longest match wins. */
  aliases: readonly string[];
  names: readonly string[];
  homelands: readonly string[];
  upbringing: readonly string[];
  looks: readonly string[];
  values: readonly string[];
}

export const RACES = {
  dwarf: {
    aliases: ['dwarf', 'dwarven', 'duergar'],
    names: ['Thorin', 'Bruenor', 'Dagnal', 'Eberk', 'Helja', 'Kildrak', 'Vistra', 'Torbera', 'Rurik', 'Amber'],
    homelands: ['the deep halls of Khazad Ruhn', 'a hold carved under the Grey Peaks', 'the mining town of Copperbottom', 'the sunken forges of Ironmere'],
    upbringing: [
      '{name} grew up in {homeland}, where a clan measured its honour in finished work and unpaid debts.',
      'In {homeland}, every dwarf learns the names of their ancestors before they learn to swing a hammer, and {name} learned both early.',
      '{name} was raised in {homeland}, counting [seams of silver|stone-cut stairs|the hours by the forge bell] and listening to grudges older than the mountain.',
    ],
    looks: [
      'a beard braided with [copper|iron|silver] rings',
      'hands scarred by forge sparks',
      'a stout frame that doors seem built too narrow for',
      'a stare as steady as bedrock',
    ],
    values: ['clan and craft', 'oaths kept to the letter', 'the memory of the ancestors', 'stone that outlasts every king'],
  },
  elf: {
    aliases: ['elf', 'elven', 'eladrin', 'drow'],
    names: ['Aelar', 'Shava', 'Thamior', 'Naivara', 'Erevan', 'Sariel', 'Quelenna', 'Varis', 'Lia', 'Galinndan'],
    homelands: ['the moonlit groves of Silverwood', 'the spired city of Evermeet', 'a hidden vale where the river sings', 'the old forest of Aeth Lorien'],
    upbringing: [
      '{name} spent a century in {homeland} before anyone there thought them grown, learning song, bow and patience in that order.',
      'Born in {homeland}, {name} was taught that a human life is a single season and that seasons still matter.',
      '{name} came of age in {homeland}, where [memory is kept in song|every tree has a name|the stars are read like letters].',
    ],
    looks: [
      'eyes like [polished jade|winter starlight|amber held to a flame]',
      'a stillness that unsettles shorter-lived folk',
      'ears adorned with fine silver chains',
      'a voice that carries without being raised',
    ],
    values: ['beauty that takes centuries to make', 'freedom above order', 'the long view of history', 'the old bonds between elves and the wild'],
  },
  halfling: {
    aliases: ['halfling', 'hobbit', 'lightfoot', 'stout'],
    names: ['Lyle', 'Cora', 'Merric', 'Seraphina', 'Perrin', 'Verna', 'Milo', 'Andry', 'Roscoe', 'Kithri'],
    homelands: [
      'the green hills of Meadowmere',
      'a riverside village called Little Bramble',
      'a caravan that never stayed anywhere long',
      'the burrows of Thistledown',
    ],
    upbringing: [
      '{name} grew up in {homeland}, where the biggest worries were the harvest, the neighbours and who had eaten the last pie.',
      'In {homeland}, {name} learned that good luck favours those who keep their heads down and their ears open.',
      '{name} was raised among the many cousins of {homeland}, [every one of them with an opinion|every one of them a storyteller|none of them ever on time].',
    ],
    looks: [
      'curly hair that refuses any comb',
      'a grin that arrives before the rest of them',
      'bare feet hardened by a thousand miles',
      'pockets that are never quite empty',
    ],
    values: ['hearth, friends and a full table', 'small kindnesses', 'a good meal shared', 'the quiet courage of ordinary folk'],
  },
  human: {
    aliases: ['human', 'humans', 'variant human'],
    names: ['Aldric', 'Mara', 'Bran', 'Elena', 'Tomas', 'Jhessail', 'Roderic', 'Isolde', 'Kethra', 'Marcus'],
    homelands: ['the walled city of Greyhaven', 'a fishing village on the Storm Coast', 'the farmlands outside Westbridge', 'the crowded wards of Port Valen'],
    upbringing: [
      '{name} was born in {homeland}, one of countless humans who have only a few decades to leave a mark on the world.',
      'Growing up in {homeland} taught {name} that ambition is the only inheritance a common family can give.',
      '{name} grew up in {homeland}, [restless from the first day|always asking what lay past the next hill|never content with the life laid out for them].',
    ],
    looks: [
      'a face weathered beyond its years',
      'a soldier’s posture that never quite relaxes',
      'a travelling cloak patched a dozen times',
      'a ready, crooked smile',
    ],
    values: ['making each short year count', 'ambition and reinvention', 'the family that raised them', 'a name that will outlive them'],
  },
  dragonborn: {
    aliases: ['dragonborn'],
    names: ['Arjhan', 'Kava', 'Medrash', 'Sora', 'Balasar', 'Thava', 'Ghesh', 'Biri', 'Torinn', 'Harann'],
    homelands: [
      'the clan citadel of Vor Tirath',
      'the scorched plateaus of the Ashen Reach',
      'a refugee quarter of a human city',
      'the basalt towers of Kethendar',
    ],
    upbringing: [
      '{name} was raised in {homeland}, where every dragonborn owes the clan a debt of excellence before any debt to the gods.',
      'In {homeland}, {name} learned that failure shames the whole clan, and that the clan never forgets.',
      '{name} grew up in {homeland}, [training each dawn until their breath came as fire|reciting the deeds of draconic forebears|competing with siblings for the elders’ notice].',
    ],
    looks: [
      '[bronze|crimson|brass|sapphire] scales that catch the light',
      'a tail that betrays every temper',
      'a heavy, draconic brow',
      'the faint smell of smoke and ozone',
    ],
    values: ['the honour of the clan', 'self-mastery', 'excellence in every task', 'debts repaid in full'],
  },
  gnome: {
    aliases: ['gnome', 'gnomish', 'forest gnome', 'rock gnome'],
    names: ['Boddynock', 'Nissa', 'Fonkin', 'Carlin', 'Orla', 'Zook', 'Bimpnottin', 'Ellyjobell', 'Wrenn', 'Tana'],
    homelands: [
      'the burrow-workshops of Tinker’s Hollow',
      'a hidden warren under Oakenroot',
      'the clockwork quarter of Gearhaven',
      'a mossy glen full of illusions',
    ],
    upbringing: [
      '{name} grew up in {homeland}, taking apart every music box within reach and rebuilding most of them.',
      'In {homeland}, {name} learned that the world is a puzzle, and that puzzles are the best part of the world.',
      '{name} was raised in {homeland}, [surrounded by half-finished inventions|among relatives who never stopped talking|where every question earned three more].',
    ],
    looks: ['eyes that sparkle with mischief', 'a nose smudged with soot and oil', 'goggles pushed up into wild hair', 'a coat with too many pockets'],
    values: ['curiosity above caution', 'laughter in hard times', 'clever solutions', 'the joy of making things'],
  },
  'half-elf': {
    aliases: ['half-elf', 'half elf', 'halfelf', 'half-elven'],
    names: ['Tharivol', 'Ilyana', 'Corran', 'Laurel', 'Sylvar', 'Arwen', 'Davin', 'Kerrith', 'Maelis', 'Evander'],
    homelands: [
      'a border town between the forest and the farmland',
      'the port city of Lyrellan',
      'an elven court that never quite welcomed them',
      'a human village that never quite understood them',
    ],
    upbringing: [
      '{name} grew up in {homeland}, too human for the elves and too elven for the humans.',
      'Raised in {homeland}, {name} learned early to read a room and belong to it for as long as needed.',
      '{name} was raised in {homeland}, [carrying two names for two worlds|translating between two families|learning to make a home wherever they stood].',
    ],
    looks: [
      'softly pointed ears half hidden under their hair',
      'an elven grace and a human restlessness',
      'eyes that hold two heritages',
      'an easy, practised charm',
    ],
    values: ['belonging on their own terms', 'freedom from expectation', 'the friends they choose', 'bridging divided peoples'],
  },
  'half-orc': {
    aliases: ['half-orc', 'half orc', 'halforc', 'orc'],
    names: ['Dench', 'Ovak', 'Baggi', 'Shautha', 'Holg', 'Engong', 'Krusk', 'Sutha', 'Thokk', 'Volen'],
    homelands: [
      'an orc war camp in the Thunder Steppes',
      'the slums of a frontier city',
      'a mercenary company on the march',
      'a farming village that took in a foundling',
    ],
    upbringing: [
      '{name} grew up in {homeland}, where strength was the first language and respect had to be taken.',
      'In {homeland}, {name} learned that people see the tusks before the person, and decided to be worth a second look.',
      '{name} was raised in {homeland}, [fighting for every scrap|sheltered by an unlikely guardian|proving themselves twice to be counted once].',
    ],
    looks: [
      '[greyish|grey-green|ash-dark] skin marked with old scars',
      'tusks filed blunt out of courtesy',
      'a frame built for hard labour',
      'a scowl that hides a soft heart',
    ],
    values: ['strength used well', 'loyalty to those who stood by them', 'respect earned, never given', 'proving the world wrong'],
  },
  tiefling: {
    aliases: ['tiefling', 'tieflings'],
    names: ['Akmenos', 'Damaia', 'Mordai', 'Kallista', 'Ekemon', 'Nemeia', 'Skamos', 'Orianna', 'Leucis', 'Rieta'],
    homelands: [
      'the shadowed alleys of Sable Harbour',
      'a crumbling infernal cathedral',
      'a travelling carnival of outcasts',
      'a city that locked its gates at their birth',
    ],
    upbringing: [
      '{name} grew up in {homeland}, learning that most doors close when people see horns and a tail.',
      'Born in {homeland}, {name} carried an infernal bloodline they never chose and a temper they learned to master.',
      '{name} was raised in {homeland}, [trusting few and forgiving fewer|charming whoever could not be avoided|hiding their heritage under a deep hood].',
    ],
    looks: [
      'curling horns [polished to a shine|wrapped in silver wire|chipped from an old fight]',
      'eyes of solid [gold|crimson|silver]',
      'a restless, whip-like tail',
      'the faint scent of brimstone',
    ],
    values: ['self-reliance', 'a fate of their own choosing', 'the few who looked past the horns', 'defiance of every prejudice'],
  },
} satisfies Record<string, RaceBank>;

export type RaceKey = keyof typeof RACES;

/** For races the banks do not know (homebrew, other books): generic but still names the race. */
export const UNKNOWN_RACE: RaceBank = {
  aliases: [],
  names: ['Ash', 'Rhen', 'Sable', 'Quill', 'Tamsin', 'Orrin', 'Vale', 'Juno'],
  homelands: ['a distant land few maps show', 'a small, close-knit community far from here', 'a homeland now lost to war'],
  upbringing: [
    '{name} grew up in {homeland}, among the {race} folk, learning their customs before learning anyone else’s.',
    'Few in these lands have met one of the {race} people, and {name} has grown used to curious stares since leaving {homeland}.',
  ],
  looks: ['features unusual in these lands', 'a bearing that marks them as far from home', 'clothing in a foreign cut'],
  values: ['the customs of home', 'the people left behind', 'finding a place in a wider world'],
};

/**
 * Class phrase banks (the twelve SRD 5.1 classes). Templates: `{name}`, `{class}`, `{race}`; `[a|b]` picks one.
 */
export interface ClassBank {
  aliases: readonly string[];
  calling: readonly string[];
  moment: readonly string[];
  gear: readonly string[];
  goals: readonly string[];
}

export const CLASSES = {
  barbarian: {
    aliases: ['barbarian', 'berserker'],
    calling: [
      'The rage came to {name} first as a curse, then as a gift: a storm inside that no wall could hold.',
      '{name} took the path of the barbarian after surviving a [winter|raid|wildfire] that killed stronger warriors.',
      'No one taught {name} to fight; the fury simply answered when the tribe needed it most.',
    ],
    moment: [
      'once held a collapsing bridge long enough for a whole caravan to cross',
      'carries a totem from the [bear|eagle|wolf] spirit that chose them',
      'still remembers the silence after their first true rage',
    ],
    gear: ['a greataxe notched from many battles', 'furs from a beast they hunted alone', 'a warhammer bound in leather strips'],
    goals: ['to find the spirit that first woke the fury', 'to prove that strength can protect as well as destroy', 'to avenge the tribe scattered by raiders'],
  },
  bard: {
    aliases: ['bard', 'skald', 'minstrel'],
    calling: [
      '{name} discovered that a well-chosen song could calm a riot, and has been a bard ever since.',
      'Words were always {name}’s weapon; the College of Lore only taught them how sharp words can be.',
      '{name} became a bard to collect the stories no one else would remember.',
    ],
    moment: [
      'once talked a band of ogres out of a meal by telling them a better story',
      'keeps a journal of every ballad heard on the road',
      'owes their first lute to a tavern keeper who never asked for payment',
    ],
    gear: ['a lute with a crack they refuse to fix', 'a rapier worn more for style than fear', 'a notebook crammed with verses'],
    goals: ['to write the song that outlives them', 'to uncover the truth behind a forbidden legend', 'to perform before a royal court'],
  },
  cleric: {
    aliases: ['cleric', 'priest', 'priestess'],
    calling: [
      'A god answered {name}’s prayer on the worst night of their life, and {name} has served that god ever since.',
      '{name} entered the temple as an orphan and left it a cleric, carrying the faith into places it had never reached.',
      '{name} became a cleric after a vision of [a golden light|a burning sword|a silent grey tower] that no one else could see.',
    ],
    moment: [
      'once kept a plague ward alive for three days on prayer and stubbornness',
      'wears a holy symbol pressed into their hand by a dying priest',
      'has felt their god go quiet once, and fears it will happen again',
    ],
    gear: ['a mace engraved with sacred verses', 'a holy symbol worn smooth by prayer', 'a shield painted with their deity’s sign'],
    goals: [
      'to recover a relic stolen from their temple',
      'to bring their faith to a land that has forgotten the gods',
      'to understand why their god chose them',
    ],
  },
  druid: {
    aliases: ['druid'],
    calling: [
      '{name} heard the old circle’s call in the rustle of leaves and walked into the forest to answer it.',
      'The land itself chose {name}: a wounded stag led them to the druids’ grove and never left their side.',
      '{name} became a druid to keep the wild places from the axe and the plough.',
    ],
    moment: [
      'once spent a whole season as a wolf and still dreams in scent',
      'planted a seed from a dying world-tree and guards its sapling',
      'speaks to the oldest oak of their grove before every journey',
    ],
    gear: ['a staff of living wood', 'a pouch of seeds from every land they have visited', 'a cloak woven of moss and leaves'],
    goals: ['to heal a blight spreading from the east', 'to stop a city swallowing the last old forest', 'to restore a broken stone circle'],
  },
  fighter: {
    aliases: ['fighter', 'warrior', 'soldier', 'knight', 'champion'],
    calling: [
      '{name} learned the sword because someone had to stand in front when the raiders came.',
      'Years of drill turned {name} from a frightened recruit into a fighter who never breaks formation.',
      '{name} became a fighter the hard way: one bruise, one blade and one hard-won lesson at a time.',
    ],
    moment: [
      'once held a gate alone until reinforcements arrived at dawn',
      'trained under a veteran who never praised anyone, except once',
      'still practises the same sword forms every morning',
    ],
    gear: ['a longsword kept sharper than their temper', 'a battered shield they refuse to replace', 'chain mail repaired with their own hands'],
    goals: ['to find the officer who betrayed their company', 'to earn a knighthood no one can take away', 'to protect those who cannot protect themselves'],
  },
  monk: {
    aliases: ['monk'],
    calling: [
      '{name} was left at a monastery gate as a child and learned to turn stillness into strength.',
      'The masters of the Open Hand taught {name} that the body is a weapon and the mind its wielder.',
      '{name} became a monk to master the anger that once ruled them.',
    ],
    moment: [
      'once caught an arrow in flight and was more surprised than the archer',
      'meditates each dawn, whatever the weather',
      'carries the last words of their master written on a strip of silk',
    ],
    gear: ['simple robes and a quarterstaff', 'prayer beads of polished river stone', 'wrapped hands and nothing else'],
    goals: ['to find the monastery’s scattered scrolls', 'to achieve perfect harmony of body and mind', 'to atone for breaking a sacred vow'],
  },
  paladin: {
    aliases: ['paladin'],
    calling: [
      '{name} swore an oath before an altar at dawn, and the oath answered with holy power.',
      'Not every paladin is chosen by a god; {name} was chosen by the weight of a promise.',
      '{name} took up a paladin’s oath after witnessing an injustice no one else would stop.',
    ],
    moment: [
      'once laid hands on a dying child and felt their oath burn bright',
      'keeps the broken sword of the paladin who trained them',
      'has never broken their word, and fears the day they must',
    ],
    gear: ['plate armour polished to a mirror shine', 'a longsword blessed by their order', 'a tabard bearing the sign of their oath'],
    goals: [
      'to destroy the fiend who corrupted their mentor',
      'to uphold their oath in a world that mocks it',
      'to found a chapter of their order in a lawless land',
    ],
  },
  ranger: {
    aliases: ['ranger', 'hunter', 'scout'],
    calling: [
      '{name} learned to track before they learned to read, and became a ranger in the wild borderlands.',
      'The frontier needed watchers, and {name} answered, ranging where no road goes.',
      '{name} became a ranger after a beast of the wilds took everything from their village.',
    ],
    moment: [
      'once followed a trail for forty days through snow',
      'has a [hawk|wolf|panther] companion that trusts no one else',
      'knows the name of every pass through the northern mountains',
    ],
    gear: ['a longbow of yew and a quiver of hand-fletched arrows', 'twin short swords worn at the hip', 'a weathered map covered in their own notes'],
    goals: ['to hunt the beast that slaughtered their kin', 'to keep the wild safe from those who would burn it', 'to chart the lands beyond the mountains'],
  },
  rogue: {
    aliases: ['rogue', 'thief', 'assassin', 'scoundrel'],
    calling: [
      '{name} learned the rogue’s trade picking pockets in crowded markets, then picking locks, then picking secrets.',
      'Nobody sees {name} coming, and {name} has built a whole life around that fact.',
      '{name} became a rogue because honest work paid nothing and the powerful never played fair.',
    ],
    moment: [
      'once stole a jewel from a baron and returned it before anyone noticed, just to prove it could be done',
      'owes a dangerous favour to a thieves’ guild',
      'keeps a list of names of those who wronged them',
    ],
    gear: ['a set of thieves’ tools wrapped in oilcloth', 'twin daggers hidden in their boots', 'a dark cloak with a hood pulled low'],
    goals: ['to pull off one last job and vanish', 'to pay off a debt that keeps growing', 'to take down the guild master who betrayed them'],
  },
  sorcerer: {
    aliases: ['sorcerer', 'sorceress'],
    calling: [
      'Magic burst out of {name} at twelve, setting the barn on fire and the whole village whispering.',
      '{name} never studied magic: it lives in their blood, a gift from a [draconic|wild|storm-touched] ancestor.',
      '{name} became a sorcerer the day their power woke, and has been learning to control it ever since.',
    ],
    moment: [
      'once turned the rain to butterflies without meaning to',
      'feels their magic stir whenever they lose their temper',
      'was driven out of their village after an accident nobody will talk about',
    ],
    gear: ['a crystal that hums near other magic', 'nothing but bare hands crackling with power', 'a family pendant that grows warm in danger'],
    goals: ['to learn where their power comes from', 'to master their magic before it masters them', 'to find the ancestor whose blood they carry'],
  },
  warlock: {
    aliases: ['warlock'],
    calling: [
      '{name} made a pact with [a fiend|an archfey|an ancient thing beyond the stars] and gained power at a price still unpaid.',
      'Desperate and out of options, {name} accepted a voice’s offer in the dark and became a warlock.',
      '{name} became a warlock to save someone they loved; the patron has not let them forget it.',
    ],
    moment: [
      'hears the patron whisper at the worst possible moments',
      'has a mark on their palm that burns when the patron calls',
      'once bargained their true name away and is still looking for it',
    ],
    gear: ['a tome that writes in its own hand', 'a pact blade that appears when called', 'a ring that glows with an eldritch light'],
    goals: ['to break the pact without losing their soul', 'to learn what the patron truly wants', 'to gain enough power never to need a patron again'],
  },
  wizard: {
    aliases: ['wizard', 'mage', 'magician', 'arcanist'],
    calling: [
      '{name} studied for years at an arcane academy, where they learned that magic is a science and spells are its equations.',
      'A dusty spellbook found in an attic set {name} on the path of the wizard.',
      '{name} became a wizard because knowledge is the one treasure no one can take.',
    ],
    moment: [
      'once copied a forbidden spell and still wonders whether to cast it',
      'keeps a spellbook guarded by a hidden rune',
      'was expelled from the academy for asking the wrong question',
    ],
    gear: ['a thick spellbook bound in dragonhide', 'a staff topped with a glowing crystal', 'robes stained with ink and reagents'],
    goals: ['to recover a lost school of magic', 'to find the lost library of an ancient archmage', 'to prove their old masters wrong'],
  },
} satisfies Record<string, ClassBank>;

export type ClassKey = keyof typeof CLASSES;

/** Classes the banks do not know (homebrew, later books): generic but still names the class. */
export const UNKNOWN_CLASS: ClassBank = {
  aliases: [],
  calling: [
    '{name} trained long and hard to become {aClass}, a path few around them understood.',
    'Becoming {aClass} cost {name} years of work and more than one friendship.',
  ],
  moment: ['still remembers the first time their training truly mattered', 'keeps a token from the teacher who set them on this path'],
  gear: ['the tools of their trade, kept in careful order', 'a well-worn pack and a well-kept weapon'],
  goals: ['to master their craft', 'to find others who walk the same path', 'to prove their training was worth the cost'],
};

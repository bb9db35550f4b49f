/**
 * Background phrase banks (the SRD's acolyte plus the common Player's Handbook backgrounds players type in).
 * Templates: `{name}`, `{background}`; `[a|b]` picks one.
 */
export interface BackgroundBank {
  aliases: readonly string[];
  past: readonly string[];
}

export const BACKGROUNDS = {
  acolyte: {
    aliases: ['acolyte'],
    past: [
      'Before the road, {name} served as an acolyte, tending temple candles and memorising rites by heart.',
      'Years as a temple acolyte taught {name} the liturgy, the politics of priests and the weight of faith.',
    ],
  },
  charlatan: {
    aliases: ['charlatan', 'con artist', 'swindler'],
    past: [
      'As a charlatan, {name} sold miracle cures and forged deeds, and still has a false identity ready.',
      '{name} lived by their wits as a charlatan, one confidence trick ahead of the law.',
    ],
  },
  criminal: {
    aliases: ['criminal', 'spy'],
    past: [
      '{name} ran with a criminal crew, and the crew has not forgotten them.',
      'Before this life {name} was a criminal, with contacts in every gutter and a debt in most of them.',
    ],
  },
  entertainer: {
    aliases: ['entertainer', 'performer'],
    past: [
      '{name} toured the taverns as an entertainer, learning that every crowd can be won.',
      'The stage was {name}’s first home: an entertainer who learned to read an audience before a map.',
    ],
  },
  'folk hero': {
    aliases: ['folk hero', 'folk-hero'],
    past: [
      '{name} became a folk hero when they stood up to [a tyrant’s tax collectors|a rampaging beast|a lord’s hired swords] and the village rallied behind them.',
      'The common folk of their home still tell how {name}, a folk hero, saved the harvest from [raiders|a flood|a blight].',
    ],
  },
  'guild artisan': {
    aliases: ['guild artisan', 'artisan', 'guild merchant'],
    past: [
      'A guild artisan by training, {name} knows the value of fine work and of a fair contract.',
      '{name} apprenticed in a craft guild and still pays dues, and still calls in favours.',
    ],
  },
  hermit: {
    aliases: ['hermit'],
    past: [
      '{name} lived for years as a hermit and came back from solitude holding a secret they have told no one.',
      'Seclusion as a hermit gave {name} a discovery that could shake the world, if anyone believed it.',
    ],
  },
  noble: {
    aliases: ['noble', 'knight of the order', 'aristocrat'],
    past: [
      'Born to a noble house, {name} knows etiquette, intrigue and the price of a family name.',
      '{name} grew up noble, with a title, a crest and expectations heavier than any armour.',
    ],
  },
  outlander: {
    aliases: ['outlander', 'wanderer'],
    past: [
      '{name} came out of the wilds as an outlander, with an excellent memory for maps and little use for cities.',
      'An outlander from far beyond the roads, {name} can always find food and fresh water.',
    ],
  },
  sage: {
    aliases: ['sage', 'scholar'],
    past: [
      'As a sage, {name} spent years in libraries chasing a single unanswered question.',
      '{name} trained as a sage and can rarely resist correcting someone’s facts.',
    ],
  },
  sailor: {
    aliases: ['sailor', 'pirate'],
    past: [
      '{name} sailed for years on a merchant ship, learning knots, storms and sailors’ superstitions.',
      'A sailor’s life gave {name} sea legs, a rough vocabulary and crewmates in every port.',
    ],
  },
  soldier: {
    aliases: ['soldier', 'mercenary veteran'],
    past: [
      '{name} served as a soldier, and still carries a rank, a scar and memories of one bad battle.',
      'Army life made {name} a soldier before it made them anything else.',
    ],
  },
  urchin: {
    aliases: ['urchin', 'street urchin', 'orphan'],
    past: [
      '{name} grew up an urchin, sleeping on rooftops and knowing every secret alley of the city.',
      'Life as a street urchin taught {name} to be quick, quiet and hard to fool.',
    ],
  },
} satisfies Record<string, BackgroundBank>;

export type BackgroundKey = keyof typeof BACKGROUNDS;

export const UNKNOWN_BACKGROUND: BackgroundBank = {
  aliases: [],
  past: [
    'Before adventuring, {name} lived as {aBackground}, and that life still shapes how they see the world.',
    'The years {name} spent as {aBackground} left them with skills, contacts and a few regrets.',
  ],
};

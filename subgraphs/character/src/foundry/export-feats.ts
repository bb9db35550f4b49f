import type { CharacterState } from '../character-state.js';
import { FEAT_RULES, isFeat, type CharacterSheet, type SpendableResources } from '../rules/index.js';
import { slug, title } from './foundry-keys.js';
import { foundryId } from './foundry-ids.js';
import type { FoundryItem } from './export-items.js';

const FEATURE_TYPES = { CLASS: 'class', SUBCLASS: 'class', RACE: 'race' } as const;

/** Feat items: the rules' features (with uses spent), fighting styles and feats taken at improvement levels. */
export function featItems(id: string, state: CharacterState, sheet: CharacterSheet, resources: SpendableResources): FoundryItem[] {
  const uses = new Map(resources.featureUses.map((line) => [line.name, line]));
  const features = sheet.features.map((feature, index): FoundryItem => {
    const limited = uses.get(feature.name);
    if (limited) uses.delete(feature.name);
    return {
      _id: foundryId(id, `feature:${index}`),
      name: feature.name,
      type: 'feat',
      system: {
        identifier: slug(feature.name.replace(/[^A-Za-z0-9]+/g, '_')),
        type: { value: FEATURE_TYPES[feature.source], subtype: '' },
        requirements: `${feature.sourceName} ${feature.level}`,
        description: { value: `<p>${feature.description.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>` },
        ...(limited ? { uses: { spent: limited.used, max: limited.max === null ? '' : String(limited.max) } } : {}),
      },
      ...(limited ? { flags: { 'dnd-tools': { feature: limited.feature } } } : {}),
    };
  });
  // A limited-use feature whose name differs from the feature list's (Mystic Arcanum per level): an item of its own.
  const extra = [...uses.values()].map((line): FoundryItem => ({
    _id: foundryId(id, `uses:${line.feature}`),
    name: line.name,
    type: 'feat',
    system: {
      identifier: slug(line.feature),
      type: { value: 'class', subtype: '' },
      uses: { spent: line.used, max: line.max === null ? '' : String(line.max) },
    },
    flags: { 'dnd-tools': { feature: line.feature } },
  }));
  const styles = state.fightingStyles.map((style): FoundryItem => ({
    _id: foundryId(id, `style:${style}`),
    name: `Fighting Style: ${title(style)}`,
    type: 'feat',
    system: { identifier: `fighting-style-${slug(style)}`, type: { value: 'class', subtype: 'fightingStyle' } },
  }));
  const feats = state.abilityScoreImprovements.flatMap((asi, index): FoundryItem[] =>
    asi.feat
      ? [
          {
            _id: foundryId(id, `feat:${index}`),
            name: isFeat(asi.feat) ? FEAT_RULES[asi.feat].name : asi.feat,
            type: 'feat',
            system: { identifier: slug(asi.feat), type: { value: 'feat', subtype: '' }, requirements: `level ${asi.level}` },
          },
        ]
      : [],
  );
  return [...features, ...extra, ...styles, ...feats];
}

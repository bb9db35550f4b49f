import type { CharacterSheetQuery } from '../frontend-sdk/src/index.js';

export type CharacterSheet = NonNullable<CharacterSheetQuery['character']>;

/** HILL_DWARF -> Hill dwarf; SLEIGHT_OF_HAND -> Sleight of hand. */
function words(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function signed(value: number): string {
  return value >= 0 ? `+${value}` : String(value);
}

/** Pipes and line breaks inside a cell would end it: escaped and flattened. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

/** Conditions, exhaustion and what is left of hit dice and limited-use features: the sheet between two rests. */
function playStateLines(sheet: CharacterSheet): string[] {
  const state = [...(sheet.dead ? ['**dead**'] : []), ...sheet.effectiveConditions.map(words), ...(sheet.exhaustion ? [`exhaustion ${sheet.exhaustion}`] : [])];
  const uses = sheet.featureUses.map((use) => `${use.name} ${use.remaining ?? '∞'}/${use.max ?? '∞'}`);
  return [
    '## Play state',
    '',
    `Conditions: ${state.join(', ') || 'none'}`,
    '',
    `Hit dice: ${sheet.hitDice.remaining}/${sheet.hitDice.total} d${sheet.hitDice.die}${uses.length ? ` · ${uses.join(' · ')}` : ''}`,
    '',
  ];
}

function damageText(damage: { dice: string; modifier: number; type: string }): string {
  return `${damage.dice}${damage.modifier ? signed(damage.modifier) : ''} ${words(damage.type).toLowerCase()}`;
}

function attackLines(sheet: CharacterSheet): string[] {
  if (sheet.attacks.length === 0) return [];
  const perAction = sheet.attacksPerAction > 1 ? ` (${sheet.attacksPerAction} per Attack action)` : '';
  return [
    `## Attacks${perAction}`,
    '',
    ...table(
      ['Attack', 'To hit', 'Damage', 'Properties'],
      sheet.attacks.map((attack) => [
        attack.name,
        `${signed(attack.attackBonus)}${attack.disadvantage ? ' (disadvantage)' : ''}`,
        [attack.damage, attack.versatileDamage]
          .filter((damage) => damage !== null && damage !== undefined)
          .map((damage) => damageText(damage))
          .join(' / two hands '),
        attack.properties.map(words).join(', '),
      ]),
    ),
    '',
  ];
}

function spellLines(sheet: CharacterSheet): string[] {
  const ready = sheet.spells.filter((spell) => spell.level === 0 || spell.prepared);
  if (ready.length === 0) return [];
  return [
    ...table(
      ['Level', 'Spell', 'School', 'Attack / DC', 'Notes'],
      ready.map((spell) => [
        spell.level === 0 ? 'cantrip' : String(spell.level),
        spell.name,
        words(spell.school),
        spell.attackBonus !== null && spell.attackBonus !== undefined
          ? signed(spell.attackBonus)
          : spell.saveDC
            ? `DC ${spell.saveDC} ${words(spell.saveAbility ?? '').slice(0, 3)}`
            : '',
        [spell.alwaysPrepared ? 'always prepared' : '', spell.concentration ? 'concentration' : '', spell.ritual ? 'ritual' : ''].filter(Boolean).join(', '),
      ]),
    ),
    '',
  ];
}

/** A character sheet as Markdown: what a player prints or pastes into campaign notes. */
export function characterSheetMarkdown(sheet: CharacterSheet, gatewayOrigin: string): string {
  const subtitle = [
    words(sheet.race),
    `${words(sheet.class)}${sheet.subclass ? ` (${words(sheet.subclass)})` : ''} ${sheet.level}`,
    sheet.background,
    sheet.alignment ? words(sheet.alignment) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const next = sheet.experienceToNextLevel === null ? 'highest level' : `${sheet.experienceToNextLevel} XP to level ${sheet.level + 1}`;
  const lines = [
    `# ${sheet.name}`,
    '',
    `*${subtitle}*`,
    '',
    ...(sheet.portrait ? [`![Portrait of ${sheet.name}](${new URL(sheet.portrait.url, gatewayOrigin).toString()})`, ''] : []),
    ...(sheet.campaign ? [`Campaign: **${sheet.campaign.name}**`, ''] : []),
    ...table(
      ['Armour class', 'Hit points', 'Speed', 'Initiative', 'Proficiency', 'Passive Perception', 'Experience'],
      [
        [
          String(sheet.armorClass),
          `${sheet.currentHitPoints}/${sheet.maxHitPoints}${sheet.temporaryHitPoints ? ` (+${sheet.temporaryHitPoints} temp)` : ''}`,
          `${sheet.speed} ft`,
          signed(sheet.initiative),
          signed(sheet.proficiencyBonus),
          String(sheet.passivePerception),
          `${sheet.experience} (${next})`,
        ],
      ],
    ),
    '',
    '## Abilities',
    '',
    ...table(
      ['Ability', 'Score', 'Modifier', 'Saving throw'],
      sheet.abilities.map((ability) => {
        const save = sheet.savingThrows.find((throwOf) => throwOf.ability === ability.ability);
        const racial = ability.racialBonus ? ` (${ability.baseScore} ${signed(ability.racialBonus)})` : '';
        return [
          words(ability.ability),
          `${ability.score}${racial}`,
          signed(ability.modifier),
          save ? `${signed(save.bonus)}${save.proficient ? ' ●' : ''}` : '',
        ];
      }),
    ),
    '',
    '## Skills',
    '',
    ...sheet.skills.map((skill) => `- ${skill.proficient ? '●' : '○'} ${words(skill.skill)} (${words(skill.ability).slice(0, 3)}) ${signed(skill.bonus)}`),
    '',
  ];
  const senses = [
    ...sheet.senses.map((sense) => `${sense.name} ${sense.range} ft`),
    ...sheet.auras.map((aura) => `${aura.name} (${aura.range} ft): ${aura.effect}`),
  ];
  lines.push('## Features', '', ...(senses.length ? [senses.join(' · '), ''] : []));
  lines.push(
    ...table(
      ['Level', 'Feature', 'From', 'Value', 'What it does'],
      sheet.features.map((feature) => [String(feature.level), feature.name, feature.sourceName, feature.value ?? '', feature.description]),
    ),
    '',
  );
  lines.push(...playStateLines(sheet), ...attackLines(sheet));
  if (sheet.spellcasting) {
    const { spellcasting } = sheet;
    // Remaining of total: what is left today is what a player at the table looks for.
    const slots = sheet.spellSlots.map((slot) => `level ${slot.level}: ${slot.remaining}/${slot.total}`).join(', ');
    const pact = sheet.pactSlots ? `${sheet.pactSlots.remaining}/${sheet.pactSlots.total} pact slot(s) of level ${sheet.pactSlots.level}` : '';
    lines.push(
      '## Spellcasting',
      '',
      `${words(spellcasting.ability)} · spell save DC ${spellcasting.spellSaveDC} · spell attack ${signed(spellcasting.spellAttackBonus)}`,
      '',
      `Slots: ${[slots, pact].filter(Boolean).join('; ') || 'none'}`,
      '',
      ...spellLines(sheet),
    );
  }
  lines.push('## Equipment', '');
  if (sheet.inventory.length === 0) lines.push('Nothing carried.');
  else
    lines.push(
      ...table(
        ['Item', 'Qty', 'Weight (lb)', 'Equipped'],
        sheet.inventory.map((item) => [item.name, String(item.quantity), String(item.weight * item.quantity), item.equipped ? 'yes' : '']),
      ),
    );
  lines.push('', `Total weight: ${sheet.inventoryWeight} lb${sheet.equippedArmor?.stealthDisadvantage ? ' · disadvantage on Stealth (armour)' : ''}`, '');
  if (sheet.backstory) lines.push('## Backstory', '', sheet.backstory.trim(), '');
  lines.push(`---`, `Exported from dnd-tools: character ${sheet.id}, version ${sheet.version}, updated ${sheet.updatedAt}.`, '');
  return lines.join('\n');
}

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
  if (sheet.spellcasting) {
    const { spellcasting } = sheet;
    const slots = spellcasting.slots.map((slot) => `level ${slot.level}: ${slot.total}`).join(', ');
    const pact = spellcasting.pactSlots ? `${spellcasting.pactSlots.count} pact slot(s) of level ${spellcasting.pactSlots.level}` : '';
    lines.push(
      '## Spellcasting',
      '',
      `${words(spellcasting.ability)} · spell save DC ${spellcasting.spellSaveDC} · spell attack ${signed(spellcasting.spellAttackBonus)}`,
      '',
      `Slots: ${[slots, pact].filter(Boolean).join('; ') || 'none'}`,
      '',
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

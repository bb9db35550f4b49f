import { ARMOR, WEAPONS, type ArmorType, type WeaponType } from '../rules/index.js';
import { armorOf, weaponOf } from './foundry-keys.js';
import { boolean, integer, number, object, text, type Json } from './json-reader.js';
import type { Note } from './import-items.js';

/** An inventory line as parseInventory takes it (validated there, like createCharacter's input). */
export interface InventoryInput {
  name: string;
  quantity: number;
  weight?: number;
  equipped: boolean;
  armor?: ArmorType;
  weapon?: WeaponType;
}

// Pounds in a kilogram: Foundry worlds set to metric weigh items in kg.
const POUNDS_PER_KG = 2.20462;
// Quantities above this are refused by parseInventory anyway; read them as they are so its message names the item.
const MAX_READ_QUANTITY = 1_000_000;
const ARMOR_CATEGORIES = new Set(['light', 'medium', 'heavy', 'shield']);

function poundsOf(system: Json, path: string, notes: Note[]): number | undefined {
  const weight = system.weight;
  if (typeof weight === 'object' && weight !== null && !Array.isArray(weight)) {
    const value = number((weight as Json).value, `${path}.system.weight.value`);
    const units = text((weight as Json).units, `${path}.system.weight.units`) ?? 'lb';
    if (value === undefined) return undefined;
    if (units === 'kg') {
      notes.push({ path: `${path}.system.weight`, reason: 'weight in kg converted to lb' });
      return Math.round(value * POUNDS_PER_KG * 100) / 100;
    }
    return value;
  }
  return number(weight, `${path}.system.weight`);
}

/** One weapon, equipment, loot, consumable, tool or container item as an inventory line; null when left out. */
export function readInventoryItem(item: Json, system: Json, path: string, notes: Note[]): InventoryInput | null {
  const name = String(item.name);
  const quantity = integer(system.quantity, `${path}.system.quantity`, 0, MAX_READ_QUANTITY, 'ITEM_QUANTITY') ?? 1;
  if (quantity === 0) {
    notes.push({ path, reason: `"${name}" has quantity 0: left out` });
    return null;
  }
  const line: InventoryInput = { name, quantity, equipped: boolean(system.equipped, `${path}.system.equipped`) ?? false };
  const pounds = poundsOf(system, path, notes);
  const kind = object(system.type, `${path}.system.type`);
  const baseItem = text(kind?.baseItem, `${path}.system.type.baseItem`) ?? '';
  const category = text(kind?.value, `${path}.system.type.value`) ?? '';
  if (item.type === 'weapon') line.weapon = weaponOf(baseItem);
  if (item.type === 'equipment' && ARMOR_CATEGORIES.has(category)) line.armor = armorOf(baseItem);
  if ((item.type === 'weapon' && !line.weapon) || (item.type === 'equipment' && ARMOR_CATEGORIES.has(category) && !line.armor)) {
    notes.push({ path, reason: `"${name}" is not an SRD ${item.type === 'weapon' ? 'weapon' : 'armor'} (base item "${baseItem}"): imported as plain gear` });
    delete line.weapon;
    delete line.armor;
  }
  const table = line.weapon ? WEAPONS[line.weapon].weight : line.armor ? ARMOR[line.armor].weight : undefined;
  // Armour and weapons weigh what the SRD table says (our rule); another weight is noted, not stored.
  if (table === undefined) line.weight = pounds;
  else if (pounds !== undefined && pounds !== table) notes.push({ path: `${path}.system.weight`, reason: `"${name}" weighs ${table} lb by the SRD table` });
  if (number(system.magicalBonus, `${path}.system.magicalBonus`))
    notes.push({ path: `${path}.system.magicalBonus`, reason: 'magic item bonuses are not modelled' });
  return line;
}

import { z } from 'zod';
import { invalidInput } from '#lib/domain/index.js';
import type { InventoryItem } from '../db/schema.js';
import { ARMOR, isWeaponType, WEAPONS, type ArmorType, type EquippedWeapon, type WeaponType } from '../rules/index.js';
import { MAX_INVENTORY_ITEMS, MAX_ITEM_QUANTITY, MAX_ITEM_WEIGHT, MAX_LABEL_LENGTH } from './limits.js';

const armorType = z.custom<ArmorType>((value) => typeof value === 'string' && Object.hasOwn(ARMOR, value), 'must be an ArmorType');

const weaponType = z.custom<WeaponType>(isWeaponType, 'must be a WeaponType');

const itemSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters`),
  quantity: z.number().int().min(1, 'must be at least 1').max(MAX_ITEM_QUANTITY, `must be at most ${MAX_ITEM_QUANTITY}`).nullish(),
  weight: z.number().min(0, 'must be at least 0').max(MAX_ITEM_WEIGHT, `must be at most ${MAX_ITEM_WEIGHT}`).nullish(),
  equipped: z.boolean().nullish(),
  armor: armorType.nullish(),
  weapon: weaponType.nullish(),
});

const inventorySchema = z.array(itemSchema).max(MAX_INVENTORY_ITEMS, `must have at most ${MAX_INVENTORY_ITEMS} items`);

/** The SRD table's weight of an armour or weapon item; null for other items, whose weight is the player's. */
function tableWeight(item: { armor?: ArmorType | null; weapon?: WeaponType | null }): number | null {
  if (item.armor) return ARMOR[item.armor].weight;
  if (item.weapon) return WEAPONS[item.weapon].weight;
  return null;
}

/** "Armour and weapon properties from the table only": no second kind, no weight of the player's own. */
function checkTableItem(item: z.infer<typeof itemSchema>, index: number): void {
  if (item.armor && item.weapon) {
    throw invalidInput(`inventory[${index}] cannot be both armor and a weapon`, { field: `inventory[${index}]`, rule: 'ITEM_BOTH_ARMOR_AND_WEAPON' });
  }
  const weight = tableWeight(item);
  if (weight !== null && item.weight != null && item.weight !== weight) {
    const field = `inventory[${index}].weight`;
    throw invalidInput(`${field} must be ${weight} lb, the SRD weight of ${item.armor ?? item.weapon} (or left out)`, {
      field,
      rule: 'ITEM_WEIGHT_FROM_TABLE',
    });
  }
}

/** Validates an inventory from GraphQL input and fills defaults (quantity 1, SRD weight for armour and weapons). */
export function parseInventory(input: unknown): InventoryItem[] {
  const result = inventorySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = ['inventory', ...(issue?.path ?? [])]
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${String(part)}` : String(part)))
      .join('');
    throw invalidInput(`${where} ${issue?.message ?? 'is invalid'}`, { field: where });
  }
  result.data.forEach(checkTableItem);
  const items = result.data.map((item): InventoryItem => ({
    name: item.name,
    quantity: item.quantity ?? 1,
    weight: tableWeight(item) ?? item.weight ?? 0,
    equipped: item.equipped ?? false,
    armor: item.armor ?? null,
    weapon: item.weapon ?? null,
  }));
  const worn = items.filter((item) => item.equipped && item.armor);
  // SRD: one suit of armour and one shield at a time.
  if (worn.filter((item) => item.armor !== 'SHIELD').length > 1) {
    throw invalidInput('inventory can have only one equipped suit of armor', { field: 'inventory' });
  }
  if (worn.filter((item) => item.armor === 'SHIELD').length > 1) {
    throw invalidInput('inventory can have only one equipped shield', { field: 'inventory' });
  }
  if (worn.some((item) => item.quantity > 1)) {
    throw invalidInput('an equipped armor or shield line must have quantity 1', { field: 'inventory' });
  }
  return items;
}

/** Armour the character wears, for the armour class rules. */
export function equippedArmor(items: readonly InventoryItem[]): ArmorType[] {
  return items.flatMap((item) => (item.equipped && item.armor ? [item.armor] : []));
}

/** Equipped weapon lines, for the attack rules. */
export function equippedWeapons(items: readonly InventoryItem[]): EquippedWeapon[] {
  return items.flatMap((item) => (item.equipped && item.weapon ? [{ name: item.name, weapon: item.weapon, quantity: item.quantity }] : []));
}

/** A stored inventory as the rules see it: items stored before weapons have none, and armour and weapons weigh what the table says. */
export function readInventory(items: readonly InventoryItem[]): InventoryItem[] {
  return items.map((item) => ({ ...item, weapon: item.weapon ?? null, weight: tableWeight(item) ?? item.weight }));
}

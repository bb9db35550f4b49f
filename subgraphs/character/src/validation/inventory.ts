import { z } from 'zod';
import { badUserInput } from '#lib/graphql/index.js';
import type { InventoryItem } from '../db/schema.js';
import { ARMOR, type ArmorType } from '../rules/index.js';
import { MAX_INVENTORY_ITEMS, MAX_ITEM_QUANTITY, MAX_ITEM_WEIGHT, MAX_LABEL_LENGTH } from './limits.js';

const armorType = z.custom<ArmorType>((value) => typeof value === 'string' && Object.hasOwn(ARMOR, value), 'must be an ArmorType');

const itemSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters`),
  quantity: z.number().int().min(1, 'must be at least 1').max(MAX_ITEM_QUANTITY, `must be at most ${MAX_ITEM_QUANTITY}`).nullish(),
  weight: z.number().min(0, 'must be at least 0').max(MAX_ITEM_WEIGHT, `must be at most ${MAX_ITEM_WEIGHT}`).nullish(),
  equipped: z.boolean().nullish(),
  armor: armorType.nullish(),
});

const inventorySchema = z.array(itemSchema).max(MAX_INVENTORY_ITEMS, `must have at most ${MAX_INVENTORY_ITEMS} items`);

/** Validates an inventory from GraphQL input and fills defaults (quantity 1, SRD weight for armour). */
export function parseInventory(input: unknown): InventoryItem[] {
  const result = inventorySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = ['inventory', ...(issue?.path ?? [])]
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${String(part)}` : String(part)))
      .join('');
    throw badUserInput(`${where} ${issue?.message ?? 'is invalid'}`, { field: where });
  }
  const items = result.data.map((item): InventoryItem => ({
    name: item.name,
    quantity: item.quantity ?? 1,
    weight: item.weight ?? (item.armor ? ARMOR[item.armor].weight : 0),
    equipped: item.equipped ?? false,
    armor: item.armor ?? null,
  }));
  const worn = items.filter((item) => item.equipped && item.armor);
  // SRD: one suit of armour and one shield at a time.
  if (worn.filter((item) => item.armor !== 'SHIELD').length > 1) {
    throw badUserInput('inventory can have only one equipped suit of armor', { field: 'inventory' });
  }
  if (worn.filter((item) => item.armor === 'SHIELD').length > 1) {
    throw badUserInput('inventory can have only one equipped shield', { field: 'inventory' });
  }
  if (worn.some((item) => item.quantity > 1)) {
    throw badUserInput('an equipped armor or shield line must have quantity 1', { field: 'inventory' });
  }
  return items;
}

/** Armour the character wears, for the armour class rules. */
export function equippedArmor(items: readonly InventoryItem[]): ArmorType[] {
  return items.flatMap((item) => (item.equipped && item.armor ? [item.armor] : []));
}

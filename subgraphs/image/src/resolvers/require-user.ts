import { unauthenticated } from '../../../../lib/graphql/index.js';
import type { Context } from '../context.js';

/** The signed-in caller's id; every image read and write needs one. */
export function requireUser(ctx: Context): string {
  if (!ctx.userId) throw unauthenticated();
  return ctx.userId;
}

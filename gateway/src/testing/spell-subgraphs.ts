/**
 * Small but real federated subgraphs for the gateway's tests, deliberately NOT named like the platform's
 * (grimoire, spellbook, plus an optional `image`): the gateway must serve any valid supergraph.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'graphql';
import { badUserInput, conflict, forbidden, notFound, unauthenticated } from '#lib/graphql/index.js';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';
import { SPELL_CAST_SDL, SpellCasts, spellCastResolvers } from './spell-casts.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

interface Ctx {
  userId: string | null;
}

// lib/subgraph types the resolver context as unknown (each real subgraph narrows it with codegen types);
// here every context comes from the createContext below, so it is a Ctx.
const userOf = (ctx: unknown): string | null => (ctx as Ctx).userId;

export const GRIMOIRE_SDL = `${LINK}
"""A school of magic."""
enum School { EVOCATION ABJURATION }
type Query {
  spells: [Spell!]!
  whoami: String!
  mySpells: [Spell!]
  sealed: String
  broken: String
}
type Mutation { learnSpell(input: LearnSpellInput!): Spell! castSpell(spellId: ID!): SpellCast! }
input LearnSpellInput { name: String! school: School! level: Int! }
type Spell @key(fields: "id") { id: ID! name: String! school: School! }
${SPELL_CAST_SDL}`;

export const SPELLBOOK_SDL = `${LINK}
type Query { bookWhoami: String! }
type Spell @key(fields: "id") { id: ID! pages: Int! note: String excerpt(words: Int! = 3): String! }
`;

export const IMAGE_SDL = `${LINK}
type Query { imageCount: Int! }
type Spell @key(fields: "id") { id: ID! illustration: String }
`;

interface SpellRow {
  id: string;
  name: string;
  school: 'EVOCATION' | 'ABJURATION';
}

export function createGrimoire(secret: string): SubgraphServer {
  const spells: SpellRow[] = [
    { id: 'spell-1', name: 'Fireball', school: 'EVOCATION' },
    { id: 'spell-2', name: 'Shield', school: 'ABJURATION' },
  ];
  const casts = new SpellCasts();
  const live = spellCastResolvers(casts, (id) => spells.find((spell) => spell.id === id), userOf);
  return createSubgraphServer<Ctx>({
    name: 'grimoire',
    secret,
    typeDefs: parse(GRIMOIRE_SDL),
    createContext: ({ identity }) => ({ userId: identity.userId }),
    eventFeed: casts,
    resolvers: {
      Subscription: { spellCast: live.spellCast },
      Query: {
        spells: () => spells,
        whoami: (_: unknown, __: unknown, ctx: unknown) => userOf(ctx) ?? 'anonymous',
        mySpells: (_: unknown, __: unknown, ctx: unknown) => {
          if (!userOf(ctx)) throw unauthenticated();
          return spells;
        },
        sealed: () => {
          throw forbidden('Only the archmage may read this');
        },
        broken: () => {
          throw new Error('password=hunter2 at SELECT * FROM spells');
        },
      },
      Mutation: {
        castSpell: live.castSpell,
        learnSpell: (_: unknown, { input }: { input: Omit<SpellRow, 'id'> & { level: number } }, ctx: unknown) => {
          if (!userOf(ctx)) throw unauthenticated();
          if (input.name.trim() === '') throw badUserInput('A spell needs a name', { field: 'name' });
          if (spells.some((spell) => spell.name === input.name)) throw conflict(`${input.name} is already known`);
          const spell = { id: `spell-${spells.length + 1}`, name: input.name, school: input.school };
          spells.push(spell);
          return spell;
        },
      },
      Spell: {
        __resolveReference: (ref: { id: string }) => spells.find((spell) => spell.id === ref.id) ?? null,
      },
    },
  });
}

export function createSpellbook(secret: string): SubgraphServer {
  return createSubgraphServer<Ctx>({
    name: 'spellbook',
    secret,
    typeDefs: parse(SPELLBOOK_SDL),
    createContext: ({ identity }) => ({ userId: identity.userId }),
    resolvers: {
      Query: { bookWhoami: (_: unknown, __: unknown, ctx: unknown) => userOf(ctx) ?? 'anonymous' },
      Spell: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        pages: (spell: { id: string }) => spell.id.length * 10,
        excerpt: (spell: { id: string }, { words }: { words: number }) => `${spell.id} reads: a bright streak flashes`.split(' ').slice(0, words).join(' '),
        note: (spell: { id: string }) => {
          if (spell.id === 'spell-2') throw notFound('No note for this spell');
          return `notes on ${spell.id}`;
        },
      },
    },
  });
}

/** Bytes served at /images/fireball.png, with the validators a browser cache uses. */
export const FIREBALL_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const FIREBALL_ETAG = `"${createHash('sha256').update(FIREBALL_PNG).digest('hex').slice(0, 16)}"`;

function imageRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith('/images/')) return false;
  if (req.url !== '/images/fireball.png') {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return true;
  }
  const headers = {
    etag: FIREBALL_ETAG,
    'cache-control': 'public, max-age=31536000, immutable',
    'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT',
    'x-content-type-options': 'nosniff',
    'x-internal-debug': 'must not leak',
  };
  if (req.headers['if-none-match'] === FIREBALL_ETAG) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': String(FIREBALL_PNG.length) });
  res.end(req.method === 'HEAD' ? undefined : FIREBALL_PNG);
  return true;
}

export function createImage(secret: string): SubgraphServer {
  return createSubgraphServer<Ctx>({
    name: 'image',
    secret,
    typeDefs: parse(IMAGE_SDL),
    createContext: ({ identity }) => ({ userId: identity.userId }),
    route: imageRoute,
    resolvers: {
      Query: { imageCount: () => 1 },
      Spell: { illustration: (spell: { id: string }) => `/images/${spell.id}.png` },
    },
  });
}

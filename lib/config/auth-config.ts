import { z } from 'zod';
import { duration } from './resilience-config.js';

// An unset `${VAR}` interpolates to "": the key is then absent, so one hub.yaml serves with and without an IdP.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const REMOTE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const;

/**
 * hub.yaml `auth`: how clients' bearer tokens are verified (lib/auth/verified-tokens.ts). The platform's own HS256
 * tokens (AUTH_JWT_SECRET, `npm run token`) and, when an issuer is configured, an identity provider's RS256/ES256
 * tokens, verified against its JWKS (`jwks_url`, or found by OIDC discovery from the issuer).
 */
export const authConfig = z
  .object({
    // true: the platform's own HS256 tokens are accepted (GraphiQL's demo token, `npm run token`, the tests). With an
    // identity provider in production, false leaves the IdP as the only way in.
    accept_hs256: z.boolean().default(true),
    // The IdP's `iss`, exactly as its tokens carry it (https://id.example.com/realms/dnd). Absent: HS256 only.
    issuer: optional(z.string().url()),
    // The `aud` tokens must be issued for: required with an issuer, or a token the same IdP issued for another
    // application would be accepted here.
    audience: optional(z.string().min(1)),
    // The IdP's key set. Absent with an issuer: discovery must be true.
    jwks_url: optional(z.string().url()),
    // true: jwks_uri is read from <issuer>/.well-known/openid-configuration (once, then cached; retried on failure).
    discovery: z.boolean().default(false),
    // 30 s: hosts' clocks drift by seconds; a token a few seconds past exp (or before nbf) is still accepted.
    clock_skew: duration.default(30),
    // RS256 and ES256: what IdPs sign with by default. HS256 is never accepted from an IdP (its key is public).
    algorithms: z.array(z.enum(REMOTE_ALGORITHMS)).min(1).default(['RS256', 'ES256']),
    // The claim holding the roles, a dotted path for nested ones (Keycloak: realm_access.roles); an array of strings
    // or a space-separated string. `roles`, as in the platform's own tokens.
    roles_claim: z.string().min(1).default('roles'),
  })
  .strict()
  .superRefine((auth, context) => {
    if (!auth.issuer) {
      if (auth.jwks_url || auth.discovery || auth.audience)
        context.addIssue({ code: 'custom', path: ['issuer'], message: 'required with jwks_url, discovery or audience' });
      return;
    }
    if (!auth.audience) context.addIssue({ code: 'custom', path: ['audience'], message: 'required with an issuer' });
    if (!auth.jwks_url && !auth.discovery)
      context.addIssue({ code: 'custom', path: ['jwks_url'], message: 'required with an issuer unless discovery is true' });
  });

export type AuthConfig = z.infer<typeof authConfig>;

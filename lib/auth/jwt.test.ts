import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { OPERATOR_ROLE, signUserToken, verifyUserToken } from './jwt.js';

const SECRET = 'jwt-test-secret-0123456789abcdef0123456789';

describe('user tokens', () => {
  it('carry the operator role when signed with it, and no role otherwise', async () => {
    expect(await verifyUserToken(await signUserToken('ops', SECRET, '1h', [OPERATOR_ROLE]), SECRET)).toEqual({ id: 'ops', roles: [OPERATOR_ROLE] });
    expect(await verifyUserToken(await signUserToken('player', SECRET), SECRET)).toEqual({ id: 'player', roles: [] });
  });

  it('ignore a roles claim that is not a list of strings', async () => {
    const token = await new SignJWT({ roles: [OPERATOR_ROLE, 7, { admin: true }] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('odd')
      .setIssuer('dnd-tools')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await verifyUserToken(token, SECRET)).roles).toEqual([OPERATOR_ROLE]);
  });

  it('refuse a role added to a token signed with another secret', async () => {
    const forged = await signUserToken('mallory', 'another-secret-0123456789abcdef012345', '1h', [OPERATOR_ROLE]);
    await expect(verifyUserToken(forged, SECRET)).rejects.toThrow('token is invalid');
  });
});

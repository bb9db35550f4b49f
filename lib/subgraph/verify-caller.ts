import { GATEWAY, verifyRequest, type Refusal, type RequestBinding, type Verified } from '../auth/identity.js';
import type { NonceStore } from '../auth/nonce-store.js';
import { processLogger } from '../telemetry/logger.js';

/**
 * The one place a service decides who is calling: the gateway's header must be signed with this service's key,
 * addressed to it, for this method, path and body, unexpired and not seen before. Every route but the probes
 * (/health, /readiness) goes through it.
 */
export class CallerVerifier {
  constructor(
    private readonly service: string,
    private readonly key: Buffer,
    private readonly nonces: NonceStore,
  ) {}

  async verify(header: string | null | undefined, request: Omit<RequestBinding, 'audience'>): Promise<Verified> {
    const verified = verifyRequest(header, { audience: this.service, ...request }, (issuer) => (issuer === GATEWAY ? this.key : undefined));
    if ('refusal' in verified) return this.refuse(verified, request.path);
    if (!(await this.nonces.claim(verified.claims.jti, verified.claims.exp))) return this.refuse({ refusal: 'replayed' }, request.path);
    return verified;
  }

  private refuse(refused: { refusal: Refusal }, path: string): Verified {
    // A request without any header is a probe or a stray client, not an attack worth a warning each time.
    if (refused.refusal !== 'missing') processLogger(this.service).warn({ refusal: refused.refusal, path }, 'request refused: identity');
    return refused;
  }

  close(): Promise<void> {
    return this.nonces.close();
  }
}

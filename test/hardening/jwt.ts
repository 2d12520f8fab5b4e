import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An RSA key pair standing in for a token issuer (Microsoft's, or an attacker's). */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact RS256 JWT signed with `key`. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const head = part({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header });
  const body = part(claims);
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** Claims of a Bot Framework channel token for `appId`, valid for an hour from now. */
export function channelClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 };
}

export interface MetadataServer {
  /** The OpenID configuration URL to give botbuilder. */
  url: string;
  /** Requests served so far (to show that junk tokens never caused a network call). */
  requests: number;
  close(): Promise<void>;
}

/**
 * A local stand-in for Microsoft's OpenID metadata endpoint, publishing `keys` (endorsed for `channels`).
 * With `hang`, it accepts requests and never answers (a metadata endpoint that is down in the worst way).
 */
export async function startMetadataServer(keys: SigningKey[], channels: string[], hang = false): Promise<MetadataServer> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests += 1;
    if (hang) return;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else {
      const published = keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', endorsements: channels }));
      res.end(JSON.stringify({ keys: published }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

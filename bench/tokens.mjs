// Realistic JWTs of a given total length: HMAC-signed ones generated with node:crypto, and the
// signing inputs of public-key ones (the peer page signs them with WebCrypto).
//
// The first payload claim is always `jti`, so a reaction measurement can tell one token from the
// next by looking at the first few characters of the rendered payload. Tokens grow the way real
// ones do: an access token with the usual claims, then an ID-token-like list of groups, then (for
// the 1 MB case) a long list of entitlement objects.
import { createHmac } from 'node:crypto';

const b64u = (text) => Buffer.from(text).toString('base64url');
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
// Signature lengths in base64url characters; RS256 with a 2048-bit key, ES256 on P-256.
const SIG_CHARS = { HS256: 43, HS384: 64, HS512: 86, RS256: 342, ES256: 86 };

/** A secret that is in no weak-secret list, so audits scan the whole list (the worst case). */
export const SECRET = 'bench-7f3c1e9a54d2b806c4e1a7f9d3b5e2c8-not-a-weak-secret';

export function sign(headerJson, payloadJson, secret, alg) {
  const input = `${b64u(headerJson)}.${b64u(payloadJson)}`;
  const sig = createHmac(HASH[alg], secret).update(input).digest('base64url');
  return `${input}.${sig}`;
}

const encodedLen = (bytes) => Math.ceil((bytes * 4) / 3);

/**
 * A token of about `target` characters (within a few bytes), signed with `alg` (an HMAC one).
 * `jti` must have the same length for every token of a series, so sizes stay equal.
 */
export function makeToken({ target, alg = 'HS256', secret = SECRET, jti = 'jti-0000-0000', now = 1_700_000_000 }) {
  const [header, payload] = makeParts({ target, alg, jti, now });
  return sign(header, payload, secret, alg);
}

/**
 * The signing input (`header.payload`, base64url) of a token of about `target` characters once
 * its `alg` signature is appended: for public-key tokens, which the peer page signs with WebCrypto.
 */
export function makeSigningInput({ target, alg, jti = 'jti-0000-0000', now = 1_700_000_000 }) {
  const [header, payload] = makeParts({ target, alg, jti, now });
  return `${b64u(header)}.${b64u(payload)}`;
}

/** The header and payload JSON texts of a token of about `target` characters. */
function makeParts({ target, alg, jti, now }) {
  const header = JSON.stringify({ alg, typ: 'JWT', kid: 'bench-2024-01' });
  const fixed = encodedLen(Buffer.byteLength(header)) + 2 + SIG_CHARS[alg];
  const budget = target - fixed; // characters left for the encoded payload
  const claims = [
    ['jti', jti],
    ['sub', 'user-4821937'],
    ['iat', now],
    ['exp', now + 3600],
    ['iss', 'https://auth.example.com/'],
    ['aud', 'api.example.com'],
    ['nbf', now],
    ['scope', 'openid profile email read:items'],
    ['name', 'Jane Q. Example'],
    ['email', 'jane.example@example.com'],
    ['email_verified', true],
    ['azp', 'web-client-8f2a'],
    ['sid', '5c0f9a3e-77b1-4d8e-9a61-2f4c8d1e0b37'],
  ];
  const payload = {};
  const size = (obj) => encodedLen(Buffer.byteLength(JSON.stringify(obj)));
  for (const [k, v] of claims) {
    payload[k] = v;
    if (size(payload) > budget) {
      delete payload[k];
      break;
    }
  }
  // Grow with groups, then entitlement objects, until the budget is used up.
  if (size(payload) < budget - 40) {
    payload.groups = [];
    for (let i = 0; size(payload) < budget - 30 && i < 40; i++) payload.groups.push(`grp-${['eng', 'ops', 'sales', 'audit'][i % 4]}-team-${String(i).padStart(3, '0')}`);
    if (size(payload) > budget) payload.groups.pop();
  }
  if (size(payload) < budget - 120) {
    payload.entitlements = [];
    // Add in chunks for speed, then one by one.
    const item = (i) => ({ res: `urn:example:doc:${String(i).padStart(7, '0')}`, act: i % 3 ? ['read'] : ['read', 'write'], exp: now + 86400 + i });
    let i = 0;
    const perItem = encodedLen(Buffer.byteLength(JSON.stringify([item(1000000), item(1000001), item(1000002)]))) / 3;
    const bulk = Math.max(0, Math.floor((budget - size(payload)) / perItem) - 4);
    for (; i < bulk; i++) payload.entitlements.push(item(i));
    while (size(payload) < budget) payload.entitlements.push(item(i++));
    if (size(payload) > budget) payload.entitlements.pop();
  }
  // Pad the last few characters in a note claim so the length is close to the target.
  if (budget - size(payload) > 16) {
    payload.note = '';
    while (size(payload) < budget) payload.note += 'x';
    if (size(payload) > budget) payload.note = payload.note.slice(0, -1);
    if (payload.note === '') delete payload.note;
  }
  return [header, JSON.stringify(payload)];
}

/** A jti of constant length, distinct per `i`. */
export const jtiFor = (i) => `rep-${String(i).padStart(4, '0')}-${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`;

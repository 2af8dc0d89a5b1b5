//! Private JWKs (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2), alone or as the one private key of a
//! JWKS. Errors name the member.

use crate::json::{Map, Value};

use super::super::jwk::{location as at, members_and_kty, parse, string_member};
use super::super::{EcCurve, KeyError, KeyErrorKind, OkpCurve};
use super::{PrivateForm, PrivateKey, PrivateNumbers, RsaPrivate};

/// The RSA members besides `d` that WebCrypto needs.
const RSA_CRT: [&str; 5] = ["p", "q", "dp", "dq", "qi"];

/// Reads JSON text: a private JWK, or a JWKS (or JSON array) with exactly one private key.
pub fn read(text: &str) -> Result<PrivateKey, KeyError> {
    let value = parse(text)?;
    let keys = match &value {
        Value::Object(map) if map.contains_key("keys") => match map.get("keys") {
            Some(Value::Array(keys)) => keys,
            _ => {
                return Err(KeyError::new(
                    KeyErrorKind::Jwk,
                    Some(at(None, Some("keys"))),
                    "member 'keys' of a JWKS must be an array of keys",
                ))
            }
        },
        Value::Object(_) => return read_jwk(&value, None, PrivateForm::Jwk),
        Value::Array(keys) => keys,
        other => {
            return Err(KeyError::new(
                KeyErrorKind::Jwk,
                None,
                format!(
                    "a JWK is a JSON object, but this is {}",
                    crate::json::type_name(other)
                ),
            ))
        }
    };
    let private: Vec<usize> = (0..keys.len())
        .filter(|&i| keys[i].get("d").is_some())
        .collect();
    match private.as_slice() {
        [i] => {
            let mut key = read_jwk(&keys[*i], Some(i + 1), PrivateForm::Jwks)?;
            if keys.len() > 1 {
                key.notes.push(format!(
                    "the JWKS has {} keys; key {}, the only private one, is used",
                    keys.len(),
                    i + 1
                ));
            }
            Ok(key)
        }
        [] if keys.len() == 1 => read_jwk(&keys[0], Some(1), PrivateForm::Jwks),
        [] => Err(KeyError::new(
            KeyErrorKind::NotPrivate,
            None,
            format!(
                "the JWKS has {} keys and none is private (no member 'd'): signing needs a private key",
                keys.len()
            ),
        )),
        many => Err(KeyError::new(
            KeyErrorKind::Jwk,
            None,
            format!(
                "the JWKS has {} private keys; paste the one to sign with",
                many.len()
            ),
        )),
    }
}

/// Reads one private JWK; `index` is its 1-based position in a JWKS.
pub fn read_jwk(
    value: &Value,
    index: Option<usize>,
    form: PrivateForm,
) -> Result<PrivateKey, KeyError> {
    let fail = |kind: KeyErrorKind, member: Option<&str>, message: String| {
        KeyError::new(kind, Some(at(index, member)), message)
    };
    let (jwk, kty) = members_and_kty(
        value,
        index,
        "an HMAC secret for HS256/384/512, not a private key. Give its 'k' value as the secret, in base64url",
    )?;
    if !jwk.contains_key("d") {
        return Err(fail(
            KeyErrorKind::NotPrivate,
            Some("d"),
            "this is a public JWK (it has no member 'd'): signing needs the private key".into(),
        ));
    }
    let members = Members { jwk, index };
    let numbers = match kty {
        "RSA" => rsa(&members)?,
        "EC" => ec(&members)?,
        "OKP" => okp(&members)?,
        other => {
            return Err(fail(
                KeyErrorKind::Unsupported,
                Some("kty"),
                format!("key type '{other}' is not RSA, EC or OKP"),
            ))
        }
    };
    Ok(PrivateKey {
        numbers,
        form,
        kid: string_member(jwk, "kid", index)?.map(str::to_string),
        alg: string_member(jwk, "alg", index)?.map(str::to_string),
        key_use: string_member(jwk, "use", index)?.map(str::to_string),
        notes: Vec::new(),
    })
}

/// The members of one JWK, read with errors that name them.
struct Members<'a> {
    jwk: &'a Map,
    index: Option<usize>,
}

impl Members<'_> {
    fn error(&self, kind: KeyErrorKind, member: &str, message: String) -> KeyError {
        KeyError::new(kind, Some(at(self.index, Some(member))), message)
    }

    fn has(&self, name: &str) -> bool {
        self.jwk.contains_key(name)
    }

    /// A base64url member's bytes, or `None` when it is absent.
    fn optional_bytes(&self, name: &str) -> Result<Option<Vec<u8>>, KeyError> {
        let Some(text) = string_member(self.jwk, name, self.index)? else {
            return Ok(None);
        };
        crate::b64url::decode(text)
            .map(|d| Some(d.bytes))
            .map_err(|e| {
                self.error(
                    KeyErrorKind::Jwk,
                    name,
                    format!(
                        "member '{name}' is not base64url: character {}: {}",
                        e.position() + 1,
                        e.message()
                    ),
                )
            })
    }

    fn bytes(&self, name: &str) -> Result<Vec<u8>, KeyError> {
        self.optional_bytes(name)?.ok_or_else(|| {
            self.error(
                KeyErrorKind::Jwk,
                name,
                format!("member '{name}' is missing"),
            )
        })
    }

    /// An unsigned integer member without leading zeros; zero is refused.
    fn number(&self, name: &str) -> Result<Vec<u8>, KeyError> {
        let mut bytes = self.bytes(name)?;
        let zeros = bytes.iter().take_while(|&&b| b == 0).count();
        bytes.drain(..zeros);
        if bytes.is_empty() {
            return Err(self.error(KeyErrorKind::Jwk, name, format!("member '{name}' is zero")));
        }
        Ok(bytes)
    }

    /// Bytes of exactly `len`, as RFC 7518 and RFC 8037 require of coordinates and `d`.
    fn exact(&self, name: &str, len: usize, what: &str) -> Result<Option<Vec<u8>>, KeyError> {
        match self.optional_bytes(name)? {
            Some(v) if v.len() != len => Err(self.error(
                KeyErrorKind::Jwk,
                name,
                format!(
                    "member '{name}' has {} bytes, but {what} has exactly {len}",
                    v.len()
                ),
            )),
            other => Ok(other),
        }
    }

    fn curve_name(&self) -> Result<&str, KeyError> {
        string_member(self.jwk, "crv", self.index)?
            .ok_or_else(|| self.error(KeyErrorKind::Jwk, "crv", "member 'crv' is missing".into()))
    }
}

fn rsa(m: &Members<'_>) -> Result<PrivateNumbers, KeyError> {
    if m.has("oth") {
        return Err(m.error(
            KeyErrorKind::Unsupported,
            "oth",
            "this is a multi-prime RSA key (member 'oth'), which WebCrypto does not sign with"
                .into(),
        ));
    }
    if let Some(missing) = RSA_CRT.iter().find(|name| !m.has(name)) {
        return Err(m.error(
            KeyErrorKind::Jwk,
            missing,
            format!("member '{missing}' is missing: signing needs p, q, dp, dq and qi with d (RFC 7518 §6.3.2), and computing them is the key's arithmetic; export the key with all its members, as most tools do"),
        ));
    }
    Ok(PrivateNumbers::Rsa(RsaPrivate {
        n: m.number("n")?,
        e: m.number("e")?,
        d: m.number("d")?,
        p: m.number("p")?,
        q: m.number("q")?,
        dp: m.number("dp")?,
        dq: m.number("dq")?,
        qi: m.number("qi")?,
    }))
}

fn ec(m: &Members<'_>) -> Result<PrivateNumbers, KeyError> {
    let crv = m.curve_name()?;
    let curve = match EcCurve::from_name(crv) {
        Some(EcCurve::Secp256k1) => {
            return Err(m.error(
                KeyErrorKind::Unsupported,
                "crv",
                "this is a secp256k1 key (ES256K), which browsers cannot sign with".into(),
            ))
        }
        Some(c) => c,
        None => {
            return Err(m.error(
                KeyErrorKind::Unsupported,
                "crv",
                format!("curve '{crv}' is not one of P-256, P-384, P-521"),
            ))
        }
    };
    let len = curve.coordinate_len();
    let what = format!("a {} value", curve.name());
    let d = m.exact("d", len, &what)?.unwrap_or_default();
    let x = m.exact("x", len, &what)?;
    let y = m.exact("y", len, &what)?;
    let point = match (x, y) {
        (Some(x), Some(y)) => Some((x, y)),
        (None, None) => None,
        (None, Some(_)) => {
            return Err(m.error(KeyErrorKind::Jwk, "x", "member 'x' is missing".into()))
        }
        (Some(_), None) => {
            return Err(m.error(KeyErrorKind::Jwk, "y", "member 'y' is missing".into()))
        }
    };
    Ok(PrivateNumbers::Ec { curve, d, point })
}

fn okp(m: &Members<'_>) -> Result<PrivateNumbers, KeyError> {
    let crv = m.curve_name()?;
    match OkpCurve::from_name(crv) {
        Some(OkpCurve::Ed25519) => {}
        Some(OkpCurve::Ed448) => {
            return Err(m.error(
                KeyErrorKind::Unsupported,
                "crv",
                "this is an Ed448 key; browsers sign EdDSA with Ed25519 only".into(),
            ))
        }
        Some(_) => {
            return Err(m.error(
                KeyErrorKind::Unsupported,
                "crv",
                format!("'{crv}' is a key-agreement curve, not a signature key"),
            ))
        }
        None => {
            return Err(m.error(
                KeyErrorKind::Unsupported,
                "crv",
                format!("curve '{crv}' is not Ed25519"),
            ))
        }
    }
    let what = "an Ed25519 key";
    Ok(PrivateNumbers::Ed25519 {
        d: m.exact("d", 32, what)?.unwrap_or_default(),
        x: m.exact("x", 32, what)?,
    })
}

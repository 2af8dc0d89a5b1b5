//! JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037) and key sets (`{"keys": [...]}`).

use crate::json::{Map, Value};

use super::{
    EcCurve, Entry, Key, KeyError, KeyErrorKind, KeyForm, KeyLocation, KeySet, OkpCurve, PublicKey,
};

/// Members that only a private JWK has (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2).
const PRIVATE_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth"];

/// Reads JSON text: one JWK, a JWKS, or a JSON array of JWKs.
pub fn read(text: &str) -> Result<KeySet, KeyError> {
    let value = parse(text)?;
    match &value {
        Value::Object(map) if map.contains_key("keys") => {
            let Some(keys) = map.get("keys").and_then(Value::as_array) else {
                return Err(KeyError::new(
                    KeyErrorKind::Jwk,
                    Some(location(None, Some("keys"))),
                    "member 'keys' of a JWKS must be an array of keys",
                ));
            };
            read_set(keys, Vec::new())
        }
        Value::Object(_) => read_jwk(&value, None, KeyForm::Jwk).map(KeySet::single),
        Value::Array(keys) => read_set(
            keys,
            vec!["the text is a JSON array; it was read as the keys of a JWKS".into()],
        ),
        other => Err(KeyError::new(
            KeyErrorKind::Jwk,
            None,
            format!(
                "a JWK is a JSON object, but this is {}",
                crate::json::type_name(other)
            ),
        )),
    }
}

fn read_set(keys: &[Value], notes: Vec<String>) -> Result<KeySet, KeyError> {
    if keys.is_empty() {
        return Err(KeyError::new(
            KeyErrorKind::Jwk,
            Some(KeyLocation::Jwk {
                key: None,
                member: Some("keys".into()),
            }),
            "the JWKS has no keys",
        ));
    }
    let entries = keys
        .iter()
        .enumerate()
        .map(|(i, k)| Entry {
            kid: k.get("kid").and_then(Value::as_str).map(str::to_string),
            key: read_jwk(k, Some(i + 1), KeyForm::Jwks),
        })
        .collect();
    Ok(KeySet {
        entries,
        jwks: true,
        notes,
    })
}

/// Reads one JWK value; `index` is its 1-based position in a JWKS.
pub fn read_jwk(value: &Value, index: Option<usize>, form: KeyForm) -> Result<Key, KeyError> {
    let at = |member: Option<&str>| location(index, member);
    let fail = |kind: KeyErrorKind, member: Option<&str>, message: String| {
        KeyError::new(kind, Some(at(member)), message)
    };
    let (jwk, kty) = members_and_kty(
        value,
        index,
        "an HMAC secret, not a public key. For an HS token, give its 'k' value as the secret, in base64url",
    )?;
    if let Some(member) = PRIVATE_MEMBERS.iter().find(|m| jwk.contains_key(m)) {
        let mut e = KeyError::private_key(&format!("a JWK with the private member '{member}'"));
        e.location = Some(at(Some(member)));
        return Err(e);
    }
    let bytes = |name: &str| -> Result<Vec<u8>, KeyError> {
        let text = string_member(jwk, name, index)?.ok_or_else(|| {
            fail(
                KeyErrorKind::Jwk,
                Some(name),
                format!("member '{name}' is missing"),
            )
        })?;
        crate::b64url::decode(text).map(|d| d.bytes).map_err(|e| {
            fail(
                KeyErrorKind::Jwk,
                Some(name),
                format!(
                    "member '{name}' is not base64url: character {}: {}",
                    e.position() + 1,
                    e.message()
                ),
            )
        })
    };
    let public = match kty {
        "RSA" => {
            let n = strip_zeros(bytes("n")?);
            let e = strip_zeros(bytes("e")?);
            for (name, v) in [("n", &n), ("e", &e)] {
                if v.is_empty() {
                    return Err(fail(
                        KeyErrorKind::Jwk,
                        Some(name),
                        format!("member '{name}' is zero"),
                    ));
                }
            }
            PublicKey::Rsa { n, e }
        }
        "EC" => {
            let crv = string_member(jwk, "crv", index)?.ok_or_else(|| {
                fail(
                    KeyErrorKind::Jwk,
                    Some("crv"),
                    "member 'crv' is missing".into(),
                )
            })?;
            let curve = EcCurve::from_name(crv).ok_or_else(|| {
                fail(
                    KeyErrorKind::Unsupported,
                    Some("crv"),
                    format!("curve '{crv}' is not one of P-256, P-384, P-521 (or secp256k1)"),
                )
            })?;
            let (x, y) = (bytes("x")?, bytes("y")?);
            for (name, v) in [("x", &x), ("y", &y)] {
                if v.len() != curve.coordinate_len() {
                    return Err(fail(
                        KeyErrorKind::Jwk,
                        Some(name),
                        format!(
                            "member '{name}' has {} bytes, but a {} coordinate has exactly {} (RFC 7518 §6.2.1.2)",
                            v.len(),
                            curve.name(),
                            curve.coordinate_len()
                        ),
                    ));
                }
            }
            PublicKey::Ec { curve, x, y }
        }
        "OKP" => {
            let crv = string_member(jwk, "crv", index)?.ok_or_else(|| {
                fail(
                    KeyErrorKind::Jwk,
                    Some("crv"),
                    "member 'crv' is missing".into(),
                )
            })?;
            let curve = OkpCurve::from_name(crv).ok_or_else(|| {
                fail(
                    KeyErrorKind::Unsupported,
                    Some("crv"),
                    format!("curve '{crv}' is not one of Ed25519, Ed448, X25519, X448"),
                )
            })?;
            let x = bytes("x")?;
            if x.len() != curve.key_len() {
                return Err(fail(
                    KeyErrorKind::Jwk,
                    Some("x"),
                    format!(
                        "member 'x' has {} bytes, but an {} key has {}",
                        x.len(),
                        curve.name(),
                        curve.key_len()
                    ),
                ));
            }
            PublicKey::Okp { curve, x }
        }
        other => {
            return Err(fail(
                KeyErrorKind::Unsupported,
                Some("kty"),
                format!("key type '{other}' is not RSA, EC or OKP"),
            ))
        }
    };
    let key_ops = match jwk.get("key_ops") {
        None => None,
        Some(Value::Array(ops)) => Some(
            ops.iter()
                .map(|op| {
                    op.as_str().map(str::to_string).ok_or_else(|| {
                        fail(
                            KeyErrorKind::Jwk,
                            Some("key_ops"),
                            "member 'key_ops' must be an array of strings".into(),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Some(_) => {
            return Err(fail(
                KeyErrorKind::Jwk,
                Some("key_ops"),
                "member 'key_ops' must be an array of strings".into(),
            ))
        }
    };
    Ok(Key {
        public,
        form,
        kid: string_member(jwk, "kid", index)?.map(str::to_string),
        alg: string_member(jwk, "alg", index)?.map(str::to_string),
        key_use: string_member(jwk, "use", index)?.map(str::to_string),
        key_ops,
        certificate: None,
    })
}

/// Parses JWK or JWKS text; a syntax error names its line and column.
pub(super) fn parse(text: &str) -> Result<Value, KeyError> {
    crate::json::parse_value(text.trim()).map_err(|e| {
        KeyError::new(
            KeyErrorKind::Json,
            Some(KeyLocation::Json {
                line: e.line,
                column: e.column,
            }),
            format!("not valid JSON ({})", e.reason),
        )
    })
}

/// Where in JWK text: key `index` of a JWKS (1-based; `None` for a lone JWK), at `member`.
pub(super) fn location(index: Option<usize>, member: Option<&str>) -> KeyLocation {
    KeyLocation::Jwk {
        key: index,
        member: member.map(str::to_string),
    }
}

/// A JWK's members and its `kty`, what every reader checks first. A symmetric key (`kty` `oct`) is
/// refused with `oct_is`, which says what such a key is and is not, for the reader's purpose.
pub(super) fn members_and_kty<'a>(
    value: &'a Value,
    index: Option<usize>,
    oct_is: &str,
) -> Result<(&'a Map, &'a str), KeyError> {
    let fail = |kind: KeyErrorKind, member: Option<&str>, message: String| {
        KeyError::new(kind, Some(location(index, member)), message)
    };
    let Some(jwk) = value.as_object() else {
        return Err(fail(
            KeyErrorKind::Jwk,
            None,
            format!(
                "a JWK is a JSON object, but this is {}",
                crate::json::type_name(value)
            ),
        ));
    };
    let kty = string_member(jwk, "kty", index)?.ok_or_else(|| {
        fail(
            KeyErrorKind::Jwk,
            Some("kty"),
            "member 'kty' is missing".into(),
        )
    })?;
    if kty == "oct" {
        return Err(fail(
            KeyErrorKind::SymmetricKey,
            Some("kty"),
            format!("this is a symmetric key (kty 'oct'): {oct_is}"),
        ));
    }
    Ok((jwk, kty))
}

/// A member that must be a string when present.
pub(super) fn string_member<'a>(
    jwk: &'a Map,
    name: &str,
    index: Option<usize>,
) -> Result<Option<&'a str>, KeyError> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(KeyError::new(
            KeyErrorKind::Jwk,
            Some(location(index, Some(name))),
            format!(
                "member '{name}' must be a string, but it is {}",
                crate::json::type_name(other)
            ),
        )),
    }
}

fn strip_zeros(mut bytes: Vec<u8>) -> Vec<u8> {
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    bytes.drain(..zeros);
    bytes
}

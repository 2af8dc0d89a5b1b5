//! Private-key structures in DER, read and written: PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey`
//! (RFC 5208, RFC 5958), PKCS#1 `RSAPrivateKey` (RFC 8017 §A.1.2), SEC 1 `ECPrivateKey`
//! (RFC 5915), and the RFC 8410 `CurvePrivateKey`. Errors name the DER byte.

use super::super::der::{self, tag, Tlv};
use super::super::der_write::{
    bit_string, explicit, null, octet_string, oid, sequence, small_integer, unsigned_integer,
};
use super::super::{spki, EcCurve, KeyError, KeyErrorKind, OkpCurve};
use super::{PrivateNumbers, RsaPrivate};

/// Context tag `[0]`, constructed: SEC 1 parameters, PKCS#8 attributes.
const CONTEXT_0: u8 = 0xa0;
/// Context tag `[1]`, constructed: the SEC 1 public key.
const CONTEXT_1: u8 = 0xa1;
/// Context tag `[1]`, primitive (IMPLICIT BIT STRING): the PKCS#8 v2 public key.
const CONTEXT_1_PRIMITIVE: u8 = 0x81;

fn der_err(e: der::DerError) -> KeyError {
    KeyError::der(e)
}

fn at(offset: usize, message: impl Into<String>) -> KeyError {
    KeyError::der(der::DerError {
        offset,
        message: message.into(),
    })
}

/// Reads a DER PKCS#8 private key that is the whole input: the numbers, and notes on what was
/// left aside.
pub fn read_pkcs8(data: &[u8]) -> Result<(PrivateNumbers, Vec<String>), KeyError> {
    let info = der::single(data, tag::SEQUENCE, "the PKCS#8 private key").map_err(der_err)?;
    let mut r = info.reader();
    let version = r.read("the version").map_err(der_err)?;
    let v = version.unsigned_integer("the version").map_err(der_err)?;
    if v != [0] && v != [1] {
        return Err(at(
            version.offset,
            "the PKCS#8 version must be 0 (v1) or 1 (v2)",
        ));
    }
    let algorithm = r
        .expect(tag::SEQUENCE, "the algorithm identifier")
        .map_err(der_err)?;
    let key = r
        .expect(tag::OCTET_STRING, "the private key OCTET STRING")
        .map_err(der_err)?;
    let mut notes = Vec::new();
    if r.peek_tag() == Some(CONTEXT_0) {
        r.read("the attributes").map_err(der_err)?;
        notes.push("the PKCS#8 attributes were left aside".to_string());
    }
    let public = if r.peek_tag() == Some(CONTEXT_1_PRIMITIVE) {
        let t = r.read("the public key").map_err(der_err)?;
        Some(implicit_bit_string(t)?)
    } else {
        None
    };
    r.finish("the PKCS#8 private key").map_err(der_err)?;

    let mut a = algorithm.reader();
    let oid_tlv = a.expect(tag::OID, "the algorithm OID").map_err(der_err)?;
    let params = if a.is_empty() {
        None
    } else {
        Some(a.read("the algorithm parameters").map_err(der_err)?)
    };
    a.finish("the algorithm identifier").map_err(der_err)?;
    let algorithm_oid = oid_tlv.contents;

    if algorithm_oid == spki::RSA_ENCRYPTION || algorithm_oid == spki::RSASSA_PSS {
        if algorithm_oid == spki::RSASSA_PSS {
            notes.push("the key is marked for RSA-PSS only (id-RSASSA-PSS); it is written as a plain RSA key for WebCrypto".into());
        }
        let seq = inner_sequence(key, "the RSA private key")?;
        return Ok((PrivateNumbers::Rsa(rsa_from(seq)?), notes));
    }
    if algorithm_oid == spki::EC_PUBLIC_KEY {
        let Some(params) = params else {
            return Err(at(oid_tlv.offset, "an EC key without its curve"));
        };
        let curve = named_curve(params)?;
        let seq = inner_sequence(key, "the EC private key")?;
        let (numbers, more) = ec_from(seq, Some(curve))?;
        notes.extend(more);
        return Ok((numbers, notes));
    }
    if let Some(&(_, curve)) = spki::OKP.iter().find(|(o, _)| *o == algorithm_oid) {
        if curve != OkpCurve::Ed25519 {
            return Err(KeyError::new(
                KeyErrorKind::Unsupported,
                None,
                match curve {
                    OkpCurve::Ed448 => {
                        "this is an Ed448 private key; browsers sign EdDSA with Ed25519 only"
                    }
                    _ => "this is a key-agreement key (X25519 or X448), not a signature key",
                },
            ));
        }
        let seed = inner_octet_string(key, "the Ed25519 seed")?;
        if seed.contents.len() != 32 {
            return Err(at(
                seed.content_offset,
                format!(
                    "an Ed25519 private key is a 32-byte seed, not {} bytes",
                    seed.contents.len()
                ),
            ));
        }
        let x = match public {
            Some((bytes, offset)) if bytes.len() != 32 => {
                return Err(at(
                    offset,
                    format!("an Ed25519 public key has 32 bytes, not {}", bytes.len()),
                ))
            }
            Some((bytes, _)) => Some(bytes.to_vec()),
            None => None,
        };
        return Ok((
            PrivateNumbers::Ed25519 {
                d: seed.contents.to_vec(),
                x,
            },
            notes,
        ));
    }
    Err(KeyError::new(
        KeyErrorKind::Unsupported,
        None,
        format!(
            "this is a private key of algorithm {}, which no JWS algorithm signed here uses",
            der::oid_text(algorithm_oid)
        ),
    ))
}

/// Reads a DER PKCS#1 `RSAPrivateKey` that is the whole input.
pub fn read_pkcs1(data: &[u8]) -> Result<RsaPrivate, KeyError> {
    let seq = der::single(data, tag::SEQUENCE, "the RSA private key").map_err(der_err)?;
    rsa_from(seq)
}

/// Reads a DER SEC 1 `ECPrivateKey` that is the whole input; `outer` is the curve named outside
/// it (by PKCS#8), if any.
pub fn read_sec1(
    data: &[u8],
    outer: Option<EcCurve>,
) -> Result<(PrivateNumbers, Vec<String>), KeyError> {
    let seq = der::single(data, tag::SEQUENCE, "the EC private key").map_err(der_err)?;
    ec_from(seq, outer)
}

/// The one SEQUENCE inside an OCTET STRING.
fn inner_sequence<'a>(octets: Tlv<'a>, what: &str) -> Result<Tlv<'a>, KeyError> {
    let mut r = octets.reader();
    let seq = r.expect(tag::SEQUENCE, what).map_err(der_err)?;
    r.finish(what).map_err(der_err)?;
    Ok(seq)
}

/// The one OCTET STRING inside an OCTET STRING (RFC 8410 `CurvePrivateKey`).
fn inner_octet_string<'a>(octets: Tlv<'a>, what: &str) -> Result<Tlv<'a>, KeyError> {
    let mut r = octets.reader();
    let inner = r.expect(tag::OCTET_STRING, what).map_err(der_err)?;
    r.finish(what).map_err(der_err)?;
    Ok(inner)
}

/// The bytes of an IMPLICIT BIT STRING with no unused bits, and their offset.
fn implicit_bit_string(t: Tlv<'_>) -> Result<(&[u8], usize), KeyError> {
    match t.contents {
        [0, rest @ ..] => Ok((rest, t.content_offset + 1)),
        [] => Err(at(t.offset, "the public key is empty")),
        [n, ..] => Err(at(
            t.content_offset,
            format!("the public key has {n} unused bits; a key is a whole number of bytes"),
        )),
    }
}

/// The named curve of an ECParameters element (an OID); other curves and explicit parameters
/// are refused with words.
fn named_curve(params: Tlv<'_>) -> Result<EcCurve, KeyError> {
    if params.tag != tag::OID {
        return Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            "the EC key gives explicit curve parameters instead of a named curve; only named curves (P-256, P-384, P-521) sign JWS tokens",
        ));
    }
    match spki::CURVES.iter().find(|(c, _)| *c == params.contents) {
        Some(&(_, EcCurve::Secp256k1)) => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            "this is a secp256k1 key (ES256K), which browsers cannot sign with; ES256/384/512 need P-256, P-384 or P-521",
        )),
        Some(&(_, curve)) => Ok(curve),
        None => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            format!(
                "the EC key is on curve {}, which no JWS algorithm uses",
                der::oid_text(params.contents)
            ),
        )),
    }
}

fn rsa_from(seq: Tlv<'_>) -> Result<RsaPrivate, KeyError> {
    let mut r = seq.reader();
    let version = r.read("the version").map_err(der_err)?;
    match version.unsigned_integer("the version").map_err(der_err)? {
        [0] => {}
        [1] => {
            return Err(KeyError::new(
                KeyErrorKind::Unsupported,
                None,
                "this is a multi-prime RSA key (more than two primes), which WebCrypto does not sign with",
            ))
        }
        _ => return Err(at(version.offset, "the RSA private key version must be 0")),
    }
    let mut int = |what: &str| -> Result<(Vec<u8>, usize), KeyError> {
        let t = r.read(what).map_err(der_err)?;
        let bytes = t.unsigned_integer(what).map_err(der_err)?;
        Ok((bytes.to_vec(), t.offset))
    };
    let n = int("the modulus")?;
    let e = int("the public exponent")?;
    let d = int("the private exponent")?;
    let p = int("the first prime")?;
    let q = int("the second prime")?;
    let dp = int("the first CRT exponent")?;
    let dq = int("the second CRT exponent")?;
    let qi = int("the CRT coefficient")?;
    r.finish("the RSA private key").map_err(der_err)?;
    for (name, (value, offset)) in [
        ("the modulus", &n),
        ("the public exponent", &e),
        ("the private exponent", &d),
        ("the first prime", &p),
        ("the second prime", &q),
    ] {
        if value == &[0] {
            return Err(at(*offset, format!("{name} must not be zero")));
        }
    }
    Ok(RsaPrivate {
        n: n.0,
        e: e.0,
        d: d.0,
        p: p.0,
        q: q.0,
        dp: dp.0,
        dq: dq.0,
        qi: qi.0,
    })
}

fn ec_from(
    seq: Tlv<'_>,
    outer: Option<EcCurve>,
) -> Result<(PrivateNumbers, Vec<String>), KeyError> {
    let mut r = seq.reader();
    let version = r.read("the version").map_err(der_err)?;
    if version.unsigned_integer("the version").map_err(der_err)? != [1] {
        return Err(at(version.offset, "the EC private key version must be 1"));
    }
    let d = r
        .expect(tag::OCTET_STRING, "the private key OCTET STRING")
        .map_err(der_err)?;
    let inner = if r.peek_tag() == Some(CONTEXT_0) {
        let params = r.read("the curve parameters").map_err(der_err)?;
        let mut p = params.reader();
        let curve_tlv = p.read("the curve").map_err(der_err)?;
        p.finish("the curve parameters").map_err(der_err)?;
        Some((named_curve(curve_tlv)?, curve_tlv.offset))
    } else {
        None
    };
    let point = if r.peek_tag() == Some(CONTEXT_1) {
        let wrapper = r.read("the public key").map_err(der_err)?;
        let mut w = wrapper.reader();
        let bits = w
            .expect(tag::BIT_STRING, "the public key BIT STRING")
            .map_err(der_err)?;
        w.finish("the public key").map_err(der_err)?;
        Some((
            bits.bit_string_bytes("the public key").map_err(der_err)?,
            bits.content_offset + 1,
        ))
    } else {
        None
    };
    r.finish("the EC private key").map_err(der_err)?;

    let curve = match (inner, outer) {
        (Some((a, offset)), Some(b)) if a != b => {
            return Err(at(
                offset,
                format!(
                    "the key names curve {} inside, but {} outside",
                    a.name(),
                    b.name()
                ),
            ))
        }
        (Some((c, _)), _) | (None, Some(c)) => c,
        (None, None) => {
            return Err(at(
                seq.offset,
                "the EC private key does not name its curve (no parameters [0]); export it with its curve, e.g. `openssl ec -in key.pem -param_enc named_curve`",
            ))
        }
    };
    let len = curve.coordinate_len();
    let zeros = d.contents.iter().take_while(|&&b| b == 0).count();
    let digits = &d.contents[zeros..];
    if digits.len() > len || digits.is_empty() {
        return Err(at(
            d.content_offset,
            if digits.is_empty() {
                "the private key is zero".to_string()
            } else {
                format!(
                    "a {} private key has at most {len} bytes, not {}",
                    curve.name(),
                    d.contents.len()
                )
            },
        ));
    }
    let mut padded = vec![0; len - digits.len()];
    padded.extend_from_slice(digits);
    let mut notes = Vec::new();
    let point = match point {
        Some((bytes, _)) if matches!(bytes.first(), Some(0x02 | 0x03)) => {
            notes.push("the key's public point is compressed, so it was left aside".to_string());
            None
        }
        Some((bytes, offset)) => match spki::ec_point(curve, bytes, offset)? {
            super::super::PublicKey::Ec { x, y, .. } => Some((x, y)),
            _ => None,
        },
        None => None,
    };
    Ok((
        PrivateNumbers::Ec {
            curve,
            d: padded,
            point,
        },
        notes,
    ))
}

/// PKCS#8 PrivateKeyInfo DER (version 0, no attributes) for the numbers.
pub fn pkcs8(numbers: &PrivateNumbers) -> Vec<u8> {
    let (algorithm, key) = match numbers {
        PrivateNumbers::Rsa(k) => (sequence(&[&oid(spki::RSA_ENCRYPTION), &null()]), pkcs1(k)),
        PrivateNumbers::Ec { curve, d, point } => {
            let mut parts = vec![small_integer(1), octet_string(d)];
            if let Some((x, y)) = point {
                parts.push(explicit(1, &bit_string(&[&[0x04][..], x, y].concat())));
            }
            let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
            (
                sequence(&[&oid(spki::EC_PUBLIC_KEY), &oid(spki::curve_oid(*curve))]),
                sequence(&parts),
            )
        }
        PrivateNumbers::Ed25519 { d, .. } => (
            sequence(&[&oid(spki::okp_oid(OkpCurve::Ed25519))]),
            octet_string(d),
        ),
    };
    sequence(&[&small_integer(0), &algorithm, &octet_string(&key)])
}

/// PKCS#1 RSAPrivateKey DER (two primes, version 0).
pub fn pkcs1(k: &RsaPrivate) -> Vec<u8> {
    let ints: Vec<Vec<u8>> = [&k.n, &k.e, &k.d, &k.p, &k.q, &k.dp, &k.dq, &k.qi]
        .iter()
        .map(|v| unsigned_integer(v))
        .collect();
    let mut parts: Vec<&[u8]> = vec![&[0x02, 0x01, 0x00]];
    parts.extend(ints.iter().map(Vec::as_slice));
    sequence(&parts)
}

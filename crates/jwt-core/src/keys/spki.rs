//! Key structures in DER: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1 `RSAPublicKey`
//! (RFC 8017 §A.1.1), and the recognition of private keys (PKCS#8, PKCS#1, SEC 1).

use super::der::{self, tag, Reader, Tlv};
use super::{EcCurve, KeyError, KeyErrorKind, OkpCurve, PublicKey};

/// rsaEncryption, 1.2.840.113549.1.1.1.
pub(super) const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// id-RSASSA-PSS, 1.2.840.113549.1.1.10 (an RSA key restricted to PSS).
pub(super) const RSASSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
/// id-ecPublicKey, 1.2.840.10045.2.1.
pub(super) const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// Named curves (RFC 5480 §2.1.1.1, SEC 2).
pub(super) const CURVES: &[(&[u8], EcCurve)] = &[
    (
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        EcCurve::P256,
    ),
    (&[0x2b, 0x81, 0x04, 0x00, 0x22], EcCurve::P384),
    (&[0x2b, 0x81, 0x04, 0x00, 0x23], EcCurve::P521),
    (&[0x2b, 0x81, 0x04, 0x00, 0x0a], EcCurve::Secp256k1),
];
/// RFC 8410 algorithm identifiers, which are also the curves.
pub(super) const OKP: &[(&[u8], OkpCurve)] = &[
    (&[0x2b, 0x65, 0x70], OkpCurve::Ed25519),
    (&[0x2b, 0x65, 0x71], OkpCurve::Ed448),
    (&[0x2b, 0x65, 0x6e], OkpCurve::X25519),
    (&[0x2b, 0x65, 0x6f], OkpCurve::X448),
];
/// Algorithms people may paste that are not JWS signature keys.
const OTHER_ALGORITHMS: &[(&str, &str)] = &[
    ("1.2.840.10040.4.1", "a DSA key (no JWS algorithm uses DSA)"),
    ("1.2.840.10046.2.1", "a Diffie-Hellman key"),
    ("1.2.643.7.1.1.1.1", "a GOST R 34.10-2012 key"),
    ("1.2.156.10197.1.301", "an SM2 key"),
];

/// The named-curve OID of an EC curve (its encoded contents).
pub(super) fn curve_oid(curve: EcCurve) -> &'static [u8] {
    CURVES
        .iter()
        .find(|(_, c)| *c == curve)
        .map_or(&[][..], |(oid, _)| *oid)
}

/// The RFC 8410 algorithm OID of an OKP curve (its encoded contents).
pub(super) fn okp_oid(curve: OkpCurve) -> &'static [u8] {
    OKP.iter()
        .find(|(_, c)| *c == curve)
        .map_or(&[][..], |(oid, _)| *oid)
}

fn der_err(e: der::DerError) -> KeyError {
    KeyError::der(e)
}

/// Reads a DER SubjectPublicKeyInfo that is the whole input.
pub fn read_spki(data: &[u8]) -> Result<PublicKey, KeyError> {
    let tlv = der::single(data, tag::SEQUENCE, "SubjectPublicKeyInfo").map_err(der_err)?;
    spki_from(tlv)
}

/// Reads a SubjectPublicKeyInfo element (also the one inside a certificate).
pub fn spki_from(tlv: Tlv<'_>) -> Result<PublicKey, KeyError> {
    let mut r = tlv.reader();
    let alg = r
        .expect(tag::SEQUENCE, "the algorithm identifier")
        .map_err(der_err)?;
    let key = r
        .expect(tag::BIT_STRING, "the public key BIT STRING")
        .map_err(der_err)?;
    r.finish("SubjectPublicKeyInfo").map_err(der_err)?;
    let mut a = alg.reader();
    let oid = a.expect(tag::OID, "the algorithm OID").map_err(der_err)?;
    let params = if a.is_empty() {
        None
    } else {
        Some(a.read("the algorithm parameters").map_err(der_err)?)
    };
    a.finish("the algorithm identifier").map_err(der_err)?;
    let bits = key.bit_string_bytes("the public key").map_err(der_err)?;
    let bits_offset = key.content_offset + 1;
    if oid.contents == RSA_ENCRYPTION || oid.contents == RSASSA_PSS {
        return read_pkcs1_at(bits, bits_offset);
    }
    if oid.contents == EC_PUBLIC_KEY {
        let Some(params) = params else {
            return Err(KeyError::der(der::DerError {
                offset: oid.offset,
                message: "an EC key without its curve".into(),
            }));
        };
        if params.tag != tag::OID {
            return Err(KeyError::new(
                KeyErrorKind::Unsupported,
                None,
                "the EC key gives explicit curve parameters instead of a named curve; only named curves (P-256, P-384, P-521) are used by JWS",
            ));
        }
        let Some(&(_, curve)) = CURVES.iter().find(|(c, _)| *c == params.contents) else {
            return Err(KeyError::new(
                KeyErrorKind::Unsupported,
                None,
                format!(
                    "the EC key is on curve {}, which no JWS algorithm uses",
                    der::oid_text(params.contents)
                ),
            ));
        };
        return ec_point(curve, bits, bits_offset);
    }
    if let Some(&(_, curve)) = OKP.iter().find(|(o, _)| *o == oid.contents) {
        if bits.len() != curve.key_len() {
            return Err(KeyError::der(der::DerError {
                offset: bits_offset,
                message: format!(
                    "an {} key has {} bytes, not {}",
                    curve.name(),
                    curve.key_len(),
                    bits.len()
                ),
            }));
        }
        return Ok(PublicKey::Okp {
            curve,
            x: bits.to_vec(),
        });
    }
    let dotted = der::oid_text(oid.contents);
    let what = OTHER_ALGORITHMS
        .iter()
        .find(|(o, _)| *o == dotted)
        .map_or_else(
            || format!("a key of algorithm {dotted}, which no JWS algorithm uses"),
            |(_, w)| (*w).to_string(),
        );
    Err(KeyError::new(
        KeyErrorKind::Unsupported,
        None,
        format!("this is {what}"),
    ))
}

/// Reads an uncompressed SEC 1 point `04 ‖ x ‖ y`.
pub fn ec_point(curve: EcCurve, point: &[u8], offset: usize) -> Result<PublicKey, KeyError> {
    let n = curve.coordinate_len();
    match point.first() {
        Some(0x04) if point.len() == 1 + 2 * n => Ok(PublicKey::Ec {
            curve,
            x: point[1..=n].to_vec(),
            y: point[1 + n..].to_vec(),
        }),
        Some(0x02 | 0x03) => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            format!(
                "the {} point is compressed; export the key with an uncompressed point",
                curve.name()
            ),
        )),
        Some(0x04) => Err(KeyError::der(der::DerError {
            offset,
            message: format!(
                "a {} point has {} bytes, not {}",
                curve.name(),
                1 + 2 * n,
                point.len()
            ),
        })),
        _ => Err(KeyError::der(der::DerError {
            offset,
            message: format!("not an EC point on {}", curve.name()),
        })),
    }
}

/// Reads a DER PKCS#1 `RSAPublicKey` that is the whole input.
pub fn read_pkcs1(data: &[u8]) -> Result<PublicKey, KeyError> {
    read_pkcs1_at(data, 0)
}

fn read_pkcs1_at(data: &[u8], base: usize) -> Result<PublicKey, KeyError> {
    let shift = |mut e: der::DerError| {
        e.offset += base;
        KeyError::der(e)
    };
    let seq = der::single(data, tag::SEQUENCE, "the RSA public key").map_err(shift)?;
    let mut r = seq.reader();
    let n = r
        .read("the modulus")
        .and_then(|t| t.unsigned_integer("the modulus"))
        .map_err(shift)?;
    let e = r
        .read("the public exponent")
        .and_then(|t| t.unsigned_integer("the public exponent"))
        .map_err(shift)?;
    r.finish("the RSA public key").map_err(shift)?;
    if n == [0] || e == [0] {
        return Err(KeyError::new(
            KeyErrorKind::Der,
            None,
            "the RSA modulus and exponent must not be zero",
        ));
    }
    Ok(PublicKey::Rsa {
        n: n.to_vec(),
        e: e.to_vec(),
    })
}

/// What a DER structure is, judged by its shape; used to name private keys and to read bare DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// SEQUENCE { SEQUENCE { OID … }, BIT STRING }.
    Spki,
    /// SEQUENCE { INTEGER, INTEGER }.
    Pkcs1Public,
    /// SEQUENCE { SEQUENCE (tbs), SEQUENCE (alg), BIT STRING }.
    Certificate,
    /// SEQUENCE { INTEGER 0|1, SEQUENCE { OID … }, OCTET STRING … } (PKCS#8).
    Pkcs8Private,
    /// SEQUENCE { INTEGER 0, INTEGER n, INTEGER e, INTEGER d, … } (PKCS#1).
    Pkcs1Private,
    /// SEQUENCE { INTEGER 1, OCTET STRING, … } (SEC 1).
    Sec1Private,
    /// SEQUENCE { INTEGER 0|1 ... } of PKCS#8 EncryptedPrivateKeyInfo shape.
    EncryptedPrivate,
    /// Something else.
    Unknown,
}

/// Judges the shape of a DER structure without reading it fully.
pub fn shape(data: &[u8]) -> Shape {
    let Ok(seq) = der::single(data, tag::SEQUENCE, "key") else {
        return Shape::Unknown;
    };
    let mut r: Reader<'_> = seq.reader();
    let tags: Vec<u8> = std::iter::from_fn(|| r.read("element").ok().map(|t| t.tag))
        .take(10)
        .collect();
    match tags.as_slice() {
        [tag::SEQUENCE, tag::BIT_STRING] => Shape::Spki,
        [tag::INTEGER, tag::INTEGER] => Shape::Pkcs1Public,
        [tag::SEQUENCE, tag::SEQUENCE, tag::BIT_STRING] => Shape::Certificate,
        [tag::INTEGER, tag::SEQUENCE, tag::OCTET_STRING, ..] => Shape::Pkcs8Private,
        [tag::INTEGER, tag::OCTET_STRING, ..] => Shape::Sec1Private,
        [tag::SEQUENCE, tag::OCTET_STRING] => Shape::EncryptedPrivate,
        ints if ints.len() >= 6 && ints.iter().all(|&t| t == tag::INTEGER) => Shape::Pkcs1Private,
        _ => Shape::Unknown,
    }
}

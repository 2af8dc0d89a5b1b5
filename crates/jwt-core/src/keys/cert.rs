//! X.509 certificates (RFC 5280 §4.1): the subject public key, and the subject, issuer and
//! validity shown to the user. Nothing is verified: no chain, no signature, no trust.

use super::der::{self, tag, Tlv};
use super::{spki, Certificate, KeyError, PublicKey};

/// Attribute types shown by their short names (RFC 4514 §3 and common practice).
const ATTRIBUTES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "title"),
    ("2.5.4.42", "GN"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
];

fn der_err(e: der::DerError) -> KeyError {
    KeyError::der(e)
}

/// Reads a DER certificate that is the whole input: its public key and what it says.
pub fn read(data: &[u8]) -> Result<(PublicKey, Certificate), KeyError> {
    let cert = der::single(data, tag::SEQUENCE, "the certificate").map_err(der_err)?;
    let mut c = cert.reader();
    let tbs = c
        .expect(tag::SEQUENCE, "the to-be-signed certificate")
        .map_err(der_err)?;
    c.expect(tag::SEQUENCE, "the signature algorithm")
        .map_err(der_err)?;
    c.expect(tag::BIT_STRING, "the signature")
        .map_err(der_err)?;
    c.finish("the certificate").map_err(der_err)?;

    let mut t = tbs.reader();
    if t.peek_tag() == Some(0xa0) {
        t.read("the version").map_err(der_err)?;
    }
    t.expect(tag::INTEGER, "the serial number")
        .map_err(der_err)?;
    t.expect(tag::SEQUENCE, "the signature algorithm")
        .map_err(der_err)?;
    let issuer = t.expect(tag::SEQUENCE, "the issuer").map_err(der_err)?;
    let validity = t.expect(tag::SEQUENCE, "the validity").map_err(der_err)?;
    let subject = t.expect(tag::SEQUENCE, "the subject").map_err(der_err)?;
    let key = t
        .expect(tag::SEQUENCE, "the subject public key info")
        .map_err(der_err)?;
    // Unique identifiers and extensions follow; they are not needed here.

    let mut v = validity.reader();
    let not_before = time(v.read("notBefore").map_err(der_err)?)?;
    let not_after = time(v.read("notAfter").map_err(der_err)?)?;
    v.finish("the validity").map_err(der_err)?;

    let (subject_text, common_name) = name(subject)?;
    let (issuer_text, _) = name(issuer)?;
    let public = spki::spki_from(key)?;
    Ok((
        public,
        Certificate {
            subject: subject_text,
            issuer: issuer_text,
            common_name,
            not_before,
            not_after,
        },
    ))
}

/// A Name as `CN=…, O=…` in the order it is encoded, and its first common name.
fn name(seq: Tlv<'_>) -> Result<(String, Option<String>), KeyError> {
    let mut parts = Vec::new();
    let mut common_name = None;
    let mut rdns = seq.reader();
    while !rdns.is_empty() {
        let set = rdns.expect(tag::SET, "a name component").map_err(der_err)?;
        let mut atvs = set.reader();
        while !atvs.is_empty() {
            let atv = atvs
                .expect(tag::SEQUENCE, "a name attribute")
                .map_err(der_err)?;
            let mut a = atv.reader();
            let oid = a.expect(tag::OID, "the attribute type").map_err(der_err)?;
            let value = a.read("the attribute value").map_err(der_err)?;
            let dotted = der::oid_text(oid.contents);
            let short = ATTRIBUTES
                .iter()
                .find(|(o, _)| *o == dotted)
                .map_or(dotted.as_str(), |(_, s)| s);
            let text = string_value(value);
            if short == "CN" && common_name.is_none() {
                common_name = Some(text.clone());
            }
            parts.push(format!("{short}={text}"));
        }
    }
    Ok((parts.join(", "), common_name))
}

/// The text of a directory string; other values are shown as hex (`#…`, as RFC 4514 does).
fn string_value(value: Tlv<'_>) -> String {
    let bytes = value.contents;
    let text = match value.tag {
        tag::UTF8_STRING | tag::PRINTABLE_STRING | tag::IA5_STRING => {
            String::from_utf8(bytes.to_vec()).ok()
        }
        // TeletexString is in practice Latin-1.
        tag::T61_STRING => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        tag::BMP_STRING if bytes.len().is_multiple_of(2) => char::decode_utf16(
            bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]])),
        )
        .collect::<Result<String, _>>()
        .ok(),
        tag::UNIVERSAL_STRING if bytes.len().is_multiple_of(4) => bytes
            .chunks_exact(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
            .collect(),
        _ => None,
    };
    text.unwrap_or_else(|| format!("#{}", crate::token::hex(value.raw)))
}

/// A UTCTime or GeneralizedTime as Unix seconds (RFC 5280 §4.1.2.5: `YYMMDDHHMMSSZ` or
/// `YYYYMMDDHHMMSSZ`).
fn time(value: Tlv<'_>) -> Result<Option<i64>, KeyError> {
    // Times are ASCII digits and 'Z'; anything else is refused before it is sliced.
    let text = std::str::from_utf8(value.contents)
        .ok()
        .filter(|t| t.is_ascii())
        .unwrap_or_default();
    let shown = String::from_utf8_lossy(value.contents);
    let full = match value.tag {
        tag::UTC_TIME if text.len() == 13 => {
            let yy: u32 = text[..2].parse().unwrap_or(0);
            let century = if yy >= 50 { "19" } else { "20" };
            format!("{century}{text}")
        }
        tag::GENERALIZED_TIME if text.len() == 15 => text.to_string(),
        tag::UTC_TIME | tag::GENERALIZED_TIME => {
            return Err(KeyError::der(der::DerError {
                offset: value.offset,
                message: format!("the time '{shown}' is not in the form RFC 5280 requires"),
            }))
        }
        other => {
            return Err(KeyError::der(der::DerError {
                offset: value.offset,
                message: format!("expected a time, found {}", der::tag_name(other)),
            }))
        }
    };
    let digits_ok =
        full.len() == 15 && full.ends_with('Z') && full[..14].bytes().all(|b| b.is_ascii_digit());
    if !digits_ok {
        return Err(KeyError::der(der::DerError {
            offset: value.offset,
            message: format!("the time '{shown}' is not in the form RFC 5280 requires"),
        }));
    }
    let rfc3339 = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &full[..4],
        &full[4..6],
        &full[6..8],
        &full[8..10],
        &full[10..12],
        &full[12..14]
    );
    // 99991231235959Z means "no expiry" (RFC 5280 §4.1.2.5); parse_instant accepts it.
    crate::clock_text::parse_instant(&rfc3339)
        .map(Some)
        .map_err(|e| {
            KeyError::der(der::DerError {
                offset: value.offset,
                message: format!("the time '{text}' is not a date: {e}"),
            })
        })
}

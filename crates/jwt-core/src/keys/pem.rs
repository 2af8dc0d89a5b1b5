//! PEM text (RFC 7468): `-----BEGIN label-----`, base64 lines, `-----END label-----`. Errors
//! name the line of the pasted text. Also bare base64 DER, without the PEM lines.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

use super::spki::{self, Shape};
use super::{cert, Key, KeyError, KeyErrorKind, KeyForm, KeyLocation, KeySet};

const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// PEM text for DER (RFC 7468 §2): the BEGIN line, base64 in lines of 64 characters, the END
/// line, and a final line break.
pub fn encode(label: &str, der: &[u8]) -> String {
    let body = BASE64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        // Base64 is ASCII, so every chunk is text.
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// One PEM block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The label, e.g. `PUBLIC KEY`.
    pub label: String,
    /// The line of the BEGIN line (1-based).
    pub line: usize,
    /// The decoded contents.
    pub der: Vec<u8>,
}

fn pem_error(kind: KeyErrorKind, line: usize, message: impl Into<String>) -> KeyError {
    KeyError::new(kind, Some(KeyLocation::PemLine { line }), message)
}

/// A block whose END line has not been read yet.
struct Open {
    label: String,
    begin: usize,
    body: String,
    /// Where each line starts in `body`, and its line number.
    starts: Vec<(usize, usize)>,
}

/// Splits text into PEM blocks, decoding each; text outside blocks is ignored (RFC 7468 §2).
pub fn blocks(text: &str) -> Result<Vec<Block>, KeyError> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    for (i, raw_line) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw_line.trim();
        if let Some(rest) = line.strip_prefix("-----BEGIN ") {
            if let Some(Open { label, begin, .. }) = &open {
                return Err(pem_error(
                    KeyErrorKind::Pem,
                    number,
                    format!("a new BEGIN line, but '{label}' from line {begin} has no END line"),
                ));
            }
            let label = rest.strip_suffix("-----").ok_or_else(|| {
                pem_error(
                    KeyErrorKind::Pem,
                    number,
                    "the BEGIN line does not end with '-----'",
                )
            })?;
            open = Some(Open {
                label: label.to_string(),
                begin: number,
                body: String::new(),
                starts: Vec::new(),
            });
            continue;
        }
        if let Some(rest) = line.strip_prefix("-----END ") {
            let Some(Open {
                label,
                begin,
                body,
                starts,
            }) = open.take()
            else {
                return Err(pem_error(
                    KeyErrorKind::Pem,
                    number,
                    "an END line without a BEGIN line",
                ));
            };
            let end_label = rest.strip_suffix("-----").unwrap_or(rest);
            if end_label != label {
                return Err(pem_error(
                    KeyErrorKind::Pem,
                    number,
                    format!("END '{end_label}' does not match BEGIN '{label}' on line {begin}"),
                ));
            }
            let der = decode_body(&body, &starts, number)?;
            if der.is_empty() {
                return Err(pem_error(
                    KeyErrorKind::Pem,
                    begin,
                    format!("the '{label}' block is empty"),
                ));
            }
            out.push(Block {
                label,
                line: begin,
                der,
            });
            continue;
        }
        let Some(Open {
            label,
            body,
            starts,
            ..
        }) = open.as_mut()
        else {
            continue;
        };
        if line.is_empty() {
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            // RFC 1421 headers of legacy (OpenSSL "traditional") PEM.
            if name.trim().eq_ignore_ascii_case("Proc-Type") && value.contains("ENCRYPTED") {
                return Err(pem_error(
                    KeyErrorKind::Encrypted,
                    number,
                    format!("the '{label}' block is encrypted ({})", value.trim()),
                ));
            }
            continue;
        }
        if let Some((pos, c)) = line
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
        {
            let column = line[..pos].chars().count() + 1;
            let hint = if matches!(c, '-' | '_') {
                " (base64url; PEM uses standard base64)"
            } else {
                ""
            };
            return Err(pem_error(
                KeyErrorKind::Base64,
                number,
                format!(
                    "character {column} ({}) is not base64{hint}",
                    crate::b64url::describe_char(c)
                ),
            ));
        }
        starts.push((body.len(), number));
        body.push_str(line);
    }
    if let Some(Open { label, begin, .. }) = open {
        return Err(pem_error(
            KeyErrorKind::Pem,
            begin,
            format!("'{label}' has no END line: the text looks cut off"),
        ));
    }
    Ok(out)
}

/// Decodes a block's base64, naming the line of the first bad character.
fn decode_body(
    body: &str,
    starts: &[(usize, usize)],
    end_line: usize,
) -> Result<Vec<u8>, KeyError> {
    let line_of = |offset: usize| {
        starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= offset)
            .map_or(end_line, |&(_, line)| line)
    };
    BASE64.decode(body).map_err(|e| match e {
        base64::DecodeError::InvalidByte(offset, b) => pem_error(
            KeyErrorKind::Base64,
            line_of(offset),
            format!(
                "'{}' in the middle of the base64 text (padding belongs only at the end)",
                char::from(b)
            ),
        ),
        base64::DecodeError::InvalidLastSymbol(offset, _) => pem_error(
            KeyErrorKind::Base64,
            line_of(offset),
            "the last base64 character has bits set that do not belong to any byte",
        ),
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidPadding => pem_error(
            KeyErrorKind::Base64,
            line_of(body.len().saturating_sub(1)),
            format!(
                "{} base64 characters cannot be whole bytes: the text looks cut off",
                body.trim_end_matches('=').len()
            ),
        ),
    })
}

/// PEM pasted on one line: from a JSON string (with `\n` escapes) or an environment variable
/// (with spaces). The text is rewrapped, and the note says so.
fn unwrap_one_line(text: &str) -> Option<(String, &'static str)> {
    let t = text.trim();
    if t.lines().count() > 1 {
        return None;
    }
    if t.contains("\\n") {
        let lines = t.replace("\\r\\n", "\n").replace("\\n", "\n");
        return Some((
            lines,
            "the PEM text had '\\n' escapes instead of line breaks; it was read with line breaks",
        ));
    }
    let begin = t.find("-----BEGIN ")?;
    let header_end = begin + 11 + t[begin + 11..].find("-----")? + 5;
    let end = header_end + t[header_end..].find("-----END ")?;
    let body: Vec<&str> = t[header_end..end].split_whitespace().collect();
    Some((
        format!(
            "{}\n{}\n{}",
            &t[begin..header_end],
            body.join("\n"),
            &t[end..]
        ),
        "the PEM text was on one line; it was read as if wrapped",
    ))
}

/// Splits PEM text into blocks like [`blocks`], and also reads PEM pasted on one line. Lines
/// (of blocks and errors) are those of `text`; the notes say what was rewrapped.
pub fn blocks_as_pasted(text: &str) -> Result<(Vec<Block>, Vec<String>), KeyError> {
    let Some((wrapped, note)) = unwrap_one_line(text) else {
        return Ok((blocks(text)?, Vec::new()));
    };
    // The pasted text is one line, so every block and every PEM error is on it.
    let line = text[..text.len() - text.trim_start().len()]
        .matches('\n')
        .count()
        + 1;
    let mut found = blocks(&wrapped).map_err(|mut e| {
        if let Some(KeyLocation::PemLine { line: at }) = &mut e.location {
            *at = line;
        }
        e
    })?;
    for block in &mut found {
        block.line = line;
    }
    Ok((found, vec![note.to_string()]))
}

/// Reads PEM text: the first public key or certificate it holds.
pub fn read(text: &str) -> Result<KeySet, KeyError> {
    let (blocks, notes) = blocks_as_pasted(text)?;
    let mut set = read_blocks(&blocks)?;
    set.notes.extend(notes);
    Ok(set)
}

fn read_blocks(blocks: &[Block]) -> Result<KeySet, KeyError> {
    if let Some(private) = blocks.iter().find(|b| private_label(&b.label).is_some()) {
        let what = private_label(&private.label).unwrap_or_default();
        let mut e = KeyError::private_key(what);
        if private.label.starts_with("ENCRYPTED") {
            e.kind = KeyErrorKind::Encrypted;
        }
        e.location = Some(KeyLocation::PemLine { line: private.line });
        return Err(e);
    }
    let usable: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.label != "EC PARAMETERS")
        .collect();
    let Some(first) = usable.first() else {
        return Err(KeyError::new(
            KeyErrorKind::Pem,
            None,
            "no complete PEM block (BEGIN … END) was found",
        ));
    };
    let within = format!("PEM block at line {}", first.line);
    let key = match first.label.as_str() {
        "PUBLIC KEY" => {
            spki::read_spki(&first.der).map(|k| Key::bare(k, KeyForm::PemSpki))
        }
        "RSA PUBLIC KEY" => {
            spki::read_pkcs1(&first.der).map(|k| Key::bare(k, KeyForm::PemPkcs1))
        }
        "CERTIFICATE" | "X509 CERTIFICATE" => cert::read(&first.der).map(|(k, c)| Key {
            certificate: Some(c),
            ..Key::bare(k, KeyForm::PemCertificate)
        }),
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            Some(KeyLocation::PemLine { line: first.line }),
            "this is a certificate signing request, not a certificate; paste the issued certificate or the public key",
        )),
        other => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            Some(KeyLocation::PemLine { line: first.line }),
            format!("a PEM '{other}' block holds no public key this inspector reads (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)"),
        )),
    }
    .map_err(|e| e.within(&within))?;
    let mut set = KeySet::single(key);
    let more = usable.len() - 1;
    if more > 0 {
        let chain = usable.iter().all(|b| b.label.ends_with("CERTIFICATE"));
        set.notes.push(if chain {
            format!("the text holds a chain of {} certificates; the first (the one whose key signs) is used", usable.len())
        } else {
            format!("the text holds {} PEM blocks; only the first, at line {}, is used", usable.len(), first.line)
        });
    }
    Ok(set)
}

/// What a private-key PEM label holds, e.g. "PKCS#8".
fn private_label(label: &str) -> Option<&'static str> {
    Some(match label {
        "PRIVATE KEY" => "PEM PRIVATE KEY, PKCS#8",
        "RSA PRIVATE KEY" => "PEM RSA PRIVATE KEY, PKCS#1",
        "EC PRIVATE KEY" => "PEM EC PRIVATE KEY, SEC 1",
        "ENCRYPTED PRIVATE KEY" => "PEM ENCRYPTED PRIVATE KEY, PKCS#8",
        "OPENSSH PRIVATE KEY" => "an OpenSSH private key",
        "DSA PRIVATE KEY" => "PEM DSA PRIVATE KEY",
        _ => return None,
    })
}

/// The bytes of base64 text without PEM lines (whitespace allowed, either alphabet), when it is
/// base64 of at least 12 bytes.
pub fn bare_base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let looks_base64 = compact.len() >= 16
        && compact
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_'));
    if !looks_base64 {
        return None;
    }
    let standard = compact.replace('-', "+").replace('_', "/");
    BASE64.decode(standard.as_bytes()).ok()
}

/// Reads base64 DER without PEM lines (whitespace allowed): SPKI, a certificate or PKCS#1.
pub fn read_bare_der(text: &str) -> Result<KeySet, KeyError> {
    let unrecognized = || {
        KeyError::new(
            KeyErrorKind::Unrecognized,
            None,
            "this is not a key this inspector reads: paste a PEM public key or certificate (-----BEGIN …), a JWK or JWKS ({…}), or base64 DER",
        )
    };
    let der = bare_base64(text).ok_or_else(unrecognized)?;
    let key = match spki::shape(&der) {
        Shape::Spki => spki::read_spki(&der).map(|k| Key::bare(k, KeyForm::DerSpki)),
        Shape::Pkcs1Public => spki::read_pkcs1(&der).map(|k| Key::bare(k, KeyForm::DerPkcs1)),
        Shape::Certificate => cert::read(&der).map(|(k, c)| Key {
            certificate: Some(c),
            ..Key::bare(k, KeyForm::DerCertificate)
        }),
        Shape::Pkcs8Private => Err(KeyError::private_key("DER PKCS#8")),
        Shape::Pkcs1Private => Err(KeyError::private_key("DER PKCS#1 RSAPrivateKey")),
        Shape::Sec1Private => Err(KeyError::private_key("DER SEC 1 ECPrivateKey")),
        Shape::EncryptedPrivate => Err(KeyError {
            kind: KeyErrorKind::Encrypted,
            ..KeyError::private_key("an encrypted PKCS#8 key")
        }),
        Shape::Unknown => return Err(unrecognized()),
    }
    .map_err(|e| e.within("base64 DER"))?;
    Ok(KeySet::single(key))
}

/// Reads one base64 (standard alphabet) DER certificate, as an `x5c` entry holds it
/// (RFC 7515 §4.1.6).
pub fn certificate_from_base64(text: &str, form: KeyForm) -> Result<Key, KeyError> {
    let der = BASE64.decode(text.trim().as_bytes()).map_err(|e| {
        KeyError::new(
            KeyErrorKind::Base64,
            None,
            format!("the certificate is not base64 ({e})"),
        )
    })?;
    cert::read(&der)
        .map(|(k, c)| Key {
            certificate: Some(c),
            ..Key::bare(k, form)
        })
        .map_err(|e| e.within("x5c certificate 1"))
}

//! HMAC secrets as people type them: UTF-8 text, base64, base64url or hex.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// How the typed secret text is turned into key bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SecretEncoding {
    /// The text's UTF-8 bytes, as typed.
    #[default]
    Utf8,
    /// Standard base64 (`+`, `/`), padding optional.
    Base64,
    /// Base64url (`-`, `_`), padding optional; the form of a JWK `k` value.
    Base64url,
    /// Hexadecimal, two digits per byte, either case.
    Hex,
    /// "Try all": verification tries UTF-8, base64, base64url and hex, and names the one whose
    /// MAC matches. Read on its own (in [`decode`]) it is UTF-8.
    Auto,
}

impl SecretEncoding {
    /// Every encoding, in the order a selector lists them.
    pub const ALL: [SecretEncoding; 4] = [
        SecretEncoding::Utf8,
        SecretEncoding::Base64,
        SecretEncoding::Base64url,
        SecretEncoding::Hex,
    ];

    /// Every choice a selector offers: the four encodings, then "try all".
    pub const CHOICES: [SecretEncoding; 5] = [
        SecretEncoding::Utf8,
        SecretEncoding::Base64,
        SecretEncoding::Base64url,
        SecretEncoding::Hex,
        SecretEncoding::Auto,
    ];

    /// The stable code used in the UI and scripts: `utf8`, `base64`, `base64url`, `hex`, `auto`.
    pub fn code(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "utf8",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64url => "base64url",
            SecretEncoding::Hex => "hex",
            SecretEncoding::Auto => "auto",
        }
    }

    /// The encoding (or "try all") with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|e| e.code() == code)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "UTF-8 text",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64url => "base64url",
            SecretEncoding::Hex => "hex",
            SecretEncoding::Auto => "try all",
        }
    }
}

/// A secret as typed, with its encoding. Its `Debug` never shows the text.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretInput {
    /// The text in the secret field.
    pub text: String,
    /// How to read it.
    pub encoding: SecretEncoding,
}

impl std::fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretInput")
            .field("text", &"[redacted]")
            .field("encoding", &self.encoding)
            .finish()
    }
}

impl SecretInput {
    /// A secret given as UTF-8 text.
    pub fn utf8(text: impl Into<String>) -> Self {
        SecretInput {
            text: text.into(),
            encoding: SecretEncoding::Utf8,
        }
    }

    /// A secret with an explicit encoding.
    pub fn new(text: impl Into<String>, encoding: SecretEncoding) -> Self {
        SecretInput {
            text: text.into(),
            encoding,
        }
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The key bytes.
    pub fn decode(&self) -> Result<Vec<u8>, SecretError> {
        decode(&self.text, self.encoding)
    }
}

/// Why the secret text is not valid in its encoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretError {
    /// The chosen encoding.
    pub encoding: SecretEncoding,
    /// Character offset in the typed text, when one character is at fault.
    pub position: Option<usize>,
    /// The reason in words.
    pub message: String,
}

const LENIENT_PAD: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_padding_mode(DecodePaddingMode::Indifferent)
    .with_decode_allow_trailing_bits(true);
const B64: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT_PAD);
const B64URL: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT_PAD);

/// Decodes secret text in the given encoding. Surrounding whitespace is ignored except for UTF-8 text.
/// [`SecretEncoding::Auto`] decodes as UTF-8 here; verification tries every encoding.
pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Vec<u8>, SecretError> {
    let fail = |position: Option<usize>, message: String| SecretError {
        encoding,
        position,
        message,
    };
    match encoding {
        SecretEncoding::Utf8 | SecretEncoding::Auto => Ok(text.as_bytes().to_vec()),
        SecretEncoding::Hex => {
            let t = text.trim();
            if let Some(i) = t.chars().position(|c| !c.is_ascii_hexdigit()) {
                let c = t.chars().nth(i).unwrap_or(' ');
                return Err(fail(
                    Some(i),
                    format!(
                        "character {} ({}) is not a hex digit",
                        i + 1,
                        crate::b64url::describe_char(c)
                    ),
                ));
            }
            if t.len() % 2 == 1 {
                return Err(fail(
                    None,
                    format!(
                        "hex needs two digits per byte, but {} digits were given",
                        t.len()
                    ),
                ));
            }
            Ok((0..t.len())
                .step_by(2)
                .filter_map(|i| u8::from_str_radix(&t[i..i + 2], 16).ok())
                .collect())
        }
        SecretEncoding::Base64 | SecretEncoding::Base64url => {
            let t = text.trim();
            let (engine, extra, other) = if encoding == SecretEncoding::Base64 {
                (
                    &B64,
                    ['+', '/'],
                    "'-' and '_' belong to base64url; choose that encoding",
                )
            } else {
                (
                    &B64URL,
                    ['-', '_'],
                    "'+' and '/' belong to standard base64; choose that encoding",
                )
            };
            let body = t.trim_end_matches('=');
            if let Some(i) = body
                .chars()
                .position(|c| !(c.is_ascii_alphanumeric() || extra.contains(&c)))
            {
                let c = body.chars().nth(i).unwrap_or(' ');
                let hint = if matches!(c, '+' | '/' | '-' | '_') {
                    format!(": {other}")
                } else {
                    String::new()
                };
                return Err(fail(
                    Some(i),
                    format!(
                        "character {} ({}) is not {}{hint}",
                        i + 1,
                        crate::b64url::describe_char(c),
                        encoding.label()
                    ),
                ));
            }
            engine.decode(t).map_err(|_| {
                fail(
                    None,
                    format!(
                        "{} characters cannot be {}: the text looks cut off",
                        body.len(),
                        encoding.label()
                    ),
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_decodes_the_same_key() {
        let key = b"\xfb\xff\x00secret";
        for (text, enc) in [
            ("+/8Ac2VjcmV0", SecretEncoding::Base64),
            ("-_8Ac2VjcmV0", SecretEncoding::Base64url),
            ("FBff00736563726574", SecretEncoding::Hex),
        ] {
            assert_eq!(decode(text, enc).unwrap(), key, "{text}");
        }
        assert_eq!(
            decode("sécret", SecretEncoding::Utf8).unwrap(),
            "sécret".as_bytes()
        );
    }

    #[test]
    fn padding_is_optional_for_base64_forms() {
        assert_eq!(decode("YQ==", SecretEncoding::Base64).unwrap(), b"a");
        assert_eq!(decode("YQ", SecretEncoding::Base64url).unwrap(), b"a");
    }

    #[test]
    fn bad_hex_says_where() {
        let e = decode("abxz", SecretEncoding::Hex).unwrap_err();
        assert_eq!(e.position, Some(2));
        assert_eq!(e.message, "character 3 ('x') is not a hex digit");
        assert!(decode("abc", SecretEncoding::Hex)
            .unwrap_err()
            .message
            .contains("two digits"));
    }

    #[test]
    fn wrong_base64_alphabet_is_explained() {
        let e = decode("ab-_", SecretEncoding::Base64).unwrap_err();
        assert!(e.message.contains("choose that encoding"), "{}", e.message);
        let e = decode("ab+/", SecretEncoding::Base64url).unwrap_err();
        assert!(e.message.contains("standard base64"), "{}", e.message);
        let e = decode("abcde", SecretEncoding::Base64).unwrap_err();
        assert!(e.message.contains("cut off"), "{}", e.message);
    }

    #[test]
    fn utf8_keeps_whitespace() {
        assert_eq!(decode(" a ", SecretEncoding::Utf8).unwrap(), b" a ");
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let s = SecretInput::utf8("hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(
            SecretEncoding::from_code("auto"),
            Some(SecretEncoding::Auto)
        );
        assert!(!SecretEncoding::ALL.contains(&SecretEncoding::Auto));
        for e in SecretEncoding::CHOICES {
            assert_eq!(SecretEncoding::from_code(e.code()), Some(e));
        }
        assert_eq!(SecretEncoding::from_code("latin1"), None);
    }
}

//! Base64url decoding that explains itself: exact error positions and notes on non-canonical input.

use crate::byte_set::BASE64URL;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde::Serialize;

/// The strict engine: unpadded base64url, trailing bits must be zero.
const STRICT: GeneralPurpose = URL_SAFE_NO_PAD;

/// The lenient engine used once strictness has been reported: non-zero trailing bits are accepted.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// A way in which accepted input differs from the canonical unpadded base64url (RFC 7515 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Noncanonical {
    /// Trailing `=` padding, which JWS forbids.
    Padding,
    /// Characters of the standard base64 alphabet (`+` or `/`).
    StandardAlphabet,
    /// The last character carries non-zero unused bits, so several spellings decode to the same bytes.
    TrailingBits,
}

impl Noncanonical {
    /// A short phrase for people.
    pub fn message(self) -> &'static str {
        match self {
            Noncanonical::Padding => "has '=' padding, which JWS base64url omits",
            Noncanonical::StandardAlphabet => {
                "uses '+' or '/' from standard base64 instead of base64url's '-' and '_'"
            }
            Noncanonical::TrailingBits => {
                "has non-zero unused bits in its last character, so another spelling decodes to the same bytes"
            }
        }
    }
}

/// Bytes decoded from a segment, with what was accepted although not canonical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// Non-canonical features found, in a fixed order, without repeats.
    pub noncanonical: Vec<Noncanonical>,
}

/// Why a segment is not base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum DecodeError {
    /// A character outside the alphabet, at `position` (a byte offset in the segment).
    InvalidCharacter {
        /// Byte offset in the segment.
        position: usize,
        /// The offending character.
        character: char,
    },
    /// `=` somewhere other than at the end.
    MisplacedPadding {
        /// Byte offset in the segment.
        position: usize,
    },
    /// A length that no base64 encoding can have (4k + 1 characters).
    ImpossibleLength {
        /// Number of base64 characters (padding excluded).
        length: usize,
    },
}

impl DecodeError {
    /// The byte offset in the segment the error points at.
    pub fn position(&self) -> usize {
        match *self {
            DecodeError::InvalidCharacter { position, .. } => position,
            DecodeError::MisplacedPadding { position } => position,
            DecodeError::ImpossibleLength { length } => length.saturating_sub(1),
        }
    }

    /// The reason in words, without the segment name.
    pub fn message(&self) -> String {
        match self {
            DecodeError::InvalidCharacter { character, .. } => {
                format!("{} is not base64url", describe_char(*character))
            }
            DecodeError::MisplacedPadding { .. } => {
                "'=' padding may only appear at the end".to_string()
            }
            DecodeError::ImpossibleLength { length } => format!(
                "{length} character{} is not a possible base64url length (one character too many or too few: was the token cut off?)",
                if *length == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Shows a character so that invisible and control characters are visible.
pub fn describe_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("'{c}'")
    } else if c == ' ' {
        "a space".to_string()
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// What one pass over a segment's characters found, before any byte is decoded.
struct Scan<'a> {
    /// The segment without its trailing padding.
    body: &'a str,
    /// Whether `+` or `/` appear.
    standard: bool,
    /// Padding and standard-alphabet notes; trailing bits are judged afterwards.
    noncanonical: Vec<Noncanonical>,
}

/// What is known of a segment's characters before [`decode_as`] or [`check_as`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// Nothing: every character is checked.
    Unchecked,
    /// Every character is a base64url character (the token reader checked the whole token in
    /// one pass), so only the length and the trailing bits are left to check.
    Url,
}

/// Checks every character and the length: the errors [`decode`] and [`check`] share.
fn scan(segment: &str, alphabet: Alphabet) -> Result<Scan<'_>, DecodeError> {
    let bytes = segment.as_bytes();
    let mut noncanonical = Vec::new();
    // Where trailing padding starts; '=' before it is misplaced.
    let body_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b'=').count();
    let mut standard = false;
    // The usual case first: every character from the base64url alphabet, checked by table
    // unless the caller knows it already.
    debug_assert!(alphabet == Alphabet::Unchecked || BASE64URL.contains_all(bytes));
    let canonical = alphabet == Alphabet::Url || BASE64URL.contains_all(&bytes[..body_len]);
    let others = if canonical {
        &[][..]
    } else {
        &bytes[..body_len]
    };
    for (position, &b) in others.iter().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {}
            b'+' | b'/' => standard = true,
            b'=' => return Err(DecodeError::MisplacedPadding { position }),
            _ => {
                let character = segment[position..].chars().next().unwrap_or('\u{FFFD}');
                return Err(DecodeError::InvalidCharacter {
                    position,
                    character,
                });
            }
        }
    }
    if body_len < bytes.len() {
        noncanonical.push(Noncanonical::Padding);
    }
    if body_len % 4 == 1 {
        return Err(DecodeError::ImpossibleLength { length: body_len });
    }
    if standard {
        noncanonical.push(Noncanonical::StandardAlphabet);
    }
    Ok(Scan {
        body: &segment[..body_len],
        standard,
        noncanonical,
    })
}

/// Decodes one segment. Accepts padding and the standard alphabet, and says so in [`Decoded::noncanonical`].
pub fn decode(segment: &str) -> Result<Decoded, DecodeError> {
    decode_as(segment, Alphabet::Unchecked)
}

/// [`decode`], told what is known of the characters already.
pub fn decode_as(segment: &str, alphabet: Alphabet) -> Result<Decoded, DecodeError> {
    let Scan {
        body,
        standard,
        mut noncanonical,
    } = scan(segment, alphabet)?;
    let normalized;
    let body = if standard {
        normalized = body.replace('+', "-").replace('/', "_");
        normalized.as_str()
    } else {
        body
    };
    let bytes = match STRICT.decode(body) {
        Ok(bytes) => bytes,
        Err(_) => {
            // The alphabet and the length were checked above, so only the trailing bits can be at fault.
            noncanonical.push(Noncanonical::TrailingBits);
            LENIENT
                .decode(body)
                .map_err(|_| DecodeError::ImpossibleLength { length: body.len() })?
        }
    };
    Ok(Decoded {
        bytes,
        noncanonical,
    })
}

/// What [`decode`] would say of a segment, without decoding it: the same error or the same
/// non-canonical notes, in one pass and no allocation for the bytes.
pub fn check(segment: &str) -> Result<Vec<Noncanonical>, DecodeError> {
    check_as(segment, Alphabet::Unchecked)
}

/// [`check`], told what is known of the characters already.
pub fn check_as(segment: &str, alphabet: Alphabet) -> Result<Vec<Noncanonical>, DecodeError> {
    let Scan {
        body,
        mut noncanonical,
        ..
    } = scan(segment, alphabet)?;
    // The last character of a 2- or 3-character group carries 4 or 2 unused bits.
    let unused = match body.len() % 4 {
        2 => 0b1111,
        3 => 0b11,
        _ => 0,
    };
    if body.bytes().last().is_some_and(|c| sextet(c) & unused != 0) {
        noncanonical.push(Noncanonical::TrailingBits);
    }
    Ok(noncanonical)
}

/// The 6-bit value of a character of either base64 alphabet (one [`scan`] accepted).
fn sextet(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' | b'+' => 62,
        _ => 63,
    }
}

/// Encodes bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    STRICT.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_segment_decodes_without_notes() {
        let d = decode("eyJhbGciOiJIUzI1NiJ9").unwrap();
        assert_eq!(d.bytes, br#"{"alg":"HS256"}"#);
        assert!(d.noncanonical.is_empty());
    }

    #[test]
    fn padding_is_accepted_and_reported() {
        let d = decode("YQ==").unwrap();
        assert_eq!(d.bytes, b"a");
        assert_eq!(d.noncanonical, vec![Noncanonical::Padding]);
    }

    #[test]
    fn told_the_alphabet_decode_and_check_say_what_they_say_unchecked() {
        // Every length and trailing-bit case of base64url text: the same bytes, notes and errors.
        for len in 0..12 {
            for last in [b'A', b'B', b'Q', b'g', b'_'] {
                let mut text = vec![b'w'; len];
                if let Some(end) = text.last_mut() {
                    *end = last;
                }
                let text = std::str::from_utf8(&text).unwrap();
                assert_eq!(decode_as(text, Alphabet::Url), decode(text), "{text:?}");
                assert_eq!(check_as(text, Alphabet::Url), check(text), "{text:?}");
            }
        }
    }

    #[test]
    fn standard_alphabet_is_accepted_and_reported() {
        let d = decode("-_+/").unwrap();
        assert_eq!(d.bytes, decode("-_-_").unwrap().bytes);
        assert_eq!(d.noncanonical, vec![Noncanonical::StandardAlphabet]);
    }

    #[test]
    fn nonzero_trailing_bits_are_reported() {
        // "YR" has unused bits set; canonical is "YQ".
        let d = decode("YR").unwrap();
        assert_eq!(d.bytes, b"a");
        assert_eq!(d.noncanonical, vec![Noncanonical::TrailingBits]);
    }

    #[test]
    fn invalid_character_names_position_and_character() {
        let e = decode("abcd*efg").unwrap_err();
        assert_eq!(
            e,
            DecodeError::InvalidCharacter {
                position: 4,
                character: '*'
            }
        );
        assert_eq!(e.message(), "'*' is not base64url");
    }

    #[test]
    fn non_ascii_character_is_shown_as_code_point() {
        let e = decode("ab\u{200B}cd").unwrap_err();
        assert_eq!(e.position(), 2);
        assert_eq!(e.message(), "U+200B is not base64url");
    }

    #[test]
    fn padding_in_the_middle_is_an_error() {
        assert_eq!(
            decode("YQ==YQ").unwrap_err(),
            DecodeError::MisplacedPadding { position: 2 }
        );
    }

    #[test]
    fn impossible_length_is_an_error() {
        assert_eq!(
            decode("abcde").unwrap_err(),
            DecodeError::ImpossibleLength { length: 5 }
        );
    }

    #[test]
    fn check_says_what_decode_says() {
        let alphabet = b"AQYZaz09-_+/=*";
        // Every text of up to 5 characters over a small alphabet that covers each case.
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == texts.last().map_or(0, String::len))
                .flat_map(|t| alphabet.iter().map(move |&c| format!("{t}{}", c as char)))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 500_000);
        for text in &texts {
            assert_eq!(
                check(text),
                decode(text).map(|d| d.noncanonical),
                "{text:?}"
            );
        }
    }

    #[test]
    fn empty_segment_is_empty_bytes() {
        assert_eq!(decode("").unwrap().bytes, b"");
    }

    #[test]
    fn encode_round_trips() {
        for len in 0..40u8 {
            let data: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37)).collect();
            let text = encode(&data);
            let back = decode(&text).unwrap();
            assert_eq!(back.bytes, data);
            assert!(back.noncanonical.is_empty());
        }
    }
}

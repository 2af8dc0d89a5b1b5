//! The structure of a compact token: segments, base64url, header and payload documents.

use std::sync::Arc;

use serde::Serialize;

use crate::b64url::{self, Noncanonical};
use crate::input::{self, Candidate, Cleanup, Found};
use crate::json::{self, Document, JsonError};

/// The largest input accepted, in bytes; larger input is refused with a message saying so.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// A named part of a compact token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentName {
    /// JOSE header (JWS and JWE protected header).
    Header,
    /// JWS payload.
    Payload,
    /// JWS signature.
    Signature,
    /// JWE encrypted key.
    EncryptedKey,
    /// JWE initialization vector.
    Iv,
    /// JWE ciphertext.
    Ciphertext,
    /// JWE authentication tag.
    Tag,
}

impl SegmentName {
    /// The stable code: `header`, `payload`, `signature`, `encrypted-key`, `iv`, `ciphertext`, `tag`.
    pub fn code(self) -> &'static str {
        match self {
            SegmentName::Header => "header",
            SegmentName::Payload => "payload",
            SegmentName::Signature => "signature",
            SegmentName::EncryptedKey => "encrypted-key",
            SegmentName::Iv => "iv",
            SegmentName::Ciphertext => "ciphertext",
            SegmentName::Tag => "tag",
        }
    }
}

const JWS_SEGMENTS: [SegmentName; 3] = [
    SegmentName::Header,
    SegmentName::Payload,
    SegmentName::Signature,
];
const JWE_SEGMENTS: [SegmentName; 5] = [
    SegmentName::Header,
    SegmentName::EncryptedKey,
    SegmentName::Iv,
    SegmentName::Ciphertext,
    SegmentName::Tag,
];

/// The fixed vocabulary of structural failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StructureKind {
    /// Nothing but whitespace was given.
    EmptyInput,
    /// Neither 3 (JWS) nor 5 (JWE) dot-separated segments.
    WrongSegmentCount,
    /// A JWS segment is not base64url.
    InvalidBase64url,
    /// The header is not JSON (or not UTF-8).
    HeaderNotJson,
    /// The header is JSON, but not an object.
    HeaderNotObject,
    /// The header's JSON nests deeper than the parser allows. (A payload that does is shown as
    /// text: only the header is needed to check the signature.)
    NestingTooDeep,
    /// A 5-segment token that is not a well-formed JWE.
    InvalidJwe,
    /// The input is larger than [`MAX_INPUT_BYTES`].
    InputTooLarge,
    /// The input is a wrapper (a cURL command, HTTP headers, JSON, a URL, cookies) that holds no
    /// token.
    NoTokenFound,
}

impl StructureKind {
    /// The stable code used by the UI (`data-kind`) and scripts.
    pub fn code(self) -> &'static str {
        match self {
            StructureKind::EmptyInput => "empty-input",
            StructureKind::WrongSegmentCount => "wrong-segment-count",
            StructureKind::InvalidBase64url => "invalid-base64url",
            StructureKind::HeaderNotJson => "header-not-json",
            StructureKind::HeaderNotObject => "header-not-object",
            StructureKind::NestingTooDeep => "nesting-too-deep",
            StructureKind::InvalidJwe => "invalid-jwe",
            StructureKind::InputTooLarge => "input-too-large",
            StructureKind::NoTokenFound => "no-token-found",
        }
    }
}

/// Why the token cannot be read as it should, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StructureError {
    /// What kind of failure.
    pub kind: StructureKind,
    /// The segment at fault, when one is.
    pub segment: Option<SegmentName>,
    /// Byte offset in the segment's text, or in its decoded JSON when `decoded` is true.
    pub position: Option<usize>,
    /// True when `position` counts bytes of the decoded JSON rather than of the segment.
    pub decoded: bool,
    /// Byte offset in the cleaned token to highlight.
    pub offset: Option<usize>,
    /// The full explanation, e.g. "payload segment, byte 17: '*' is not base64url".
    pub message: String,
}

/// The kind of serialization recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Compact JWS: header.payload.signature.
    Jws,
    /// Compact JWE: five segments; the payload is encrypted.
    Jwe,
    /// Not recognised.
    Unknown,
}

/// A segment's place in the cleaned token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Which part it is.
    pub name: SegmentName,
    /// Byte offset of its first character in the token.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// The decoded payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Payload {
    /// JSON (normally an object of claims). Shared, so copies of a decoded token stay cheap.
    Json(Arc<Document>),
    /// UTF-8 text not shown as JSON: it is not JSON, or it is JSON this inspector does not lay out
    /// (nested too deep). The signature covers the bytes, so it is checked all the same.
    Text {
        /// The text.
        text: String,
        /// Why it is not shown as JSON, when it starts like JSON.
        json_error: Option<String>,
        /// How deep the JSON nests, when nesting deeper than [`json::MAX_DEPTH`] is the reason.
        #[serde(skip_serializing_if = "Option::is_none")]
        nesting_depth: Option<usize>,
    },
    /// Bytes that are not UTF-8.
    Binary {
        /// The bytes.
        #[serde(serialize_with = "as_hex")]
        bytes: Vec<u8>,
    },
    /// Empty payload segment: detached content (RFC 7515 Appendix F).
    Detached,
    /// The payload is encrypted (JWE).
    Encrypted,
    /// Not decoded (structure error, or no payload segment).
    Absent,
    /// Checked as base64url but not read, because only the signature was asked for
    /// ([`decode_signed`]).
    Unread,
}

/// Lower-case hex, two digits per byte.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn as_hex<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex(bytes))
}

impl Payload {
    /// The JSON document, when the payload is JSON.
    pub fn document(&self) -> Option<&Document> {
        match self {
            Payload::Json(doc) => Some(&**doc),
            _ => None,
        }
    }

    /// Why a payload is shown as text, in a sentence; `None` for the other kinds.
    pub fn text_note(&self) -> Option<String> {
        let Payload::Text {
            json_error,
            nesting_depth,
            ..
        } = self
        else {
            return None;
        };
        Some(match (nesting_depth, json_error) {
            (Some(depth), _) => format!(
                "The payload is JSON nested {depth} levels deep, deeper than the {} levels this inspector lays out, so it is shown as text. The signature covers these bytes and is checked as usual.",
                json::MAX_DEPTH
            ),
            (None, Some(e)) => format!("The payload looks like JSON but is not valid ({e}); shown as text."),
            (None, None) => "The payload is not JSON (JWS allows any content); shown as text.".to_string(),
        })
    }

    /// The claims object, when the payload is a JSON object.
    pub fn claims(&self) -> Option<&crate::json::Map> {
        match self {
            Payload::Json(doc) => doc.value.as_object(),
            _ => None,
        }
    }
}

/// Everything learned from the token text alone: no key, no clock.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decoded {
    /// Length of the input as given, in bytes.
    pub input_len: usize,
    /// What was removed from the input to find the token.
    pub cleanups: Vec<Cleanup>,
    /// The tokens found when the input held more than a token (a URL, a token response, cookies,
    /// HTTP headers, a cURL command, a log line, several tokens): JWTs first, in the order they
    /// appear, then opaque tokens. Empty when the input was the token itself.
    pub candidates: Vec<Candidate>,
    /// Which of `candidates` is decoded here (`None` when there are none); see [`decode_choice`].
    pub chosen: Option<usize>,
    /// The cleaned compact token (the chosen candidate's, when there are several).
    pub token: String,
    /// JWS, JWE or unknown.
    pub form: Form,
    /// Where each segment is in `token`.
    pub segments: Vec<Segment>,
    /// The header, when it is a JSON document.
    pub header: Option<Arc<Document>>,
    /// The payload.
    pub payload: Payload,
    /// The signature bytes, when they decode.
    #[serde(skip)]
    pub signature: Option<Vec<u8>>,
    /// Structural failures, most important first; empty when the token is well formed.
    pub errors: Vec<StructureError>,
    /// Segments accepted although not canonical base64url.
    pub noncanonical: Vec<(SegmentName, Noncanonical)>,
    /// What the token reader knows of `token`'s characters, so that segments are not checked
    /// character by character twice.
    #[serde(skip)]
    alphabet: b64url::Alphabet,
}

impl Decoded {
    /// The text a JWS signature covers: `header.payload` exactly as in the token.
    pub fn signing_input(&self) -> Option<&str> {
        if self.form != Form::Jws || self.segments.len() != 3 {
            return None;
        }
        Some(&self.token[..self.segments[1].end])
    }

    /// The text of one segment.
    pub fn segment_text(&self, name: SegmentName) -> Option<&str> {
        self.segments
            .iter()
            .find(|s| s.name == name)
            .map(|s| &self.token[s.start..s.end])
    }

    /// The candidate decoded here, when the token was found inside a larger text.
    pub fn chosen_candidate(&self) -> Option<&Candidate> {
        self.candidates.get(self.chosen?)
    }

    /// True when the token decoded without structural errors.
    pub fn is_well_formed(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Decodes pasted text into its parts. Never fails: problems are listed in [`Decoded::errors`].
/// When the text holds several tokens, the first JWT is decoded (the same as
/// `decode_choice(input, 0)`).
pub fn decode(input: &str) -> Decoded {
    decode_choice(input, 0)
}

/// Decodes candidate `choice` of the tokens found in pasted text (see [`Decoded::candidates`]);
/// a choice out of range decodes the first, as does any choice when the text is a single token.
pub fn decode_choice(input: &str, choice: usize) -> Decoded {
    decode_with(input, choice, Reading::Whole)
}

/// Decodes only what a signature check needs: the token is found and split, and every segment
/// is checked as base64url as [`decode`] does, but the payload's content is not read
/// ([`Payload::Unread`]), so a large payload costs no JSON model. The structure errors, and so the
/// verdict, are the same as [`decode`]'s.
pub fn decode_signed(input: &str) -> Decoded {
    decode_with(input, 0, Reading::SignatureOnly)
}

/// How much of a token [`decode_with`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Whole,
    SignatureOnly,
}

fn decode_with(input: &str, choice: usize, reading: Reading) -> Decoded {
    let mut decoded = Decoded {
        input_len: input.len(),
        cleanups: Vec::new(),
        candidates: Vec::new(),
        chosen: None,
        token: String::new(),
        form: Form::Unknown,
        segments: Vec::new(),
        header: None,
        payload: Payload::Absent,
        signature: None,
        errors: Vec::new(),
        noncanonical: Vec::new(),
        alphabet: b64url::Alphabet::Unchecked,
    };
    if input.len() > MAX_INPUT_BYTES {
        decoded.errors.push(StructureError {
            kind: StructureKind::InputTooLarge,
            segment: None,
            position: None,
            decoded: false,
            offset: None,
            message: format!(
                "The input is {} bytes; the limit is {} bytes (8 MiB). No real token is this large.",
                input.len(),
                MAX_INPUT_BYTES
            ),
        });
        return decoded;
    }
    let cleaned = match input::find(input) {
        Found::Token(cleaned) => cleaned,
        Found::Candidates(mut picks) => {
            let chosen = if choice < picks.len() { choice } else { 0 };
            decoded.chosen = Some(chosen);
            decoded.candidates = picks.iter().map(|p| p.candidate.clone()).collect();
            picks.swap_remove(chosen).cleaned
        }
        Found::NoToken(wrapper) => {
            // A JSON-serialized JWS is a token in the wrong form, as before: its error is the
            // segment count, with a message that says which form it is.
            let kind = match wrapper {
                input::Wrapper::JsonSerialization => StructureKind::WrongSegmentCount,
                _ => StructureKind::NoTokenFound,
            };
            decoded.errors.push(StructureError {
                kind,
                segment: None,
                position: None,
                decoded: false,
                offset: None,
                message: wrapper.no_token_message().to_string(),
            });
            return decoded;
        }
    };
    decoded.cleanups = cleaned.cleanups;
    decoded.token = cleaned.token;
    if cleaned.url_only {
        decoded.alphabet = b64url::Alphabet::Url;
    }
    if decoded.token.is_empty() {
        decoded.errors.push(StructureError {
            kind: StructureKind::EmptyInput,
            segment: None,
            position: None,
            decoded: false,
            offset: None,
            message: "Nothing to decode: paste a token (three base64url parts separated by dots)."
                .to_string(),
        });
        return decoded;
    }
    let ranges = split(&decoded.token);
    match ranges.len() {
        3 => {
            decoded.form = Form::Jws;
            decoded.segments = name_segments(&ranges, &JWS_SEGMENTS);
            decode_jws(&mut decoded, reading);
        }
        5 => {
            decoded.form = Form::Jwe;
            decoded.segments = name_segments(&ranges, &JWE_SEGMENTS);
            decode_jwe(&mut decoded);
        }
        n => {
            decoded.segments = name_segments(&ranges[..n.min(2)], &JWS_SEGMENTS);
            decoded
                .errors
                .push(segment_count_error(&decoded.token, &ranges));
            // Show what can be shown; errors beyond the count would only add noise.
            let mut preview = decoded.clone();
            preview.errors.clear();
            decode_jws(&mut preview, reading);
            decoded.header = preview.header;
            decoded.payload = preview.payload;
        }
    }
    decoded
}

fn split(token: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::with_capacity(5);
    let mut start = 0;
    while let Some(dot) = crate::byte_set::find_ascii(&token[start..], b'.') {
        ranges.push((start, start + dot));
        start += dot + 1;
    }
    ranges.push((start, token.len()));
    ranges
}

fn name_segments(ranges: &[(usize, usize)], names: &[SegmentName]) -> Vec<Segment> {
    ranges
        .iter()
        .zip(names)
        .map(|(&(start, end), &name)| Segment { name, start, end })
        .collect()
}

fn segment_count_error(token: &str, ranges: &[(usize, usize)]) -> StructureError {
    let n = ranges.len();
    let dots = n - 1;
    let advice = match n {
        1 => "a JWT has three base64url parts separated by dots; this may be an opaque access token or a session id, which cannot be decoded",
        2 => "a signed JWT has three: header.payload.signature (even an unsecured one ends with a dot); was the signature cut off?",
        4 => "a JWS has 3 and a JWE has 5; a part may be missing or an extra dot was pasted",
        _ => "a JWS has 3 and a JWE has 5; several tokens may have been pasted together",
    };
    // Point at the first dot too many, or at the end when dots are missing.
    let offset = if n > 3 { ranges[3].0 - 1 } else { token.len() };
    StructureError {
        kind: StructureKind::WrongSegmentCount,
        segment: None,
        position: None,
        decoded: false,
        offset: Some(offset),
        message: format!(
            "Found {n} segment{} ({dots} dot{}); {advice}.",
            if n == 1 { "" } else { "s" },
            if dots == 1 { "" } else { "s" }
        ),
    }
}

/// Decodes one segment's base64url, recording non-canonical spellings; `kind` is used on failure.
fn decode_segment(decoded: &mut Decoded, index: usize, kind: StructureKind) -> Option<Vec<u8>> {
    let alphabet = decoded.alphabet;
    read_segment(decoded, index, kind, |text| {
        b64url::decode_as(text, alphabet).map(|d| (d.bytes, d.noncanonical))
    })
}

/// Checks one segment's base64url as [`decode_segment`] does, without decoding it.
fn check_segment(decoded: &mut Decoded, index: usize, kind: StructureKind) -> Option<()> {
    let alphabet = decoded.alphabet;
    read_segment(decoded, index, kind, |text| {
        b64url::check_as(text, alphabet).map(|notes| ((), notes))
    })
}

/// Reads segment `index` with `read`, recording its non-canonical spellings, or its error as
/// `kind`.
fn read_segment<T>(
    decoded: &mut Decoded,
    index: usize,
    kind: StructureKind,
    read: impl FnOnce(&str) -> Result<(T, Vec<Noncanonical>), b64url::DecodeError>,
) -> Option<T> {
    let seg = *decoded.segments.get(index)?;
    match read(&decoded.token[seg.start..seg.end]) {
        Ok((value, notes)) => {
            for n in notes {
                decoded.noncanonical.push((seg.name, n));
            }
            Some(value)
        }
        Err(e) => {
            let position = e.position();
            decoded.errors.push(StructureError {
                kind,
                segment: Some(seg.name),
                position: Some(position),
                decoded: false,
                offset: Some(seg.start + position.min(seg.end - seg.start)),
                message: format!(
                    "{} segment, byte {position}: {}",
                    seg.name.code(),
                    e.message()
                ),
            });
            None
        }
    }
}

/// Builds the error for a header or payload whose decoded bytes are not acceptable JSON.
fn json_error(
    decoded: &Decoded,
    name: SegmentName,
    kind: StructureKind,
    e: &JsonError,
) -> StructureError {
    let seg = decoded
        .segments
        .iter()
        .find(|s| s.name == name)
        .copied()
        .unwrap_or(Segment {
            name,
            start: 0,
            end: 0,
        });
    let position = e.position();
    // Each base64url character carries 6 bits, so decoded byte n sits near character 4n/3.
    let offset = (seg.start + position * 4 / 3).min(seg.end);
    let kind = if matches!(e, JsonError::TooDeep { .. }) {
        StructureKind::NestingTooDeep
    } else {
        kind
    };
    StructureError {
        kind,
        segment: Some(name),
        position: Some(position),
        decoded: true,
        offset: Some(offset),
        message: format!(
            "{} segment, decoded byte {position}: {}",
            name.code(),
            e.message()
        ),
    }
}

fn decode_header(decoded: &mut Decoded, jwe: bool) {
    let invalid = |k| if jwe { StructureKind::InvalidJwe } else { k };
    let Some(bytes) = decode_segment(decoded, 0, invalid(StructureKind::InvalidBase64url)) else {
        return;
    };
    if bytes.is_empty() {
        decoded.errors.push(StructureError {
            kind: invalid(StructureKind::HeaderNotJson),
            segment: Some(SegmentName::Header),
            position: Some(0),
            decoded: false,
            offset: Some(0),
            message: "header segment is empty; it must be a base64url-encoded JSON object".into(),
        });
        return;
    }
    match json::parse_owned(bytes) {
        Ok(doc) => {
            if !doc.value.is_object() {
                decoded.errors.push(StructureError {
                    kind: invalid(StructureKind::HeaderNotObject),
                    segment: Some(SegmentName::Header),
                    position: Some(0),
                    decoded: true,
                    offset: Some(0),
                    message: format!(
                        "header segment: the header is {}, but it must be a JSON object",
                        json::type_name(&doc.value)
                    ),
                });
            }
            decoded.header = Some(Arc::new(doc));
        }
        Err((e, _)) => {
            let err = json_error(
                decoded,
                SegmentName::Header,
                invalid(StructureKind::HeaderNotJson),
                &e,
            );
            decoded.errors.push(err);
        }
    }
}

fn decode_jws(decoded: &mut Decoded, reading: Reading) {
    decode_header(decoded, false);
    if decoded.segments.len() < 2 {
        return;
    }
    if decoded.segments[1].start == decoded.segments[1].end {
        decoded.payload = Payload::Detached;
    } else {
        decoded.payload = match reading {
            Reading::Whole => decode_segment(decoded, 1, StructureKind::InvalidBase64url)
                .map_or(Payload::Absent, payload_of),
            Reading::SignatureOnly => check_segment(decoded, 1, StructureKind::InvalidBase64url)
                .map_or(Payload::Absent, |()| Payload::Unread),
        };
    }
    if decoded.segments.len() == 3 {
        decoded.signature = decode_segment(decoded, 2, StructureKind::InvalidBase64url);
    }
}

/// The payload model of decoded payload bytes. Every failure of the JSON reader leaves the payload
/// readable as text (or hex): a JWS signature covers the bytes, not their JSON, so a payload the
/// reader refuses is never a structural error.
fn payload_of(bytes: Vec<u8>) -> Payload {
    match json::parse_owned(bytes) {
        Ok(doc) => Payload::Json(Arc::new(doc)),
        Err((JsonError::NotUtf8 { .. }, bytes)) => Payload::Binary { bytes },
        Err((e, bytes)) => {
            let text = String::from_utf8(bytes).unwrap_or_default();
            let too_deep = matches!(e, JsonError::TooDeep { .. });
            let looks_like_json = too_deep || text.trim_start().starts_with(['{', '[']);
            Payload::Text {
                json_error: looks_like_json.then(|| e.message()),
                nesting_depth: too_deep.then(|| nesting_depth(&text)),
                text,
            }
        }
    }
}

/// The deepest nesting of arrays and objects in JSON-like text, in one pass and without
/// recursion; brackets inside strings do not count.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn decode_jwe(decoded: &mut Decoded) {
    decode_header(decoded, true);
    decoded.payload = Payload::Encrypted;
    for index in 1..5 {
        decode_segment(decoded, index, StructureKind::InvalidJwe);
    }
    let enc_missing = decoded
        .header
        .as_ref()
        .and_then(|h| h.value.as_object())
        .is_some_and(|h| !h.get("enc").is_some_and(|v| v.is_string()));
    if enc_missing {
        decoded.errors.push(StructureError {
            kind: StructureKind::InvalidJwe,
            segment: Some(SegmentName::Header),
            position: None,
            decoded: true,
            offset: Some(0),
            message: "header segment: a five-part token is a JWE, whose header must name its content encryption in 'enc'".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HS256: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    fn kinds(d: &Decoded) -> Vec<(StructureKind, Option<SegmentName>)> {
        d.errors.iter().map(|e| (e.kind, e.segment)).collect()
    }

    #[test]
    fn well_formed_jws_decodes() {
        let d = decode(HS256);
        assert!(d.is_well_formed(), "{:?}", d.errors);
        assert_eq!(d.form, Form::Jws);
        assert_eq!(d.header.unwrap().value["alg"], "HS256");
        assert_eq!(d.payload.claims().unwrap()["iss"], "joe");
        assert_eq!(d.signature.unwrap().len(), 32);
    }

    #[test]
    fn empty_and_blank_input() {
        for input in ["", "  \n\t "] {
            assert_eq!(kinds(&decode(input)), [(StructureKind::EmptyInput, None)]);
        }
    }

    #[test]
    fn segment_counts_other_than_three_or_five() {
        for (input, n) in [
            ("abc", 1),
            ("a.b", 2),
            ("a.b.c.d", 4),
            ("a.b.c.d.e.f", 6),
            (".", 2),
        ] {
            let d = decode(input);
            assert_eq!(
                kinds(&d),
                [(StructureKind::WrongSegmentCount, None)],
                "{input}"
            );
            assert!(
                d.errors[0]
                    .message
                    .starts_with(&format!("Found {n} segment")),
                "{}",
                d.errors[0].message
            );
        }
    }

    #[test]
    fn two_segments_still_show_the_header() {
        let two = &HS256[..HS256.rfind('.').unwrap()];
        let d = decode(two);
        assert_eq!(d.header.unwrap().value["typ"], "JWT");
        assert!(d.payload.claims().is_some());
    }

    #[test]
    fn invalid_base64url_names_segment_and_byte() {
        let bad = HS256.replacen(".eyJpc3Mi", ".eyJpc3M*", 1);
        let d = decode(&bad);
        assert_eq!(
            kinds(&d),
            [(StructureKind::InvalidBase64url, Some(SegmentName::Payload))]
        );
        assert_eq!(
            d.errors[0].message,
            "payload segment, byte 7: '*' is not base64url"
        );
        assert_eq!(d.errors[0].offset, Some(HS256.find('.').unwrap() + 1 + 7));
    }

    #[test]
    fn header_not_json_and_not_object() {
        let d = decode(&format!("{}.e30.", b64url::encode(b"{nope")));
        assert_eq!(
            kinds(&d),
            [(StructureKind::HeaderNotJson, Some(SegmentName::Header))]
        );
        assert!(
            d.errors[0]
                .message
                .starts_with("header segment, decoded byte 1: not valid JSON"),
            "{}",
            d.errors[0].message
        );
        let d = decode(&format!("{}.e30.", b64url::encode(b"[1]")));
        assert_eq!(
            kinds(&d),
            [(StructureKind::HeaderNotObject, Some(SegmentName::Header))]
        );
        assert!(d.errors[0].message.contains("an array"));
        let d = decode(".e30.");
        assert_eq!(
            kinds(&d),
            [(StructureKind::HeaderNotJson, Some(SegmentName::Header))]
        );
    }

    #[test]
    fn header_not_utf8() {
        let d = decode(&format!("{}.e30.", b64url::encode(b"{\"a\":\"\xff\"}")));
        assert_eq!(
            kinds(&d),
            [(StructureKind::HeaderNotJson, Some(SegmentName::Header))]
        );
        assert!(d.errors[0].message.contains("UTF-8"));
    }

    #[test]
    fn deep_nesting_stops_the_header_but_not_the_payload() {
        let deep = b64url::encode(("[".repeat(100_000) + &"]".repeat(100_000)).as_bytes());
        let d = decode(&format!("{deep}.e30."));
        assert_eq!(
            kinds(&d),
            [(StructureKind::NestingTooDeep, Some(SegmentName::Header))]
        );
        let d = decode(&format!("e30.{deep}."));
        assert!(d.is_well_formed(), "{:?}", d.errors);
        assert!(matches!(
            d.payload,
            Payload::Text {
                nesting_depth: Some(100_000),
                json_error: Some(_),
                ..
            }
        ));
        assert!(d
            .payload
            .text_note()
            .unwrap()
            .contains("100000 levels deep"));
    }

    #[test]
    fn nesting_depth_ignores_brackets_in_strings() {
        assert_eq!(nesting_depth(r#"[{"a":"[[[\"{{","b":[1]}]"#), 3);
        assert_eq!(nesting_depth("]]]["), 1);
        assert_eq!(nesting_depth("1"), 0);
    }

    #[test]
    fn non_json_payloads_are_text_or_binary() {
        let d = decode(&format!("e30.{}.", b64url::encode(b"$.02")));
        assert_eq!(
            d.payload,
            Payload::Text {
                text: "$.02".into(),
                json_error: None,
                nesting_depth: None,
            }
        );
        let d = decode(&format!("e30.{}.", b64url::encode(b"{\"a\":")));
        assert!(matches!(
            d.payload,
            Payload::Text {
                json_error: Some(_),
                ..
            }
        ));
        let d = decode(&format!("e30.{}.", b64url::encode(b"\xff\x00")));
        assert_eq!(
            d.payload,
            Payload::Binary {
                bytes: vec![0xff, 0]
            }
        );
        assert!(d.is_well_formed());
    }

    #[test]
    fn json_payload_that_is_not_an_object_has_no_claims() {
        let d = decode(&format!("e30.{}.", b64url::encode(b"[1,2]")));
        assert!(matches!(d.payload, Payload::Json(_)));
        assert!(d.payload.claims().is_none());
    }

    #[test]
    fn empty_payload_is_detached() {
        assert_eq!(decode("e30..").payload, Payload::Detached);
    }

    #[test]
    fn noncanonical_segments_are_recorded() {
        let d = decode("e30=.e30.");
        assert!(d.is_well_formed());
        assert_eq!(
            d.noncanonical,
            [(SegmentName::Header, Noncanonical::Padding)]
        );
    }

    #[test]
    fn jwe_shows_header_and_says_encrypted() {
        let jwe = format!(
            "{}.AAAA.AAAA.AAAA.AAAA",
            b64url::encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#)
        );
        let d = decode(&jwe);
        assert!(d.is_well_formed(), "{:?}", d.errors);
        assert_eq!(d.form, Form::Jwe);
        assert_eq!(d.payload, Payload::Encrypted);
        assert_eq!(d.header.unwrap().value["enc"], "A256GCM");
    }

    #[test]
    fn malformed_jwe_is_invalid_jwe() {
        let d = decode(&format!(
            "{}.AAAA.AAAA.AAAA.AAAA",
            b64url::encode(br#"{"alg":"dir"}"#)
        ));
        assert_eq!(
            kinds(&d),
            [(StructureKind::InvalidJwe, Some(SegmentName::Header))]
        );
        let d = decode("e30.AA.AB*.AA.AA");
        assert!(kinds(&d).contains(&(StructureKind::InvalidJwe, Some(SegmentName::Iv))));
    }

    #[test]
    fn oversized_input_is_refused() {
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        let d = decode(&big);
        assert_eq!(kinds(&d), [(StructureKind::InputTooLarge, None)]);
        assert!(d.errors[0].message.contains("8 MiB"));
    }

    #[test]
    fn signing_input_is_the_first_two_segments() {
        let d = decode(&format!("Bearer {HS256}"));
        assert_eq!(d.signing_input(), Some(&HS256[..HS256.rfind('.').unwrap()]));
        assert_eq!(d.cleanups, [Cleanup::BearerPrefix]);
    }
}

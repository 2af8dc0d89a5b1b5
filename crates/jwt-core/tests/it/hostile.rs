//! Hostile and odd input: what people paste by mistake, and what attackers craft on purpose.
//!
//! Every case is one `#[test]` built from a [`Case`]: the input, the secret, and what the report
//! must say — error kind and segment, verdict, findings, cleanups — plus the words a person must
//! read in the message that explains it. Big inputs (several megabytes) are built once each and
//! their inspection time is printed with `eprintln!` (`cargo test ... -- --nocapture` shows it).
//!
//! Where the core behaves wrongly the test asserts today's behaviour under a `FIXME:` comment
//! that says what it should be, so a fix shows up as a failing test to update.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jwt_core::input::Cleanup;
use jwt_core::token::{self, MAX_INPUT_BYTES};
use jwt_core::{
    b64url, inspect, sign, HmacAlg, Options, Payload, Report, SecretEncoding, SecretInput,
    TimeState,
};

use crate::NOW;

/// A strong 32-byte key that is on no weak-secret list.
const KEY: &str = "k3J8s9dQ2mX7vB4nL1pZ6wR0tY5uH8eG";
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// A payload with nothing to remark on at [`NOW`]: issued a minute ago, expires in 14 minutes.
fn clean_payload() -> String {
    format!(
        r#"{{"sub":"1234567890","iat":{},"exp":{}}}"#,
        NOW - 60,
        NOW + 840
    )
}

/// A well-formed HS256 token signed with [`KEY`] that has no findings.
fn good_token() -> String {
    sign(HEADER, &clean_payload(), KEY.as_bytes()).expect("HS256 header")
}

/// `header.payload.signature` from raw parts, each base64url-encoded.
fn raw(header: &[u8], payload: &[u8], signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        b64url::encode(header),
        b64url::encode(payload),
        b64url::encode(signature)
    )
}

/// Signs `header_b64.payload_b64` exactly as written with `alg` and `key`.
fn sign_text(signing_input: &str, alg: HmacAlg, key: &[u8]) -> String {
    let mac = alg.mac(key, signing_input.as_bytes());
    format!("{signing_input}.{}", b64url::encode(&mac))
}

fn options() -> Options {
    Options::recommended(NOW)
}

fn utf8(key: &str) -> Option<SecretInput> {
    Some(SecretInput::utf8(key))
}

/// Inspects and returns the report and how long it took.
fn timed(input: &str, secret: Option<&SecretInput>) -> (Report, Duration) {
    let start = Instant::now();
    let report = inspect(input, secret, &options());
    (report, start.elapsed())
}

fn finding_codes(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.id.code()).collect()
}

/// Where the words a person reads are expected.
#[derive(Debug, Clone, Copy)]
enum Says {
    /// The first structural error's message.
    Error,
    /// The signature verdict's message.
    Verdict,
    /// The explanation of the finding with this code.
    Finding(&'static str),
}

/// One hostile input and everything the report must say about it.
struct Case {
    name: &'static str,
    input: String,
    secret: Option<SecretInput>,
    /// Expected structural errors as (kind code, segment code), in order; empty means well formed.
    errors: Vec<(&'static str, Option<&'static str>)>,
    verdict: &'static str,
    /// Findings that must be present.
    findings: Vec<&'static str>,
    /// Findings that must be absent.
    not_findings: Vec<&'static str>,
    /// When set, the cleanups must be exactly these.
    cleanups: Option<Vec<Cleanup>>,
    /// Words that must appear (case-insensitively) where a person reads them.
    words: Vec<(Says, String)>,
}

impl Case {
    fn new(name: &'static str, input: impl Into<String>) -> Self {
        Case {
            name,
            input: input.into(),
            secret: None,
            errors: Vec::new(),
            verdict: "not-evaluated",
            findings: Vec::new(),
            not_findings: Vec::new(),
            cleanups: None,
            words: Vec::new(),
        }
    }
    fn secret(mut self, secret: SecretInput) -> Self {
        self.secret = Some(secret);
        self
    }
    fn error(mut self, kind: &'static str, segment: Option<&'static str>) -> Self {
        self.errors.push((kind, segment));
        self
    }
    fn verdict(mut self, verdict: &'static str) -> Self {
        self.verdict = verdict;
        self
    }
    fn finding(mut self, code: &'static str) -> Self {
        self.findings.push(code);
        self
    }
    fn no_finding(mut self, code: &'static str) -> Self {
        self.not_findings.push(code);
        self
    }
    fn cleanups(mut self, cleanups: &[Cleanup]) -> Self {
        self.cleanups = Some(cleanups.to_vec());
        self
    }
    fn says(mut self, place: Says, words: &[&str]) -> Self {
        self.words
            .extend(words.iter().map(|w| (place, (*w).to_string())));
        self
    }

    /// Inspects the input, checks every expectation, and returns the report for further checks.
    /// All mismatches are reported together.
    #[track_caller]
    fn check(self) -> Report {
        let report = inspect(&self.input, self.secret.as_ref(), &options());
        let mut problems = Vec::new();
        let expected = serde_json::to_string_pretty(&report).map(|t| t + "\n");
        if expected.as_ref().ok() != Some(&jwt_core::report_json(&report)) {
            problems.push("the report's text differs from serde_json's pretty text".to_string());
        }
        let errors: Vec<(&str, Option<&str>)> = report
            .decoded
            .errors
            .iter()
            .map(|e| (e.kind.code(), e.segment.map(|s| s.code())))
            .collect();
        if errors != self.errors {
            problems.push(format!(
                "errors: expected {:?}, got {errors:?}",
                self.errors
            ));
        }
        for e in &report.decoded.errors {
            if e.message.trim().is_empty() {
                problems.push(format!("error {} has no message", e.kind.code()));
            }
            if let Some(offset) = e.offset {
                if offset > report.decoded.token.len() {
                    problems.push(format!(
                        "error {} points past the token ({offset} > {})",
                        e.kind.code(),
                        report.decoded.token.len()
                    ));
                }
            }
        }
        let verdict = report.signature.verdict.code();
        if verdict != self.verdict {
            problems.push(format!(
                "verdict: expected {}, got {verdict} ({})",
                self.verdict, report.signature.message
            ));
        }
        if report.signature.message.trim().is_empty() {
            problems.push("the verdict has no message".into());
        }
        let codes = finding_codes(&report);
        for f in &self.findings {
            if !codes.contains(f) {
                problems.push(format!("finding {f} missing from {codes:?}"));
            }
        }
        for f in &self.not_findings {
            if codes.contains(f) {
                problems.push(format!("finding {f} unexpected in {codes:?}"));
            }
        }
        if let Some(cleanups) = &self.cleanups {
            if &report.decoded.cleanups != cleanups {
                problems.push(format!(
                    "cleanups: expected {cleanups:?}, got {:?}",
                    report.decoded.cleanups
                ));
            }
        }
        for (place, word) in &self.words {
            let text = match place {
                Says::Error => report.decoded.errors.first().map(|e| e.message.as_str()),
                Says::Verdict => Some(report.signature.message.as_str()),
                Says::Finding(code) => report
                    .findings
                    .iter()
                    .find(|f| f.id.code() == *code)
                    .map(|f| f.explanation.as_str()),
            };
            match text {
                Some(t) if t.to_lowercase().contains(&word.to_lowercase()) => {}
                Some(t) => problems.push(format!("{place:?} lacks {word:?}: {t:?}")),
                None => problems.push(format!("{place:?} absent, so it cannot say {word:?}")),
            }
        }
        // Every report must serialize: the UI and scripts read it as JSON.
        if let Err(e) = serde_json::to_string(&report) {
            problems.push(format!("report does not serialize: {e}"));
        }
        assert!(
            problems.is_empty(),
            "case {:?} failed:\n  {}",
            self.name,
            problems.join("\n  ")
        );
        report
    }
}

// ---------------------------------------------------------------------------------------------
// Structure: empty input, wrong segment counts, empty segments, JWE.

#[test]
fn empty_input() {
    Case::new("empty input", "")
        .error("empty-input", None)
        .cleanups(&[])
        .says(Says::Error, &["nothing to decode", "paste a token"])
        .says(Says::Verdict, &["could not be decoded"])
        .check();
}

#[test]
fn only_whitespace() {
    Case::new("only whitespace", " \t\r\n \n  ")
        .error("empty-input", None)
        .cleanups(&[Cleanup::SurroundingWhitespace])
        .says(Says::Error, &["nothing to decode"])
        .check();
}

#[test]
fn only_quotes_or_prefixes() {
    for input in [
        "\"\"",
        "''",
        " ' ' ",
        "Authorization: Bearer \"\"",
        "Authorization:",
    ] {
        let r = Case::new("nothing inside the wrapping", input)
            .error("empty-input", None)
            .says(Says::Error, &["nothing to decode"])
            .check();
        assert!(!r.decoded.cleanups.is_empty(), "{input:?}");
    }
    // A bare scheme name is kept (a token may start with those letters) and is one segment.
    Case::new("bare Bearer", "Bearer  ")
        .error("wrong-segment-count", None)
        .says(
            Says::Error,
            &["found 1 segment (0 dots)", "opaque access token"],
        )
        .check();
}

#[test]
fn a_lone_dot() {
    Case::new("a lone dot", ".")
        .error("wrong-segment-count", None)
        .says(
            Says::Error,
            &["found 2 segments (1 dot)", "signature cut off"],
        )
        .check();
}

#[test]
fn two_segments() {
    let t = good_token();
    let two = &t[..t.rfind('.').unwrap()];
    let r = Case::new("two segments", two)
        .error("wrong-segment-count", None)
        .secret(SecretInput::utf8(KEY))
        .says(
            Says::Error,
            &["found 2 segments", "header.payload.signature"],
        )
        .check();
    // What can be shown still is.
    assert_eq!(r.decoded.header.unwrap().value["alg"], "HS256");
    assert!(r.decoded.payload.claims().is_some());
    assert_eq!(r.decoded.errors[0].offset, Some(two.len()));
}

#[test]
fn four_segments() {
    let t = good_token();
    let four = format!("{t}.AAAA");
    let r = Case::new("four segments", four)
        .error("wrong-segment-count", None)
        .says(Says::Error, &["found 4 segments (3 dots)", "extra dot"])
        .check();
    // The highlight is on the dot too many.
    assert_eq!(r.decoded.errors[0].offset, Some(t.len()));
}

#[test]
fn six_segments() {
    Case::new("six segments", "e30.e30.AAAA.e30.e30.AAAA")
        .error("wrong-segment-count", None)
        .says(
            Says::Error,
            &["found 6 segments (5 dots)", "several tokens"],
        )
        .check();
}

#[test]
fn two_tokens_on_separate_lines() {
    // Two whole tokens on separate lines are not one wrapped token: both are offered, and the
    // first is decoded.
    let t = good_token();
    let other = sign(HEADER, r#"{"sub":"2"}"#, b"another key").unwrap();
    let r = Case::new("two tokens", format!("{t}\n{other}\n"))
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .cleanups(&[Cleanup::SurroundingText])
        .check();
    let labels: Vec<_> = r
        .decoded
        .candidates
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["token 1", "token 2"]);
    assert_eq!(r.decoded.chosen, Some(0));
    assert_eq!(r.decoded.token, t);
    let second = token::decode_choice(&format!("{t}\n{other}\n"), 1);
    assert_eq!(second.token, other);
    assert_eq!(second.chosen, Some(1));
}

#[test]
fn empty_segments_dot_dot() {
    let r = Case::new("..", "..")
        .error("header-not-json", Some("header"))
        .says(Says::Error, &["header segment is empty", "JSON object"])
        .check();
    assert_eq!(r.decoded.payload, Payload::Detached);
}

#[test]
fn empty_segments_a_dot_dot_b() {
    Case::new("a..b", "a..b")
        .error("invalid-base64url", Some("header"))
        .error("invalid-base64url", Some("signature"))
        .says(
            Says::Error,
            &[
                "header segment, byte 0: 1 character is",
                "not a possible base64url length",
                "cut off",
            ],
        )
        .check();
}

#[test]
fn empty_segments_empty_header() {
    Case::new(".e30.", ".e30.")
        .error("header-not-json", Some("header"))
        .says(Says::Error, &["header segment is empty"])
        .check();
}

#[test]
fn jwe_compact_token() {
    let header = b64url::encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#);
    let jwe = format!(
        "{header}.{}.{}.{}.{}",
        b64url::encode(&[7u8; 256]),
        b64url::encode(&[1u8; 12]),
        b64url::encode(b"ciphertext bytes"),
        b64url::encode(&[2u8; 16])
    );
    let r = Case::new("JWE", jwe)
        .secret(SecretInput::utf8(KEY))
        .verdict("not-applicable")
        .says(Says::Verdict, &["encrypted", "decrypt"])
        .check();
    assert_eq!(r.decoded.form, jwt_core::Form::Jwe);
    assert_eq!(r.decoded.payload, Payload::Encrypted);
    assert_eq!(r.decoded.header.unwrap().value["enc"], "A256GCM");
    assert!(r.timing.is_none());
}

#[test]
fn jwe_with_direct_key_has_an_empty_encrypted_key() {
    let header = b64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#);
    Case::new(
        "JWE dir",
        format!("{header}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA"),
    )
    .verdict("not-applicable")
    .check();
}

// ---------------------------------------------------------------------------------------------
// What people paste around a token.

#[test]
fn bearer_prefix() {
    Case::new("Bearer prefix", format!("Bearer {}", good_token()))
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .cleanups(&[Cleanup::BearerPrefix])
        .check();
    assert!(Cleanup::BearerPrefix.message().contains("Bearer"));
}

#[test]
fn authorization_header_line() {
    for line in [
        format!("Authorization: Bearer {}", good_token()),
        format!("authorization:bearer\t{}", good_token()),
    ] {
        Case::new("Authorization line", line)
            .secret(SecretInput::utf8(KEY))
            .verdict("valid")
            .cleanups(&[Cleanup::AuthorizationHeader, Cleanup::BearerPrefix])
            .check();
    }
    Case::new(
        "Authorization line with CRLF",
        format!("Authorization: Bearer {}\r\n", good_token()),
    )
    .secret(SecretInput::utf8(KEY))
    .verdict("valid")
    .cleanups(&[
        Cleanup::SurroundingWhitespace,
        Cleanup::AuthorizationHeader,
        Cleanup::BearerPrefix,
    ])
    .check();
    assert!(Cleanup::AuthorizationHeader
        .message()
        .contains("Authorization"));
}

#[test]
fn surrounding_quotes_from_a_json_log() {
    let t = good_token();
    for quoted in [format!("\"{t}\""), format!("'{t}'"), format!("`{t}`")] {
        Case::new("quotes", quoted)
            .secret(SecretInput::utf8(KEY))
            .verdict("valid")
            .cleanups(&[Cleanup::SurroundingQuotes])
            .check();
    }
    Case::new("quoted Bearer", format!("\"Bearer {t}\""))
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .cleanups(&[Cleanup::SurroundingQuotes, Cleanup::BearerPrefix])
        .check();
    // A trailing comma stuck to the quotes is not removed: without spaces, characters attached
    // to a token are damage, not text. The errors name the quote character.
    Case::new("quote and comma", format!("\"{t}\","))
        .error("invalid-base64url", Some("header"))
        .error("invalid-base64url", Some("signature"))
        .says(Says::Error, &["'\"' is not base64url"])
        .check();
}

#[test]
fn url_encoded_dots() {
    let t = good_token();
    for encoded in [t.replace('.', "%2E"), t.replace('.', "%2e")] {
        Case::new("%2E", encoded)
            .secret(SecretInput::utf8(KEY))
            .verdict("valid")
            .cleanups(&[Cleanup::PercentEncoding])
            .check();
    }
    assert!(Cleanup::PercentEncoding.message().contains("%2E"));
    // A stray percent sign is left for the decoder, which names it.
    Case::new("stray %", format!("{t}%"))
        .error("invalid-base64url", Some("signature"))
        .says(Says::Error, &["'%' is not base64url"])
        .check();
}

#[test]
fn token_wrapped_across_lines() {
    let t = good_token();
    let wrap = |sep: &str| {
        t.as_bytes()
            .chunks(20)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(sep)
    };
    for sep in ["\n", "\r\n", " ", "\n    ", "\t"] {
        Case::new("wrapped", wrap(sep))
            .secret(SecretInput::utf8(KEY))
            .verdict("valid")
            .cleanups(&[Cleanup::InnerWhitespace])
            .no_finding("noncanonical-base64url")
            .check();
    }
    // Indented and wrapped, as in a pretty-printed log.
    Case::new("indented and wrapped", format!("  {}\n", wrap("\r\n  ")))
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .cleanups(&[Cleanup::SurroundingWhitespace, Cleanup::InnerWhitespace])
        .check();
}

#[test]
fn zero_width_space_inside_the_token() {
    // Copied from a web page that inserted a zero-width space: not whitespace, so not removed;
    // the error names the invisible character by code point.
    let t = good_token();
    let at = t.find('.').unwrap() + 5;
    let mut hostile = t.clone();
    hostile.insert(at, '\u{200B}');
    let r = Case::new("ZWSP in token", hostile)
        .error("invalid-base64url", Some("payload"))
        .says(
            Says::Error,
            &["payload segment, byte 4", "U+200B is not base64url"],
        )
        .check();
    assert_eq!(r.decoded.errors[0].offset, Some(at));
}

// ---------------------------------------------------------------------------------------------
// Base64url that is accepted although not canonical.

#[test]
fn base64_with_padding() {
    // Each segment padded to a multiple of 4 as standard base64 would, and signed over the padded
    // text, so the signature covers exactly what is shown.
    let pad = |s: &str| format!("{s}{}", "=".repeat((4 - s.len() % 4) % 4));
    let header = b64url::encode(br#"{"alg":"HS256","kid":"k"}"#);
    let payload = b64url::encode(format!(r#"{{"exp":{}}}"#, NOW + 600).as_bytes());
    let padded_input = format!("{}.{}", pad(&header), pad(&payload));
    assert!(padded_input.contains("=."), "{padded_input}");
    let mac = HmacAlg::HS256.mac(KEY.as_bytes(), padded_input.as_bytes());
    let token = format!("{padded_input}.{}", pad(&b64url::encode(&mac)));
    Case::new("padded", token)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("noncanonical-base64url")
        .says(
            Says::Finding("noncanonical-base64url"),
            &["has '=' padding", "strict libraries reject"],
        )
        .check();
    // Padding where none is needed ("e30=" for "{}") is accepted and reported the same way.
    let d = token::decode("e30=.e30.");
    assert!(d.is_well_formed());
    assert_eq!(d.noncanonical.len(), 1);
}

#[test]
fn base64_with_standard_alphabet() {
    // The first (deterministic) payload whose encoding and signature both contain '-' or '_'.
    let t = (0..)
        .map(|n| {
            let payload = format!(r#"{{"n":{n},"x":"~~~?","exp":{}}}"#, NOW + 600);
            sign(HEADER, &payload, KEY.as_bytes()).unwrap()
        })
        .find(|t| {
            let parts: Vec<&str> = t.split('.').collect();
            parts[1].contains(['-', '_']) && parts[2].contains(['-', '_'])
        })
        .unwrap();
    let (signed, sig) = t.rsplit_once('.').unwrap();
    let standard = format!("{signed}.{}", sig.replace('-', "+").replace('_', "/"));
    Case::new("+ and /", standard.clone())
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("noncanonical-base64url")
        .says(
            Says::Finding("noncanonical-base64url"),
            &["signature segment", "'+' or '/'"],
        )
        .check();
    // Changing the alphabet of a signed part changes the signed text, so the signature no longer
    // matches: the verifier checks the text as given, not a normalised form.
    let (header, rest) = standard.split_once('.').unwrap();
    let (payload, sig) = rest.split_once('.').unwrap();
    let payload = payload.replace('-', "+").replace('_', "/");
    let r = Case::new(
        "+ and / in the signed part",
        format!("{header}.{payload}.{sig}"),
    )
    .secret(SecretInput::utf8(KEY))
    .verdict("invalid")
    .finding("noncanonical-base64url")
    .says(
        Says::Finding("noncanonical-base64url"),
        &["payload segment"],
    )
    .check();
    // The claims read are the same either way.
    assert_eq!(r.decoded.payload.claims().unwrap()["x"], "~~~?");
}

// ---------------------------------------------------------------------------------------------
// Bytes that are not text, JSON nested to exhaust the stack, inputs of megabytes.

#[test]
fn invalid_utf8_in_header() {
    let t = raw(
        b"{\"alg\":\"HS\xff256\"}",
        clean_payload().as_bytes(),
        &[0; 32],
    );
    let r = Case::new("header not UTF-8", t)
        .secret(SecretInput::utf8(KEY))
        .error("header-not-json", Some("header"))
        .says(
            Says::Error,
            &["header segment", "decoded byte 10", "not valid UTF-8"],
        )
        .check();
    assert!(r.decoded.header.is_none());
}

#[test]
fn invalid_utf8_in_payload() {
    let bytes = b"\x00\xff\xfe{\"sub\":1}".to_vec();
    let t = raw(br#"{"alg":"HS256"}"#, &bytes, &[0; 32]);
    let r = Case::new("payload not UTF-8", t)
        .verdict("no-secret")
        .check();
    assert_eq!(r.decoded.payload, Payload::Binary { bytes });
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["payload"]["kind"], "binary");
    assert_eq!(json["payload"]["bytes"], "00fffe7b22737562223a317d");
    assert!(r.timing.is_none());
}

fn deep(n: usize, open: &str, close: &str) -> String {
    open.repeat(n) + &close.repeat(n)
}

#[test]
fn nesting_100_000_deep_in_header() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let t = raw(deep(100_000, open, close).as_bytes(), b"{}", &[0; 32]);
        let (r, took) = timed(&t, utf8(KEY).as_ref());
        eprintln!("nesting 100 000 deep ({open}) in header: {took:?}");
        assert_eq!(r.decoded.errors.len(), 1, "{:?}", r.decoded.errors);
        let e = &r.decoded.errors[0];
        assert_eq!(
            (e.kind.code(), e.segment.map(|s| s.code())),
            ("nesting-too-deep", Some("header"))
        );
        assert!(
            e.message.contains("nested more than 128 levels deep"),
            "{}",
            e.message
        );
        assert_eq!(r.signature.verdict.code(), "not-evaluated");
    }
}

/// A payload the JSON reader refuses is still signed text: the structure is ok, the payload is
/// shown as text with the depth, the MAC is checked and the findings that need no claims run.
#[test]
fn payload_nested_too_deep_is_text_and_its_signature_is_checked() {
    for depth in [200, 1_000, 100_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let t = sign(HEADER, &deep(depth, open, close), KEY.as_bytes()).unwrap();
            let (signed, _) = t.rsplit_once('.').unwrap();
            let forged = format!("{signed}.{}", b64url::encode(&[0u8; 32]));
            for (token, verdict) in [(&t, "valid"), (&forged, "invalid")] {
                let (r, took) = timed(token, utf8(KEY).as_ref());
                eprintln!("payload nested {depth} deep ({open}), {verdict} MAC: {took:?}");
                let case = format!("{depth} deep ({open}), {verdict} MAC");
                assert!(r.decoded.is_well_formed(), "{case}: {:?}", r.decoded.errors);
                match &r.decoded.payload {
                    Payload::Text {
                        text,
                        nesting_depth,
                        json_error,
                    } => {
                        assert_eq!(*nesting_depth, Some(depth), "{case}");
                        assert_eq!(text.len(), depth * (open.len() + close.len()), "{case}");
                        assert!(json_error.is_some(), "{case}");
                    }
                    other => panic!("{case}: payload is {other:?}"),
                }
                let note = r.decoded.payload.text_note().unwrap();
                assert!(
                    note.contains(&format!("nested {depth} levels deep")) && note.contains("128"),
                    "{case}: {note}"
                );
                assert_eq!(
                    r.signature.verdict.code(),
                    verdict,
                    "{case}: {}",
                    r.signature.message
                );
                if verdict == "invalid" {
                    assert!(r.signature.expected_signature.is_some(), "{case}");
                }
                // No claims, so no date findings; the token's size is still judged.
                assert!(r.timing.is_none(), "{case}");
                let codes = finding_codes(&r);
                assert!(!codes.contains(&"missing-exp"), "{case}: {codes:?}");
                let size_codes: Vec<_> = codes
                    .iter()
                    .filter(|c| c.starts_with("too-large"))
                    .collect();
                if token.len() > 8192 {
                    assert!(codes.contains(&"too-large-for-header"), "{case}: {codes:?}");
                } else if token.len() > 4096 {
                    assert_eq!(size_codes, [&"too-large-for-cookie"], "{case}");
                } else {
                    assert!(size_codes.is_empty(), "{case}: {codes:?}");
                }
                let json = serde_json::to_value(&r).unwrap();
                assert_eq!(json["payload"]["kind"], "text", "{case}");
                assert_eq!(json["payload"]["nesting_depth"], depth, "{case}");
            }
        }
    }
}

#[test]
fn nesting_just_inside_the_limit_is_shown() {
    let payload = format!(r#"{{"exp":{},"x":{}}}"#, NOW + 600, deep(120, "[", "]"));
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    Case::new("120 deep", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .check();
}

#[test]
fn payload_of_about_7_mb() {
    // Many realistic claims: a 5.2 MB JSON payload makes a 7 MB token (base64url adds a third),
    // under the 8 MiB limit. A 7 MB *JSON* payload would make a 9.3 MB token, which is refused.
    let mut payload = format!(
        r#"{{"sub":"1","iat":{},"exp":{},"items":["#,
        NOW - 60,
        NOW + 840
    );
    let mut i = 0;
    while payload.len() < 5_200_000 {
        if i > 0 {
            payload.push(',');
        }
        payload.push_str(&format!(r#"{{"id":{i},"name":"item {i}","ok":true}}"#));
        i += 1;
    }
    payload.push_str("]}");
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    assert!(
        t.len() > 6_900_000 && t.len() < MAX_INPUT_BYTES,
        "{}",
        t.len()
    );
    let (r, took) = timed(&t, utf8(KEY).as_ref());
    eprintln!(
        "~7 MB token ({} bytes, {i} array items): inspect took {took:?}",
        t.len()
    );
    assert!(r.decoded.is_well_formed(), "{:?}", r.decoded.errors);
    assert_eq!(r.signature.verdict.code(), "valid");
    assert!(finding_codes(&r).contains(&"too-large-for-header"));
    // The weak-secret scan is skipped for big tokens.
    assert_eq!(r.weak_secret, None);
    let items = r.decoded.payload.claims().unwrap()["items"]
        .as_array()
        .unwrap();
    assert_eq!(items.len(), i);
}

#[test]
fn payload_of_one_5_mb_string() {
    let payload = format!(
        r#"{{"exp":{},"blob":"{}"}}"#,
        NOW + 600,
        "A".repeat(5_000_000)
    );
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    let (r, took) = timed(&t, utf8(KEY).as_ref());
    eprintln!(
        "5 MB string ({} bytes token): inspect took {took:?}",
        t.len()
    );
    assert!(r.decoded.is_well_formed(), "{:?}", r.decoded.errors);
    assert_eq!(r.signature.verdict.code(), "valid");
    let claims = r.decoded.payload.claims().unwrap();
    assert_eq!(claims["blob"].as_str().unwrap().len(), 5_000_000);
}

/// A payload object with `n` distinct members `"k0":0,"k1":0,…`.
fn many_members(n: usize) -> String {
    let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\":0")).collect();
    format!("{{{}}}", members.join(","))
}

#[test]
fn many_members_in_one_object() {
    // Duplicate detection is linear in the members of one object (it once was quadratic: 160 000
    // members took 16 s in release).
    for n in [2_000, 8_000] {
        let t = sign(HEADER, &many_members(n), KEY.as_bytes()).unwrap();
        // Without the weak-secret scan, whose linear cost would hide the growth.
        let no_scan = Options {
            weak_secret_scan_limit: 0,
            ..options()
        };
        let start = Instant::now();
        let r = inspect(&t, None, &no_scan);
        let took = start.elapsed();
        eprintln!(
            "{n} members in one object ({} bytes token): {took:?}",
            t.len()
        );
        assert!(r.decoded.is_well_formed());
        let Payload::Json(doc) = &r.decoded.payload else {
            panic!()
        };
        assert!(doc.duplicates.is_empty());
        assert_eq!(r.decoded.payload.claims().unwrap().len(), n);
    }
}

#[test]
fn a_7_mb_object_of_short_members_inspects_in_seconds() {
    let t = sign(HEADER, &many_members(420_000), KEY.as_bytes()).unwrap();
    assert!(t.len() < MAX_INPUT_BYTES, "{}", t.len());
    let (r, took) = timed(&t, None);
    eprintln!("420 000 members ({} bytes token): {took:?}", t.len());
    assert!(r.decoded.is_well_formed());
    // Timing is the benchmark's job; a quadratic pass here would take minutes and show in CI time.
    assert_eq!(r.decoded.payload.claims().map(|c| c.len()), Some(420_000));
}

#[test]
fn many_hidden_characters_make_one_huge_explanation() {
    // Findings list a few occurrences and count the rest (uncapped, 400 000 hidden strings once
    // made an 18 MB explanation).
    let strings = vec!["\"\\u200b\""; 20_000].join(",");
    let t = sign(
        HEADER,
        &format!(r#"{{"exp":{},"x":[{strings}]}}"#, NOW + 600),
        KEY.as_bytes(),
    )
    .unwrap();
    let same = vec!["\"a\":0"; 20_000].join(",");
    let d = sign(HEADER, &format!("{{{same}}}"), KEY.as_bytes()).unwrap();
    let (r, took) = timed(&t, None);
    let (rd, took_d) = timed(&d, None);
    eprintln!("20 000 hidden strings: {took:?}; 20 000 repeats of one name: {took_d:?}");
    let hidden = r
        .findings
        .iter()
        .find(|f| f.id.code() == "hidden-characters")
        .unwrap();
    assert!(
        hidden.explanation.len() < 2_000,
        "{}",
        hidden.explanation.len()
    );
    assert!(hidden
        .explanation
        .contains("payload '/x/0': U+200B ZERO WIDTH SPACE"));
    assert!(hidden.explanation.contains("and 19995 more"));
    let dup = rd
        .findings
        .iter()
        .find(|f| f.id.code() == "duplicate-keys")
        .unwrap();
    assert!(dup.explanation.len() < 2_000, "{}", dup.explanation.len());
    assert!(
        dup.explanation.contains("and 19995 more"),
        "{}",
        dup.explanation
    );
}

#[test]
fn input_over_8_mib() {
    let big = format!("{}.e30.", "A".repeat(MAX_INPUT_BYTES));
    let (r, took) = timed(&big, utf8(KEY).as_ref());
    eprintln!("{} bytes refused in {took:?}", big.len());
    let e = &r.decoded.errors[0];
    assert_eq!(r.decoded.errors.len(), 1);
    assert_eq!((e.kind.code(), e.segment), ("input-too-large", None));
    for words in [
        &format!("{} bytes", big.len()),
        "the limit is 8388608 bytes",
        "8 MiB",
    ] {
        assert!(e.message.contains(words), "{words:?} in {}", e.message);
    }
    assert_eq!(r.signature.verdict.code(), "not-evaluated");
    assert!(r.decoded.token.is_empty(), "refused input is not copied");
}

#[test]
fn eight_mib_of_dots() {
    // Exactly MAX_INPUT_BYTES: at the limit, so accepted (and the boundary of input-too-large).
    let dots = ".".repeat(MAX_INPUT_BYTES);
    let (r, took) = timed(&dots, utf8(KEY).as_ref());
    eprintln!("8 MiB of dots: {took:?}");
    let kinds: Vec<_> = r.decoded.errors.iter().map(|e| e.kind.code()).collect();
    assert_eq!(kinds, ["wrong-segment-count"]);
    let message = &r.decoded.errors[0].message;
    assert!(
        message.starts_with(&format!("Found {} segments", MAX_INPUT_BYTES + 1)),
        "{message}"
    );
    assert_eq!(
        r.decoded.errors[0].offset,
        Some(2),
        "the first dot too many"
    );
}

#[test]
fn byte_order_mark_before_the_header_json() {
    let t = raw("\u{FEFF}{\"alg\":\"HS256\"}".as_bytes(), b"{}", &[0; 32]);
    Case::new("BOM in header JSON", t)
        .error("header-not-json", Some("header"))
        .says(
            Says::Error,
            &["header segment, decoded byte 0", "not valid JSON"],
        )
        .check();
}

#[test]
fn lone_surrogate_escapes() {
    let t = raw(br#"{"alg":"HS256\ud800"}"#, b"{}", &[0; 32]);
    Case::new("lone surrogate in header", t)
        .error("header-not-json", Some("header"))
        // serde_json's words for a lone surrogate; accurate if terse.
        .says(Says::Error, &["decoded byte 19", "hex escape"])
        .check();
    let t = sign(HEADER, r#"{"sub":"\udfff"}"#, KEY.as_bytes()).unwrap();
    let r = Case::new("lone surrogate in payload", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .check();
    match &r.decoded.payload {
        Payload::Text { json_error, .. } => {
            let why = json_error.as_deref().unwrap_or_default();
            assert!(
                why.contains("hex escape") || why.contains("surrogate"),
                "{why}"
            );
        }
        other => panic!("expected text, got {other:?}"),
    }
}

#[test]
fn detached_payload() {
    // RFC 7515 Appendix F: the payload segment is emptied and the content travels separately.
    let full = good_token();
    let (header, rest) = full.split_once('.').unwrap();
    let (_, sig) = rest.split_once('.').unwrap();
    let detached = format!("{header}..{sig}");
    // The MAC is computed over `header.` like for any token: it does not match (it covers the
    // missing content), and the message says the payload may be detached.
    let r = Case::new("detached, right secret", detached)
        .secret(SecretInput::utf8(KEY))
        .verdict("invalid")
        .says(
            Says::Verdict,
            &["empty", "detached content", "RFC 7515 Appendix F"],
        )
        .check();
    assert_eq!(r.decoded.payload, Payload::Detached);
    assert!(r.timing.is_none());
    let expected = sign_text(&format!("{header}."), HmacAlg::HS256, KEY.as_bytes());
    assert_eq!(
        r.signature.expected_signature.as_deref(),
        expected.rsplit('.').next(),
        "the expected signature is the MAC of 'header.'"
    );
}

#[test]
fn empty_payload_signed_as_empty() {
    // Issue 12: an empty payload is still signed text; a MAC over `header.` is valid.
    let header = b64url::encode(HEADER.as_bytes());
    let token = sign_text(&format!("{header}."), HmacAlg::HS256, KEY.as_bytes());
    let r = Case::new("empty payload, matching MAC", token.clone())
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .says(Says::Verdict, &["empty", "detached content"])
        .check();
    assert_eq!(r.decoded.payload, Payload::Detached);
    Case::new("empty payload, other secret", token)
        .secret(SecretInput::utf8("another secret of enough length!"))
        .verdict("invalid")
        .says(Says::Verdict, &["does not match", "RFC 7515 Appendix F"])
        .check();
}

// ---------------------------------------------------------------------------------------------
// Numbers beyond every machine type.

#[test]
fn extreme_numbers_are_kept_exactly() {
    // (as written, as the timing panel shows it, why it is not a date)
    for (number, shown, reason) in [
        ("1e99999", "1e99999", "is after the year 9999"),
        (
            "18446744073709551617",
            "18446744073709551617",
            "is after the year 9999",
        ),
        ("-1E99999", "-1E99999", "is before the year 1"),
        (
            "123456789012345678901234567890e-10",
            "123456789012345678901234567890e-10",
            "is after the year 9999",
        ),
    ] {
        let payload = format!(r#"{{"exp":{number},"n":{number}}}"#);
        let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
        let r = Case::new("extreme number", t)
            .secret(SecretInput::utf8(KEY))
            .verdict("valid")
            .check();
        let Payload::Json(doc) = &r.decoded.payload else {
            panic!("payload {:?}", r.decoded.payload)
        };
        assert!(
            doc.pretty().contains(&format!("\"exp\": {number}")),
            "{}",
            doc.pretty()
        );
        assert!(doc.pretty().contains(&format!("\"n\": {number}")));
        assert!(doc.raw.contains(number));
        let exp = &r.timing.as_ref().unwrap().claims[0];
        assert_eq!(exp.name, "exp");
        assert_eq!(exp.state, TimeState::Invalid, "{number}");
        assert_eq!(exp.seconds, None);
        // `ClaimTime::raw` and the reason quote the number exactly as the token writes it.
        assert_eq!(exp.raw, shown, "{number}");
        assert!(
            exp.relative.starts_with(&format!("exp {shown} {reason}")),
            "{number}: {}",
            exp.relative
        );
    }
}

#[test]
fn negative_zero_is_kept_and_is_the_epoch() {
    // -0 is the number zero: 1970-01-01T00:00:00Z, a valid (long expired) NumericDate. It is kept as
    // written in the pretty JSON, and judged like 0 rather than as Invalid.
    let t = sign(HEADER, r#"{"exp":-0,"nbf":-0.0}"#, KEY.as_bytes()).unwrap();
    let r = Case::new("-0", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .check();
    let Payload::Json(doc) = &r.decoded.payload else {
        panic!()
    };
    assert!(doc.pretty().contains("\"exp\": -0,"), "{}", doc.pretty());
    assert!(doc.pretty().contains("\"nbf\": -0.0"), "{}", doc.pretty());
    let timing = r.timing.unwrap();
    let exp = timing.claims.iter().find(|c| c.name == "exp").unwrap();
    assert_eq!(exp.raw, "-0");
    assert_eq!(exp.seconds, Some(0));
    assert_eq!(exp.utc.as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(exp.state, TimeState::Expired);
    assert!(
        exp.notes.is_empty(),
        "-0 is not 'before 1970': {:?}",
        exp.notes
    );
}

// ---------------------------------------------------------------------------------------------
// Duplicate names, odd `alg` spellings, `crit`.

#[test]
fn duplicate_alg_in_header() {
    let header = r#"{"alg":"HS256","alg":"none"}"#;
    let signing_input = format!(
        "{}.{}",
        b64url::encode(header.as_bytes()),
        b64url::encode(clean_payload().as_bytes())
    );
    let t = sign_text(&signing_input, HmacAlg::HS256, KEY.as_bytes());
    let r = Case::new("duplicate alg", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("ambiguous-alg")
        .finding("duplicate-keys")
        .says(Says::Verdict, &["more than once", "must be rejected"])
        .says(
            Says::Finding("duplicate-keys"),
            &[
                "header 'alg'",
                "\"HS256\" then \"none\"",
                "most libraries use the last, \"none\"",
            ],
        )
        .check();
    assert_ne!(r.signature.verdict.code(), "valid");
    // The value shown is the last one, as most libraries read it; that is also a none spelling.
    assert_eq!(r.decoded.header.as_ref().unwrap().value["alg"], "none");
    assert!(finding_codes(&r).contains(&"alg-none"));
}

#[test]
fn duplicate_alg_spelled_with_an_escape() {
    let header = r#"{"alg":"HS256","\u0061lg":"HS256"}"#;
    let signing_input = format!("{}.{}", b64url::encode(header.as_bytes()), "e30");
    let t = sign_text(&signing_input, HmacAlg::HS256, KEY.as_bytes());
    Case::new("escaped duplicate alg", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("ambiguous-alg")
        .finding("duplicate-keys")
        .check();
}

#[test]
fn duplicate_claims_in_payload() {
    let payload = format!(
        r#"{{"sub":"alice","role":"user","exp":{},"role":"admin","n":{{"k":1,"k":2}}}}"#,
        NOW + 600
    );
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    let r = Case::new("duplicate claims", t)
        .secret(SecretInput::utf8(KEY))
        // The signature covers the bytes, duplicates included: it is valid, and the finding warns.
        .verdict("valid")
        .finding("duplicate-keys")
        .says(
            Says::Finding("duplicate-keys"),
            &[
                "payload 'role' = \"user\" then \"admin\" (most libraries use the last, \"admin\")",
                "payload '/n/k' = 1 then 2",
            ],
        )
        .check();
    assert_eq!(r.findings[0].severity, jwt_core::Severity::Danger);
}

fn token_with_alg(alg: &str) -> String {
    let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
    let signing_input = format!(
        "{}.{}",
        b64url::encode(header.as_bytes()),
        b64url::encode(clean_payload().as_bytes())
    );
    // Signed with HS256 under KEY, so a lenient library would find it valid.
    sign_text(&signing_input, HmacAlg::HS256, KEY.as_bytes())
}

#[test]
fn alg_none_spellings_are_never_valid() {
    for alg in ["none ", "NONE", "None", " none", "nOnE", "none\\t"] {
        let r = Case::new("none spelling", token_with_alg(alg))
            .secret(SecretInput::utf8(KEY))
            .verdict("unsupported-alg")
            .finding("alg-none")
            .says(
                Says::Verdict,
                &["is not the registered 'none'", "case-sensitive"],
            )
            .says(Says::Finding("alg-none"), &["spelled", "anyone can forge"])
            .check();
        assert_eq!(r.findings[0].id.code(), "alg-none", "most severe first");
    }
}

#[test]
fn hs_spellings_are_never_valid() {
    for (alg, meant) in [("hs256", "HS256"), ("Hs384", "HS384"), ("HS512 ", "HS512")] {
        Case::new("HS spelling", token_with_alg(alg))
            .secret(SecretInput::utf8(KEY))
            .verdict("unsupported-alg")
            .no_finding("alg-none")
            .says(
                Says::Verdict,
                &["case-sensitive", &format!("did you mean {meant}?")],
            )
            .check();
    }
}

#[test]
fn alg_none_is_never_valid() {
    // Unsigned, with an empty signature, a junk one, and a real HMAC under the secret given.
    let header = br#"{"alg":"none","typ":"JWT"}"#;
    let payload = clean_payload();
    let unsigned = format!(
        "{}.{}.",
        b64url::encode(header),
        b64url::encode(payload.as_bytes())
    );
    let with_mac = sign_text(
        &unsigned[..unsigned.len() - 1],
        HmacAlg::HS256,
        KEY.as_bytes(),
    );
    for (name, t) in [
        ("empty signature", unsigned.clone()),
        ("junk signature", format!("{unsigned}AAAA")),
        ("real HMAC", with_mac),
    ] {
        for secret in [
            None,
            Some(SecretInput::utf8(KEY)),
            Some(SecretInput::utf8("")),
        ] {
            let mut case = Case::new(name, t.clone())
                .verdict("unsigned")
                .finding("alg-none")
                .says(Says::Verdict, &["no signature", "must never accept"])
                .says(Says::Finding("alg-none"), &["anyone can forge"]);
            case.secret = secret;
            let r = case.check();
            assert_eq!(r.weak_secret, None, "{name}");
        }
    }
}

#[test]
fn crit_naming_an_unknown_parameter() {
    let header = r#"{"alg":"HS256","crit":["x-unknown"],"x-unknown":true}"#;
    let t = sign(header, &clean_payload(), KEY.as_bytes()).unwrap();
    Case::new("crit", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("unsupported-crit")
        .finding("crit-present")
        .says(
            Says::Verdict,
            &[
                "'x-unknown'",
                "critical",
                "RFC 7515 §4.1.11",
                "does not verify",
            ],
        )
        .check();
}

#[test]
fn crit_that_is_empty_or_not_a_list() {
    // RFC 7515 §4.1.11: crit must be a non-empty array of names. Both are still refused.
    let t = sign(
        r#"{"alg":"HS256","crit":[]}"#,
        &clean_payload(),
        KEY.as_bytes(),
    )
    .unwrap();
    let r = Case::new("crit []", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("unsupported-crit")
        .check();
    assert!(
        r.signature.message.contains("empty list"),
        "{}",
        r.signature.message
    );
    let t = sign(
        r#"{"alg":"HS256","crit":"b64"}"#,
        &clean_payload(),
        KEY.as_bytes(),
    )
    .unwrap();
    Case::new("crit string", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("unsupported-crit")
        .says(Says::Verdict, &["\"b64\""])
        .check();
}

// ---------------------------------------------------------------------------------------------
// The right signature with the wrong label, wrong lengths, altered tokens.

/// Replaces the header of a signed token, keeping payload and signature.
fn relabel(token: &str, header: &str) -> String {
    let (_, rest) = token.split_once('.').unwrap();
    format!("{}.{rest}", b64url::encode(header.as_bytes()))
}

#[test]
fn right_signature_wrong_alg_label() {
    let hs256 = good_token();
    for (label, len) in [("HS384", 48), ("HS512", 64)] {
        let t = relabel(&hs256, &format!(r#"{{"alg":"{label}","typ":"JWT"}}"#));
        Case::new("HS256 relabelled", t)
            .secret(SecretInput::utf8(KEY))
            .verdict("wrong-length")
            .says(
                Says::Verdict,
                &[
                    "32 bytes",
                    &format!("{label} always produces {len} bytes"),
                    "length of an HS256 signature",
                    "'alg' label may not match",
                ],
            )
            .check();
    }
    let hs384 = sign(r#"{"alg":"HS384"}"#, &clean_payload(), KEY.as_bytes()).unwrap();
    Case::new("HS384 relabelled", relabel(&hs384, r#"{"alg":"HS256"}"#))
        .secret(SecretInput::utf8(KEY))
        .verdict("wrong-length")
        .says(
            Says::Verdict,
            &["48 bytes", "HS256 always produces 32", "an HS384 signature"],
        )
        .check();
}

#[test]
fn alg_label_differs_from_the_algorithm_used() {
    // The header honestly says HS256 and was not changed, but the MAC was made with HS512.
    let signing_input = format!(
        "{}.{}",
        b64url::encode(br#"{"alg":"HS256"}"#),
        b64url::encode(clean_payload().as_bytes())
    );
    let t = sign_text(&signing_input, HmacAlg::HS512, KEY.as_bytes());
    Case::new("HS512 MAC under an HS256 label", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("wrong-length")
        .says(Says::Verdict, &["64 bytes", "an HS512 signature"])
        .check();
    // The HS512 MAC cut to HS256's 32 bytes: the right length, but simply invalid.
    let mac = HmacAlg::HS512.mac(KEY.as_bytes(), signing_input.as_bytes());
    let t = format!("{signing_input}.{}", b64url::encode(&mac[..32]));
    let r = Case::new("truncated HS512", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("invalid")
        .check();
    assert_eq!(
        r.signature.expected_signature.as_deref(),
        good_sig_for(&signing_input).as_deref()
    );
}

fn good_sig_for(signing_input: &str) -> Option<String> {
    Some(b64url::encode(
        &HmacAlg::HS256.mac(KEY.as_bytes(), signing_input.as_bytes()),
    ))
}

#[test]
fn signature_of_wrong_length() {
    let t = good_token();
    let (signed, sig) = t.rsplit_once('.').unwrap();
    let bytes = b64url::decode(sig).unwrap().bytes;
    for (name, sig, says) in [
        ("one byte short", b64url::encode(&bytes[..31]), "31 bytes"),
        (
            "one byte long",
            b64url::encode(&[&bytes[..], &[0]].concat()),
            "33 bytes",
        ),
        ("empty", String::new(), "0 bytes"),
    ] {
        Case::new(name, format!("{signed}.{sig}"))
            .secret(SecretInput::utf8(KEY))
            .verdict("wrong-length")
            .says(
                Says::Verdict,
                &[says, "HS256 always produces 32 bytes", "cannot be valid"],
            )
            .check();
    }
    // A cut-off signature whose length is impossible in base64url is a structural error.
    Case::new("cut off", format!("{signed}.{}", &sig[..sig.len() - 2]))
        .secret(SecretInput::utf8(KEY))
        .error("invalid-base64url", Some("signature"))
        .says(Says::Error, &["signature segment", "cut off"])
        .check();
}

#[test]
fn header_altered_after_signing() {
    let t = good_token();
    let altered = relabel(&t, r#"{"alg":"HS256","typ":"JWT","kid":"other"}"#);
    let r = Case::new("header altered", altered.clone())
        .secret(SecretInput::utf8(KEY))
        .verdict("invalid")
        .says(Says::Verdict, &["does not match", "changed after signing"])
        .check();
    let (signed, _) = altered.rsplit_once('.').unwrap();
    assert_eq!(r.signature.expected_signature, good_sig_for(signed));
    // Even whitespace in the header JSON is part of what is signed.
    let spaced = relabel(&t, r#"{"alg":"HS256", "typ":"JWT"}"#);
    Case::new("header respaced", spaced)
        .secret(SecretInput::utf8(KEY))
        .verdict("invalid")
        .check();
}

#[test]
fn payload_altered_after_signing() {
    let t = sign(
        HEADER,
        r#"{"sub":"alice","admin":false,"exp":1700000600}"#,
        KEY.as_bytes(),
    )
    .unwrap();
    let parts: Vec<&str> = t.split('.').collect();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        b64url::encode(br#"{"sub":"alice","admin":true,"exp":1700000600}"#),
        parts[2]
    );
    Case::new("payload altered", forged)
        .secret(SecretInput::utf8(KEY))
        .verdict("invalid")
        .says(
            Says::Verdict,
            &["header or payload was changed after signing"],
        )
        .check();
    // One flipped bit in the signature.
    let mut sig = b64url::decode(parts[2]).unwrap().bytes;
    sig[0] ^= 1;
    Case::new(
        "signature bit flipped",
        format!("{}.{}.{}", parts[0], parts[1], b64url::encode(&sig)),
    )
    .secret(SecretInput::utf8(KEY))
    .verdict("invalid")
    .check();
}

// ---------------------------------------------------------------------------------------------
// Secrets: empty, huge, malformed.

#[test]
fn zero_length_secret() {
    let t = good_token();
    for secret in [
        SecretInput::utf8(""),
        SecretInput::new("", SecretEncoding::Hex),
        SecretInput::new("", SecretEncoding::Base64),
        SecretInput::new("", SecretEncoding::Base64url),
    ] {
        Case::new("empty secret", t.clone())
            .secret(secret)
            .verdict("no-secret")
            .no_finding("short-secret")
            .says(Says::Verdict, &["HS256", "enter the secret"])
            .check();
    }
}

#[test]
fn token_signed_with_an_empty_key() {
    let t = sign(HEADER, &clean_payload(), b"").unwrap();
    let r = Case::new("empty key", t.clone())
        .verdict("no-secret")
        .finding("weak-secret")
        .says(
            Says::Finding("weak-secret"),
            &["an empty key", "anyone can forge"],
        )
        .check();
    assert_eq!(r.weak_secret, Some(""));
    // Whitespace-only hex is not "empty" text, decodes to zero bytes and verifies.
    let r = Case::new("empty key via blank hex", t)
        .secret(SecretInput::new("  ", SecretEncoding::Hex))
        .verdict("valid")
        .finding("weak-secret")
        .finding("short-secret")
        .says(Says::Finding("short-secret"), &["0 bytes"])
        .check();
    assert_eq!(r.signature.key_len, Some(0));
}

#[test]
fn one_megabyte_secret() {
    let key: String = (0..1_048_576u32)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let t = sign(HEADER, &clean_payload(), key.as_bytes()).unwrap();
    let start = Instant::now();
    let r = Case::new("1 MB secret", t.clone())
        .secret(SecretInput::utf8(key.clone()))
        .verdict("valid")
        .no_finding("short-secret")
        .check();
    assert_eq!(r.signature.key_len, Some(1_048_576));
    let mut wrong = key.into_bytes();
    wrong[777_777] ^= 1;
    let wrong = String::from_utf8(wrong).unwrap();
    let r = Case::new("1 MB secret, one byte off", t)
        .secret(SecretInput::utf8(wrong))
        .verdict("invalid")
        .check();
    assert!(r.signature.expected_signature.is_some());
    eprintln!("1 MB secret, two inspections: {:?}", start.elapsed());
}

#[test]
fn invalid_hex_secret() {
    let t = good_token();
    for (text, words) in [
        (
            "00gg",
            &["not valid hex", "character 3 ('g') is not a hex digit"][..],
        ),
        ("0x6b6b", &["character 2 ('x')"][..]),
        ("6b 6b", &["character 3 (a space)"][..]),
        ("6b\u{200B}6b", &["character 3 (U+200B)"][..]),
        ("abc", &["two digits per byte", "3 digits"][..]),
    ] {
        Case::new("bad hex", t.clone())
            .secret(SecretInput::new(text, SecretEncoding::Hex))
            .verdict("bad-secret")
            .says(Says::Verdict, words)
            .check();
    }
}

#[test]
fn invalid_base64_secrets() {
    let t = good_token();
    for (text, enc, words) in [
        (
            "c2Vj$mV0",
            SecretEncoding::Base64,
            &["not valid base64", "character 5 ('$') is not base64"][..],
        ),
        (
            "c2V-jcmV0",
            SecretEncoding::Base64,
            &["character 4 ('-')", "choose that encoding"][..],
        ),
        (
            "c2V+jcmV0",
            SecretEncoding::Base64url,
            &[
                "not valid base64url",
                "character 4 ('+')",
                "standard base64",
            ][..],
        ),
        (
            "c2Vjc",
            SecretEncoding::Base64url,
            &["5 characters", "cut off"][..],
        ),
        ("é", SecretEncoding::Base64, &["character 1 (U+00E9)"][..]),
    ] {
        Case::new("bad base64", t.clone())
            .secret(SecretInput::new(text, enc))
            .verdict("bad-secret")
            .says(Says::Verdict, words)
            .check();
    }
}

// ---------------------------------------------------------------------------------------------
// Characters that hide or reorder text.

#[test]
fn right_to_left_override_and_zero_width_in_claims() {
    let payload = format!(
        "{{\"sub\":\"1\",\"exp\":{},\"role\":\"user\u{202E}nimda\",\"te\u{200B}am\":\"a\\u200db\"}}",
        NOW + 600
    );
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    Case::new("RLO and ZW", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("hidden-characters")
        .says(
            Says::Finding("hidden-characters"),
            &[
                "payload '/role': U+202E RIGHT-TO-LEFT OVERRIDE",
                "(name)': U+200B ZERO WIDTH SPACE",
                "U+200D ZERO WIDTH JOINER",
            ],
        )
        .check();
}

#[test]
fn hidden_characters_in_the_header() {
    let t = token_with_alg("HS256\\u200b");
    Case::new("ZW in alg", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("unsupported-alg")
        .finding("hidden-characters")
        .says(
            Says::Finding("hidden-characters"),
            &["header '/alg'", "U+200B"],
        )
        .check();
}

#[test]
fn control_characters() {
    // Escaped in a claim: valid JSON, flagged.
    let payload = format!(r#"{{"exp":{},"name":"bell\u0007\u0000"}}"#, NOW + 600);
    let t = sign(HEADER, &payload, KEY.as_bytes()).unwrap();
    Case::new("escaped control", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("hidden-characters")
        .says(
            Says::Finding("hidden-characters"),
            &["U+0007 CONTROL CHARACTER", "U+0000 CONTROL CHARACTER"],
        )
        .check();
    // Raw in a JSON string: not JSON, so shown as text with the reason.
    let t = sign(HEADER, "{\"name\":\"bell\u{7}\"}", KEY.as_bytes()).unwrap();
    let r = Case::new("raw control in payload", t)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .check();
    match &r.decoded.payload {
        Payload::Text { json_error, .. } => {
            let why = json_error.as_deref().unwrap_or_default();
            assert!(why.contains("control character"), "{why}");
        }
        other => panic!("expected text, got {other:?}"),
    }
    // Raw in the header JSON: the header is not JSON.
    let t = raw(b"{\"alg\":\"HS256\x01\"}", b"{}", &[0; 32]);
    Case::new("raw control in header", t)
        .error("header-not-json", Some("header"))
        .says(Says::Error, &["control character"])
        .check();
    // Raw in the pasted text: not whitespace, so not removed; named by code point.
    let mut pasted = good_token();
    pasted.insert(3, '\u{7}');
    Case::new("control in pasted text", pasted)
        .error("invalid-base64url", Some("header"))
        .says(Says::Error, &["byte 3", "U+0007 is not base64url"])
        .check();
    // NUL and DEL too.
    for c in ['\0', '\u{7F}'] {
        let mut pasted = good_token();
        pasted.push(c);
        Case::new("NUL/DEL", pasted)
            .error("invalid-base64url", Some("signature"))
            .says(Says::Error, &["is not base64url"])
            .check();
    }
}

// ---------------------------------------------------------------------------------------------
// The reference token is clean, so that every finding above is caused by its case.

#[test]
fn the_reference_token_is_clean() {
    let r = Case::new("reference", good_token())
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .check();
    assert!(r.findings.is_empty(), "{:?}", finding_codes(&r));
    assert!(r.decoded.cleanups.is_empty());
    assert_eq!(r.weak_secret, None);
}

// ---------------------------------------------------------------------------------------------
// Inputs found by fuzzing (crates/jwt-core/fuzz), kept as regression tests.

/// Every file in `fuzz_regressions/` besides its README, with what inspecting it with the secret
/// `secret` must give: verdict, first error kind, one finding.
const FUZZ_REGRESSIONS: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    (
        "inspect-crit-with-weak-secret",
        "unsupported-crit",
        None,
        Some("weak-secret"),
    ),
    (
        "inspect-duplicate-alg-wrapped-crlf",
        "ambiguous-alg",
        None,
        Some("duplicate-keys"),
    ),
    (
        "inspect-five-parts-with-nul",
        "not-evaluated",
        Some("invalid-jwe"),
        None,
    ),
    (
        "inspect-hidden-characters-wrong-length",
        "wrong-length",
        None,
        Some("hidden-characters"),
    ),
    (
        "inspect-percent-dot-in-header",
        "not-evaluated",
        Some("header-not-json"),
        None,
    ),
    (
        "inspect-quotes-bearer-quotes",
        "not-evaluated",
        Some("empty-input"),
        None,
    ),
];

#[test]
fn fuzz_regressions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/fuzz_regressions");
    assert!(
        dir.join("README.md").is_file(),
        "{} must exist",
        dir.display()
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    files.sort();
    let listed: Vec<&str> = FUZZ_REGRESSIONS.iter().map(|r| r.0).collect();
    assert_eq!(
        files, listed,
        "list every file of fuzz_regressions/ in FUZZ_REGRESSIONS"
    );
    assert_eq!(files.len(), 6);
    for &(name, verdict, error, finding) in FUZZ_REGRESSIONS {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(
            bytes.len() < 2048,
            "{name} is too big for a regression input"
        );
        let text = String::from_utf8_lossy(&bytes);
        for secret in [None, utf8("secret"), utf8(KEY)] {
            let r = inspect(&text, secret.as_ref(), &options());
            assert!(serde_json::to_string(&r).is_ok(), "{name}");
            if r.signature.verdict.code() == "valid" {
                let d = &r.decoded;
                let alg = jwt_core::verify::hmac_alg_of(d).unwrap();
                let key = secret.as_ref().unwrap().decode().unwrap();
                assert!(alg.verify(
                    &key,
                    d.signing_input().unwrap().as_bytes(),
                    d.signature.as_deref().unwrap()
                ));
            }
        }
        let r = inspect(&text, utf8("secret").as_ref(), &options());
        assert_eq!(r.signature.verdict.code(), verdict, "{name}");
        assert_eq!(
            r.decoded.errors.first().map(|e| e.kind.code()),
            error,
            "{name}"
        );
        if let Some(f) = finding {
            assert!(
                finding_codes(&r).contains(&f),
                "{name}: {:?}",
                finding_codes(&r)
            );
        }
    }
}

#[test]
fn size_findings_do_not_hide_one_another() {
    // Issue 12: a 9 KB token is too large for a header and, as well, for a cookie.
    let sized = |bytes: usize| {
        let pad = "a".repeat(bytes * 3 / 4);
        let payload = format!(
            r#"{{"sub":"1","iat":{},"exp":{},"pad":"{pad}"}}"#,
            NOW - 60,
            NOW + 840
        );
        sign(HEADER, &payload, KEY.as_bytes()).unwrap()
    };
    let five = sized(5 * 1024);
    assert!((5000..8192).contains(&five.len()), "{}", five.len());
    Case::new("5 KB token", five)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("too-large-for-cookie")
        .no_finding("too-large-for-header")
        .check();
    let nine = sized(9 * 1024);
    assert!(nine.len() > 9000, "{}", nine.len());
    Case::new("9 KB token", nine)
        .secret(SecretInput::utf8(KEY))
        .verdict("valid")
        .finding("too-large-for-cookie")
        .finding("too-large-for-header")
        .says(Says::Finding("too-large-for-header"), &["8 KB"])
        .check();
}

//! Differential property test: the core against `jsonwebtoken`, an independent, validating JWT
//! library (a dev-dependency only).
//!
//! For generated HS256/HS384/HS512 tokens (signed by either implementation), secrets, clock
//! skews and instants, the core's signature verdict and date states must agree with
//! jsonwebtoken's decision wherever both give an answer. Agreement is checked in one direction
//! that leaves no room: from the core's report alone (verdict, each claim's state and seconds),
//! plus the documented differences below, the test predicts jsonwebtoken's exact outcome and
//! compares.
//!
//! jsonwebtoken reads the system clock and cannot be given an instant. So each case reads the
//! current second, puts its date claims at generated offsets from it, and has the core judge at
//! that second; a case whose second changed while jsonwebtoken was validating is run again.
//! The offsets cluster around the skew, where off-by-one differences live.
//!
//! Where an inspector deliberately differs from a validating library (each one asserted here,
//! not skipped, unless marked "not generated"):
//!
//! 1. **Signature and dates are separate answers.** A library answers one question, "may I
//!    accept this token?", and stops at the first failure: jsonwebtoken checks the MAC, then
//!    the date formats, then `exp`, then `nbf`. The inspector reports the signature verdict and
//!    every date claim's state side by side. An expired token with a good MAC is `valid` with
//!    `exp` expired, where jsonwebtoken says `ExpiredSignature`; a bad MAC is `invalid` with
//!    its dates still judged, where jsonwebtoken says `InvalidSignature` and reads no further.
//! 2. **`exp` at exactly now + skew.** RFC 7519 §4.1.4 requires "the current date/time MUST be
//!    before the expiration date/time": the inspector marks `exp` expired once
//!    `now >= exp + skew`. jsonwebtoken rejects only once `now > exp + leeway`, so it accepts
//!    the token for one more second.
//! 3. **`nbf`** follows the same rule in both: not yet valid while `now + skew < nbf`.
//! 4. **A missing `exp`.** jsonwebtoken's default validation requires a readable one
//!    (`MissingRequiredClaim`, also for an `exp` it cannot read); the inspector verifies the
//!    signature and raises the `missing-exp` finding. The comparisons turn the requirement off;
//!    the default is checked besides.
//! 5. **`iat`.** jsonwebtoken ignores it; the inspector judges it (past or future, with the
//!    skew) and raises `iat-in-future`.
//! 6. **Dates before 1970.** jsonwebtoken reads NumericDates as unsigned integers and refuses a
//!    negative one as a malformed claim (`InvalidClaimFormat`); the inspector reads any JSON
//!    number, so a negative `exp` is simply long expired and a negative `nbf` long reached.
//! 7. **A date that is not a number** (a string): both refuse it, jsonwebtoken with
//!    `InvalidClaimFormat`, the inspector with the state `invalid`.
//! 8. **Fractional dates.** jsonwebtoken rounds them to the nearest second, or, with serde_json's
//!    `arbitrary_precision` feature on (as in this workspace), cannot read them at all; the
//!    inspector keeps the fraction (RFC 7519 allows non-integer NumericDates). Not generated.
//! 9. **Non-canonical base64url.** A signature whose last character sets bits that base64url
//!    leaves unused decodes to the same MAC: the inspector verifies the bytes, says `valid` and
//!    raises `noncanonical-base64url`; jsonwebtoken's strict decoder rejects the signature.
//!    (HS384 signatures fill their last character, so they have no such spelling.)
//! 10. **A signature of the wrong length** is `wrong-length` in the inspector, plain
//!     `InvalidSignature` in jsonwebtoken.
//! 11. **An empty secret.** The inspector reads no text as no secret (`no-secret`); a library
//!     verifies with the empty key. Not generated: secrets here have at least one byte.
//! 12. **`aud`, `iss`, `sub`.** jsonwebtoken checks them against expected values (and by default
//!     rejects an `aud` it was not told to expect); the inspector has no expected values and
//!     shows them. Not generated.
//! 13. **`crit` and `typ`.** jsonwebtoken ignores `crit`; the inspector refuses a token whose
//!     `crit` names what it does not understand (`unsupported-crit`, RFC 7515 §4.1.11) and
//!     lints an unexpected `typ`. Not generated.
//! 14. **What is pasted around a token.** The inspector removes a `Bearer` prefix, quotes,
//!     wrapping and the like (and says so) before verifying; a library is given the compact
//!     token only. Not generated.

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use jwt_core::{
    b64url, inspect, sign, ClaimTime, HmacAlg, Options, Report, SecretEncoding, SecretInput,
    TimeState, Verdict,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use crate::hex_encode;

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        return default;
    }
    ProptestConfig {
        cases: 256,
        ..default
    }
}

/// How a date claim is written, relative to the current second.
#[derive(Debug, Clone, Copy)]
enum Date {
    Absent,
    /// `now + offset`.
    At(i64),
    /// A negative NumericDate (before 1970).
    BeforeEpoch(i64),
    /// A string instead of a number.
    Text,
}

/// What is done to a well-signed token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mangle {
    None,
    /// Signed with another secret.
    OtherKey,
    /// The payload replaced after signing.
    Tampered,
    /// The signature's unused last bits set (documented difference 9).
    NoncanonicalSignature,
    /// The signature cut short (documented difference 10).
    ShortSignature,
}

#[derive(Debug, Clone)]
struct Case {
    alg: HmacAlg,
    secret: Vec<u8>,
    other_secret: Vec<u8>,
    exp: Date,
    nbf: Date,
    iat: Date,
    skew: u32,
    /// Sign with jsonwebtoken rather than the core.
    library_signs: bool,
    mangle: Mangle,
}

fn hs_alg() -> impl Strategy<Value = HmacAlg> {
    prop::sample::select(HmacAlg::ALL.to_vec())
}

/// Offsets near the skew boundary (where off-by-one differences live) and anywhere else.
fn date(skew: u32) -> BoxedStrategy<Date> {
    let edge = i64::from(skew);
    prop_oneof![
        1 => Just(Date::Absent),
        3 => (-3i64..=3).prop_map(move |d| Date::At(d - edge)),
        2 => (-3i64..=3).prop_map(move |d| Date::At(d + edge)),
        3 => (-100_000i64..100_000).prop_map(Date::At),
        1 => (-2_000_000_000i64..=-1).prop_map(Date::BeforeEpoch),
        1 => Just(Date::Text),
    ]
    .boxed()
}

fn case() -> impl Strategy<Value = Case> {
    (0u32..=120).prop_flat_map(|skew| {
        (
            hs_alg(),
            prop::collection::vec(any::<u8>(), 1..64),
            prop::collection::vec(any::<u8>(), 1..64),
            date(skew),
            date(skew),
            date(skew),
            any::<bool>(),
            prop_oneof![
                6 => Just(Mangle::None),
                1 => Just(Mangle::OtherKey),
                1 => Just(Mangle::Tampered),
                1 => Just(Mangle::NoncanonicalSignature),
                1 => Just(Mangle::ShortSignature),
            ],
        )
            .prop_map(
                move |(alg, secret, other_secret, exp, nbf, iat, library_signs, mangle)| Case {
                    alg,
                    secret,
                    other_secret,
                    exp,
                    nbf,
                    iat,
                    skew,
                    library_signs,
                    mangle,
                },
            )
    })
}

fn library_alg(alg: HmacAlg) -> Algorithm {
    match alg {
        HmacAlg::HS256 => Algorithm::HS256,
        HmacAlg::HS384 => Algorithm::HS384,
        HmacAlg::HS512 => Algorithm::HS512,
    }
}

fn claims(case: &Case, now: i64) -> Value {
    let mut claims = Map::new();
    claims.insert("sub".into(), json!("differential"));
    for (name, date) in [("exp", case.exp), ("nbf", case.nbf), ("iat", case.iat)] {
        let value = match date {
            Date::Absent => continue,
            Date::At(offset) => json!(now + offset),
            Date::BeforeEpoch(seconds) => json!(seconds),
            Date::Text => json!(format!("{}", now)),
        };
        claims.insert(name.into(), value);
    }
    Value::Object(claims)
}

fn signed(case: &Case, key: &[u8], claims: &Value) -> String {
    if case.library_signs {
        let header = Header::new(library_alg(case.alg));
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(key)).unwrap()
    } else {
        let header = format!(r#"{{"alg":"{}","typ":"JWT"}}"#, case.alg.name());
        sign(&header, &claims.to_string(), key).unwrap()
    }
}

/// The token the case describes, made at instant `now`.
fn token(case: &Case, now: i64) -> String {
    let claims = claims(case, now);
    let key = match case.mangle {
        Mangle::OtherKey => &case.other_secret,
        _ => &case.secret,
    };
    let token = signed(case, key, &claims);
    let (signing_input, signature) = token.rsplit_once('.').unwrap();
    let (header, _) = signing_input.split_once('.').unwrap();
    match case.mangle {
        Mangle::None | Mangle::OtherKey => token,
        Mangle::Tampered => {
            let mut other = claims.clone();
            other["sub"] = json!("someone else");
            let payload = b64url::encode(other.to_string().as_bytes());
            format!("{header}.{payload}.{signature}")
        }
        Mangle::NoncanonicalSignature => {
            // The last character's lowest bit is unused for HS256 and HS512 signatures.
            let (head, last) = signature.split_at(signature.len() - 1);
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let index = alphabet
                .iter()
                .position(|&c| c == last.as_bytes()[0])
                .unwrap();
            let changed = if case.alg == HmacAlg::HS384 {
                index
            } else {
                index | 1
            };
            format!("{signing_input}.{head}{}", alphabet[changed] as char)
        }
        Mangle::ShortSignature => {
            format!("{signing_input}.{}", &signature[..signature.len() - 4])
        }
    }
}

/// jsonwebtoken's outcome, reduced to what can be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Accepted,
    BadSignature,
    Expired,
    NotYetValid,
    MalformedClaim(String),
    MissingClaim(String),
    Other(String),
}

fn outcome(result: jsonwebtoken::errors::Result<jsonwebtoken::TokenData<Value>>) -> Outcome {
    let Err(e) = result else {
        return Outcome::Accepted;
    };
    match e.into_kind() {
        ErrorKind::InvalidSignature | ErrorKind::Base64(_) => Outcome::BadSignature,
        ErrorKind::ExpiredSignature => Outcome::Expired,
        ErrorKind::ImmatureSignature => Outcome::NotYetValid,
        ErrorKind::InvalidClaimFormat(name) => Outcome::MalformedClaim(name),
        ErrorKind::MissingRequiredClaim(name) => Outcome::MissingClaim(name),
        other => Outcome::Other(format!("{other:?}")),
    }
}

/// jsonwebtoken's validation as close to the inspector's questions as it goes: the skew as
/// leeway, `exp` and `nbf` checked, no claim required, no audience expected.
fn validation(alg: HmacAlg, skew: u32, dates: bool) -> Validation {
    let mut v = Validation::new(library_alg(alg));
    v.leeway = u64::from(skew);
    v.validate_exp = dates;
    v.validate_nbf = dates;
    v.validate_aud = false;
    v.required_spec_claims.clear();
    v
}

struct Judged {
    now: i64,
    token: String,
    report: Report,
    signature_only: Outcome,
    full: Outcome,
    default_validation: Outcome,
}

/// Judges the case with both implementations within one second of the system clock.
fn judge(case: &Case) -> Judged {
    loop {
        let start = jsonwebtoken::get_current_timestamp();
        let now = start as i64;
        let token = token(case, now);
        let key = DecodingKey::from_secret(&case.secret);
        let signature_only = outcome(jsonwebtoken::decode(
            &token,
            &key,
            &validation(case.alg, case.skew, false),
        ));
        let full = outcome(jsonwebtoken::decode(
            &token,
            &key,
            &validation(case.alg, case.skew, true),
        ));
        // The default validation, which requires exp, with nbf checked as in the comparison.
        let mut default = Validation::new(library_alg(case.alg));
        default.leeway = u64::from(case.skew);
        default.validate_nbf = true;
        let default_validation = outcome(jsonwebtoken::decode(&token, &key, &default));
        if jsonwebtoken::get_current_timestamp() != start {
            continue;
        }
        let secret = SecretInput::new(hex_encode(&case.secret), SecretEncoding::Hex);
        let options = Options {
            clock_skew: case.skew,
            weak_secret_scan_limit: 0,
            ..Options::recommended(now)
        };
        let report = inspect(&token, Some(&secret), &options);
        return Judged {
            now,
            token,
            report,
            signature_only,
            full,
            default_validation,
        };
    }
}

fn claim<'a>(report: &'a Report, name: &str) -> Option<&'a ClaimTime> {
    report
        .timing
        .as_ref()?
        .claims
        .iter()
        .find(|c| c.name == name)
}

/// Whether jsonwebtoken can read the claim as a NumericDate: an unsigned integer, as written
/// (the core's `raw` text).
fn library_reads(claim: Option<&ClaimTime>) -> bool {
    claim.is_none_or(|c| c.raw.parse::<u64>().is_ok())
}

/// jsonwebtoken's full outcome for a token whose MAC it accepted, predicted from the core's
/// report with the documented differences 2, 6 and 7.
fn predicted_from(report: &Report, now: i64, skew: u32) -> Outcome {
    let exp = claim(report, "exp");
    let nbf = claim(report, "nbf");
    // 6, 7: only unsigned integers are NumericDates to jsonwebtoken; exp is read first.
    if !library_reads(exp) {
        return Outcome::MalformedClaim("exp".into());
    }
    if !library_reads(nbf) {
        return Outcome::MalformedClaim("nbf".into());
    }
    // 2: at exactly exp + skew the inspector says expired, jsonwebtoken one second later.
    let at_edge = exp.is_some_and(|c| c.raw.parse::<i64>() == Ok(now - i64::from(skew)));
    if exp.is_some_and(|c| c.state == TimeState::Expired) && !at_edge {
        return Outcome::Expired;
    }
    if nbf.is_some_and(|c| c.state == TimeState::NotYetValid) {
        return Outcome::NotYetValid;
    }
    Outcome::Accepted
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let j = judge(case);
    let r = &j.report;
    let verdict = r.signature.verdict;
    let context = format!("token {} at {}: {case:?}", j.token, j.now);
    prop_assert!(
        r.decoded.is_well_formed(),
        "{context}: {:?}",
        r.decoded.errors
    );
    // The signature. Difference 9: trailing bits; difference 10: the length has its own verdict.
    let noncanonical = case.mangle == Mangle::NoncanonicalSignature && case.alg != HmacAlg::HS384;
    let core_accepts_mac = verdict == Verdict::Valid;
    if noncanonical {
        prop_assert_eq!(verdict, Verdict::Valid, "{}", context);
        prop_assert!(
            r.findings
                .iter()
                .any(|f| f.id.code() == "noncanonical-base64url"),
            "{context}"
        );
        prop_assert_eq!(&j.signature_only, &Outcome::BadSignature, "{}", context);
    } else {
        let library_accepts_mac = j.signature_only == Outcome::Accepted;
        prop_assert_eq!(
            core_accepts_mac,
            library_accepts_mac,
            "{}: {:?}",
            context,
            j.signature_only
        );
        if !library_accepts_mac {
            prop_assert_eq!(&j.signature_only, &Outcome::BadSignature, "{}", context);
            let expected = if case.mangle == Mangle::ShortSignature {
                Verdict::WrongLength
            } else {
                Verdict::Invalid
            };
            prop_assert_eq!(verdict, expected, "{}", context);
        }
    }
    // Difference 1: the dates are judged whatever the signature says.
    prop_assert!(r.timing.is_some(), "{context}");
    if j.signature_only != Outcome::Accepted {
        prop_assert_eq!(&j.full, &Outcome::BadSignature, "{}", context);
        return Ok(());
    }
    // The dates, where jsonwebtoken got to them.
    let predicted = predicted_from(r, j.now, case.skew);
    prop_assert_eq!(&j.full, &predicted, "{}: {:?}", context, r.timing);
    // Difference 1 again: a good MAC is valid even when the dates make the token unusable.
    prop_assert_eq!(verdict, Verdict::Valid, "{}", context);
    // Difference 4: the library's default requires a readable exp; the inspector raises a
    // finding when there is none.
    let exp = claim(r, "exp");
    let codes: Vec<_> = r.findings.iter().map(|f| f.id.code()).collect();
    if exp.is_some() && library_reads(exp) {
        prop_assert_eq!(&j.default_validation, &j.full, "{}", context);
    } else {
        prop_assert_eq!(
            &j.default_validation,
            &Outcome::MissingClaim("exp".into()),
            "{}",
            context
        );
    }
    if exp.is_none() {
        prop_assert!(codes.contains(&"missing-exp"), "{context}: {codes:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn core_and_jsonwebtoken_agree_on_hs_tokens(case in case()) {
        check(&case)?;
    }
}

/// The documented differences, each on one fixed case, so that a change in either
/// implementation shows up by name.
#[test]
fn documented_differences_on_fixed_cases() {
    let base = Case {
        alg: HmacAlg::HS256,
        secret: b"differential secret".to_vec(),
        other_secret: b"another secret".to_vec(),
        exp: Date::At(600),
        nbf: Date::Absent,
        iat: Date::Absent,
        skew: 60,
        library_signs: true,
        mangle: Mangle::None,
    };
    let with = |f: &dyn Fn(&mut Case)| {
        let mut c = base.clone();
        f(&mut c);
        c
    };
    // 1: expired, but the MAC is good.
    let j = judge(&with(&|c| c.exp = Date::At(-3600)));
    assert_eq!(j.report.signature.verdict, Verdict::Valid);
    assert_eq!(claim(&j.report, "exp").unwrap().state, TimeState::Expired);
    assert_eq!(j.full, Outcome::Expired);
    // 2: exp exactly at now + skew.
    let j = judge(&with(&|c| c.exp = Date::At(-60)));
    assert_eq!(claim(&j.report, "exp").unwrap().state, TimeState::Expired);
    assert_eq!(j.full, Outcome::Accepted);
    let j = judge(&with(&|c| c.exp = Date::At(-61)));
    assert_eq!(j.full, Outcome::Expired);
    // 3: nbf agrees at its edge.
    let j = judge(&with(&|c| c.nbf = Date::At(60)));
    assert_eq!(claim(&j.report, "nbf").unwrap().state, TimeState::Active);
    assert_eq!(j.full, Outcome::Accepted);
    let j = judge(&with(&|c| c.nbf = Date::At(61)));
    assert_eq!(
        claim(&j.report, "nbf").unwrap().state,
        TimeState::NotYetValid
    );
    assert_eq!(j.full, Outcome::NotYetValid);
    // 5: iat in the future is the inspector's business only.
    let j = judge(&with(&|c| c.iat = Date::At(3600)));
    assert_eq!(j.full, Outcome::Accepted);
    assert!(j
        .report
        .findings
        .iter()
        .any(|f| f.id.code() == "iat-in-future"));
    // 6 and 7.
    let j = judge(&with(&|c| c.exp = Date::BeforeEpoch(-1)));
    assert_eq!(claim(&j.report, "exp").unwrap().state, TimeState::Expired);
    assert_eq!(j.full, Outcome::MalformedClaim("exp".into()));
    let j = judge(&with(&|c| c.exp = Date::Text));
    assert_eq!(claim(&j.report, "exp").unwrap().state, TimeState::Invalid);
    assert_eq!(j.full, Outcome::MalformedClaim("exp".into()));
    // 9 and 10.
    let j = judge(&with(&|c| c.mangle = Mangle::NoncanonicalSignature));
    assert_eq!(j.report.signature.verdict, Verdict::Valid);
    assert_eq!(j.signature_only, Outcome::BadSignature);
    let j = judge(&with(&|c| c.mangle = Mangle::ShortSignature));
    assert_eq!(j.report.signature.verdict, Verdict::WrongLength);
    assert_eq!(j.signature_only, Outcome::BadSignature);
}

//! Date claims (NumericDate, RFC 7519 §2): reading them once, and judging them at any instant.
//!
//! [`date_claims`] reads the values from the payload; [`assess`] judges them at a given `now`,
//! cheaply, so a live countdown never re-parses the token.

use crate::json::{Map, Value};
use serde::Serialize;

use crate::clock_text::{self, MAX_INSTANT, MIN_INSTANT};

/// Claims known to hold a NumericDate, in display order.
pub const DATE_CLAIMS: &[&str] = &[
    "iat",
    "nbf",
    "exp",
    "auth_time",
    "updated_at",
    "orig_iat",
    "rat",
    "refresh_exp",
    "pwd_exp",
];

/// A date claim as read from the payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateClaim {
    /// The claim name.
    pub name: String,
    /// The value as written in the token.
    pub raw: String,
    /// Whole Unix seconds (rounded down), or why the value is not a usable NumericDate.
    pub value: Result<i64, String>,
    /// The fraction of a second after `value`, in nanoseconds (RFC 7519 allows fractions).
    pub nanos: u32,
    /// Remarks on a usable but unusual value (fractional, before 1970).
    pub notes: Vec<String>,
}

/// A NumericDate read exactly: whole seconds rounded down, and the fraction in nanoseconds
/// (digits past the ninth are dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    /// Whole Unix seconds, rounded towards the past.
    pub seconds: i64,
    /// Nanoseconds after `seconds`.
    pub nanos: u32,
}

/// Reads one NumericDate value.
pub fn read_numeric_date(value: &Value) -> (Result<i64, String>, Vec<String>) {
    let (instant, notes) = read_instant(value);
    (instant.map(|i| i.seconds), notes)
}

/// Reads one NumericDate value exactly, fraction included.
pub fn read_numeric_date_exact(value: &Value) -> (Result<Instant, String>, Vec<String>) {
    read_instant(value)
}

/// Reads one NumericDate value (a number is quoted in messages as written).
fn read_instant(value: &Value) -> (Result<Instant, String>, Vec<String>) {
    let mut notes = Vec::new();
    let number = match value {
        Value::Number(n) => n,
        Value::String(s) => {
            // Read as decimal text, not as a float: the module then needs no float parser.
            let hint = if Decimal::parse(s.trim()).is_some() {
                " (it holds digits, but many libraries reject or ignore a string here)"
            } else {
                ""
            };
            return (
                Err(format!(
                    "is a string; a NumericDate must be a JSON number of seconds{hint}"
                )),
                notes,
            );
        }
        other => {
            return (
                Err(format!(
                    "is {}; a NumericDate must be a JSON number of seconds",
                    crate::json::type_name(other)
                )),
                notes,
            )
        }
    };
    // The number keeps its spelling, so it can be read exactly.
    let text = number.as_str();
    let Some(decimal) = Decimal::parse(text) else {
        return (
            Err(format!("{text} is not a usable number of seconds")),
            notes,
        );
    };
    if decimal.has_fraction() {
        notes
            .push("has a fractional part; RFC 7519 allows it, but some libraries reject it".into());
    }
    let instant = decimal
        .instant()
        .filter(|i| (MIN_INSTANT..=MAX_INSTANT).contains(&i.seconds));
    let Some(instant) = instant else {
        if decimal.negative {
            return (Err(format!("{text} is before the year 1")), notes);
        }
        let looks_like_ms = decimal
            .whole()
            .is_some_and(|w| (100_000_000_000..=i128::from(MAX_INSTANT) * 1000).contains(&w));
        let hint = if looks_like_ms {
            " It looks like milliseconds; NumericDate counts seconds."
        } else {
            ""
        };
        return (
            Err(format!(
                "{text} is after the year 9999, so it cannot be a real date.{hint}"
            )),
            notes,
        );
    };
    if instant.seconds < 0 {
        notes.push("is before 1970-01-01".into());
    }
    (Ok(instant), notes)
}

/// A JSON number's decimal digits, read without rounding, in place.
struct Decimal<'a> {
    negative: bool,
    /// The digits before and after the point, as written.
    int: &'a [u8],
    frac: &'a [u8],
    /// How many zeros lead `int` and `frac` read as one run of digits.
    leading: usize,
    /// How many significant digits follow them (trailing zeros excluded).
    len: usize,
    /// Where the decimal point sits after the first significant digit (may be negative or past
    /// the end).
    point: i64,
}

impl<'a> Decimal<'a> {
    /// Reads JSON number text (`-12.5e3`); `None` if it is not one.
    fn parse(text: &'a str) -> Option<Decimal<'a>> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match rest.bytes().position(|b| (b | 0x20) == b'e') {
            Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
            None => (rest, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let (int, frac) = (int.as_bytes(), frac.as_bytes());
        let run = || int.iter().chain(frac);
        if int.is_empty() || !run().all(u8::is_ascii_digit) {
            return None;
        }
        let leading = run().take_while(|&&d| d == b'0').count();
        let trailing = run().rev().take_while(|&&d| d == b'0').count();
        let point = i64::try_from(int.len())
            .ok()?
            .checked_add(exponent)?
            .checked_sub(i64::try_from(leading).ok()?)?;
        Some(Decimal {
            negative,
            int,
            frac,
            leading,
            len: (int.len() + frac.len()).saturating_sub(leading + trailing),
            point,
        })
    }

    /// Significant digit `i` (0 is the first), 0 outside them.
    fn digit(&self, i: i64) -> u8 {
        let j = usize::try_from(i).ok().filter(|&i| i < self.len);
        j.map(|j| j + self.leading)
            .and_then(|j| {
                self.int
                    .get(j)
                    .or_else(|| self.frac.get(j - self.int.len()))
            })
            .map_or(0, |b| b - b'0')
    }

    /// The whole part (rounded towards zero), when it has at most 30 digits.
    fn whole(&self) -> Option<i128> {
        if self.point > 30 {
            return None;
        }
        let digits = (0..self.point.max(0)).map(|i| i128::from(self.digit(i)));
        Some(digits.fold(0i128, |acc, d| acc * 10 + d))
    }

    fn has_fraction(&self) -> bool {
        i64::try_from(self.len).is_ok_and(|len| len > self.point)
    }

    /// The instant, or `None` when the whole seconds do not fit in 13 digits (far past year 9999).
    fn instant(&self) -> Option<Instant> {
        if self.point > 13 {
            return None;
        }
        let digit = |i: i64| i64::from(self.digit(i));
        let whole = (0..self.point).fold(0i64, |acc, i| acc * 10 + digit(i));
        let nine = (self.point..self.point + 9).fold(0i64, |acc, i| acc * 10 + digit(i));
        let beyond = i64::try_from(self.len).is_ok_and(|len| len > self.point + 9);
        if !self.negative {
            return Some(Instant {
                seconds: whole,
                nanos: u32::try_from(nine).ok()?,
            });
        }
        if nine == 0 && !beyond {
            return Some(Instant {
                seconds: -whole,
                nanos: 0,
            });
        }
        // Rounded towards the past: -0.25 is 0.75 s after -1.
        let nanos = 1_000_000_000 - nine - i64::from(beyond);
        Some(Instant {
            seconds: -whole - 1,
            nanos: u32::try_from(nanos).ok()?,
        })
    }
}

/// True for a top-level claim name that is taken as a date when it holds a number.
fn looks_like_date(name: &str) -> bool {
    ["_at", "_time", "_exp"].iter().any(|s| name.ends_with(s))
}

/// Reads every date claim in the payload: the known ones, and any other top-level claim whose name
/// ends in `_at`, `_time` or `_exp` and holds a number.
pub fn date_claims(claims: &Map) -> Vec<DateClaim> {
    read_dates(claims, None)
}

/// [`date_claims`] of a JSON payload, quoting each value exactly as the token writes it.
///
/// Linear in the number of members: a number is quoted as it keeps its spelling, and only a known
/// claim that is not a number (at most [`DATE_CLAIMS`]`.len()` of them) is looked up in the text.
pub fn date_claims_of(doc: &crate::json::Document) -> Vec<DateClaim> {
    doc.value
        .as_object()
        .map_or_else(Vec::new, |claims| read_dates(claims, Some(doc)))
}

/// Reads the date claims of `claims`, known ones first; `doc` spells values that are not numbers.
fn read_dates(claims: &Map, doc: Option<&crate::json::Document>) -> Vec<DateClaim> {
    let known = DATE_CLAIMS.iter().filter_map(|&n| claims.get_key_value(n));
    let others = claims.iter().filter(|(name, value)| {
        value.is_number() && looks_like_date(name) && !DATE_CLAIMS.contains(&name.as_str())
    });
    known
        .chain(others)
        .map(|(name, value)| {
            // The last occurrence wins, as in `value`.
            let raw = match value {
                Value::Number(n) => n.as_str().to_owned(),
                _ => doc
                    .and_then(|d| d.raw_member(name))
                    .map_or_else(|| value.to_string(), str::to_owned),
            };
            let (instant, notes) = read_instant(value);
            DateClaim {
                name: name.clone(),
                raw,
                nanos: instant.as_ref().map_or(0, |i| i.nanos),
                value: instant.map(|i| i.seconds),
                notes,
            }
        })
        .collect()
}

/// The state of a date claim at the evaluation instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeState {
    /// `exp` has passed (beyond the skew).
    Expired,
    /// `nbf` is still ahead (beyond the skew).
    NotYetValid,
    /// `exp` still ahead, or `nbf` reached.
    Active,
    /// Another date claim in the past.
    Past,
    /// Another date claim in the future (beyond the skew).
    Future,
    /// Not a usable NumericDate.
    Invalid,
}

impl TimeState {
    /// A short label for people, the same on the page and in the terminal.
    pub fn label(self) -> &'static str {
        match self {
            TimeState::Expired => "Expired",
            TimeState::NotYetValid => "Not yet valid",
            TimeState::Active => "OK",
            TimeState::Past => "Past",
            TimeState::Future => "In the future",
            TimeState::Invalid => "Invalid value",
        }
    }

    /// The stable code (`data-state`).
    pub fn code(self) -> &'static str {
        match self {
            TimeState::Expired => "expired",
            TimeState::NotYetValid => "not-yet-valid",
            TimeState::Active => "active",
            TimeState::Past => "past",
            TimeState::Future => "future",
            TimeState::Invalid => "invalid",
        }
    }
}

/// A date claim judged at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimTime {
    /// The claim name.
    pub name: String,
    /// The value as written.
    pub raw: String,
    /// Whole Unix seconds (rounded down), when usable.
    pub seconds: Option<i64>,
    /// Nanoseconds after `seconds`, for a fractional NumericDate.
    #[serde(skip_serializing_if = "is_zero")]
    pub nanos: u32,
    /// The instant in RFC 3339 UTC, fraction included, when usable.
    pub utc: Option<String>,
    /// The state at the evaluation instant.
    pub state: TimeState,
    /// A phrase such as "expires in 14 minutes" or "expired 3 days ago", or the problem.
    pub relative: String,
    /// Remarks on the value.
    pub notes: Vec<String>,
}

/// The token's validity window judged at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timing {
    /// The evaluation instant, Unix seconds.
    pub now: i64,
    /// The clock-skew tolerance used, seconds.
    pub skew: u32,
    /// One entry per date claim.
    pub claims: Vec<ClaimTime>,
    /// `exp - iat` (or `exp - nbf` without `iat`), seconds.
    pub lifetime: Option<i64>,
    /// Seconds until `exp` (negative once past), ignoring skew.
    pub remaining: Option<i64>,
    /// True when no usable `exp`/`nbf` makes the token unusable at `now` (skew applied).
    pub usable: bool,
}

/// "expires in 14 minutes", "issued 3 days ago": claim `name` seen `delta` seconds ahead of now.
fn phrase(name: &str, delta: i64) -> String {
    let (before, after) = match (name, delta > 0) {
        _ if delta == 0 => {
            return match name {
                "exp" => "expires now",
                "nbf" => "becomes valid now",
                "iat" => "issued now",
                _ => "now",
            }
            .into()
        }
        ("exp", true) => ("expires in ", ""),
        ("exp", false) => ("expired ", " ago"),
        ("nbf", true) => ("becomes valid in ", ""),
        ("nbf", false) => ("valid since ", " ago"),
        ("iat", true) => ("issued ", " in the future"),
        ("iat", false) => ("issued ", " ago"),
        (_, true) => ("in ", ""),
        (_, false) => ("", " ago"),
    };
    let mut out = String::with_capacity(40);
    out.push_str(before);
    clock_text::push_humanized(&mut out, delta.unsigned_abs());
    out.push_str(after);
    out
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The state of one usable date claim at `now` with `skew`; the fraction counts.
fn state_at(name: &str, at: (i64, u32), now: i64, skew: i64) -> TimeState {
    let instant = |s: i64| (s, 0u32);
    match name {
        // RFC 7519 §4.1.4: usable only while now is before exp.
        "exp" if instant(now.saturating_sub(skew)) >= at => TimeState::Expired,
        "exp" => TimeState::Active,
        // RFC 7519 §4.1.5: usable from nbf on.
        "nbf" if instant(now.saturating_add(skew)) < at => TimeState::NotYetValid,
        "nbf" => TimeState::Active,
        _ if at > instant(now.saturating_add(skew)) => TimeState::Future,
        _ => TimeState::Past,
    }
}

/// Judges date claims at `now`, tolerating `skew` seconds of clock difference.
pub fn assess(claims: &[DateClaim], now: i64, skew: u32) -> Timing {
    let skew_s = i64::from(skew);
    let value_of = |n: &str| {
        claims
            .iter()
            .find(|c| c.name == n)
            .and_then(|c| c.value.clone().ok())
    };
    let (exp, nbf, iat) = (value_of("exp"), value_of("nbf"), value_of("iat"));
    let out: Vec<ClaimTime> = claims
        .iter()
        .map(|c| match &c.value {
            Ok(t) => {
                let t = *t;
                ClaimTime {
                    name: c.name.clone(),
                    raw: c.raw.clone(),
                    seconds: Some(t),
                    nanos: c.nanos,
                    utc: clock_text::rfc3339_exact(t, c.nanos),
                    state: state_at(&c.name, (t, c.nanos), now, skew_s),
                    relative: phrase(&c.name, t.saturating_sub(now)),
                    notes: c.notes.clone(),
                }
            }
            Err(problem) => ClaimTime {
                name: c.name.clone(),
                raw: c.raw.clone(),
                seconds: None,
                nanos: 0,
                utc: None,
                state: TimeState::Invalid,
                relative: format!("{} {problem}", c.name),
                notes: c.notes.clone(),
            },
        })
        .collect();
    let usable = !out
        .iter()
        .any(|c| matches!(c.state, TimeState::Expired | TimeState::NotYetValid));
    Timing {
        now,
        skew,
        lifetime: exp.and_then(|e| iat.or(nbf).map(|start| e.saturating_sub(start))),
        remaining: exp.map(|e| e.saturating_sub(now)),
        claims: out,
        usable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: serde_json::Value) -> Vec<DateClaim> {
        let v: Value = v.to_string().parse().unwrap();
        date_claims(v.as_object().unwrap())
    }

    fn state(t: &Timing, name: &str) -> TimeState {
        t.claims.iter().find(|c| c.name == name).unwrap().state
    }

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn expired_and_active_exp() {
        let t = assess(&claims(json!({"exp": NOW - 1})), NOW, 0);
        assert_eq!(state(&t, "exp"), TimeState::Expired);
        assert!(!t.usable);
        let t = assess(&claims(json!({"exp": NOW + 14 * 60 + 30})), NOW, 0);
        assert_eq!(state(&t, "exp"), TimeState::Active);
        assert_eq!(t.claims[0].relative, "expires in 14 minutes");
        assert_eq!(t.remaining, Some(870));
    }

    #[test]
    fn a_repeated_date_claim_is_read_as_its_last_spelling() {
        // `value` keeps the last `exp`; the text shown beside it must be that one's, among
        // other date-like names sorted before and after it.
        let doc = crate::json::parse(
            br#"{"updated_at":3,"exp":1.0,"a_time":5,"exp":2e0,"zz_date":7,"iat":10}"#,
        )
        .unwrap();
        let read = date_claims_of(&doc);
        let exp = read.iter().find(|c| c.name == "exp").unwrap();
        assert_eq!(exp.raw, "2e0");
        let iat = read.iter().find(|c| c.name == "iat").unwrap();
        assert_eq!(iat.raw, "10");
        let updated = read.iter().find(|c| c.name == "updated_at").unwrap();
        assert_eq!(updated.raw, "3");
    }

    #[test]
    fn exp_at_exactly_now_is_expired() {
        let t = assess(&claims(json!({"exp": NOW})), NOW, 0);
        assert_eq!(state(&t, "exp"), TimeState::Expired);
    }

    #[test]
    fn skew_tolerates_small_differences() {
        let c = claims(json!({"exp": NOW - 30, "nbf": NOW + 30, "iat": NOW + 30}));
        let strict = assess(&c, NOW, 0);
        assert_eq!(state(&strict, "exp"), TimeState::Expired);
        assert_eq!(state(&strict, "nbf"), TimeState::NotYetValid);
        assert_eq!(state(&strict, "iat"), TimeState::Future);
        let lenient = assess(&c, NOW, 60);
        assert_eq!(state(&lenient, "exp"), TimeState::Active);
        assert_eq!(state(&lenient, "nbf"), TimeState::Active);
        assert_eq!(state(&lenient, "iat"), TimeState::Past);
        assert!(lenient.usable);
    }

    #[test]
    fn phrases_for_past_and_future() {
        let t = assess(
            &claims(json!({"exp": NOW - 3 * 86_400, "iat": NOW - 7200, "nbf": NOW + 300})),
            NOW,
            0,
        );
        let rel = |n: &str| {
            t.claims
                .iter()
                .find(|c| c.name == n)
                .unwrap()
                .relative
                .clone()
        };
        assert_eq!(rel("exp"), "expired 3 days ago");
        assert_eq!(rel("iat"), "issued 2 hours ago");
        assert_eq!(rel("nbf"), "becomes valid in 5 minutes");
    }

    #[test]
    fn lifetime_prefers_iat() {
        let t = assess(
            &claims(json!({"iat": 100, "nbf": 200, "exp": 1000})),
            NOW,
            0,
        );
        assert_eq!(t.lifetime, Some(900));
        let t = assess(&claims(json!({"nbf": 200, "exp": 1000})), NOW, 0);
        assert_eq!(t.lifetime, Some(800));
        let t = assess(&claims(json!({"exp": 1000})), NOW, 0);
        assert_eq!(t.lifetime, None);
    }

    #[test]
    fn utc_is_rfc3339() {
        let t = assess(&claims(json!({"exp": 1_300_819_380})), NOW, 0);
        assert_eq!(t.claims[0].utc.as_deref(), Some("2011-03-22T18:43:00Z"));
    }

    #[test]
    fn unusable_values_say_why() {
        let c = claims(json!({"exp": "1700000000", "nbf": true, "iat": 1.7e12}));
        let t = assess(&c, NOW, 0);
        for c in &t.claims {
            assert_eq!(c.state, TimeState::Invalid, "{}", c.name);
        }
        let rel = |n: &str| {
            t.claims
                .iter()
                .find(|c| c.name == n)
                .unwrap()
                .relative
                .clone()
        };
        assert!(rel("exp").contains("is a string"), "{}", rel("exp"));
        assert!(rel("nbf").contains("a boolean"));
        assert!(rel("iat").contains("milliseconds"), "{}", rel("iat"));
        assert!(
            t.usable,
            "invalid values do not make the token unusable by themselves"
        );
    }

    #[test]
    fn fractional_and_negative_values_are_noted() {
        let c = claims(json!({"exp": 1.5, "iat": -10}));
        assert_eq!(c.iter().find(|c| c.name == "exp").unwrap().value, Ok(1));
        assert!(
            c[0].notes.iter().any(|n| n.contains("before 1970"))
                || c[1].notes.iter().any(|n| n.contains("before 1970"))
        );
        assert!(c
            .iter()
            .any(|c| c.notes.iter().any(|n| n.contains("fractional"))));
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        let doc = crate::json::parse(br#"{"exp":1e400,"nbf":18446744073709551617,"iat":-1e999,"rat":0.00e-9223372036854775808}"#)
            .unwrap();
        let t = assess(&date_claims(doc.value.as_object().unwrap()), NOW, u32::MAX);
        assert!(t.claims.iter().all(|c| c.state == TimeState::Invalid));
    }

    #[test]
    fn fractions_are_kept_exactly() {
        let cases = [
            (
                "1700003600.5",
                1_700_003_600,
                500_000_000,
                "2023-11-14T23:13:20.5Z",
            ),
            (
                "1700003600.25",
                1_700_003_600,
                250_000_000,
                "2023-11-14T23:13:20.25Z",
            ),
            (
                "1700003600.000001",
                1_700_003_600,
                1_000,
                "2023-11-14T23:13:20.000001Z",
            ),
            (
                "1700003600.1234567891",
                1_700_003_600,
                123_456_789,
                "2023-11-14T23:13:20.123456789Z",
            ),
            (
                "17000036005e-1",
                1_700_003_600,
                500_000_000,
                "2023-11-14T23:13:20.5Z",
            ),
            (
                "1.7000036005E9",
                1_700_003_600,
                500_000_000,
                "2023-11-14T23:13:20.5Z",
            ),
            ("1700003600.0", 1_700_003_600, 0, "2023-11-14T23:13:20Z"),
            ("-0.25", -1, 750_000_000, "1969-12-31T23:59:59.75Z"),
        ];
        for (text, seconds, nanos, utc) in cases {
            let doc = crate::json::parse(format!("{{\"exp\":{text}}}").as_bytes()).unwrap();
            let c = date_claims_of(&doc);
            assert_eq!(
                (c[0].value.clone(), c[0].nanos),
                (Ok(seconds), nanos),
                "{text}"
            );
            assert_eq!(c[0].raw, text);
            let t = assess(&c, NOW, 0);
            assert_eq!(t.claims[0].utc.as_deref(), Some(utc), "{text}");
        }
    }

    #[test]
    fn fraction_counts_when_judging() {
        let at = |text: &str, now: i64, skew: u32| {
            let doc = crate::json::parse(text.as_bytes()).unwrap();
            assess(&date_claims_of(&doc), now, skew).claims[0].state
        };
        // exp half a second after now: still active; exactly now: expired.
        assert_eq!(at(r#"{"exp":1700000000.5}"#, NOW, 0), TimeState::Active);
        assert_eq!(at(r#"{"exp":1700000000}"#, NOW, 0), TimeState::Expired);
        assert_eq!(at(r#"{"exp":1699999940.5}"#, NOW, 60), TimeState::Active);
        assert_eq!(at(r#"{"exp":1699999939.5}"#, NOW, 60), TimeState::Expired);
        // nbf half a second after now: not yet valid; iat likewise in the future.
        assert_eq!(
            at(r#"{"nbf":1700000000.5}"#, NOW, 0),
            TimeState::NotYetValid
        );
        assert_eq!(at(r#"{"nbf":1700000000}"#, NOW, 0), TimeState::Active);
        assert_eq!(at(r#"{"iat":1700000000.5}"#, NOW, 0), TimeState::Future);
    }

    #[test]
    fn date_claim_extraction_is_linear() {
        // Each member is visited a bounded number of times, however many date-like claims there are.
        for n in [1_000usize, 200_000] {
            let members: Vec<String> = (0..n)
                .map(|i| format!("\"x{i}_at\":{}", 1_700_000_000 + i))
                .collect();
            let doc = crate::json::parse(format!("{{\"exp\":1,{}}}", members.join(",")).as_bytes())
                .unwrap();
            crate::json::work::take();
            let claims = date_claims_of(&doc);
            let visits = crate::json::work::take();
            assert_eq!(claims.len(), n + 1);
            assert!(visits <= n + 1, "{visits} member visits for {n} claims");
        }
    }

    #[test]
    fn other_date_like_claims_are_included() {
        let c = claims(json!({"sub": "x", "last_login_at": 1000, "created_at": "yesterday"}));
        let names: Vec<_> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["last_login_at"]);
        let t = assess(&c, NOW, 0);
        assert_eq!(t.claims[0].state, TimeState::Past);
    }
}

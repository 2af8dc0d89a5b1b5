//! Date claims (NumericDate, RFC 7519 §2): reading them once, and judging them at any instant.
//!
//! [`date_claims`] reads the values from the payload; [`assess`] judges them at a given `now`,
//! cheaply, so a live countdown never re-parses the token.

use serde::Serialize;
use serde_json::{Map, Value};

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
    /// Unix seconds (fractions dropped), or why the value is not a usable NumericDate.
    pub value: Result<i64, String>,
    /// Remarks on a usable but unusual value (fractional, before 1970).
    pub notes: Vec<String>,
}

/// Reads one NumericDate value.
pub fn read_numeric_date(value: &Value) -> (Result<i64, String>, Vec<String>) {
    read_numeric_date_as(value, &value.to_string())
}

/// Reads one NumericDate value whose text in the token is `written` (quoted in messages).
fn read_numeric_date_as(value: &Value, written: &str) -> (Result<i64, String>, Vec<String>) {
    let mut notes = Vec::new();
    let number = match value {
        Value::Number(n) => n,
        Value::String(s) => {
            let hint = if s.trim().parse::<f64>().is_ok() {
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
    let text = written;
    let Some(f) = number.as_f64().filter(|f| f.is_finite()) else {
        return (
            Err(format!("{text} is not a usable number of seconds")),
            notes,
        );
    };
    let seconds = f.floor();
    if seconds != f {
        notes
            .push("has a fractional part; RFC 7519 allows it, but some libraries reject it".into());
    }
    if seconds > MAX_INSTANT as f64 {
        let hint = if (seconds / 1000.0) <= MAX_INSTANT as f64 && seconds >= 1e11 {
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
    }
    if seconds < MIN_INSTANT as f64 {
        return (Err(format!("{text} is before the year 1")), notes);
    }
    if seconds < 0.0 {
        notes.push("is before 1970-01-01".into());
    }
    (Ok(seconds as i64), notes)
}

/// Reads every date claim in the payload: the known ones, and any other top-level claim whose name
/// ends in `_at`, `_time` or `_exp` and holds a number.
pub fn date_claims(claims: &Map<String, Value>) -> Vec<DateClaim> {
    date_claims_written(claims, |_| None)
}

/// [`date_claims`] of a JSON payload, quoting each value exactly as the token writes it.
pub fn date_claims_of(doc: &crate::json::Document) -> Vec<DateClaim> {
    match doc.value.as_object() {
        Some(claims) => date_claims_written(claims, |name| doc.raw_member(name)),
        None => Vec::new(),
    }
}

fn date_claims_written<'a>(
    claims: &Map<String, Value>,
    written: impl Fn(&str) -> Option<&'a str>,
) -> Vec<DateClaim> {
    let mut names: Vec<&str> = DATE_CLAIMS
        .iter()
        .copied()
        .filter(|n| claims.contains_key(*n))
        .collect();
    for (name, value) in claims {
        let looks_like_date = ["_at", "_time", "_exp"].iter().any(|s| name.ends_with(s));
        if looks_like_date && value.is_number() && !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    names
        .into_iter()
        .filter_map(|name| {
            let value = claims.get(name)?;
            let raw = written(name).map_or_else(|| value.to_string(), str::to_string);
            let (value_result, notes) = read_numeric_date_as(value, &raw);
            Some(DateClaim {
                name: name.to_string(),
                raw,
                value: value_result,
                notes,
            })
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
    /// Unix seconds, when usable.
    pub seconds: Option<i64>,
    /// The instant in RFC 3339 UTC, when usable.
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

fn phrase(name: &str, delta: i64) -> String {
    let span = clock_text::humanize(delta.unsigned_abs());
    match (name, delta >= 0) {
        (_, _) if delta == 0 => match name {
            "exp" => "expires now".into(),
            "nbf" => "becomes valid now".into(),
            "iat" => "issued now".into(),
            _ => "now".into(),
        },
        ("exp", true) => format!("expires in {span}"),
        ("exp", false) => format!("expired {span} ago"),
        ("nbf", true) => format!("becomes valid in {span}"),
        ("nbf", false) => format!("valid since {span} ago"),
        ("iat", true) => format!("issued {span} in the future"),
        ("iat", false) => format!("issued {span} ago"),
        (_, true) => format!("in {span}"),
        (_, false) => format!("{span} ago"),
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
                let state = match c.name.as_str() {
                    // RFC 7519 §4.1.4: usable only while now is before exp.
                    "exp" if now >= t.saturating_add(skew_s) => TimeState::Expired,
                    "exp" => TimeState::Active,
                    // RFC 7519 §4.1.5: usable from nbf on.
                    "nbf" if now.saturating_add(skew_s) < t => TimeState::NotYetValid,
                    "nbf" => TimeState::Active,
                    _ if t > now.saturating_add(skew_s) => TimeState::Future,
                    _ => TimeState::Past,
                };
                ClaimTime {
                    name: c.name.clone(),
                    raw: c.raw.clone(),
                    seconds: Some(t),
                    utc: clock_text::rfc3339(t),
                    state,
                    relative: phrase(&c.name, t.saturating_sub(now)),
                    notes: c.notes.clone(),
                }
            }
            Err(problem) => ClaimTime {
                name: c.name.clone(),
                raw: c.raw.clone(),
                seconds: None,
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

    fn claims(v: Value) -> Vec<DateClaim> {
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
        let doc = crate::json::parse(br#"{"exp":1e400,"nbf":18446744073709551617,"iat":-1e999}"#)
            .unwrap();
        let t = assess(&date_claims(doc.value.as_object().unwrap()), NOW, u32::MAX);
        assert!(t.claims.iter().all(|c| c.state == TimeState::Invalid));
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

//! Choosing the key to verify with, the way a careful library does: by `kid` when the token has
//! one; otherwise the keys whose type, curve, `alg` and `use` fit the token's algorithm.

use super::{Key, KeyError, KeySet};
use crate::verify::public::{Misfit, PublicAlg};

/// A key to try, and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The key.
    pub key: Key,
    /// Its 1-based position in a JWKS.
    pub position: Option<usize>,
    /// Why it was chosen, e.g. "its kid 'k2' matches the token's".
    pub reason: String,
}

/// The keys to try, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// At least one key.
    pub candidates: Vec<Candidate>,
    /// The number of keys in the JWKS, when the keys came from one.
    pub set_size: Option<usize>,
}

/// Why no key can be tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The token names a `kid` that the JWKS does not have.
    KidNotFound(String),
    /// The key (or every key) is of a type or curve the algorithm cannot use.
    KeyMismatch(String),
    /// The key fits, but that combination is not checked here.
    Unsupported(String),
    /// The key that would be used cannot be read.
    BadKey(KeyError),
}

/// Chooses the keys of `set` to verify a token signed with `alg` whose header names `kid`.
pub fn choose(set: &KeySet, alg: PublicAlg, kid: Option<&str>) -> Result<Choice, Refusal> {
    if !set.jwks {
        return single(set, alg, kid);
    }
    let size = set.entries.len();
    match kid {
        Some(kid) => by_kid(set, alg, kid),
        None => by_fit(set, alg),
    }
    .map(|candidates| Choice {
        candidates,
        set_size: Some(size),
    })
}

fn single(set: &KeySet, alg: PublicAlg, kid: Option<&str>) -> Result<Choice, Refusal> {
    let Some(entry) = set.entries.first() else {
        return Err(Refusal::BadKey(KeyError::new(
            super::KeyErrorKind::Empty,
            None,
            "no key was given",
        )));
    };
    let key = entry.key.as_ref().map_err(|e| Refusal::BadKey(e.clone()))?;
    alg.fits(&key.public).map_err(misfit)?;
    let reason = match (kid, key.kid.as_deref()) {
        _ if key.form.from_token() => {
            "the key inside the token, used only because it was explicitly chosen".to_string()
        }
        (Some(t), Some(k)) if t != k => format!(
            "the only key given; note that its kid '{k}' differs from the token's '{t}', so a server that selects keys by kid would not use it"
        ),
        (Some(t), Some(_)) => format!("the only key given; its kid '{t}' matches the token's"),
        _ => "the only key given".to_string(),
    };
    Ok(Choice {
        candidates: vec![Candidate {
            key: key.clone(),
            position: None,
            reason,
        }],
        set_size: None,
    })
}

fn misfit(m: Misfit) -> Refusal {
    match m {
        Misfit::Mismatch(why) => Refusal::KeyMismatch(format!("The key does not fit: {why}.")),
        Misfit::Unsupported(why) => Refusal::Unsupported(format!("{}.", capitalize(&why))),
    }
}

fn by_kid(set: &KeySet, alg: PublicAlg, kid: &str) -> Result<Vec<Candidate>, Refusal> {
    let matching: Vec<(usize, &super::Entry)> = set
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kid.as_deref() == Some(kid))
        .collect();
    if matching.is_empty() {
        return Err(Refusal::KidNotFound(format!(
            "The token's kid is '{kid}', and the JWKS has no key with that kid ({}). The issuer may have rotated its keys: fetch its current JWKS.",
            kids_listed(set)
        )));
    }
    let readable: Vec<(usize, &Key)> = matching
        .iter()
        .filter_map(|(i, e)| e.key.as_ref().ok().map(|k| (*i, k)))
        .collect();
    if readable.is_empty() {
        let (_, entry) = matching[0];
        let e = entry.key.clone().err().unwrap_or_else(|| {
            KeyError::new(super::KeyErrorKind::Jwk, None, "the key cannot be read")
        });
        return Err(Refusal::BadKey(e));
    }
    let fitting: Vec<(usize, &Key)> = readable
        .iter()
        .copied()
        .filter(|(_, k)| alg.fits(&k.public).is_ok())
        .collect();
    if fitting.is_empty() {
        let (_, key) = readable[0];
        return Err(match alg.fits(&key.public) {
            Err(Misfit::Unsupported(why)) => Refusal::Unsupported(format!("{}.", capitalize(&why))),
            Err(Misfit::Mismatch(why)) => Refusal::KeyMismatch(format!(
                "The JWKS key with kid '{kid}' does not fit: {why}."
            )),
            Ok(()) => Refusal::KeyMismatch("The key does not fit.".into()),
        });
    }
    let several = fitting.len() > 1;
    Ok(fitting
        .into_iter()
        .map(|(i, k)| Candidate {
            key: k.clone(),
            position: Some(i + 1),
            reason: if several {
                format!("its kid '{kid}' matches the token's (the JWKS has several keys with this kid; each is tried in order)")
            } else {
                format!("its kid '{kid}' matches the token's")
            },
        })
        .collect())
}

/// True when a JWK's metadata allows verifying `alg`: `alg` absent or equal, `use` absent or
/// `sig`, `key_ops` absent or listing `verify`.
pub fn metadata_allows(key: &Key, alg: PublicAlg) -> bool {
    key.alg.as_deref().is_none_or(|a| a == alg.name())
        && key.key_use.as_deref().is_none_or(|u| u == "sig")
        && key
            .key_ops
            .as_ref()
            .is_none_or(|ops| ops.iter().any(|o| o == "verify"))
}

fn by_fit(set: &KeySet, alg: PublicAlg) -> Result<Vec<Candidate>, Refusal> {
    let readable: Vec<(usize, &Key)> = set
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.key.as_ref().ok().map(|k| (i, k)))
        .collect();
    if readable.is_empty() {
        let e = set
            .entries
            .iter()
            .find_map(|e| e.key.clone().err())
            .unwrap_or_else(|| KeyError::new(super::KeyErrorKind::Empty, None, "no key"));
        return Err(Refusal::BadKey(e));
    }
    let by_type: Vec<(usize, &Key)> = readable
        .iter()
        .copied()
        .filter(|(_, k)| alg.fits(&k.public).is_ok())
        .collect();
    if by_type.is_empty() {
        if let Some(why) = readable
            .iter()
            .find_map(|(_, k)| match alg.fits(&k.public) {
                Err(Misfit::Unsupported(why)) => Some(why),
                _ => None,
            })
        {
            return Err(Refusal::Unsupported(format!("{}.", capitalize(&why))));
        }
        let kinds: Vec<String> = readable
            .iter()
            .map(|(_, k)| k.public.kind_words())
            .collect();
        return Err(Refusal::KeyMismatch(format!(
            "None of the JWKS's {} keys fits {}: they are {}.",
            set.entries.len(),
            alg.name(),
            kinds.join(", ")
        )));
    }
    let allowed: Vec<(usize, &Key)> = by_type
        .iter()
        .copied()
        .filter(|(_, k)| metadata_allows(k, alg))
        .collect();
    let (chosen, loose) = if allowed.is_empty() {
        (by_type, true)
    } else {
        (allowed, false)
    };
    let count = chosen.len();
    Ok(chosen
        .into_iter()
        .map(|(i, k)| Candidate {
            key: k.clone(),
            position: Some(i + 1),
            reason: match (count, loose) {
                (1, false) => format!(
                    "the token has no kid, and this is the only key in the JWKS that fits {}",
                    alg.name()
                ),
                (1, true) => format!(
                    "the token has no kid, and this is the only {} key, although its 'alg', 'use' or 'key_ops' says it is not for verifying {}",
                    k.public.kind_words(),
                    alg.name()
                ),
                (n, _) => format!(
                    "the token has no kid, and {n} keys in the JWKS fit {}; each is tried in order",
                    alg.name()
                ),
            },
        })
        .collect())
}

fn kids_listed(set: &KeySet) -> String {
    let kids: Vec<String> = set
        .entries
        .iter()
        .filter_map(|e| e.kid.as_ref().map(|k| format!("'{k}'")))
        .collect();
    let without = set.entries.len() - kids.len();
    let mut parts = Vec::new();
    if !kids.is_empty() {
        parts.push(format!(
            "its kid{} {}",
            if kids.len() == 1 { " is" } else { "s are" },
            kids.join(", ")
        ));
    }
    if without > 0 {
        parts.push(format!(
            "{without} key{} without a kid",
            if without == 1 { "" } else { "s" }
        ));
    }
    parts.join("; ")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

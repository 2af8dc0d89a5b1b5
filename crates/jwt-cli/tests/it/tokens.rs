//! Tokens made for the tests, all judged at [`AT`].

use jwt_core::b64url;

/// The evaluation instant of every test: 2023-11-14T22:13:20Z.
pub const AT: i64 = 1_700_000_000;
/// `AT` as the argument.
pub const AT_ARG: &str = "1700000000";
/// A secret long enough for HS256 and on no weak-secret list.
pub const SECRET: &str = "integration-secret-for-jwt-cli-tests";
/// The standard header.
pub const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// `payload` signed with [`SECRET`] under [`HEADER`].
pub fn signed(payload: &str) -> String {
    jwt_core::sign(HEADER, payload, SECRET.as_bytes()).expect("HS256 signs")
}

/// Issued a minute before `AT`, expires 14 minutes after it.
pub fn valid() -> String {
    signed(&format!(
        r#"{{"sub":"alice","iat":{},"exp":{}}}"#,
        AT - 60,
        AT + 840
    ))
}

/// Expired an hour before `AT`.
pub fn expired() -> String {
    signed(&format!(
        r#"{{"sub":"alice","iat":{},"exp":{}}}"#,
        AT - 7200,
        AT - 3600
    ))
}

/// Expired 30 seconds before `AT`: within the default skew.
pub fn just_expired() -> String {
    signed(&format!(r#"{{"sub":"alice","exp":{}}}"#, AT - 30))
}

/// Valid from an hour after `AT`.
pub fn not_yet_valid() -> String {
    signed(&format!(
        r#"{{"sub":"alice","nbf":{},"exp":{}}}"#,
        AT + 3600,
        AT + 7200
    ))
}

/// No `exp`: a warning finding, nothing worse.
pub fn no_exp() -> String {
    signed(r#"{"sub":"alice"}"#)
}

/// `valid()` with a character in its payload that is not base64url.
pub fn malformed() -> String {
    let token = valid();
    let dot = token.find('.').expect("a dot");
    format!("{}*{}", &token[..dot + 4], &token[dot + 4..])
}

/// `alg: none`, unsigned.
pub fn alg_none() -> String {
    format!(
        "{}.{}.",
        b64url::encode(br#"{"alg":"none"}"#),
        b64url::encode(format!(r#"{{"sub":"alice","exp":{}}}"#, AT + 600).as_bytes())
    )
}

/// The payload names `role` twice.
pub fn duplicate_keys() -> String {
    signed(&format!(
        r#"{{"sub":"alice","role":"user","role":"admin","exp":{}}}"#,
        AT + 600
    ))
}

/// The committed key fixtures (`fixtures/keys`, listed in its `index.json`): for each
/// algorithm a private key, its public key as PEM, JWK and a JWKS with decoys, and a token
/// (`iat` = [`AT`], `exp` in 2100) carrying the key's `kid`.
pub mod keys {
    use std::path::PathBuf;

    /// The path of a fixture file, as an argument.
    pub fn path(name: &str) -> String {
        let path = crate::support::repository()
            .join("fixtures/keys")
            .join(name);
        path.to_str()
            .expect("the repository path is UTF-8")
            .to_string()
    }

    /// The contents of a fixture file, without surrounding whitespace.
    pub fn text(name: &str) -> String {
        let path = PathBuf::from(path(name));
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .trim()
            .to_string()
    }

    /// Each algorithm of the fixtures with its key's `kid`.
    pub fn algs() -> Vec<(String, String)> {
        let index: serde_json::Value =
            serde_json::from_str(&text("index.json")).expect("the index is JSON");
        let algs = index["algs"].as_array().expect("the index lists algs");
        algs.iter()
            .map(|a| {
                let field = |k: &str| a[k].as_str().expect("alg and kid").to_string();
                (field("alg"), field("kid"))
            })
            .collect()
    }
}

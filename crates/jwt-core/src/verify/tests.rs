//! Unit tests of the dispatch and the HMAC checks; public-key checks with a fake backend.

use super::*;
use crate::b64url;
use crate::secret::SecretEncoding;
use crate::token::decode;

fn verdict(token: &str, secret: Option<&str>) -> SignatureCheck {
    let secret = secret.map(SecretInput::utf8);
    check(&decode(token), secret.as_ref())
}

fn token(header: &str, payload: &str, key: &str) -> String {
    sign(header, payload, key.as_bytes()).unwrap()
}

#[test]
fn sign_then_verify_each_algorithm() {
    for alg in HmacAlg::ALL {
        let t = token(
            &format!(r#"{{"alg":"{}"}}"#, alg.name()),
            r#"{"sub":"1"}"#,
            "k",
        );
        assert_eq!(
            verdict(&t, Some("k")).verdict,
            Verdict::Valid,
            "{}",
            alg.name()
        );
        let wrong = verdict(&t, Some("j"));
        assert_eq!(wrong.verdict, Verdict::Invalid);
        let expected = sign(
            &format!(r#"{{"alg":"{}"}}"#, alg.name()),
            r#"{"sub":"1"}"#,
            b"j",
        )
        .unwrap();
        assert_eq!(
            wrong.expected_signature.as_deref(),
            expected.rsplit('.').next()
        );
    }
}

#[test]
fn no_secret_and_bad_secret() {
    let t = token(r#"{"alg":"HS256"}"#, "{}", "k");
    assert_eq!(verdict(&t, None).verdict, Verdict::NoSecret);
    assert_eq!(verdict(&t, Some("")).verdict, Verdict::NoSecret);
    let bad = SecretInput::new("zz", SecretEncoding::Hex);
    let r = check(&decode(&t), Some(&bad));
    assert_eq!(r.verdict, Verdict::BadSecret);
    assert!(r.message.contains("hex"), "{}", r.message);
}

#[test]
fn alg_none_is_unsigned_never_valid() {
    let t = format!("{}.e30.", b64url::encode(br#"{"alg":"none"}"#));
    assert_eq!(verdict(&t, Some("anything")).verdict, Verdict::Unsigned);
}

#[test]
fn odd_none_and_hs_spellings_are_unsupported() {
    for alg in ["NONE", "none ", "hs256", "None"] {
        let t = format!(
            "{}.e30.",
            b64url::encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes())
        );
        let r = verdict(&t, Some("k"));
        assert_eq!(r.verdict, Verdict::UnsupportedAlg, "{alg}");
        assert!(r.message.contains("case-sensitive"), "{}", r.message);
    }
}

#[test]
fn unchecked_algorithms_are_named() {
    for (alg, words) in [("ES256K", "secp256k1"), ("Ed448", "Ed448")] {
        let t = format!(
            "{}.e30.AAAA",
            b64url::encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes())
        );
        let r = verdict(&t, Some("k"));
        assert_eq!(r.verdict, Verdict::UnsupportedAlg, "{alg}");
        assert!(
            r.message.contains(alg) && r.message.contains(words),
            "{}",
            r.message
        );
        assert!(r.message.contains("neither valid nor invalid"));
    }
}

#[test]
fn public_key_tokens_without_a_key_ask_for_one() {
    let t = format!("{}.e30.AAAA", b64url::encode(br#"{"alg":"RS256"}"#));
    let r = verdict(&t, Some("k"));
    assert_eq!(r.verdict, Verdict::NoKey);
    assert!(r.message.contains("public key"), "{}", r.message);
    let r = verdict(&t, None);
    assert_eq!(r.verdict, Verdict::NoKey);
}

#[test]
fn missing_or_non_string_alg() {
    for header in [r#"{"typ":"JWT"}"#, r#"{"alg":256}"#] {
        let t = format!("{}.e30.", b64url::encode(header.as_bytes()));
        assert_eq!(
            verdict(&t, Some("k")).verdict,
            Verdict::AlgMissing,
            "{header}"
        );
    }
}

#[test]
fn duplicate_alg_is_ambiguous() {
    let t = format!(
        "{}.e30.",
        b64url::encode(br#"{"alg":"HS256","alg":"none"}"#)
    );
    assert_eq!(verdict(&t, Some("k")).verdict, Verdict::AmbiguousAlg);
}

#[test]
fn crit_is_unsupported() {
    let t = token(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, "{}", "k");
    let r = verdict(&t, Some("k"));
    assert_eq!(r.verdict, Verdict::UnsupportedCrit);
    assert!(r.message.contains("'exp'"));
}

#[test]
fn wrong_length_names_the_likely_algorithm() {
    let t = token(r#"{"alg":"HS256"}"#, "{}", "k");
    let relabelled = format!(
        "{}.{}",
        b64url::encode(br#"{"alg":"HS384"}"#),
        t.split_once('.').unwrap().1
    );
    let r = verdict(&relabelled, Some("k"));
    assert_eq!(r.verdict, Verdict::WrongLength);
    assert!(r.message.contains("HS256"), "{}", r.message);
}

#[test]
fn malformed_and_encrypted_tokens() {
    assert_eq!(verdict("a.b", Some("k")).verdict, Verdict::NotEvaluated);
    let jwe = format!(
        "{}.AAAA.AAAA.AAAA.AAAA",
        b64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#)
    );
    assert_eq!(verdict(&jwe, Some("k")).verdict, Verdict::NotApplicable);
}

#[test]
fn tampered_payload_is_invalid() {
    let t = token(r#"{"alg":"HS256"}"#, r#"{"admin":false}"#, "k");
    let parts: Vec<&str> = t.split('.').collect();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        b64url::encode(br#"{"admin":true}"#),
        parts[2]
    );
    assert_eq!(verdict(&forged, Some("k")).verdict, Verdict::Invalid);
}

#[test]
fn sign_rejects_what_it_cannot_sign() {
    assert!(matches!(
        sign("[]", "{}", b"k"),
        Err(SignError::HeaderNotObject(_))
    ));
    assert!(matches!(
        sign(r#"{"alg":"RS256"}"#, "{}", b"k"),
        Err(SignError::UnsupportedAlg(_))
    ));
    assert!(sign("{", "{}", b"k")
        .unwrap_err()
        .to_string()
        .contains("JSON object"));
}

#[test]
fn find_secret_finds_the_matching_candidate() {
    let t = token(r#"{"alg":"HS512"}"#, "{}", "secret");
    assert_eq!(
        find_secret(&decode(&t), ["a", "secret", "b"]),
        Some("secret")
    );
    assert_eq!(find_secret(&decode(&t), ["a", "b"]), None);
}

#[test]
fn rfc7515_a1_key_in_base64url() {
    let key =
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    let t = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let s = SecretInput::new(key, SecretEncoding::Base64url);
    let r = check(&decode(t), Some(&s));
    assert_eq!(r.verdict, Verdict::Valid);
    assert_eq!(r.key_len, Some(64));
}

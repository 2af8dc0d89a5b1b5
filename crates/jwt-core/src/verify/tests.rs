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

/// A backend that accepts exactly one signature, to test the phases without arithmetic.
struct Accepts(Vec<u8>);

impl Backend for Accepts {
    fn verify(&self, _: PublicAlg, _: &keys::PublicKey, _: &[u8], signature: &[u8]) -> bool {
        signature == self.0
    }
}

const ED25519_JWK: &str =
    r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"ed"}"#;

fn eddsa_token(header: &str, signature: &[u8]) -> String {
    format!(
        "{}.e30.{}",
        b64url::encode(header.as_bytes()),
        b64url::encode(signature)
    )
}

#[test]
fn plan_asks_then_conclude_decides() {
    let sig = [7u8; 64];
    let t = eddsa_token(r#"{"alg":"EdDSA","kid":"ed"}"#, &sig);
    let d = decode(&t);
    let Plan::Verify(request) = plan(&d, Some(KeyInput::PublicKey(ED25519_JWK))) else {
        panic!("a request");
    };
    assert_eq!(request.alg, PublicAlg::EdDSA);
    assert_eq!(request.candidates.len(), 1);
    assert_eq!(request.signature, sig);
    assert_eq!(request.signing_input, t.rsplit_once('.').unwrap().0);
    let valid = conclude(&request, Some(0));
    assert_eq!(valid.verdict, Verdict::Valid);
    let key = valid.key.as_ref().unwrap();
    assert_eq!(key.key_type.code(), "okp");
    assert_eq!(key.kid.as_deref(), Some("ed"));
    assert!(
        valid.message.contains("Ed25519 public key (JWK)"),
        "{}",
        valid.message
    );
    let invalid = conclude(&request, None);
    assert_eq!(invalid.verdict, Verdict::Invalid);
    assert!(invalid.key.is_some());
    // The one-call form with a backend.
    let r = check_with(
        &d,
        Some(KeyInput::PublicKey(ED25519_JWK)),
        &Accepts(sig.to_vec()),
    );
    assert_eq!(r, valid);
    let r = check_with(&d, Some(KeyInput::PublicKey(ED25519_JWK)), &NoBackend);
    assert_eq!(r, invalid);
}

#[test]
fn public_key_verdicts_before_any_arithmetic() {
    let t = eddsa_token(r#"{"alg":"EdDSA"}"#, &[7u8; 64]);
    let d = decode(&t);
    let done = |key| match plan(&d, key) {
        Plan::Done(c) => c,
        Plan::Verify(_) => panic!("decided without a backend"),
    };
    assert_eq!(done(None).verdict, Verdict::NoKey);
    let bad = done(Some(KeyInput::PublicKey(r#"{"kty":"OKP"}"#)));
    assert_eq!(bad.verdict, Verdict::BadKey);
    assert!(
        bad.message.contains("JWK: member 'crv' is missing"),
        "{}",
        bad.message
    );
    let mismatch = done(Some(KeyInput::PublicKey(
        r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#,
    )));
    assert_eq!(mismatch.verdict, Verdict::KeyMismatch);
    // Without its own key, "check against the token's key" has nothing to use.
    let own = done(Some(KeyInput::TokenKey));
    assert_eq!(own.verdict, Verdict::NoKey);
    assert!(own.message.contains("carries no key"), "{}", own.message);
    // A short Ed25519 signature.
    let short = eddsa_token(r#"{"alg":"EdDSA"}"#, &[7u8; 63]);
    let r = check_with(
        &decode(&short),
        Some(KeyInput::PublicKey(ED25519_JWK)),
        &NoBackend,
    );
    assert_eq!(r.verdict, Verdict::WrongLength);
}

#[test]
fn key_urls_are_named_never_fetched() {
    let t = eddsa_token(
        r#"{"alg":"EdDSA","jku":"https://attacker.example/jwks.json"}"#,
        &[7u8; 64],
    );
    let r = check(&decode(&t), None);
    assert_eq!(r.verdict, Verdict::NoKey);
    assert!(
        r.message.contains("'jku'") && r.message.contains("never fetched"),
        "{}",
        r.message
    );
}

#[test]
fn token_key_is_used_only_when_asked_and_said_so() {
    let header = format!(r#"{{"alg":"EdDSA","jwk":{ED25519_JWK}}}"#);
    let sig = [9u8; 64];
    let t = eddsa_token(&header, &sig);
    let d = decode(&t);
    assert_eq!(
        check_with(&d, None, &Accepts(sig.to_vec())).verdict,
        Verdict::NoKey
    );
    let r = check_with(&d, Some(KeyInput::TokenKey), &Accepts(sig.to_vec()));
    assert_eq!(r.verdict, Verdict::Valid);
    assert!(r.message.contains("self-consistent"), "{}", r.message);
    let key = r.key.as_ref().unwrap();
    assert!(key.from_token);
    assert!(key.reason.contains("explicitly chosen"), "{}", key.reason);
}

#[test]
fn try_all_names_the_matching_encoding() {
    let key = b"\xfb\xff\x00 a key that is not text";
    let t = sign(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, key).unwrap();
    for (text, encoding) in [
        (
            "+/8AIGEga2V5IHRoYXQgaXMgbm90IHRleHQ",
            SecretEncoding::Base64,
        ),
        (
            "-_8AIGEga2V5IHRoYXQgaXMgbm90IHRleHQ",
            SecretEncoding::Base64url,
        ),
        (
            "fbff002061206b65792074686174206973206e6f742074657874",
            SecretEncoding::Hex,
        ),
    ] {
        let r = check(
            &decode(&t),
            Some(&SecretInput::new(text, SecretEncoding::Auto)),
        );
        assert_eq!(r.verdict, Verdict::Valid, "{text}");
        assert_eq!(r.secret_encoding, Some(encoding));
        assert!(r.message.contains(encoding.label()), "{}", r.message);
        assert_eq!(r.key_len, Some(key.len()));
    }
    let text = sign(r#"{"alg":"HS256"}"#, "{}", b"plain words").unwrap();
    let r = check(
        &decode(&text),
        Some(&SecretInput::new("plain words", SecretEncoding::Auto)),
    );
    assert_eq!(r.secret_encoding, Some(SecretEncoding::Utf8));
    let r = check(
        &decode(&text),
        Some(&SecretInput::new("other", SecretEncoding::Auto)),
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r.message.contains("tried UTF-8 text"), "{}", r.message);
    assert!(r.message.contains("hex (not valid hex)"), "{}", r.message);
    assert_eq!(r.secret_encoding, None);
}

#[test]
fn a_public_key_for_an_hs_token() {
    let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
    let forged = sign(r#"{"alg":"HS256"}"#, "{}", pem.as_bytes()).unwrap();
    let r = check_with(&decode(&forged), Some(KeyInput::PublicKey(pem)), &NoBackend);
    assert_eq!(r.verdict, Verdict::Valid);
    assert!(r.message.contains("key-confusion attack"), "{}", r.message);
    let honest = sign(r#"{"alg":"HS256"}"#, "{}", b"k").unwrap();
    let r = check_with(&decode(&honest), Some(KeyInput::PublicKey(pem)), &NoBackend);
    assert_eq!(r.verdict, Verdict::KeyMismatch);
    assert!(r.message.contains("not an HMAC secret"), "{}", r.message);
}

#[test]
fn empty_payload_is_checked_like_any_token() {
    let t = sign(r#"{"alg":"HS256"}"#, "", b"k").unwrap();
    let r = verdict(&t, Some("k"));
    assert_eq!(r.verdict, Verdict::Valid);
    assert!(r.message.contains("RFC 7515 Appendix F"), "{}", r.message);
    let r = verdict(&t, Some("j"));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r.expected_signature.is_some());
}

#[test]
fn public_algorithms_and_their_webcrypto_names() {
    for alg in PublicAlg::ALL {
        assert_eq!(PublicAlg::from_name(alg.name()), Some(alg));
        assert!(!alg.webcrypto_name().is_empty());
    }
    assert_eq!(PublicAlg::PS384.webcrypto_name(), "RSA-PSS");
    assert_eq!(PublicAlg::PS384.hash().map(Hash::output_len), Some(48));
    assert_eq!(
        PublicAlg::ES512.curve().map(keys::EcCurve::name),
        Some("P-521")
    );
    assert_eq!(PublicAlg::ES512.fixed_signature_len(), Some(132));
    assert_eq!(PublicAlg::Ed25519.webcrypto_name(), "Ed25519");
    assert_eq!(PublicAlg::from_name("ES256K"), None);
}

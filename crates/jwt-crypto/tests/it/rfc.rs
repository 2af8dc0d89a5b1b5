//! `shared/vectors/rfc.json`: the RS/PS/ES examples of RFC 7515 and RFC 7520 verify with their
//! published `public_key_jwk`, and fail with a key of another entry.

use jwt_core::{KeyInput, Verdict};

use crate::{load_json, two_phase};

#[test]
fn rfc_public_key_examples_verify() {
    let entries = load_json("rfc.json");
    let entries: Vec<_> = entries
        .as_array()
        .expect("rfc.json is an array")
        .iter()
        .filter(|e| e.get("public_key_jwk").is_some_and(|k| !k.is_null()))
        .collect();
    let mut names = Vec::new();
    for entry in &entries {
        let name = entry["name"].as_str().expect("name");
        let token = entry["token"].as_str().expect("token");
        let jwk = entry["public_key_jwk"].to_string();
        let check = two_phase(token, Some(KeyInput::PublicKey(&jwk)));
        assert_eq!(check.verdict, Verdict::Valid, "{name}: {}", check.message);
        assert_eq!(check.alg.as_deref(), entry["alg"].as_str(), "{name}");
        let key = check.key.as_ref().expect("a key summary");
        assert_eq!(key.form.code(), "jwk", "{name}");
        // A key of the same type from another entry does not verify it.
        let other = entries.iter().find(|o| {
            o["name"] != entry["name"]
                && o["public_key_jwk"]["kty"] == entry["public_key_jwk"]["kty"]
                && o["public_key_jwk"]["crv"] == entry["public_key_jwk"]["crv"]
                && o["public_key_jwk"] != entry["public_key_jwk"]
        });
        if let Some(other) = other {
            let wrong = other["public_key_jwk"].to_string();
            let check = two_phase(token, Some(KeyInput::PublicKey(&wrong)));
            assert!(
                matches!(check.verdict, Verdict::Invalid | Verdict::WrongLength),
                "{name} with {}'s key: {:?}",
                other["name"],
                check.verdict
            );
        }
        names.push(name);
    }
    println!("rfc.json public-key entries verified: {names:?}");
    assert_eq!(names.len(), 6, "RFC 7515 A.2–A.4 and RFC 7520 4.1–4.3");
}

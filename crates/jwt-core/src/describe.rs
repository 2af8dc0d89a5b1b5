//! Human descriptions of registered JWT claims, OpenID Connect claims and JOSE header parameters.

/// A short explanation of one claim or header parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Description {
    /// The member name as it appears in the JSON, e.g. `exp`.
    pub name: &'static str,
    /// A few words, e.g. "Expiration time".
    pub title: &'static str,
    /// One or two plain sentences a developer understands.
    pub text: &'static str,
    /// Where it is defined, e.g. "RFC 7519 §4.1.4".
    pub reference: &'static str,
}

const fn d(
    name: &'static str,
    title: &'static str,
    text: &'static str,
    reference: &'static str,
) -> Description {
    Description {
        name,
        title,
        text,
        reference,
    }
}

const OIDC_5_1: &str = "OpenID Connect Core 1.0 §5.1";
const OIDC_2: &str = "OpenID Connect Core 1.0 §2";

/// Payload claims: the RFC 7519 registered ones first, then OpenID Connect, then others.
static CLAIMS: &[Description] = &[
    // RFC 7519 registered claims.
    d(
        "iss",
        "Issuer",
        "Who issued the token, usually an HTTPS URL or another case-sensitive string. \
         Verifiers should compare it exactly with the issuers they trust.",
        "RFC 7519 §4.1.1",
    ),
    d(
        "sub",
        "Subject",
        "The principal the token is about, such as a user ID. It is only unique within one \
         issuer, so identify users by the iss and sub pair.",
        "RFC 7519 §4.1.2",
    ),
    d(
        "aud",
        "Audience",
        "The intended recipients, as one string or an array of strings. A service must reject \
         the token unless one of the values identifies that service.",
        "RFC 7519 §4.1.3",
    ),
    d(
        "exp",
        "Expiration time",
        "NumericDate (seconds since 1970-01-01 UTC) from which the token must be rejected. \
         Verifiers often allow a few minutes of clock skew.",
        "RFC 7519 §4.1.4",
    ),
    d(
        "nbf",
        "Not before",
        "NumericDate (seconds since 1970-01-01 UTC) before which the token must not be \
         accepted. Verifiers often allow a few minutes of clock skew.",
        "RFC 7519 §4.1.5",
    ),
    d(
        "iat",
        "Issued at",
        "NumericDate (seconds since 1970-01-01 UTC) when the token was created. It shows the \
         token's age but does not by itself make the token expire.",
        "RFC 7519 §4.1.6",
    ),
    d(
        "jti",
        "JWT ID",
        "A unique identifier for this token. A recipient can remember the values it has seen \
         to refuse a token that is replayed.",
        "RFC 7519 §4.1.7",
    ),
    // OpenID Connect standard claims.
    d(
        "name",
        "Full name",
        "The user's full name, ready for display, possibly with titles and suffixes and \
         ordered as is usual in the user's locale.",
        OIDC_5_1,
    ),
    d(
        "given_name",
        "Given name",
        "The user's given or first name. Some people have several, separated by spaces.",
        OIDC_5_1,
    ),
    d(
        "family_name",
        "Family name",
        "The user's surname or last name. Some people have several, separated by spaces, \
         and some have none.",
        OIDC_5_1,
    ),
    d(
        "middle_name",
        "Middle name",
        "The user's middle name or names, in cultures that use them.",
        OIDC_5_1,
    ),
    d(
        "nickname",
        "Nickname",
        "A casual name the user goes by, which may differ from the given name.",
        OIDC_5_1,
    ),
    d(
        "preferred_username",
        "Preferred username",
        "A short name the user likes to be known by, such as a handle. It may change and is \
         not guaranteed unique, so never use it as a key; use sub.",
        OIDC_5_1,
    ),
    d(
        "profile",
        "Profile page",
        "URL of the user's profile page.",
        OIDC_5_1,
    ),
    d(
        "picture",
        "Profile picture",
        "URL of a picture of the user, such as a photo or avatar image.",
        OIDC_5_1,
    ),
    d(
        "website",
        "Website",
        "URL of the user's web page or blog, or of an organisation the user belongs to.",
        OIDC_5_1,
    ),
    d(
        "email",
        "E-mail address",
        "The user's preferred e-mail address. It may not be unique or verified, so check \
         email_verified before relying on it.",
        OIDC_5_1,
    ),
    d(
        "email_verified",
        "E-mail verified",
        "Boolean: true if the provider confirmed, when it checked, that the user controlled \
         the e-mail address.",
        OIDC_5_1,
    ),
    d(
        "gender",
        "Gender",
        "The user's gender. The values female and male are defined, and other values may be \
         used.",
        OIDC_5_1,
    ),
    d(
        "birthdate",
        "Birth date",
        "The user's birthday as YYYY-MM-DD. The year may be 0000 when withheld, or the value \
         may be just a year.",
        OIDC_5_1,
    ),
    d(
        "zoneinfo",
        "Time zone",
        "The user's time zone as a name from the IANA time zone database, such as \
         Europe/Paris.",
        OIDC_5_1,
    ),
    d(
        "locale",
        "Locale",
        "The user's locale as a BCP 47 language tag such as en-US. Some providers write it \
         with an underscore, as in en_US.",
        OIDC_5_1,
    ),
    d(
        "phone_number",
        "Phone number",
        "The user's preferred telephone number, recommended in E.164 form such as \
         +15555550100, optionally with an extension.",
        OIDC_5_1,
    ),
    d(
        "phone_number_verified",
        "Phone number verified",
        "Boolean: true if the provider confirmed, when it checked, that the user controlled \
         the phone number.",
        OIDC_5_1,
    ),
    d(
        "address",
        "Postal address",
        "The user's preferred postal address, as a JSON object with members such as \
         formatted, street_address, locality, region, postal_code and country.",
        OIDC_5_1,
    ),
    d(
        "updated_at",
        "Profile updated at",
        "NumericDate (seconds since 1970-01-01 UTC) when the user's profile information was \
         last changed.",
        OIDC_5_1,
    ),
    // OpenID Connect ID token claims.
    d(
        "azp",
        "Authorized party",
        "The client ID of the party the ID token was issued to. It matters mostly when aud \
         lists more than one audience.",
        OIDC_2,
    ),
    d(
        "nonce",
        "Nonce",
        "A value the client sent in its authentication request, echoed by the provider. The \
         client must check it matches, to tie the ID token to its session and stop replays.",
        OIDC_2,
    ),
    d(
        "auth_time",
        "Authentication time",
        "NumericDate (seconds since 1970-01-01 UTC) when the user last actively \
         authenticated, for example by entering a password.",
        OIDC_2,
    ),
    d(
        "at_hash",
        "Access token hash",
        "The left half of a hash of the access token, base64url-encoded, using the hash from \
         the ID token's alg. It ties the access token to this ID token.",
        "OpenID Connect Core 1.0 §3.1.3.6",
    ),
    d(
        "c_hash",
        "Authorization code hash",
        "The left half of a hash of the authorization code, base64url-encoded, using the hash \
         from the ID token's alg. It ties the code to this ID token.",
        "OpenID Connect Core 1.0 §3.3.2.11",
    ),
    d(
        "acr",
        "Authentication context class",
        "Names the assurance level or policy the login satisfied, often a URI agreed with the \
         provider. The value 0 means it did not meet even a basic level.",
        OIDC_2,
    ),
    d(
        "amr",
        "Authentication methods",
        "Array of strings naming how the user authenticated, such as pwd, otp or mfa. Common \
         values are listed in RFC 8176.",
        OIDC_2,
    ),
    d(
        "sid",
        "Session ID",
        "Identifies the user's login session at the OpenID provider, so that logout requests \
         can name the session to end.",
        "OpenID Connect Front-Channel Logout 1.0 §3",
    ),
    d(
        "sub_jwk",
        "Subject public key",
        "In a self-issued ID token, the public key (a JWK) that signed it. The sub of such a \
         token is derived from this key's thumbprint.",
        "OpenID Connect Core 1.0 §7.4",
    ),
    // Other registered claims.
    d(
        "cnf",
        "Confirmation",
        "Binds the token to a key the presenter must prove it holds, given e.g. as a jwk, a \
         kid, or a thumbprint such as jkt (DPoP) or x5t#S256 (mutual TLS).",
        "RFC 7800 §3.1",
    ),
    d(
        "act",
        "Actor",
        "After a token exchange, the party acting on behalf of the subject, as a JSON object \
         with claims such as sub. A nested act records earlier actors.",
        "RFC 8693 §4.1",
    ),
    d(
        "may_act",
        "Authorized actor",
        "A JSON object naming a party that is allowed to act on behalf of the subject, for \
         example in a later token exchange.",
        "RFC 8693 §4.4",
    ),
    d(
        "scope",
        "Scope",
        "The permissions granted, as one string of space-separated scope values such as \
         \"openid profile orders:read\".",
        "RFC 8693 §4.2",
    ),
    d(
        "client_id",
        "Client ID",
        "Identifies the OAuth 2.0 client that requested the token.",
        "RFC 8693 §4.3",
    ),
    d(
        "events",
        "Security events",
        "In a Security Event Token, a JSON object whose member names are event type URIs and \
         whose values give the details of each event.",
        "RFC 8417 §2.2",
    ),
    d(
        "toe",
        "Time of event",
        "In a Security Event Token, the NumericDate (seconds since 1970-01-01 UTC) when the \
         event happened, which can differ from iat.",
        "RFC 8417 §2.2",
    ),
    d(
        "txn",
        "Transaction ID",
        "An identifier shared by related tokens or events, so they can be correlated as one \
         transaction.",
        "RFC 8417 §2.2",
    ),
    d(
        "htm",
        "DPoP HTTP method",
        "In a DPoP proof, the HTTP method of the request the proof was made for, such as \
         POST.",
        "RFC 9449 §4.2",
    ),
    d(
        "htu",
        "DPoP HTTP URI",
        "In a DPoP proof, the target URI of the request, without query or fragment. The \
         server compares it with the URI it actually received.",
        "RFC 9449 §4.2",
    ),
    d(
        "ath",
        "DPoP access token hash",
        "In a DPoP proof sent with an access token, the base64url-encoded SHA-256 hash of \
         that access token.",
        "RFC 9449 §4.2",
    ),
    d(
        "roles",
        "Roles",
        "Roles of the user, registered for JWT access tokens with the meaning of the SCIM \
         roles attribute. Many systems also use a roles claim in their own format.",
        "RFC 9068 §2.2.3.1; RFC 7643 §4.1.2",
    ),
    d(
        "groups",
        "Groups",
        "Groups the user belongs to, registered for JWT access tokens with the meaning of \
         the SCIM groups attribute. Many providers also emit their own groups claim.",
        "RFC 9068 §2.2.3.1; RFC 7643 §4.1.2",
    ),
    d(
        "entitlements",
        "Entitlements",
        "Entitlements granted to the user, registered for JWT access tokens with the meaning \
         of the SCIM entitlements attribute.",
        "RFC 9068 §2.2.3.1; RFC 7643 §4.1.2",
    ),
    d(
        "tid",
        "Tenant ID",
        "Not a registered claim, but widely used: Microsoft Entra ID (Azure AD) puts the ID of \
         the user's directory tenant here.",
        "Microsoft identity platform (not registered)",
    ),
];

/// JOSE header parameters from the JWS, JWE and related registrations.
static HEADER_PARAMETERS: &[Description] = &[
    d(
        "alg",
        "Algorithm",
        "The signing or encryption algorithm, e.g. RS256. Risk: a verifier must accept only \
         the algorithms it expects for the key, or none and HMAC key-confusion attacks work.",
        "RFC 7515 §4.1.1; RFC 7516 §4.1.1",
    ),
    d(
        "jku",
        "JWK Set URL",
        "URL of a JWK Set containing the key. Risk: a verifier must never fetch keys from a \
         URL the token chooses unless that URL is on an allow-list.",
        "RFC 7515 §4.1.2",
    ),
    d(
        "jwk",
        "JSON Web Key",
        "The public key, embedded as a JWK. Risk: anyone can embed their own key, so it proves \
         nothing unless it matches a key the verifier already trusts.",
        "RFC 7515 §4.1.3",
    ),
    d(
        "kid",
        "Key ID",
        "A hint saying which key was used, e.g. to pick one from a JWK Set. Risk: it is \
         attacker-controlled, so never use it unchecked in file paths, SQL or commands.",
        "RFC 7515 §4.1.4",
    ),
    d(
        "x5u",
        "X.509 URL",
        "URL of the X.509 certificate chain for the key. Risk: as with jku, only fetch it from \
         allow-listed URLs and validate the chain against trusted roots.",
        "RFC 7515 §4.1.5",
    ),
    d(
        "x5c",
        "X.509 certificate chain",
        "The key's certificate followed by its chain, as base64 (not base64url) DER. The chain \
         must be validated against trusted roots before the key is used.",
        "RFC 7515 §4.1.6",
    ),
    d(
        "x5t",
        "X.509 SHA-1 thumbprint",
        "Base64url-encoded SHA-1 digest of the DER certificate holding the key, used to \
         identify that certificate.",
        "RFC 7515 §4.1.7",
    ),
    d(
        "x5t#S256",
        "X.509 SHA-256 thumbprint",
        "Base64url-encoded SHA-256 digest of the DER certificate holding the key, used to \
         identify that certificate.",
        "RFC 7515 §4.1.8",
    ),
    d(
        "typ",
        "Type",
        "Media type of the whole token, e.g. JWT, at+jwt or dpop+jwt. Checking it stops one \
         kind of token from being accepted in place of another.",
        "RFC 7515 §4.1.9; RFC 8725 §3.11",
    ),
    d(
        "cty",
        "Content type",
        "Media type of the payload. The value JWT means the payload is itself a JWT, e.g. a \
         signed token nested inside an encrypted one.",
        "RFC 7515 §4.1.10",
    ),
    d(
        "crit",
        "Critical",
        "Lists header extensions that must be understood. Risk: a recipient that does not \
         support every listed extension must reject the token, not ignore it.",
        "RFC 7515 §4.1.11",
    ),
    d(
        "enc",
        "Encryption algorithm",
        "In a JWE, the algorithm that encrypts the content, e.g. A256GCM; alg then says how \
         the content encryption key is protected.",
        "RFC 7516 §4.1.2",
    ),
    d(
        "zip",
        "Compression",
        "In a JWE, compression applied to the plaintext before encryption; DEF means DEFLATE. \
         Compressing secrets next to attacker-chosen data can leak them.",
        "RFC 7516 §4.1.3",
    ),
    d(
        "epk",
        "Ephemeral public key",
        "For ECDH-ES key agreement, the sender's one-time public key as a JWK. The recipient \
         must check that the point lies on the expected curve.",
        "RFC 7518 §4.6.1.1",
    ),
    d(
        "apu",
        "Agreement PartyUInfo",
        "For ECDH-ES, base64url-encoded information about the producer that is mixed into the \
         key derivation.",
        "RFC 7518 §4.6.1.2",
    ),
    d(
        "apv",
        "Agreement PartyVInfo",
        "For ECDH-ES, base64url-encoded information about the recipient that is mixed into \
         the key derivation.",
        "RFC 7518 §4.6.1.3",
    ),
    d(
        "iv",
        "Initialization vector",
        "For AES-GCM key wrapping (e.g. A256GCMKW), the base64url-encoded 96-bit IV used to \
         encrypt the content encryption key.",
        "RFC 7518 §4.7.1.1",
    ),
    d(
        "tag",
        "Authentication tag",
        "For AES-GCM key wrapping, the base64url-encoded 128-bit tag from encrypting the \
         content encryption key.",
        "RFC 7518 §4.7.1.2",
    ),
    d(
        "p2s",
        "PBES2 salt input",
        "For password-based key wrapping (PBES2), the base64url-encoded salt input, which \
         must be at least 8 bytes long.",
        "RFC 7518 §4.8.1.1",
    ),
    d(
        "p2c",
        "PBES2 count",
        "For password-based key wrapping, the PBKDF2 iteration count; at least 1000 is \
         recommended. Recipients should cap it, since a huge count wastes CPU.",
        "RFC 7518 §4.8.1.2",
    ),
    d(
        "b64",
        "Base64url-encode payload",
        "When false, the JWS payload is used as is instead of base64url-encoded. A token using \
         this must also list b64 in crit.",
        "RFC 7797 §3",
    ),
    d(
        "url",
        "URL",
        "In ACME, the URL the signed request is sent to. The server checks it matches the URL \
         actually requested.",
        "RFC 8555 §6.4.1",
    ),
    d(
        "nonce",
        "Nonce",
        "In ACME, a single-use value obtained from the server's Replay-Nonce header, which \
         stops a signed request from being replayed.",
        "RFC 8555 §6.5.2",
    ),
    d(
        "ppt",
        "PASSporT extension",
        "In a PASSporT (signed caller identity token), names the extension in use, such as \
         shaken, which defines extra claims.",
        "RFC 8225 §8.1",
    ),
];

fn find(list: &'static [Description], name: &str) -> Option<&'static Description> {
    list.iter().find(|description| description.name == name)
}

/// The description of a payload claim, if it is a registered or well-known one.
pub fn claim(name: &str) -> Option<&'static Description> {
    find(CLAIMS, name)
}

/// The description of a JOSE header parameter, if it is a registered one.
pub fn header_parameter(name: &str) -> Option<&'static Description> {
    find(HEADER_PARAMETERS, name)
}

/// Every claim description, for documentation and tests.
pub fn all_claims() -> &'static [Description] {
    CLAIMS
}

/// Every header parameter description.
pub fn all_header_parameters() -> &'static [Description] {
    HEADER_PARAMETERS
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn assert_unique(list: &[Description]) {
        let mut seen = HashSet::new();
        for description in list {
            assert!(
                seen.insert(description.name),
                "duplicate name {}",
                description.name
            );
        }
    }

    fn assert_well_formed(list: &[Description]) {
        for description in list {
            let Description {
                name,
                title,
                text,
                reference,
            } = description;
            assert!(!name.is_empty());
            assert_eq!(name.trim(), *name, "{name}: name has surrounding space");
            assert!(!title.trim().is_empty(), "{name}: empty title");
            assert!(!text.trim().is_empty(), "{name}: empty text");
            assert!(
                text.ends_with('.'),
                "{name}: text does not end with a period"
            );
            assert!(
                text.chars().count() <= 200,
                "{name}: text is {} characters long",
                text.chars().count()
            );
            assert!(!text.contains("  "), "{name}: text has a double space");
            assert!(!reference.trim().is_empty(), "{name}: empty reference");
        }
    }

    #[test]
    fn claim_names_are_unique() {
        assert_unique(all_claims());
    }

    #[test]
    fn header_parameter_names_are_unique() {
        assert_unique(all_header_parameters());
    }

    #[test]
    fn descriptions_are_well_formed() {
        assert_well_formed(all_claims());
        assert_well_formed(all_header_parameters());
    }

    #[test]
    fn claim_lookup_works() {
        for name in [
            "iss",
            "sub",
            "aud",
            "exp",
            "email_verified",
            "at_hash",
            "cnf",
            "tid",
        ] {
            assert_eq!(claim(name).map(|d| d.name), Some(name));
        }
        assert_eq!(claim("exp").unwrap().title, "Expiration time");
        assert_eq!(claim("exp").unwrap().reference, "RFC 7519 §4.1.4");
    }

    #[test]
    fn header_parameter_lookup_works() {
        for name in ["alg", "kid", "jku", "x5t#S256", "crit", "b64", "p2c", "ppt"] {
            assert_eq!(header_parameter(name).map(|d| d.name), Some(name));
        }
        assert_eq!(header_parameter("alg").unwrap().title, "Algorithm");
    }

    #[test]
    fn lookups_do_not_mix_lists() {
        assert!(claim("alg").is_none());
        assert!(header_parameter("exp").is_none());
        // `nonce` exists in both, with different meanings.
        assert_ne!(claim("nonce"), header_parameter("nonce"));
    }

    #[test]
    fn unknown_names_return_none() {
        for name in ["", "EXP", "exp ", "foo", "orig_iat", "x5t#s256"] {
            assert!(claim(name).is_none(), "{name:?}");
            assert!(header_parameter(name).is_none(), "{name:?}");
        }
    }

    #[test]
    fn required_names_are_covered() {
        let claims = [
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "name",
            "given_name",
            "family_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "email",
            "email_verified",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "phone_number",
            "phone_number_verified",
            "address",
            "updated_at",
            "azp",
            "nonce",
            "auth_time",
            "at_hash",
            "c_hash",
            "acr",
            "amr",
            "sid",
            "scope",
            "client_id",
            "cnf",
            "act",
            "may_act",
            "events",
            "toe",
            "txn",
            "sub_jwk",
            "roles",
            "groups",
            "entitlements",
            "tid",
        ];
        for name in claims {
            assert!(claim(name).is_some(), "missing claim {name}");
        }
        let headers = [
            "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
            "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c", "b64", "url", "nonce",
            "ppt",
        ];
        for name in headers {
            assert!(
                header_parameter(name).is_some(),
                "missing header parameter {name}"
            );
        }
    }

    #[test]
    fn date_claims_say_numeric_date() {
        for name in ["exp", "nbf", "iat", "auth_time", "updated_at"] {
            let text = claim(name).unwrap().text;
            assert!(text.contains("NumericDate"), "{name}");
            assert!(text.contains("seconds since 1970-01-01 UTC"), "{name}");
        }
    }

    #[test]
    fn security_relevant_parameters_mention_the_risk() {
        for name in ["alg", "jku", "jwk", "x5u", "kid", "crit"] {
            let text = header_parameter(name).unwrap().text;
            assert!(text.contains("Risk:"), "{name}");
        }
    }
}

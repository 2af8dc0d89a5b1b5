//! What developers really paste: tokens inside URLs, token responses, cookies, HTTP headers,
//! cURL commands and log lines. Each form must name what was removed (its [`Cleanup`]s), decode
//! the right token, offer every token found as a candidate, and keep structural errors relative
//! to the token, not to the pasted text.

use std::time::Instant;

use jwt_core::input::{self, CandidateKind, Cleanup, Origin};
use jwt_core::token::{self, Decoded, MAX_INPUT_BYTES};
use jwt_core::{inspect, sign, Options, SecretInput, StructureKind, Verdict};

use crate::NOW;

const KEY: &str = "k3J8s9dQ2mX7vB4nL1pZ6wR0tY5uH8eG";
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// A token signed with [`KEY`] whose `sub` is `sub`.
fn tok(sub: &str) -> String {
    let payload = format!(
        r#"{{"sub":"{sub}","iat":{},"exp":{}}}"#,
        NOW - 60,
        NOW + 840
    );
    sign(HEADER, &payload, KEY.as_bytes()).unwrap()
}

fn sub(d: &Decoded) -> &str {
    d.payload
        .claims()
        .and_then(|c| c["sub"].as_str())
        .unwrap_or("")
}

/// (label, origin, kind) of every candidate.
fn candidates(d: &Decoded) -> Vec<(&str, Origin, CandidateKind)> {
    d.candidates
        .iter()
        .map(|c| (c.label.as_str(), c.origin, c.kind))
        .collect()
}

/// Decodes `input`, checks that the token with `sub` was chosen, is well formed and verifies with
/// [`KEY`], and that the cleanups are exactly `cleanups`. Returns the decoded token.
#[track_caller]
fn decodes(input: &str, expected_sub: &str, cleanups: &[Cleanup]) -> Decoded {
    let report = inspect(
        input,
        Some(&SecretInput::utf8(KEY)),
        &Options::recommended(NOW),
    );
    let d = report.decoded;
    assert!(d.is_well_formed(), "{input:?}: {:?}", d.errors);
    assert_eq!(sub(&d), expected_sub, "{input:?}");
    assert_eq!(report.signature.verdict, Verdict::Valid, "{input:?}");
    assert_eq!(d.cleanups, cleanups, "{input:?}");
    for c in &d.cleanups {
        assert!(!c.message().is_empty());
    }
    serde_json::to_string(&d).expect("serializes");
    d
}

// ---------------------------------------------------------------------------------------------
// Scheme words.

#[test]
fn scheme_words_jwt_token_dpop_in_any_case() {
    let t = tok("1");
    for (input, cleanups) in [
        (format!("JWT {t}"), vec![Cleanup::JwtPrefix]),
        (format!("jwt {t}"), vec![Cleanup::JwtPrefix]),
        (format!("Token {t}"), vec![Cleanup::TokenPrefix]),
        (format!("TOKEN\t{t}"), vec![Cleanup::TokenPrefix]),
        (format!("DPoP {t}"), vec![Cleanup::DpopPrefix]),
        (format!("dpop {t}"), vec![Cleanup::DpopPrefix]),
        (
            format!("Authorization: DPoP {t}"),
            vec![Cleanup::AuthorizationHeader, Cleanup::DpopPrefix],
        ),
        (
            format!("authorization: token '{t}'"),
            vec![
                Cleanup::AuthorizationHeader,
                Cleanup::TokenPrefix,
                Cleanup::SurroundingQuotes,
            ],
        ),
    ] {
        let d = decodes(&input, "1", &cleanups);
        assert!(d.candidates.is_empty(), "{input:?}: the input is one token");
        assert_eq!(d.chosen, None);
    }
    assert!(Cleanup::JwtPrefix.message().contains("JWT"));
    assert!(Cleanup::TokenPrefix.message().contains("Token"));
    assert!(Cleanup::DpopPrefix.message().contains("DPoP"));
}

// ---------------------------------------------------------------------------------------------
// URLs: the OAuth redirect from the address bar.

#[test]
fn oauth_redirect_with_tokens_in_the_fragment() {
    let (at, idt) = (tok("access"), tok("id"));
    let url = format!(
        "https://app.example.com/callback#access_token={at}&token_type=Bearer&expires_in=3600&id_token={idt}&state=af0ifjsldkj"
    );
    let d = decodes(&url, "access", &[Cleanup::UrlParameter]);
    assert_eq!(
        candidates(&d),
        [
            ("access_token", Origin::UrlFragment, CandidateKind::Jws),
            ("id_token", Origin::UrlFragment, CandidateKind::Jws),
        ]
    );
    assert_eq!(d.chosen, Some(0));
    let other = token::decode_choice(&url, 1);
    assert_eq!(sub(&other), "id");
    assert_eq!(other.chosen, Some(1));
    assert_eq!(other.chosen_candidate().unwrap().label, "id_token");
    assert_eq!(
        input::summary(&d.candidates),
        "2 tokens found: access_token, id_token"
    );
}

#[test]
fn url_query_string_is_percent_decoded() {
    let t = tok("q");
    let escaped = t.replace('.', "%2E").replace('-', "%2D");
    let d = decodes(
        &format!("https://rp.example/cb?state=1&id_token={escaped}"),
        "q",
        &[Cleanup::UrlParameter, Cleanup::PercentEncoding],
    );
    assert_eq!(
        candidates(&d),
        [("id_token", Origin::UrlQuery, CandidateKind::Jws)]
    );
}

#[test]
fn url_forms_without_a_host() {
    let t = tok("u");
    for (input, origin) in [
        (format!("/callback?token={t}"), Origin::UrlQuery),
        (format!("?code={t}&state=x"), Origin::UrlQuery),
        (format!("#id_token={t}"), Origin::UrlFragment),
        (
            format!("access_token={t}&expires_in=3600"),
            Origin::UrlQuery,
        ),
        (format!("id_token={t}"), Origin::UrlQuery),
        (
            format!("myapp://oauth#/callback?access_token={t}"),
            Origin::UrlFragment,
        ),
        (
            format!("  \"https://x.example/?jwt={t}\"\n"),
            Origin::UrlQuery,
        ),
    ] {
        let quoted = input.trim().starts_with('"');
        let cleanups: &[Cleanup] = if quoted {
            &[Cleanup::SurroundingQuotes, Cleanup::UrlParameter]
        } else {
            &[Cleanup::UrlParameter]
        };
        let d = decodes(&input, "u", cleanups);
        assert_eq!(d.candidates[0].origin, origin, "{input:?}");
    }
}

#[test]
fn an_opaque_authorization_code_is_offered_and_said_to_be_opaque() {
    let url = "https://client.example.org/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz";
    let d = token::decode(url);
    assert_eq!(
        candidates(&d),
        [("code", Origin::UrlQuery, CandidateKind::Opaque)]
    );
    assert_eq!(d.token, "SplxlOBeZQQYbYS6WxSbIA");
    assert_eq!(d.errors[0].kind, StructureKind::WrongSegmentCount);
    assert!(
        d.errors[0].message.contains("opaque"),
        "{}",
        d.errors[0].message
    );
    assert!(d.candidates[0].note().unwrap().contains("opaque"));
    assert_eq!(
        input::summary(&d.candidates),
        "1 token found: code (opaque)"
    );
}

#[test]
fn a_url_without_a_token_says_so() {
    let d = token::decode("https://example.com/path?state=1#section");
    assert_eq!(d.errors.len(), 1);
    assert_eq!(d.errors[0].kind, StructureKind::NoTokenFound);
    assert_eq!(d.errors[0].kind.code(), "no-token-found");
    assert!(
        d.errors[0].message.contains("URL"),
        "{}",
        d.errors[0].message
    );
    assert!(d.token.is_empty());
}

// ---------------------------------------------------------------------------------------------
// JSON token responses and log records.

#[test]
fn token_response_offers_each_jwt_by_name_and_says_the_refresh_token_is_opaque() {
    let (at, idt) = (tok("access"), tok("id"));
    let response = format!(
        r#"{{"access_token": "{at}", "id_token": "{idt}", "refresh_token": "8xLOxBtZp8", "token_type": "Bearer", "expires_in": 3600}}"#
    );
    let d = decodes(&response, "access", &[Cleanup::JsonMember]);
    assert_eq!(
        candidates(&d),
        [
            ("access_token", Origin::JsonMember, CandidateKind::Jws),
            ("id_token", Origin::JsonMember, CandidateKind::Jws),
            ("refresh_token", Origin::JsonMember, CandidateKind::Opaque),
        ]
    );
    assert_eq!(sub(&token::decode_choice(&response, 1)), "id");
    let refresh = token::decode_choice(&response, 2);
    assert_eq!(refresh.token, "8xLOxBtZp8");
    assert!(refresh.errors[0].message.contains("opaque"));
    let note = d.candidates[2].note().unwrap();
    assert!(
        note.contains("refresh_token") && note.contains("opaque"),
        "{note}"
    );
    assert_eq!(
        input::summary(&d.candidates),
        "3 tokens found: access_token, id_token, refresh_token (opaque)"
    );
    // The report says the same to scripts.
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["candidates"][2]["label"], "refresh_token");
    assert_eq!(json["candidates"][2]["origin"], "json-member");
    assert_eq!(json["candidates"][2]["kind"], "opaque");
    assert_eq!(json["chosen"], 0);
    assert_eq!(json["cleanups"][0], "json-member");
}

#[test]
fn jwts_come_before_opaque_tokens_whatever_the_order_in_the_text() {
    let idt = tok("id");
    let response = format!(
        "{{\n  \"refresh_token\": \"tGzv3JOkF0XG5Qx2TlKWIA\",\n  \"id_token\": \"{idt}\"\n}}"
    );
    let d = decodes(&response, "id", &[Cleanup::JsonMember]);
    let labels: Vec<_> = d.candidates.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["id_token", "refresh_token"]);
}

#[test]
fn json_nested_members_arrays_escapes_and_bearer_values() {
    let (a, b, c) = (tok("a"), tok("b"), tok("c"));
    let slashed = c.replace('_', "\\u005f");
    let log = format!(
        r#"{{"level":"info","data":{{"tokens":["{a}"],"headers":{{"Authorization":"Bearer {b}"}}}},"x":"{slashed}"}}"#
    );
    let d = token::decode(&log);
    assert_eq!(
        candidates(&d),
        [
            ("tokens", Origin::JsonMember, CandidateKind::Jws),
            ("Authorization", Origin::JsonMember, CandidateKind::Jws),
            ("x", Origin::JsonMember, CandidateKind::Jws),
        ]
    );
    assert_eq!(sub(&token::decode_choice(&log, 1)), "b");
    assert_eq!(
        token::decode_choice(&log, 1).cleanups,
        [Cleanup::JsonMember, Cleanup::BearerPrefix]
    );
    assert_eq!(sub(&token::decode_choice(&log, 2)), "c");
    // Elements of a top-level array have no name: they are numbered.
    let d = token::decode(&format!(r#"["{a}", "{b}"]"#));
    let labels: Vec<_> = d.candidates.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["token 1", "token 2"]);
}

#[test]
fn json_without_a_token_or_in_the_json_serialization() {
    let d = token::decode(r#"{"alg":"HS256","typ":"JWT"}"#);
    assert_eq!(d.errors[0].kind, StructureKind::NoTokenFound);
    assert!(d.errors[0].message.contains("paste the whole token"));
    let d = token::decode(r#"{"error":"invalid_grant","error_description":"expired"}"#);
    assert_eq!(d.errors[0].kind, StructureKind::NoTokenFound);
    // A JWS in the JSON serialization is a token in another form, as before.
    let d = token::decode(
        r#"{"payload":"VGVzdA","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c1LROH7eNQwUT8KMVEO52VC3WZ9e_AnDWbZ7aMmowV8"}"#,
    );
    assert_eq!(d.errors[0].kind, StructureKind::WrongSegmentCount);
    assert!(d.errors[0].message.contains("JSON serialization"));
}

// ---------------------------------------------------------------------------------------------
// Cookies.

#[test]
fn cookie_header_names_the_cookie() {
    let t = tok("c");
    let d = decodes(
        &format!("Cookie: _ga=GA1.2.1234.5678; session={t}; theme=dark"),
        "c",
        &[Cleanup::CookieValue],
    );
    assert_eq!(
        candidates(&d),
        [("cookie 'session'", Origin::Cookie, CandidateKind::Jws)]
    );
    // As document.cookie gives it, and quoted.
    decodes(
        &format!("theme=dark; session=\"{t}\""),
        "c",
        &[Cleanup::CookieValue, Cleanup::SurroundingQuotes],
    );
}

#[test]
fn set_cookie_reads_the_cookie_not_its_attributes() {
    let t = tok("s");
    let d = decodes(
        &format!("Set-Cookie: id_token={t}; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly; Secure; SameSite=Lax"),
        "s",
        &[Cleanup::CookieValue],
    );
    assert_eq!(
        candidates(&d),
        [("cookie 'id_token'", Origin::SetCookie, CandidateKind::Jws)]
    );
    let escaped = t.replace('.', "%2E");
    decodes(
        &format!("set-cookie: at={escaped}; Path=/"),
        "s",
        &[Cleanup::CookieValue, Cleanup::PercentEncoding],
    );
}

#[test]
fn cookies_that_are_session_ids_hold_no_token() {
    let d = token::decode("Cookie: sessionid=38afes7a8; csrftoken=abc");
    assert_eq!(d.errors[0].kind, StructureKind::NoTokenFound);
    assert!(d.errors[0].message.contains("opaque"));
}

// ---------------------------------------------------------------------------------------------
// cURL commands and raw HTTP.

#[test]
fn curl_command_from_developer_tools() {
    let (at, session) = (tok("at"), tok("session"));
    let curl = format!(
        "curl 'https://api.example.com/me' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer {at}' \\\n  -H \"Cookie: theme=dark; session={session}\" \\\n  --data-raw '{{\"refresh_token\":\"opaque-refresh\"}}' \\\n  --compressed\n"
    );
    let d = decodes(
        &curl,
        "at",
        &[
            Cleanup::CurlCommand,
            Cleanup::AuthorizationHeader,
            Cleanup::BearerPrefix,
        ],
    );
    assert_eq!(
        candidates(&d),
        [
            (
                "Authorization header",
                Origin::Authorization,
                CandidateKind::Jws
            ),
            ("cookie 'session'", Origin::Cookie, CandidateKind::Jws),
            ("refresh_token", Origin::JsonMember, CandidateKind::Opaque),
        ]
    );
    let cookie = token::decode_choice(&curl, 1);
    assert_eq!(sub(&cookie), "session");
    assert_eq!(
        cookie.cleanups,
        [Cleanup::CurlCommand, Cleanup::CookieValue]
    );
}

#[test]
fn curl_options_and_quoting() {
    let t = tok("q");
    for curl in [
        format!("curl -b 'session={t}' https://x.example/"),
        format!("curl --cookie=session={t} https://x.example/"),
        format!("$ curl -s https://x.example/ -H $'Cookie: session={t}'"),
    ] {
        let d = decodes(&curl, "q", &[Cleanup::CurlCommand, Cleanup::CookieValue]);
        assert_eq!(d.candidates[0].label, "cookie 'session'", "{curl}");
    }
    decodes(
        &format!("curl --oauth2-bearer {t} https://x.example/"),
        "q",
        &[Cleanup::CurlCommand],
    );
    decodes(
        &format!("curl 'https://x.example/cb?id_token={t}'"),
        "q",
        &[Cleanup::CurlCommand, Cleanup::UrlParameter],
    );
    decodes(
        &format!(
            "curl -X POST https://x.example/introspect -d 'token={t}&token_type_hint=access_token'"
        ),
        "q",
        &[Cleanup::CurlCommand, Cleanup::UrlParameter],
    );
    decodes(
        &format!("curl -HAuthorization:\\ JWT\\ {t} https://x.example/"),
        "q",
        &[
            Cleanup::CurlCommand,
            Cleanup::AuthorizationHeader,
            Cleanup::JwtPrefix,
        ],
    );
    // Windows cmd: ^ escapes and continues lines.
    decodes(
        &format!("curl ^\"https://x.example/^\" ^\r\n  -H ^\"authorization: Bearer {t}^\" ^\r\n  --compressed"),
        "q",
        &[Cleanup::CurlCommand, Cleanup::AuthorizationHeader, Cleanup::BearerPrefix],
    );
    // Basic credentials are a password, not a token.
    let d = token::decode("curl -H 'Authorization: Basic dXNlcjpwYXNz' https://x.example/");
    assert_eq!(d.errors[0].kind, StructureKind::NoTokenFound);
    assert!(d.errors[0].message.contains("cURL"));
}

#[test]
fn raw_http_request_uses_its_authorization_header_and_dpop_proof() {
    let (at, proof) = (tok("at"), tok("proof"));
    let request = format!(
        "GET /api/me?x=1 HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: DPoP {at}\r\nDPoP: {proof}\r\nCookie: theme=dark\r\nAccept: */*\r\n\r\n"
    );
    let d = decodes(
        &request,
        "at",
        &[
            Cleanup::HttpMessage,
            Cleanup::AuthorizationHeader,
            Cleanup::DpopPrefix,
        ],
    );
    assert_eq!(
        candidates(&d),
        [
            (
                "Authorization header",
                Origin::Authorization,
                CandidateKind::Jws
            ),
            ("DPoP header", Origin::Header, CandidateKind::Jws),
        ]
    );
    let proof_d = token::decode_choice(&request, 1);
    assert_eq!(sub(&proof_d), "proof");
    assert_eq!(
        proof_d.cleanups,
        [Cleanup::HttpMessage, Cleanup::HeaderName]
    );
}

#[test]
fn raw_http_response_with_cookies_and_a_json_body() {
    let (s, idt) = (tok("cookie"), tok("id"));
    let response = format!(
        "HTTP/1.1 200 OK\nContent-Type: application/json\nSet-Cookie: sid={s}; HttpOnly\n\n{{\"id_token\":\"{idt}\",\"token_type\":\"Bearer\"}}\n"
    );
    let d = decodes(
        &response,
        "cookie",
        &[Cleanup::HttpMessage, Cleanup::CookieValue],
    );
    assert_eq!(
        candidates(&d),
        [
            ("cookie 'sid'", Origin::SetCookie, CandidateKind::Jws),
            ("id_token", Origin::JsonMember, CandidateKind::Jws),
        ]
    );
    assert_eq!(
        token::decode_choice(&response, 1).cleanups,
        [Cleanup::HttpMessage, Cleanup::JsonMember]
    );
}

#[test]
fn copied_request_headers_without_a_request_line_and_a_wrapped_value() {
    let t = tok("h");
    let (head, tail) = t.split_at(40);
    let headers = format!("accept: */*\nauthorization: Bearer {head}\n{tail}\nx-request-id: 7");
    decodes(
        &headers,
        "h",
        &[
            Cleanup::HttpMessage,
            Cleanup::AuthorizationHeader,
            Cleanup::BearerPrefix,
            Cleanup::InnerWhitespace,
        ],
    );
    // Any header whose value is a JWT.
    let d = decodes(
        &format!("Host: x\nX-Amzn-Oidc-Data: {t}"),
        "h",
        &[Cleanup::HttpMessage, Cleanup::HeaderName],
    );
    assert_eq!(d.candidates[0].label, "header 'X-Amzn-Oidc-Data'");
}

// ---------------------------------------------------------------------------------------------
// Free text.

#[test]
fn log_lines_and_sentences() {
    let (a, b) = (tok("a"), tok("b"));
    let d = decodes(
        &format!("2026-01-01T10:00:00Z INFO login user=42 token={a} path=/api"),
        "a",
        &[Cleanup::SurroundingText],
    );
    assert_eq!(
        candidates(&d),
        [("token 1", Origin::Text, CandidateKind::Jws)]
    );
    let d = decodes(
        &format!("Why is {a} rejected, while ({b}) works?"),
        "a",
        &[Cleanup::SurroundingText],
    );
    assert_eq!(d.candidates.len(), 2);
    assert_eq!(
        sub(&token::decode_choice(
            &format!("Why is {a} rejected, while ({b}) works?"),
            1
        )),
        "b"
    );
    // The full stop that ends a sentence is not part of the token.
    decodes(
        &format!("My token is {a}."),
        "a",
        &[Cleanup::SurroundingText],
    );
}

#[test]
fn several_tokens_repeats_and_choices_out_of_range() {
    let (a, b) = (tok("a"), tok("b"));
    let text = format!("{a}\n{b}\n{a}\n");
    let d = decodes(&text, "a", &[Cleanup::SurroundingText]);
    // The repeat is offered once.
    assert_eq!(d.candidates.len(), 2);
    assert_eq!(sub(&token::decode_choice(&text, 1)), "b");
    let beyond = token::decode_choice(&text, 99);
    assert_eq!((sub(&beyond), beyond.chosen), ("a", Some(0)));
    // The same token twice in a URL is one candidate.
    let d = token::decode(&format!("https://x/?id_token={a}#id_token={a}"));
    assert_eq!(d.candidates.len(), 1);
    // A choice on a single token is ignored.
    assert_eq!(token::decode_choice(&a, 3), token::decode(&a));
}

#[test]
fn labels_are_unique() {
    let (a, b) = (tok("a"), tok("b"));
    let d = token::decode(&format!("Cookie: s={a}\nCookie: s={b}"));
    let labels: Vec<_> = d.candidates.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["cookie 's'", "cookie 's' (2)"]);
}

// ---------------------------------------------------------------------------------------------
// Errors name the segment and byte of the token, not of the pasted text.

#[test]
fn structural_errors_point_into_the_token_not_the_pasted_text() {
    let t = tok("e");
    let dot = t.find('.').unwrap();
    // A character the decoder refuses, 5 bytes into the payload segment.
    let mut broken = t.clone();
    broken.replace_range(dot + 6..dot + 7, "*");
    let forms = [
        format!("curl -H 'Authorization: Bearer {broken}' https://api.example/"),
        format!("{{\"access_token\":\"{broken}\",\"id_token\":\"nope\"}}"),
        format!("https://app.example/cb#access_token={broken}&state=1"),
        format!("GET / HTTP/1.1\nHost: a\nAuthorization: Bearer {broken}\n"),
        format!("Authorization: Bearer {broken}"),
    ];
    for input in &forms {
        let d = token::decode(input);
        assert_eq!(d.token, broken, "{input}");
        assert_eq!(d.errors.len(), 1, "{input}: {:?}", d.errors);
        let e = &d.errors[0];
        assert_eq!(e.kind, StructureKind::InvalidBase64url, "{input}");
        assert_eq!(e.segment.map(|s| s.code()), Some("payload"), "{input}");
        assert_eq!(e.position, Some(5), "{input}");
        assert_eq!(e.offset, Some(dot + 6), "{input}");
        assert!(
            e.message.starts_with("payload segment, byte 5: '*'"),
            "{input}: {}",
            e.message
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Bounded work: every reader takes time in proportion to the input, up to the limit.

#[test]
fn hostile_inputs_of_8_mib_stay_linear() {
    // `prefix`, then `unit` repeated up to the size limit.
    let fill = |prefix: &str, unit: &str| -> String {
        let mut s = String::with_capacity(MAX_INPUT_BYTES);
        s.push_str(prefix);
        while s.len() + unit.len() <= MAX_INPUT_BYTES {
            s.push_str(unit);
        }
        s
    };
    let cases: Vec<(&str, String)> = vec![
        ("JSON of names", fill("{", "\"a\":")),
        ("JSON of open brackets", fill("[", "[\"")),
        ("JSON of strings", fill("[", "\"e30.e30.\\u00")),
        ("cURL of quotes", fill("curl ", "'a' \"\\")),
        ("cURL of options", fill("curl ", "-H x: ")),
        ("HTTP of header lines", fill("GET / HTTP/1.1\n", "a: b\n")),
        (
            "HTTP of continuation lines",
            fill("Cookie: a=b\nA: b\n", "abc\n"),
        ),
        ("URL of parameters", fill("https://x/?", "a=%41&")),
        ("cookies", fill("a=b;", " c=d;")),
        ("text of JWT words", fill("", "e30.e30. ")),
        ("text of near-JWT words", fill("", "e30.e30 x ")),
        ("text of punctuation", fill("", ", .")),
        ("wrapped lines", fill("", "eyJhbGciOiJIUzI1NiJ9\n")),
    ];
    for (name, input) in cases {
        let start = Instant::now();
        let d = token::decode(&input);
        eprintln!("{name}: {} bytes in {:?}", input.len(), start.elapsed());
        assert!(input.len() <= MAX_INPUT_BYTES, "{name}");
        assert!(d.candidates.len() <= input::MAX_CANDIDATES, "{name}");
        assert!(!d.errors.iter().any(|e| e.message.is_empty()), "{name}");
    }
}

//! Finding the token in what people paste: a bare token; a token with a prefix, quotes or line
//! breaks around it; or tokens inside a URL, a JSON token response, cookies, HTTP headers, a
//! cURL command or a log line. Everything removed is named ([`Cleanup`]); when the token was
//! found inside a larger text, each token found is offered as a [`Candidate`].
//!
//! [`find`] reads a bare token in one pass over its bytes, as before; the other forms are read
//! in a few linear passes, so any input up to the size limit takes time in proportion to it.

mod curl;
mod http;
mod json_text;
mod shape;
mod text;
mod url;

use serde::Serialize;

use shape::strip_prefix_ignore_case;

/// Something removed or undone in the pasted text before decoding, so the user knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cleanup {
    /// Spaces or line breaks before or after the token.
    SurroundingWhitespace,
    /// Quotes around the token, as in a JSON log line.
    SurroundingQuotes,
    /// An `Authorization:` header name.
    AuthorizationHeader,
    /// A `Bearer ` scheme prefix.
    BearerPrefix,
    /// Spaces or line breaks inside the token, as when it was wrapped.
    InnerWhitespace,
    /// Percent-encoding such as `%2E` for dots.
    PercentEncoding,
    /// A `JWT ` scheme prefix.
    JwtPrefix,
    /// A `Token ` scheme prefix.
    TokenPrefix,
    /// A `DPoP ` scheme prefix (a DPoP-bound access token, RFC 9449).
    DpopPrefix,
    /// The token is the value of a URL parameter (query string or fragment) or of a form field.
    UrlParameter,
    /// The token is the value of a member of pasted JSON, such as a token response.
    JsonMember,
    /// The token is the value of a cookie in a `Cookie` or `Set-Cookie` header.
    CookieValue,
    /// A header name other than `Authorization`, such as `DPoP:`.
    HeaderName,
    /// The token comes from a request copied as a cURL command.
    CurlCommand,
    /// The token comes from copied HTTP headers: a whole request or response, or several lines.
    HttpMessage,
    /// The token was taken out of the text around it: a log line, a sentence or other tokens.
    SurroundingText,
}

impl Cleanup {
    /// What was done, in words.
    pub fn message(self) -> &'static str {
        match self {
            Cleanup::SurroundingWhitespace => "Removed spaces or line breaks around the token.",
            Cleanup::SurroundingQuotes => "Removed quotes around the token.",
            Cleanup::AuthorizationHeader => "Removed the 'Authorization:' header name.",
            Cleanup::BearerPrefix => "Removed the 'Bearer ' prefix.",
            Cleanup::InnerWhitespace => {
                "Removed spaces or line breaks inside the token (it looked wrapped)."
            }
            Cleanup::PercentEncoding => "Decoded URL percent-encoding (such as %2E for a dot).",
            Cleanup::JwtPrefix => "Removed the 'JWT ' prefix.",
            Cleanup::TokenPrefix => "Removed the 'Token ' prefix.",
            Cleanup::DpopPrefix => "Removed the 'DPoP ' prefix (a DPoP-bound access token).",
            Cleanup::UrlParameter => {
                "Took the token from a 'name=value' parameter: a URL's query string or fragment, or a form."
            }
            Cleanup::JsonMember => {
                "Took the token from a member of the pasted JSON (such as a token response)."
            }
            Cleanup::CookieValue => {
                "Took the token from a cookie's value (a Cookie or Set-Cookie header)."
            }
            Cleanup::HeaderName => "Removed the name of the header that holds the token.",
            Cleanup::CurlCommand => "Read the request copied as a cURL command.",
            Cleanup::HttpMessage => "Read the copied HTTP headers.",
            Cleanup::SurroundingText => {
                "Took the token out of the text around it (a log line, a sentence or other tokens)."
            }
        }
    }
}

/// The token text to decode, and what was removed to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The compact token.
    pub token: String,
    /// What was done, in order.
    pub cleanups: Vec<Cleanup>,
    /// True when every byte of `token` is known to be a base64url character or a dot (no
    /// padding, no `+` or `/`), so the decoder need not check the characters again.
    pub url_only: bool,
}

/// Where in the pasted text a candidate token was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A member of JSON, such as a token response.
    JsonMember,
    /// A parameter in a URL's query string.
    UrlQuery,
    /// A parameter in a URL's fragment (the OAuth implicit and hybrid flows return tokens there).
    UrlFragment,
    /// A field of form data (`name=value&…`), as in a request body.
    FormField,
    /// A cookie in a `Cookie` header (or cURL's `-b`).
    Cookie,
    /// The cookie a `Set-Cookie` header sets.
    SetCookie,
    /// An `Authorization` or `Proxy-Authorization` header (or cURL's `--oauth2-bearer`).
    Authorization,
    /// Another header, such as `DPoP`.
    Header,
    /// Free text: a log line, a sentence, one of several tokens.
    Text,
}

impl Origin {
    /// The stable code, as serialized: `json-member`, `url-query`, `url-fragment`, `form-field`,
    /// `cookie`, `set-cookie`, `authorization`, `header`, `text`.
    pub fn code(self) -> &'static str {
        match self {
            Origin::JsonMember => "json-member",
            Origin::UrlQuery => "url-query",
            Origin::UrlFragment => "url-fragment",
            Origin::FormField => "form-field",
            Origin::Cookie => "cookie",
            Origin::SetCookie => "set-cookie",
            Origin::Authorization => "authorization",
            Origin::Header => "header",
            Origin::Text => "text",
        }
    }

    /// Where, in words, to follow a candidate's label: "in the URL's fragment".
    pub fn place(self) -> &'static str {
        match self {
            Origin::JsonMember => "in the JSON",
            Origin::UrlQuery => "in the URL's query string",
            Origin::UrlFragment => "in the URL's fragment",
            Origin::FormField => "in the form data",
            Origin::Cookie => "in a Cookie header",
            Origin::SetCookie => "in a Set-Cookie header",
            Origin::Authorization | Origin::Header => "in the request",
            Origin::Text => "in the text",
        }
    }
}

/// What a candidate looks like before it is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CandidateKind {
    /// Three dot-separated parts: a signed JWT (JWS).
    Jws,
    /// Five dot-separated parts: an encrypted JWT (JWE).
    Jwe,
    /// Not a JWT: an opaque token (such as most refresh tokens and authorization codes), which
    /// only its issuer can look up.
    Opaque,
}

/// One token found inside the pasted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// A short name for a chooser, unique among the candidates: `id_token`, `access_token`,
    /// `cookie 'session'`, `Authorization header`, `DPoP header`, `token 2`.
    pub label: String,
    /// Where it was found.
    pub origin: Origin,
    /// Whether it has the shape of a JWT.
    pub kind: CandidateKind,
}

impl Candidate {
    /// True for a JWS or JWE, false for an opaque token.
    pub fn is_jwt(&self) -> bool {
        self.kind != CandidateKind::Opaque
    }

    /// A sentence about an opaque candidate: it is not a JWT, so there is nothing to decode.
    pub fn note(&self) -> Option<String> {
        (!self.is_jwt()).then(|| {
            format!(
                "'{}' is not a JWT but an opaque token: only its issuer can look up what it means.",
                self.label
            )
        })
    }
}

/// "3 tokens found: id_token, access_token, cookie 'session'", with opaque ones marked; empty
/// when there are no candidates.
pub fn summary(candidates: &[Candidate]) -> String {
    if candidates.is_empty() {
        return String::new();
    }
    let names: Vec<String> = candidates
        .iter()
        .map(|c| match c.kind {
            CandidateKind::Opaque => format!("{} (opaque)", c.label),
            _ => c.label.clone(),
        })
        .collect();
    let n = candidates.len();
    format!(
        "{n} token{} found: {}",
        if n == 1 { "" } else { "s" },
        names.join(", ")
    )
}

/// A text that was recognised as a wrapper around tokens (a cURL command, HTTP headers, JSON, a
/// URL, cookies) but holds none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wrapper {
    /// A cURL command.
    Curl,
    /// HTTP headers, a whole request or response.
    Http,
    /// JSON.
    Json,
    /// A URL or a parameter list.
    Url,
    /// A list of cookies.
    Cookies,
    /// A JWS or JWE in the JSON serialization (RFC 7515 §7.2, RFC 7516 §7.2), not a compact token.
    JsonSerialization,
}

impl Wrapper {
    /// Why nothing could be decoded, in words.
    pub fn no_token_message(self) -> &'static str {
        match self {
            Wrapper::Curl => "This is a cURL command, but none of its headers, cookies, URL parameters or data holds a token.",
            Wrapper::Http => "These are HTTP headers, but none of them (Authorization, cookies, others) holds a token. Cookies such as session ids are opaque: only the server can look them up.",
            Wrapper::Json => "This is JSON, but none of its members holds a token (a JWT, or a value named like access_token or id_token). To inspect a header or a payload, paste the whole token.",
            Wrapper::Url => "This is a URL, but none of its query or fragment parameters holds a token (such as access_token, id_token or code).",
            Wrapper::Cookies => "These are cookies, but no cookie's value is a JWT. Cookies such as session ids are opaque: only the server can look them up.",
            Wrapper::JsonSerialization => "This is a JWS or JWE in the JSON serialization (RFC 7515 §7.2), whose parts are JSON members; this inspector reads the compact form, header.payload.signature, in which JWTs are always sent (RFC 7519 §1).",
        }
    }
}

/// One candidate and the token text it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// How it is shown.
    pub candidate: Candidate,
    /// The token and what was removed to get it.
    pub cleaned: Cleaned,
}

/// What [`find`] found in the pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The text is one token, perhaps with a prefix, quotes or wrapping removed.
    Token(Cleaned),
    /// Tokens found inside a larger text: the JWTs in the order they appear, then the opaque
    /// tokens. Never empty.
    Candidates(Vec<Pick>),
    /// A recognised wrapper that holds no token.
    NoToken(Wrapper),
}

/// At most this many candidates are offered; the rest of a very long text is not searched.
pub const MAX_CANDIDATES: usize = 64;

/// Finds the token, or the tokens, in pasted text.
pub fn find(input: &str) -> Found {
    if let Some(bare) = bare(input) {
        return Found::Token(bare);
    }
    let mut lead = Vec::new();
    let mut text = input.trim();
    if text.len() != input.len() {
        lead.push(Cleanup::SurroundingWhitespace);
    }
    let mut quoted = false;
    if let Some(inner) = shape::unquote(text) {
        text = inner.trim();
        lead.push(Cleanup::SurroundingQuotes);
        quoted = true;
    }
    if let Some(found) = wrapped(text, quoted) {
        return found;
    }
    loose(text, lead)
}

/// The usual case, a bare token, read in one pass over its bytes; `None` when the input holds
/// anything else.
fn bare(input: &str) -> Option<Cleaned> {
    let bytes = input.as_bytes();
    // Nearly every token is base64url and dots, known in one pass; the rest need the checks of
    // padding and the standard alphabet.
    let url_only = shape::all_url_bytes(bytes);
    let token_bytes = url_only || (shape::all_token_bytes(bytes) && padding_ends_segments(bytes));
    if !token_bytes {
        return None;
    }
    (!input.is_empty()).then(|| Cleaned {
        token: input.to_string(),
        cleanups: Vec::new(),
        url_only,
    })
}

/// `=` pads the end of a segment; one followed by more text is `name=value`. (Found word by word
/// first: most texts have none.)
fn padding_ends_segments(bytes: &[u8]) -> bool {
    !bytes.contains(&b'=')
        || bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'=')
            .all(|(i, _)| matches!(bytes.get(i + 1), None | Some(b'=' | b'.')))
}

/// The tokens inside a recognised wrapper; `None` when the text is no wrapper.
fn wrapped(text: &str, quoted: bool) -> Option<Found> {
    let wrapper = if curl::is_command(text) {
        Wrapper::Curl
    } else if text.starts_with(['{', '[']) {
        Wrapper::Json
    } else if http::is_message(text) {
        Wrapper::Http
    } else if url::is_url(text) {
        Wrapper::Url
    } else if http::is_cookie_list(text) {
        Wrapper::Cookies
    } else {
        return None;
    };
    let mut out = Collector::default();
    if quoted {
        out.context.push(Cleanup::SurroundingQuotes);
    }
    match wrapper {
        Wrapper::Curl => curl::collect(text, &mut out),
        Wrapper::Json => json_text::collect(text, &mut out),
        Wrapper::Http => http::collect(text, &mut out),
        Wrapper::Url => url::collect(text, &mut out),
        Wrapper::Cookies => http::cookies(text, Origin::Cookie, false, &mut out),
        // Told apart from other JSON below, once the JSON reader found no token.
        Wrapper::JsonSerialization => {}
    }
    if out.is_empty() {
        // A JWT somewhere else in it, such as in a URL's path.
        text::collect(text, &mut out);
    }
    Some(if out.is_empty() {
        if wrapper == Wrapper::Json && json_text::is_json_serialization(text) {
            Found::NoToken(Wrapper::JsonSerialization)
        } else {
            Found::NoToken(wrapper)
        }
    } else {
        Found::Candidates(out.finish())
    })
}

/// A token with what people paste around one (a header name, scheme words, quotes, line breaks,
/// percent-encoding), several tokens, or a token in a sentence or a log line.
fn loose(text: &str, mut cleanups: Vec<Cleanup>) -> Found {
    let mut text = text;
    // Header name first, then quotes or scheme in either order, as logs vary.
    if let Some(rest) = strip_prefix_ignore_case(text, "authorization:") {
        text = rest.trim_start();
        cleanups.push(Cleanup::AuthorizationHeader);
    }
    for _ in 0..2 {
        if let Some((rest, scheme)) = shape::strip_scheme(text) {
            text = rest;
            cleanups.push(scheme);
        }
        for quote in ['"', '\'', '`'] {
            if text.len() >= 2 && text.starts_with(quote) && text.ends_with(quote) {
                text = text[1..text.len() - 1].trim();
                cleanups.push(Cleanup::SurroundingQuotes);
            }
        }
    }
    // Candidates are named by where they were found; the spaces around the paste do not matter.
    let context = cleanups
        .iter()
        .copied()
        .filter(|&c| c != Cleanup::SurroundingWhitespace)
        .collect();
    let mut out = Collector {
        context,
        ..Collector::default()
    };
    if text.bytes().any(shape::is_text_byte) {
        text::collect(text, &mut out);
    } else {
        tokens_among_words(text, &mut out);
    }
    if !out.is_empty() {
        return Found::Candidates(out.finish());
    }
    let mut token = text.to_string();
    if token.contains(char::is_whitespace) {
        token.retain(|c| !c.is_whitespace());
        cleanups.push(Cleanup::InnerWhitespace);
    }
    if let Some(decoded) = shape::percent_decode(&token) {
        token = decoded;
        cleanups.push(Cleanup::PercentEncoding);
    }
    Found::Token(Cleaned {
        token,
        cleanups,
        url_only: false,
    })
}

/// Offers the tokens in text of token characters and whitespace only, when it is not one wrapped
/// token: several whole tokens, or one token among words ("my token is eyJ…").
fn tokens_among_words(text: &str, out: &mut Collector) {
    let words = || text.split_whitespace();
    let whole: Vec<&str> = words().filter(|w| w.matches('.').count() >= 2).collect();
    if whole.len() >= 2 {
        for word in whole {
            out.offer(
                word.to_string(),
                &[Cleanup::SurroundingText],
                None,
                Origin::Text,
            );
        }
    } else if words().nth(1).is_some() && !shape::looks_like_jwt(&words().collect::<String>()) {
        text::collect(text, out);
    }
}

/// One token offered while reading a wrapper.
struct Offer {
    token: String,
    cleanups: Vec<Cleanup>,
    label: Option<String>,
    origin: Origin,
}

/// Collects candidates as the readers find them: once each (the same token found twice is kept
/// where it was first found) and at most [`MAX_CANDIDATES`].
#[derive(Default)]
struct Collector {
    offers: Vec<Offer>,
    /// A hash of each offered token, so a repeat is found without comparing long texts.
    hashes: Vec<u64>,
    /// What every candidate found now was taken out of (a cURL command, HTTP headers).
    context: Vec<Cleanup>,
}

impl Collector {
    fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    fn is_full(&self) -> bool {
        self.offers.len() >= MAX_CANDIDATES
    }

    /// Offers a token found with `own` cleanups, a label (`None` numbers it "token N") and its
    /// origin. Empty tokens, repeats and offers past the limit are dropped.
    fn offer(&mut self, token: String, own: &[Cleanup], label: Option<String>, origin: Origin) {
        if token.is_empty() || self.is_full() {
            return;
        }
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            token.hash(&mut h);
            h.finish()
        };
        let repeat = self
            .hashes
            .iter()
            .zip(&self.offers)
            .any(|(&h, o)| h == hash && o.token == token);
        if repeat {
            return;
        }
        let mut cleanups = self.context.clone();
        cleanups.extend_from_slice(own);
        self.hashes.push(hash);
        self.offers.push(Offer {
            token,
            cleanups,
            label,
            origin,
        });
    }

    /// The candidates, JWTs first, each with a label unique among them.
    fn finish(self) -> Vec<Pick> {
        let mut offers: Vec<(CandidateKind, Offer)> = self
            .offers
            .into_iter()
            .map(|o| (shape::kind_of(&o.token), o))
            .collect();
        offers.sort_by_key(|(kind, _)| *kind == CandidateKind::Opaque);
        let mut unnamed = 0;
        let mut seen: Vec<String> = Vec::new();
        offers
            .into_iter()
            .map(|(kind, o)| {
                let base = o.label.unwrap_or_else(|| {
                    unnamed += 1;
                    format!("token {unnamed}")
                });
                let mut label = base.clone();
                let mut n = 1;
                while seen.contains(&label) {
                    n += 1;
                    label = format!("{base} ({n})");
                }
                seen.push(label.clone());
                Pick {
                    candidate: Candidate {
                        label,
                        origin: o.origin,
                        kind,
                    },
                    cleaned: Cleaned {
                        token: o.token,
                        cleanups: o.cleanups,
                        url_only: false,
                    },
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, token: &str, cleanups: &[Cleanup]) {
        let Found::Token(c) = find(input) else {
            panic!("{input:?} is not read as one token: {:?}", find(input));
        };
        assert_eq!(c.token, token, "{input:?}");
        assert_eq!(c.cleanups, cleanups, "{input:?}");
    }

    #[test]
    fn only_a_token_of_base64url_and_dots_is_marked_url_only() {
        let url_only = |input: &str| match find(input) {
            Found::Token(c) => c.url_only,
            other => panic!("{input:?} is not read as one token: {other:?}"),
        };
        assert!(url_only("eyJh.eyJz.c2ln-_09"));
        for spelled in [
            "eyJh.eyJz.c2ln==",
            "eyJh.ey+z.c2ln",
            "eyJh.ey/z.c2ln",
            " eyJh.eyJz.c2ln",
        ] {
            assert!(!url_only(spelled), "{spelled:?}");
        }
    }

    /// The candidates found: (label, token, cleanups).
    fn candidates(input: &str) -> Vec<(String, String, Vec<Cleanup>)> {
        match find(input) {
            Found::Candidates(picks) => picks
                .into_iter()
                .map(|p| (p.candidate.label, p.cleaned.token, p.cleaned.cleanups))
                .collect(),
            other => panic!("{input:?} gives no candidates: {other:?}"),
        }
    }

    #[test]
    fn plain_token_is_untouched() {
        check("a.b.c", "a.b.c", &[]);
    }

    #[test]
    fn whitespace_and_wrapping_are_removed() {
        check(
            "  a.b\n.c\r\n",
            "a.b.c",
            &[Cleanup::SurroundingWhitespace, Cleanup::InnerWhitespace],
        );
    }

    #[test]
    fn bearer_and_authorization_prefixes_are_removed() {
        check("Bearer a.b.c", "a.b.c", &[Cleanup::BearerPrefix]);
        check("bearer  a.b.c", "a.b.c", &[Cleanup::BearerPrefix]);
        check(
            "Authorization: Bearer a.b.c",
            "a.b.c",
            &[Cleanup::AuthorizationHeader, Cleanup::BearerPrefix],
        );
        // A token that merely starts with the letters is not changed.
        check("bearera.b.c", "bearera.b.c", &[]);
    }

    #[test]
    fn quotes_from_logs_are_removed() {
        check("\"a.b.c\"", "a.b.c", &[Cleanup::SurroundingQuotes]);
        check(
            "'Bearer a.b.c'",
            "a.b.c",
            &[Cleanup::SurroundingQuotes, Cleanup::BearerPrefix],
        );
        check("\"", "\"", &[]);
    }

    #[test]
    fn percent_encoding_is_decoded() {
        check("a%2Eb%2ec", "a.b.c", &[Cleanup::PercentEncoding]);
        // A stray '%' is left for the decoder to point at.
        check("a.b%.c", "a.b%.c", &[]);
        check("a.b%zz.c", "a.b%zz.c", &[]);
    }

    const A: &str = "eyJhIjoxfQ.e30.AAAA";
    const B: &str = "eyJiIjoyfQ.e30.BBBB";

    #[test]
    fn name_value_is_not_a_bare_token() {
        // Padding before a dot is a token; `=` before more text is a parameter.
        check("e30=.e30.", "e30=.e30.", &[]);
        assert_eq!(
            candidates(&format!("id_token={A}")),
            [("id_token".into(), A.into(), vec![Cleanup::UrlParameter])]
        );
        // A damaged token is not read as a parameter named like base64, or as a list.
        check(&format!("e30={A}"), &format!("e30={A}"), &[]);
        check("e30=.e30&.AA", "e30=.e30&.AA", &[]);
        check("e30=.e30=.AA;", "e30=.e30=.AA;", &[]);
    }

    #[test]
    fn several_tokens_and_tokens_among_words() {
        let text = vec![Cleanup::SurroundingText];
        assert_eq!(
            candidates(&format!(" {A}\n{B} ")),
            [
                ("token 1".into(), A.into(), text.clone()),
                ("token 2".into(), B.into(), text.clone())
            ]
        );
        assert_eq!(
            candidates(&format!("my token is {A}")),
            [("token 1".into(), A.into(), text.clone())]
        );
        // A wrapped token whose first line looks whole is still joined.
        let (head, tail) = A.split_at(A.len() - 2);
        check(&format!("{head}\n{tail}"), A, &[Cleanup::InnerWhitespace]);
    }

    #[test]
    fn damage_stuck_to_a_token_is_not_text() {
        for damaged in [format!("{A}?"), format!("{A}*{B}"), format!("x {A}*")] {
            assert!(matches!(find(&damaged), Found::Token(_)), "{damaged}");
        }
        check(&format!("{A}\u{200B}"), &format!("{A}\u{200B}"), &[]);
    }

    #[test]
    fn quotes_around_a_wrapper_are_named() {
        assert_eq!(
            candidates(&format!("'https://x/#id_token={A}'")),
            [(
                "id_token".into(),
                A.into(),
                vec![Cleanup::SurroundingQuotes, Cleanup::UrlParameter]
            )]
        );
    }

    #[test]
    fn wrappers_without_tokens() {
        for (text, wrapper) in [
            ("curl https://x/", Wrapper::Curl),
            ("{\"a\":1}", Wrapper::Json),
            ("Cookie: sid=1", Wrapper::Http),
            ("https://x/?state=1", Wrapper::Url),
            ("a=1; b=2", Wrapper::Cookies),
            (
                "{\"payload\":\"e30\",\"signature\":\"AA\"}",
                Wrapper::JsonSerialization,
            ),
        ] {
            assert_eq!(find(text), Found::NoToken(wrapper), "{text}");
            assert!(!wrapper.no_token_message().is_empty());
        }
    }

    #[test]
    fn a_jwt_elsewhere_in_a_wrapper_is_still_found() {
        assert_eq!(
            candidates(&format!("curl https://x/api/{A} -s")),
            [(
                "token 1".into(),
                A.into(),
                vec![Cleanup::CurlCommand, Cleanup::SurroundingText]
            )]
        );
    }
}

//! URLs as copied from the address bar, with tokens in the query string or in the fragment (an
//! OAuth redirect), and `name=value&…` lists on their own (a query string, a form body).

use super::shape::{self, looks_like_jwt, names_a_token};
use super::{Cleanup, Collector, Origin};

/// True for a URL with a scheme (`https://…`, `myapp://callback#…`), a path, a query string or a
/// fragment on its own (`/cb?code=…`, `?code=…`, `#access_token=…`), or a parameter list that
/// holds a token. URLs have no whitespace.
pub(super) fn is_url(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_whitespace()) {
        return false;
    }
    has_scheme(text) || text.starts_with(['?', '#', '/']) || is_parameter_list(text)
}

fn has_scheme(text: &str) -> bool {
    let Some(colon) = text.find("://") else {
        return false;
    };
    let scheme = &text.as_bytes()[..colon];
    scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// True for `name=value…` that is a parameter list rather than a damaged token (`e30=e30.…`):
/// several `name=value` pairs, a name that names a token, or a word of lower-case letters
/// (`session`) whose value is a JWT.
fn is_parameter_list(text: &str) -> bool {
    let Some((name, rest)) = text.split_once('=') else {
        return false;
    };
    let plain_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    let word = name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || matches!(b, b'_' | b'-'));
    let value = rest.split('&').next().unwrap_or_default();
    let list = text.contains('&') && text.split('&').all(|pair| pair.contains('='));
    plain_name && (list || names_a_token(name) || (word && looks_like_jwt(value)))
}

/// Offers the tokens in a URL's query string and fragment, or in a parameter list.
pub(super) fn collect(text: &str, out: &mut Collector) {
    let (main, fragment) = match text.split_once('#') {
        Some((main, fragment)) => (main, Some(fragment)),
        None => (text, None),
    };
    match main.split_once('?') {
        Some((_, query)) => parameters(query, Origin::UrlQuery, out),
        None if is_parameter_list(main) => parameters(main, Origin::UrlQuery, out),
        None => {}
    }
    if let Some(fragment) = fragment {
        // A single-page app's route may come first: `#/callback?access_token=…`.
        let list = match fragment.split_once('?') {
            Some((route, list)) if !route.contains('=') => list,
            _ => fragment,
        };
        parameters(list, Origin::UrlFragment, out);
    }
}

/// Offers each `name=value` in an `&`-separated list whose value is a JWT or whose name names a
/// token, percent-decoded.
pub(super) fn parameters(list: &str, origin: Origin, out: &mut Collector) {
    for pair in list.split('&') {
        if out.is_full() {
            return;
        }
        let Some((raw_name, raw_value)) = pair.split_once('=') else {
            continue;
        };
        let name = shape::percent_decode_lenient(raw_name).unwrap_or_else(|| raw_name.into());
        let decoded = shape::percent_decode_lenient(raw_value);
        let value = decoded.as_deref().unwrap_or(raw_value);
        if value.is_empty() || !(looks_like_jwt(value) || names_a_token(&name)) {
            continue;
        }
        let mut own = vec![Cleanup::UrlParameter];
        if decoded.is_some() {
            own.push(Cleanup::PercentEncoding);
        }
        out.offer(value.to_string(), &own, Some(name), origin);
    }
}

//! HTTP as people copy it from developer tools and logs: header lines, cookies, and whole
//! requests or responses (start line, headers, body).

use super::shape::{self, looks_like_jwt};
use super::{json_text, url, Cleanup, Collector, Origin};

/// Header names that are worth reading on their own line, besides `Authorization` (which the
/// loose reader already handles).
const TOKEN_HEADERS: [&str; 4] = ["cookie", "set-cookie", "dpop", "proxy-authorization"];

/// True for copied HTTP: a request or status line first, two or more header lines, or a single
/// `Cookie`, `Set-Cookie`, `DPoP` or `Proxy-Authorization` line.
pub(super) fn is_message(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    if request_target(first).is_some() || is_status_line(first) {
        return true;
    }
    let mut headers = 0;
    for line in text.lines() {
        if let Some((name, _)) = header_line(line) {
            if TOKEN_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h)) {
                return true;
            }
            headers += 1;
            if headers == 2 {
                return true;
            }
        }
    }
    false
}

/// True for a cookie list on its own, as `document.cookie` gives it: `name=value; name=value`.
pub(super) fn is_cookie_list(text: &str) -> bool {
    let first = text.split(';').next().unwrap_or_default();
    text.contains("; ")
        && first
            .split_once('=')
            .is_some_and(|(name, _)| !name.is_empty() && !name.trim().contains(char::is_whitespace))
}

/// Offers the tokens in copied HTTP: the request target's parameters, then each header in order
/// (a header wrapped onto following lines is joined), then a JSON or form body.
pub(super) fn collect(text: &str, out: &mut Collector) {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() > 1 {
        out.context.push(Cleanup::HttpMessage);
    }
    let mut i = 0;
    if let Some(target) = lines.first().and_then(|l| request_target(l)) {
        url::collect(target, out);
        i = 1;
    } else if lines.first().is_some_and(|l| is_status_line(l)) {
        i = 1;
    }
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() {
            break;
        }
        let Some((name, value)) = header_line(line) else {
            continue;
        };
        let mut end = i;
        while end < lines.len() && is_continuation(lines[end]) {
            end += 1;
        }
        if end > i {
            let joined: String = std::iter::once(value)
                .chain(lines[i..end].iter().map(|l| l.trim()))
                .collect();
            header(name, &joined, &[Cleanup::InnerWhitespace], out);
            i = end;
        } else {
            header(name, value, &[], out);
        }
    }
    let body = lines.get(i..).unwrap_or_default().join("\n");
    body_of(body.trim(), out);
}

/// Offers the tokens in a request or response body: JSON, or form fields.
pub(super) fn body_of(body: &str, out: &mut Collector) {
    if body.starts_with(['{', '[']) {
        json_text::collect(body, out);
    } else if body.contains('=') && !body.contains(char::is_whitespace) {
        url::parameters(body, Origin::FormField, out);
    }
}

/// `Name: value` when the line is a header line; not a URL's `https://`.
pub(super) fn header_line(line: &str) -> Option<(&str, &str)> {
    // Header names are short, so a long line without a colon near its start is read no further.
    let colon = line.bytes().take(80).position(|b| b == b':')?;
    let name = &line[..colon];
    let value = &line[colon + 1..];
    let plain = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (plain && !value.starts_with("//")).then(|| (name, value.trim()))
}

/// A line of token characters only: the rest of a header value that was wrapped.
fn is_continuation(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.bytes().all(shape::is_token_byte)
}

/// The target of a request line (`GET /cb?code=… HTTP/1.1`).
fn request_target(line: &str) -> Option<&str> {
    const METHODS: [&str; 9] = [
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE",
    ];
    let mut words = line.split_whitespace();
    let method = words.next()?;
    let target = words.next()?;
    let version = words.next();
    let is_request = METHODS.contains(&method)
        && version.is_none_or(|v| v.starts_with("HTTP/"))
        && words.next().is_none();
    is_request.then_some(target)
}

/// `HTTP/1.1 200 OK`, `HTTP/2 302`.
fn is_status_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next().is_some_and(|v| v.starts_with("HTTP/"))
        && words
            .next()
            .is_some_and(|code| code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()))
}

/// Offers the token a header holds, with `extra` cleanups: an `Authorization` header's
/// credentials (not a password), each cookie that is a JWT, a `DPoP` proof, or any other
/// header's value that is a JWT.
pub(super) fn header(name: &str, value: &str, extra: &[Cleanup], out: &mut Collector) {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "authorization" | "proxy-authorization" => {
            let mut value = value.trim();
            if shape::is_password_scheme(value) {
                return;
            }
            let mut own = vec![Cleanup::AuthorizationHeader];
            if let Some((rest, scheme)) = shape::strip_scheme(value) {
                value = rest;
                own.push(scheme);
            }
            if let Some(inner) = shape::unquote(value) {
                value = inner;
                own.push(Cleanup::SurroundingQuotes);
            }
            own.extend_from_slice(extra);
            let label = if lower == "authorization" {
                "Authorization header"
            } else {
                "Proxy-Authorization header"
            };
            out.offer(
                value.to_string(),
                &own,
                Some(label.to_string()),
                Origin::Authorization,
            );
        }
        "cookie" => cookies(value, Origin::Cookie, false, out),
        "set-cookie" => cookies(value, Origin::SetCookie, true, out),
        _ => {
            let value = shape::strip_scheme(value).map_or(value, |(rest, _)| rest);
            if lower == "dpop" || looks_like_jwt(value) {
                let mut own = vec![Cleanup::HeaderName];
                own.extend_from_slice(extra);
                let label = if lower == "dpop" {
                    "DPoP header".to_string()
                } else {
                    format!("header '{name}'")
                };
                out.offer(value.to_string(), &own, Some(label), Origin::Header);
            }
        }
    }
}

/// Offers each cookie whose value is a JWT (quotes and percent-encoding undone), labelled with
/// its name; `first_only` for `Set-Cookie`, whose later pairs are attributes.
pub(super) fn cookies(list: &str, origin: Origin, first_only: bool, out: &mut Collector) {
    for pair in list.split(';') {
        if out.is_full() {
            return;
        }
        if let Some((name, value)) = pair.split_once('=') {
            let mut value = value.trim();
            let mut own = vec![Cleanup::CookieValue];
            if let Some(inner) = shape::unquote(value) {
                value = inner;
                own.push(Cleanup::SurroundingQuotes);
            }
            let decoded = shape::percent_decode_lenient(value);
            if decoded.is_some() {
                own.push(Cleanup::PercentEncoding);
            }
            let token = decoded.as_deref().unwrap_or(value);
            if looks_like_jwt(token) {
                let label = format!("cookie '{}'", name.trim());
                out.offer(token.to_string(), &own, Some(label), origin);
            }
        }
        if first_only {
            return;
        }
    }
}

//! The app's only contact with the browser beyond the DOM: clock, URL fragment, clipboard, theme.
//!
//! Nothing here sends anything over the network or stores the secret.

use wasm_bindgen::JsValue;

/// The current Unix time in whole seconds, from the browser clock.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// An instant as local date and time with its UTC offset (the browser's offset for that instant,
/// so summer time is right), formatted by the core: no locale data to load. Empty when the browser
/// has no offset for it.
pub fn local_time(seconds: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(seconds as f64 * 1000.0));
    let west = date.get_timezone_offset();
    if !west.is_finite() {
        return String::new();
    }
    jwt_core::clock_text::local_text(seconds, -(west as i32)).unwrap_or_default()
}

/// The `token` parameter of the URL fragment (`#token=…`), if any.
pub fn fragment_token() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let params = hash.strip_prefix('#')?;
    params.split('&').find_map(|p| {
        let value = p.strip_prefix("token=")?;
        js_sys::decode_uri_component(value)
            .ok()
            .map(String::from)
            .or_else(|| Some(value.to_string()))
    })
}

/// A link to this page that opens `token` (never a secret), using the fragment, which is not sent to servers.
pub fn share_link(token: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or_default();
    let encoded: String = js_sys::encode_uri_component(token).into();
    Some(format!("{base}#token={encoded}"))
}

/// Copies text to the clipboard; returns false when the browser refuses.
pub fn copy_text(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// The theme choice: follow the system, or force light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The next choice in the toggle's cycle.
    pub fn next(self) -> Self {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The value of `data-theme` on `<html>`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_code(code: &str) -> Self {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

const THEME_KEY: &str = "jwt-inspector.theme";

/// The saved theme choice (only the theme is ever stored).
pub fn saved_theme() -> Theme {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .map(|c| Theme::from_code(&c))
        .unwrap_or(Theme::Auto)
}

/// Applies a theme to the document and remembers the choice.
pub fn apply_theme(theme: Theme) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme.code());
    }
    if let Some(storage) = window.local_storage().ok().flatten() {
        let _ = storage.set_item(THEME_KEY, theme.code());
    }
}

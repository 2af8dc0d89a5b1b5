//! jwt-inspector's user interface: a Leptos single-page app over the `jwt-core` inspection core.
//!
//! One WebAssembly module serves three surfaces: the full page ([`App`]), the compact embed page
//! and the `<jwt-inspector>` custom element ([`widget`]). [`start`] picks by the page's
//! `<body data-jwt-inspector>`. The app never parses tokens itself; it keeps inputs in signals
//! ([`state::Inspector`]) and renders what the core derives from them. See ARCHITECTURE.md.

pub mod api;
pub mod browser;
pub mod on_demand;
pub mod panels;
pub mod sample;
pub mod signing;
pub mod state;
pub mod webcrypto;
pub mod widget;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::browser::Theme;
use crate::state::Inspector;

/// Runs when the module loads: mounts the surface the page asks for (`app` or `embed`), or
/// nothing when the module is loaded by `widget.js`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let mode = document()
        .body()
        .and_then(|b| b.get_attribute("data-jwt-inspector"));
    match mode.as_deref() {
        Some("app") => leptos::mount::mount_to_body(App),
        Some("embed") => widget::mount_embed(),
        _ => {}
    }
}
/// The whole inspector page.
#[component]
pub fn App() -> impl IntoView {
    // -- state -- //
    let now = browser::now_seconds();
    let from_link = browser::fragment_token();
    let inspector = Inspector::new(from_link.clone().unwrap_or_default(), now);
    if from_link.is_none() {
        inspector.load_sample(now);
    }
    provide_context(inspector);

    // -- effects -- //
    inspector.run_clock();
    // Opening a `#token=` link (or changing the fragment) loads that token.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(t) = browser::fragment_token() {
            inspector.set_token(t);
        }
    });
    on_cleanup(move || hash_listener.remove());

    let theme = RwSignal::new(browser::saved_theme());
    Effect::new(move |_| browser::apply_theme(theme.get()));

    view! {
        <a
            class="skip"
            href="#token-input"
            on:click=move |ev| {
                // Focus without touching the URL fragment, which may hold a shared token.
                ev.prevent_default();
                panels::input::focus_token_field();
            }
        >
            "Skip to the token field"
        </a>
        <header class="top">
            <h1>
                <span class="logo" aria-hidden="true">
                    <span class="dot h"></span>
                    <span class="dot p"></span>
                    <span class="dot s"></span>
                </span>
                "jwt-inspector"
            </h1>
            <p class="tagline">"Decode, verify and review JSON Web Tokens. Everything stays in this tab."</p>
            <button
                type="button"
                class="theme-toggle"
                data-testid="theme-toggle"
                aria-label=move || format!("Theme: {}. Change theme", theme.get().code())
                on:click=move |_| theme.update(|t| *t = t.next())
            >
                {move || match theme.get() {
                    Theme::Auto => "◐ Auto",
                    Theme::Light => "☀ Light",
                    Theme::Dark => "☾ Dark",
                }}
            </button>
        </header>
        <main class="layout">
            <section class="column input-column" aria-label="Token">
                <panels::input::TokenInput />
                <panels::encoded::EncodedView />
                <panels::signature::SignaturePanel />
                <panels::Later>
                    <panels::editor::Editor />
                </panels::Later>
            </section>
            <section class="column result-column" aria-label="Decoded token">
                <panels::decoded::DecodedParts />
                <panels::Later>
                    <panels::timing::TimingPanel />
                    <panels::findings::FindingsPanel />
                </panels::Later>
            </section>
        </main>
        <panels::Later>
            <panels::comparison::ComparisonPanel />
        </panels::Later>
        <footer class="privacy" data-testid="privacy-note">
            <h2>"Privacy"</h2>
            <p>
                "This page decodes and verifies tokens with WebAssembly inside your browser. It makes no network request after loading its own files, "
                "never sends your token or secret anywhere, never writes the secret to the URL, history, cookies or storage, "
                "and shows token content only as text. Only your theme choice is remembered."
            </p>
        </footer>
    }
}

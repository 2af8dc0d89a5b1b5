//! Sessions or JWT? A decision helper, tied to the token on screen.

use jwt_core::advice::{self, Needs};
use jwt_core::clock_text;
use leptos::prelude::*;

use super::inspector;

/// One yes/no question of the helper.
#[component]
fn Question(
    /// The question.
    label: &'static str,
    /// Stable id for tests.
    id: &'static str,
    /// Where the answer goes.
    answer: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <label class="question">
            <input type="checkbox" data-testid=format!("need-{id}") prop:checked=move || answer.get() on:change=move |ev| answer.set(event_target_checked(&ev)) />
            {label}
        </label>
    }
}

/// The comparison panel.
#[component]
pub fn ComparisonPanel() -> impl IntoView {
    let state = inspector();
    let revocation = RwSignal::new(false);
    let services = RwSignal::new(false);
    let mobile = RwSignal::new(false);
    let server_rendered = RwSignal::new(false);
    let mutable = RwSignal::new(false);
    let recommendation = move || {
        advice::recommend(&Needs {
            instant_revocation: revocation.get(),
            several_services: services.get(),
            mobile_or_third_party: mobile.get(),
            server_rendered_single_app: server_rendered.get(),
            mutable_session_state: mutable.get(),
        })
    };
    let token_facts = move || {
        let size = state.decoded.with(|d| d.token.len());
        let timing = state.timing.get();
        let remaining = timing.as_ref().and_then(|t| t.remaining);
        let lifetime = timing.as_ref().and_then(|t| t.lifetime);
        let leak = match remaining {
            Some(r) if r > 0 => format!(
                "If this token leaked now, it would stay usable for {} (its remaining lifetime) unless the server keeps a blocklist of revoked token ids.",
                clock_text::compact(r.unsigned_abs())
            ),
            Some(_) => "This token has expired: a leaked copy is useless now, as long as servers check 'exp'.".to_string(),
            None => "This token has no usable expiry: if it leaked, it would stay usable until the signing key is rotated or a blocklist rejects it.".to_string(),
        };
        let logout = match lifetime.or(remaining) {
            Some(l) if l > 0 => format!(
                "Logging out deletes the client's copy, but any other copy keeps working for up to {} after logout. With sessions, logout ends access at once.",
                clock_text::compact(l.unsigned_abs())
            ),
            _ => "Logging out cannot invalidate a token without an expiry; with sessions, logout ends access at once.".to_string(),
        };
        // Rounded to the nearest whole number.
        let ratio = (size + advice::SESSION_ID_BYTES / 2) / advice::SESSION_ID_BYTES;
        let size_text =
            format!(
            "This token is {size} bytes, sent with every request: {ratio}× a {}-byte session id.{}",
            advice::SESSION_ID_BYTES,
            if size > 4096 { " It is also too large for a single cookie." } else { "" }
        );
        (leak, logout, size_text)
    };
    view! {
        <section class="card comparison" data-testid="comparison-panel" aria-labelledby="comparison-title">
            <h2 id="comparison-title" class="card-title">"Sessions or JWT?"</h2>
            <div class="comparison-grid">
                <div>
                    <h3>"This token, in practice"</h3>
                    {move || {
                        let (leak, logout, size) = token_facts();
                        view! {
                            <ul class="facts">
                                <li data-testid="leak-window">{leak}</li>
                                <li data-testid="logout-impact">{logout}</li>
                                <li data-testid="size-comparison">{size}</li>
                            </ul>
                        }
                    }}
                    <h3>"Which fits your application?"</h3>
                    <fieldset class="questions">
                        <legend>"Answer what applies"</legend>
                        <Question label="Logout or bans must take effect instantly" id="revocation" answer=revocation />
                        <Question label="Several services or domains accept the login" id="services" answer=services />
                        <Question label="Mobile apps or third-party clients call the API" id="mobile" answer=mobile />
                        <Question label="One server-rendered web app serves the pages" id="server-rendered" answer=server_rendered />
                        <Question label="Per-session state changes often" id="mutable" answer=mutable />
                    </fieldset>
                    {move || {
                        let r = recommendation();
                        view! {
                            <div class="recommendation" data-testid="recommendation" data-approach=r.approach.code() aria-live="polite">
                                <p class="rec-title">"Recommended: " <strong>{r.approach.title()}</strong></p>
                                <ul>{r.reasons.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                            </div>
                        }
                    }}
                </div>
                <div class="tradeoffs">
                    <h3>"The trade-offs"</h3>
                    <table>
                        <caption class="sr-only">"Sessions compared with JWTs"</caption>
                        <thead><tr><th scope="col">""</th><th scope="col">"Server-side session"</th><th scope="col">"JWT"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"Where state lives"</th><td>"In a server store; the client holds a random id."</td><td>"In the token; servers keep nothing per user."</td></tr>
                            <tr><th scope="row">"Revocation"</th><td>"Delete the session: immediate."</td><td>"Wait for expiry, or keep a blocklist (which is server state again)."</td></tr>
                            <tr><th scope="row">"Scaling out"</th><td>"Needs a shared store (Redis, database) or sticky routing."</td><td>"Any server with the key verifies on its own."</td></tr>
                            <tr><th scope="row">"Size per request"</th><td>"About 32 bytes."</td><td>"Hundreds of bytes to kilobytes."</td></tr>
                            <tr><th scope="row">"Stored in an HttpOnly cookie"</th><td>"Safe from XSS theft; needs SameSite and CSRF protection."</td><td>"Same as a session, if it fits in 4 KB."</td></tr>
                            <tr><th scope="row">"Stored in localStorage"</th><td>"Not usual."</td><td>"No CSRF, but any XSS can read and exfiltrate it."</td></tr>
                            <tr><th scope="row">"Kept in memory only"</th><td>"—"</td><td>"Hard to steal at rest; lost on reload, so pair with a refresh cookie."</td></tr>
                            <tr><th scope="row">"Mobile and third parties"</th><td>"Cookies are awkward outside browsers."</td><td>"A bearer header works everywhere."</td></tr>
                            <tr><th scope="row">"Cross-domain SSO"</th><td>"Cookies stay on their own domain."</td><td>"Tokens (such as OIDC ID tokens) carry identity across domains."</td></tr>
                        </tbody>
                    </table>
                    <p class="hybrid-note">
                        "The common middle way: a short-lived access JWT (5–15 minutes) that services verify on their own, and a refresh token kept on the server side "
                        "(or in an HttpOnly cookie that the server checks against its store). Logout revokes the refresh token, so access ends within one access-token lifetime."
                    </p>
                </div>
            </div>
        </section>
    }
}

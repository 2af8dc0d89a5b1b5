//! The core's findings, most severe first.

use jwt_core::Severity;
use leptos::prelude::*;

use super::inspector;
use super::text::TokenText;

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Danger => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// The findings panel.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = inspector();
    view! {
        <div class="card findings-card">
            <div class="card-head">
                <h2 class="card-title">
                    "Findings "
                    <span class="count">{move || state.findings.with(|f| f.len())}</span>
                </h2>
            </div>
            {move || {
                let findings = state.findings.get();
                if findings.is_empty() {
                    return view! { <p class="muted" data-testid="no-findings">"Nothing to flag."</p> }.into_any();
                }
                view! {
                    <ul class="findings">
                        {findings.into_iter().map(|f| view! {
                            <li class=format!("finding {}", f.severity.code()) data-testid="finding" data-finding=f.id.code() data-severity=f.severity.code()>
                                <span class="finding-icon" aria-hidden="true">{icon(f.severity)}</span>
                                <div>
                                    <p class="finding-title"><span class="sr-only">{format!("{}: ", f.severity.code())}</span>{f.title}</p>
                                    <p class="finding-text"><TokenText text=f.explanation /></p>
                                    <p class="finding-ref">{f.reference}" · "<code>{f.id.code()}</code></p>
                                </div>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

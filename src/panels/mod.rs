//! One component per panel of the page; each reads the shared [`crate::state::Inspector`].

pub mod comparison;
pub mod decoded;
pub mod editor;
pub mod encoded;
pub mod findings;
pub mod input;
pub mod json_view;
pub mod signature;
pub mod text;
pub mod timing;

use leptos::prelude::*;

/// The shared inspector state; panels are only used inside [`crate::App`].
pub fn inspector() -> crate::state::Inspector {
    expect_context::<crate::state::Inspector>()
}

/// Renders its children one animation frame after the rest of the page, so the first frame
/// shows the token's parts without waiting for the panels below them.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let shown = after_first_frame();
    move || shown.get().then(|| children())
}

/// False until the next animation frame, then true.
pub fn after_first_frame() -> ReadSignal<bool> {
    let (passed, set_passed) = signal(false);
    request_animation_frame(move || _ = set_passed.try_set(true));
    passed
}

/// A button that copies text produced on click and says so for a moment.
#[component]
pub fn CopyButton(
    /// The visible label.
    label: &'static str,
    /// The test id of the button.
    testid: &'static str,
    /// Produces the text to copy.
    text: impl Fn() -> String + 'static,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="small"
            data-testid=testid
            on:click=move |_| {
                copied.set(crate::browser::copy_text(&text()));
                set_timeout(move || _ = copied.try_set(false), std::time::Duration::from_millis(1500));
            }
        >
            {move || if copied.get() { "Copied ✓" } else { label }}
        </button>
    }
}

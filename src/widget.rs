//! The embeddable, read-only inspector: the `<jwt-inspector>` custom element (through `widget.js`,
//! which calls [`Widget::new`]) and the iframe page `embed.html` ([`mount_embed`]).

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::panels;
use crate::state::Inspector;

/// Which optional panels a widget shows; header and payload are always shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WidgetPanels {
    /// The timing panel (without its controls).
    pub timing: bool,
    /// The findings panel.
    pub findings: bool,
    /// The secret field and verdict.
    pub signature: bool,
}

impl WidgetPanels {
    /// Reads a comma- or space-separated list such as `"timing, findings"`; `None` gives the default
    /// (timing only).
    pub fn parse(list: Option<&str>) -> Self {
        let Some(list) = list else {
            return WidgetPanels {
                timing: true,
                findings: false,
                signature: false,
            };
        };
        let has = |name: &str| {
            list.split(|c: char| c == ',' || c.is_whitespace())
                .any(|p| p.trim().eq_ignore_ascii_case(name))
        };
        WidgetPanels {
            timing: has("timing"),
            findings: has("findings"),
            signature: has("signature") || has("secret"),
        }
    }
}

/// The compact view; expects an [`Inspector`] in context.
#[component]
pub fn WidgetView(
    /// The optional panels to show.
    panels: WidgetPanels,
) -> impl IntoView {
    view! {
        <div class="widget-body">
            <panels::encoded::EncodedView />
            <panels::decoded::DecodedParts />
            {panels.timing.then(|| view! { <panels::timing::TimingPanel compact=true /> })}
            {panels.signature.then(|| view! { <panels::signature::SignaturePanel /> })}
            {panels.findings.then(|| view! { <panels::findings::FindingsPanel /> })}
        </div>
    }
}

/// Mounts a widget for `token` (checked with `public_key`, if any) into `parent`; returns its
/// state and the mount handle.
fn mount(
    parent: web_sys::HtmlElement,
    token: String,
    public_key: String,
    panels: WidgetPanels,
) -> (Inspector, UnmountHandle<AnyViewState>) {
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = slot.clone();
    let handle = mount_to(parent, move || {
        let inspector = Inspector::new(token, browser::now_seconds());
        inspector.public_key.set(public_key);
        inspector.run_clock();
        provide_context(inspector);
        out.set(Some(inspector));
        view! { <WidgetView panels /> }.into_any()
    });
    let inspector = slot
        .take()
        .unwrap_or_else(|| unreachable!("mount_to runs the view function at once"));
    (inspector, handle)
}

/// One `<jwt-inspector>` element's inspector, owned by `widget.js`.
#[wasm_bindgen]
pub struct Widget {
    inspector: Inspector,
    _mount: UnmountHandle<AnyViewState>,
}

#[wasm_bindgen]
impl Widget {
    /// Renders `token` inside `parent` (an element in the custom element's shadow root), showing the
    /// optional `panels` (a list such as `"timing,findings,signature"`), and checks its signature
    /// with `public_key` (PEM, certificate, JWK or JWKS text) when given.
    #[wasm_bindgen(constructor)]
    pub fn new(
        parent: web_sys::HtmlElement,
        token: String,
        panels: Option<String>,
        public_key: Option<String>,
    ) -> Widget {
        let (inspector, mount) = mount(
            parent,
            token,
            public_key.unwrap_or_default(),
            WidgetPanels::parse(panels.as_deref()),
        );
        Widget {
            inspector,
            _mount: mount,
        }
    }

    /// Shows another token (when the element's `token` attribute changes).
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: String) {
        self.inspector.candidate.try_set(0);
        self.inspector.token.try_set(token);
    }

    /// Checks with another public key (when the element's `public-key` attribute changes).
    #[wasm_bindgen(js_name = setPublicKey)]
    pub fn set_public_key(&self, key: String) {
        self.inspector.public_key.try_set(key);
    }
}

/// Renders `embed.html`: the token from `#token=…`, panels from `?panels=…`, theme from
/// `?theme=…`, and reports its height to the parent page so the iframe can fit its content.
pub fn mount_embed() {
    let Some(body) = document().body() else {
        return;
    };
    let location = window().location();
    let query = location.search().unwrap_or_default();
    let param = |name: &str| {
        query.trim_start_matches('?').split('&').find_map(|p| {
            let (k, v) = p.split_once('=')?;
            (k == name).then(|| {
                js_sys::decode_uri_component(v)
                    .map(String::from)
                    .unwrap_or_default()
            })
        })
    };
    let theme = param("theme").unwrap_or_else(|| "auto".into());
    let panels = WidgetPanels::parse(param("panels").as_deref());
    let token = browser::fragment_token().unwrap_or_default();
    let _ = body.class_list().add_1("jwt-widget");
    let _ = body.set_attribute("data-theme", &theme);
    let (inspector, handle) = mount(body.clone(), token, String::new(), panels);
    let signal = inspector.token;
    handle.forget();
    let on_hash = Closure::<dyn FnMut()>::new(move || {
        if let Some(t) = browser::fragment_token() {
            signal.set(t);
        }
    });
    window().set_onhashchange(Some(on_hash.as_ref().unchecked_ref()));
    on_hash.forget();
    report_height(&body);
}

/// Posts `{type: "jwt-inspector:height", height}` to the parent whenever the content resizes.
fn report_height(body: &web_sys::HtmlElement) {
    let post = move || {
        let height = document()
            .document_element()
            .map(|e| e.scroll_height())
            .unwrap_or_default();
        if let Ok(Some(parent)) = window().parent() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"jwt-inspector:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, "*");
        }
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(body);
    }
    callback.forget();
}

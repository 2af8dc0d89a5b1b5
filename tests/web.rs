//! Component tests in headless Chromium: the real App, driven through its automation contract.
#![cfg(target_arch = "wasm32")]

use jwt_inspector::App;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted App and verbs to drive it.
struct Page {
    root: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn fire(el: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

impl Page {
    async fn open() -> Page {
        let root = document().create_element("section").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone().unchecked_into(), || App().into_any());
        // The panels after the first screen are rendered one frame later.
        next_frame().await;
        tick().await;
        Page {
            root,
            _handle: handle,
        }
    }

    fn get(&self, testid: &str) -> Element {
        self.find(testid)
            .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
    }

    fn find(&self, testid: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid='{testid}']"))
            .unwrap()
    }

    fn all(&self, testid: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(&format!("[data-testid='{testid}']"))
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn text(&self, testid: &str) -> String {
        self.get(testid).text_content().unwrap_or_default()
    }

    fn attr(&self, testid: &str, name: &str) -> String {
        self.get(testid).get_attribute(name).unwrap_or_default()
    }

    async fn paste_token(&self, token: &str) {
        let field: HtmlTextAreaElement = self.get("token-input").unchecked_into();
        field.set_value(token);
        fire(&field, "input");
        tick().await;
    }

    async fn type_into(&self, testid: &str, text: &str) {
        let field: HtmlInputElement = self.get(testid).unchecked_into();
        field.set_value(text);
        fire(&field, "input");
        tick().await;
    }

    async fn choose_encoding(&self, code: &str) {
        let select: HtmlSelectElement = self.get("secret-encoding").unchecked_into();
        select.set_value(code);
        fire(&select, "change");
        tick().await;
    }

    async fn click(&self, testid: &str) {
        self.get(testid).unchecked_into::<HtmlElement>().click();
        tick().await;
    }

    fn verdict(&self) -> String {
        self.attr("signature-status", "data-status")
    }

    fn claim_state(&self, claim: &str) -> String {
        self.all("claim-time")
            .into_iter()
            .find(|e| e.get_attribute("data-claim").as_deref() == Some(claim))
            .and_then(|e| e.get_attribute("data-state"))
            .unwrap_or_default()
    }
}

fn token(header: &str, payload: &str, secret: &str) -> String {
    jwt_core::sign(header, payload, secret.as_bytes()).unwrap()
}

#[wasm_bindgen_test]
async fn first_load_shows_the_verified_sample() {
    let page = Page::open().await;
    assert!(page.text("header-json").contains("\"alg\": \"HS256\""));
    assert!(page.text("payload-json").contains("\"sub\": \"user-8472\""));
    assert_eq!(page.verdict(), "valid");
    assert_eq!(page.claim_state("exp"), "active");
    assert!(page.find("token-error").is_none());
}

#[wasm_bindgen_test]
async fn wrong_secret_shows_the_expected_signature() {
    let page = Page::open().await;
    let t = token(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"1"}"#,
        "right-secret-right-secret-right-s",
    );
    page.paste_token(&t).await;
    page.type_into("secret-input", "wrong").await;
    assert_eq!(page.verdict(), "invalid");
    let expected = token(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, "wrong");
    assert_eq!(
        page.text("expected-signature"),
        expected.rsplit('.').next().unwrap()
    );
    page.type_into("secret-input", "right-secret-right-secret-right-s")
        .await;
    assert_eq!(page.verdict(), "valid");
    assert!(page.find("expected-signature").is_none());
}

#[wasm_bindgen_test]
async fn every_secret_encoding_verifies() {
    let page = Page::open().await;
    let t = token(r#"{"alg":"HS384"}"#, "{}", "k\u{fb}y");
    page.paste_token(&t).await;
    for (code, text) in [
        ("utf8", "k\u{fb}y"),
        ("base64", "a8O7eQ=="),
        ("base64url", "a8O7eQ"),
        ("hex", "6bc3bb79"),
    ] {
        page.choose_encoding(code).await;
        page.type_into("secret-input", text).await;
        assert_eq!(page.verdict(), "valid", "{code}");
    }
    page.type_into("secret-input", "6bc3bg").await;
    assert_eq!(page.verdict(), "bad-secret");
}

#[wasm_bindgen_test]
async fn malformed_token_points_at_the_segment() {
    let page = Page::open().await;
    page.paste_token("eyJhbGciOiJIUzI1NiJ9.eyJz*WIiOiIxIn0.sig")
        .await;
    let error = page.get("token-error");
    assert_eq!(
        error.get_attribute("data-kind").unwrap(),
        "invalid-base64url"
    );
    assert_eq!(error.get_attribute("data-segment").unwrap(), "payload");
    assert!(error
        .text_content()
        .unwrap()
        .contains("payload segment, byte 4: '*' is not base64url"));
    assert_eq!(page.verdict(), "not-evaluated");
    assert_eq!(
        page.root
            .query_selector("mark.bad")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "*"
    );
}

#[wasm_bindgen_test]
async fn evaluate_at_and_skew_change_the_states() {
    let page = Page::open().await;
    let t = token(
        r#"{"alg":"HS256"}"#,
        r#"{"iat":1000000000,"exp":1000000600}"#,
        "k",
    );
    page.paste_token(&t).await;
    assert_eq!(page.claim_state("exp"), "expired");
    page.type_into("evaluate-at", "2001-09-09T01:50:00Z").await;
    assert_eq!(page.claim_state("exp"), "active");
    page.type_into("evaluate-at", "1000000630").await;
    assert_eq!(
        page.claim_state("exp"),
        "active",
        "within the 60 s default skew"
    );
    page.type_into("clock-skew", "0").await;
    assert_eq!(page.claim_state("exp"), "expired");
    page.type_into("evaluate-at", "yesterday-ish").await;
    assert!(page.text("evaluate-at-error").contains("RFC 3339"));
}

#[wasm_bindgen_test]
async fn json_text_is_exactly_the_token_json() {
    let page = Page::open().await;
    let t = token(
        r#"{"alg":"HS256"}"#,
        r#"{"z":18446744073709551617,"a":1e400,"exp":0.1}"#,
        "k",
    );
    page.paste_token(&t).await;
    assert_eq!(
        page.text("payload-json"),
        "{\n  \"z\": 18446744073709551617,\n  \"a\": 1e400,\n  \"exp\": 0.1\n}"
    );
    let exp = page
        .root
        .query_selector("[data-testid='payload-json'] .described")
        .unwrap()
        .unwrap();
    assert!(exp
        .get_attribute("data-tip")
        .unwrap()
        .contains("NumericDate"));
    let id = exp.get_attribute("aria-describedby").unwrap();
    assert!(document().get_element_by_id(&id).is_some());
}

#[wasm_bindgen_test]
async fn hostile_content_stays_text() {
    let page = Page::open().await;
    let t = token(
        r#"{"alg":"HS256","kid":"<script>alert(1)</script>"}"#,
        r#"{"name":"<img src=x onerror=alert(1)>"}"#,
        "k",
    );
    page.paste_token(&t).await;
    assert!(page
        .text("payload-json")
        .contains("<img src=x onerror=alert(1)>"));
    assert!(page.root.query_selector("img").unwrap().is_none());
    assert!(page.root.query_selector("pre script").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn findings_and_comparison_follow_the_token() {
    let page = Page::open().await;
    let t = token(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, "secret");
    page.paste_token(&t).await;
    sleep(400).await; // the weak-secret scan runs once typing pauses
    tick().await;
    let ids: Vec<String> = page
        .all("finding")
        .iter()
        .filter_map(|f| f.get_attribute("data-finding"))
        .collect();
    assert_eq!(
        ids.first().map(String::as_str),
        Some("weak-secret"),
        "{ids:?}"
    );
    assert!(ids.contains(&"missing-exp".to_string()));
    assert!(page.text("leak-window").contains("no usable expiry"));
    let size = page.text("size-comparison");
    assert!(size.contains(&format!("{} bytes", t.len())), "{size}");
    // The ratio to a 32-byte session id, rounded to the nearest whole number.
    let ratio = (t.len() + 16) / 32;
    assert!(
        size.contains(&format!(": {ratio}× a 32-byte session id")),
        "{size}"
    );
    assert_eq!(page.attr("recommendation", "data-approach"), "sessions");
    page.click("need-services").await;
    assert_eq!(page.attr("recommendation", "data-approach"), "jwt");
    page.click("need-revocation").await;
    assert_eq!(page.attr("recommendation", "data-approach"), "hybrid");
}

#[wasm_bindgen_test]
async fn clear_empties_the_page() {
    let page = Page::open().await;
    page.click("clear-token").await;
    assert_eq!(page.attr("token-error", "data-kind"), "empty-input");
    assert_eq!(page.verdict(), "not-evaluated");
    page.click("sample-token").await;
    assert_eq!(page.verdict(), "valid");
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn hidden_characters_are_marked_but_text_is_unchanged() {
    let page = Page::open().await;
    let t = token(
        r#"{"alg":"HS256"}"#,
        "{\"role\":\"user\u{202E}nimda\",\"exp\":1}",
        "k",
    );
    page.paste_token(&t).await;
    let mark = page
        .root
        .query_selector("[data-testid='payload-json'] .hidden-char")
        .unwrap()
        .expect("the override is marked");
    assert_eq!(mark.get_attribute("data-cp").unwrap(), "U+202E");
    assert!(page.text("payload-json").contains("\"user\u{202E}nimda\""));
    let ids: Vec<String> = page
        .all("finding")
        .iter()
        .filter_map(|f| f.get_attribute("data-finding"))
        .collect();
    assert!(ids.contains(&"hidden-characters".to_string()), "{ids:?}");
}

#[wasm_bindgen_test]
async fn large_input_is_decoded_at_once_when_pasted_and_after_a_pause_when_typed() {
    let page = Page::open().await;
    let filler = "x".repeat(300 * 1024);
    let big = token(
        r#"{"alg":"HS256"}"#,
        &format!(r#"{{"sub":"big","pad":"{filler}"}}"#),
        "k",
    );
    // A paste is one event: decoded at once.
    page.paste_token(&big).await;
    assert!(page.text("payload-json").contains("\"sub\": \"big\""));
    assert!(page.find("token-error").is_none());
    // Keystrokes at the end of a large token wait for the pause in typing, however many come
    // before it: each is judged against the text just before it.
    let mut typed = big.clone();
    // 82 more characters make the signature 125 long, which no base64url text can be.
    for c in "xy".repeat(41).chars() {
        typed.push(c);
        page.paste_token(&typed).await;
    }
    assert!(
        page.find("token-error").is_none(),
        "still the pasted token right after 82 keystrokes"
    );
    sleep(400).await;
    tick().await;
    assert!(
        page.find("token-error").is_some(),
        "the typed text is decoded after the pause"
    );
}

#[wasm_bindgen_test]
async fn editing_and_re_signing_replaces_the_token() {
    let page = Page::open().await;
    assert!(
        page.find("edit-payload").is_none(),
        "the editor's body waits for the first opening"
    );
    page.click("editor-toggle").await;
    for _ in 0..50 {
        if page.find("edit-payload").is_some() {
            break;
        }
        sleep(10).await;
    }
    let payload: HtmlTextAreaElement = page.get("edit-payload").unchecked_into();
    payload.set_value(r#"{"sub":"edited","admin":false}"#);
    fire(&payload, "input");
    tick().await;
    page.click("sign-button").await;
    assert_eq!(
        page.text("payload-json"),
        "{\n  \"sub\": \"edited\",\n  \"admin\": false\n}"
    );
    assert_eq!(page.verdict(), "valid", "signed with the sample secret");
    page.type_into("secret-input", "").await;
    page.click("sign-button").await;
    assert!(page.text("sign-error").contains("Enter a secret"));
}

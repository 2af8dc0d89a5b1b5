//! The site's entry point: mount the inspector on the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(jwt_inspector::App);
}

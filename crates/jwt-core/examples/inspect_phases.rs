//! Where `inspect` spends its time, phase by phase, natively (`bench/` measures the browser):
//!
//! ```sh
//! cargo run --release -p jwt-core --example inspect_phases -- token.txt [secret]
//! ```
//!
//! Prints the median of many runs for decoding (with and without the payload model), the
//! HMAC check, timing, lints, the whole report and its JSON text. `INSPECT_PHASE=<part of a
//! name>` runs only the phases whose name starts with it, for a profiler.

use std::hint::black_box;
use std::time::Instant;

use jwt_core::lints::{self, LintContext};
use jwt_core::{timing, token, verify, Options, SecretInput};

/// One measured phase: its name and the work.
type Phase<'a> = (&'a str, Box<dyn FnMut() + 'a>);

/// The median time of `f`, in microseconds, over enough runs to fill about half a second.
fn median_us(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    f();
    let once = start.elapsed().as_secs_f64().max(1e-7);
    let runs = ((0.5 / once) as usize).clamp(5, 20_000);
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: inspect_phases <token-file> [secret]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let secret = SecretInput::utf8(args.next().unwrap_or_default());
    let mut options = Options::recommended(1_700_000_000);
    options.weak_secret_scan_limit = 0;
    let decoded = token::decode(&text);
    let check = verify::check(&decoded, Some(&secret));
    let claims = decoded
        .payload
        .document()
        .map(timing::date_claims_of)
        .unwrap_or_default();
    let assessed = timing::assess(&claims, options.now, options.clock_skew);
    let report = jwt_core::inspect(&text, Some(&secret), &options);
    let phases: [Phase; 8] = [
        (
            "decode_signed (no payload model)",
            Box::new(|| _ = black_box(token::decode_signed(&text))),
        ),
        (
            "decode (full)",
            Box::new(|| _ = black_box(token::decode(&text))),
        ),
        (
            "HMAC check",
            Box::new(|| _ = black_box(verify::check(&decoded, Some(&secret)))),
        ),
        (
            "date claims + timing",
            Box::new(|| {
                let c = decoded
                    .payload
                    .document()
                    .map(timing::date_claims_of)
                    .unwrap_or_default();
                black_box(timing::assess(&c, options.now, options.clock_skew));
            }),
        ),
        (
            "lints",
            Box::new(|| {
                let context = LintContext {
                    timing: Some(&assessed),
                    secret_len: Some(secret.text.len()),
                    weak_secret: None,
                    key: check.key.as_deref(),
                    secret_is_public_key: false,
                };
                black_box(lints::lint(&decoded, &context));
            }),
        ),
        (
            "inspect (no scan)",
            Box::new(|| _ = black_box(jwt_core::inspect(&text, Some(&secret), &options))),
        ),
        (
            "report_json",
            Box::new(|| _ = black_box(jwt_core::report_json(&report))),
        ),
        (
            "inspect + report_json",
            Box::new(|| {
                _ = black_box(jwt_core::report_json(&jwt_core::inspect(
                    &text,
                    Some(&secret),
                    &options,
                )))
            }),
        ),
    ];
    println!(
        "{} bytes of token text, report JSON {} bytes",
        text.len(),
        jwt_core::report_json(&report).len()
    );
    // `INSPECT_PHASE=lints` runs only the phases whose name starts with it (for a profiler).
    let only = std::env::var("INSPECT_PHASE").unwrap_or_default();
    for (name, mut f) in phases
        .into_iter()
        .filter(|(name, _)| name.starts_with(&only))
    {
        println!("{:>10.2} µs  {name}", median_us(&mut f));
    }
}

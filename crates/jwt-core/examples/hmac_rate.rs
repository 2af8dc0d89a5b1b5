//! Native HMAC trial rate, the baseline for the browser's weak-secret audit (bench/).
//!
//! `cargo run --release -p jwt-core --example hmac_rate [-- <token> [seconds]]`
//!
//! Verifies the token's HS256 signature against distinct wrong candidate secrets with
//! `HmacAlg::HS256.verify`, exactly as the weak-secret search does, and prints
//! `trials/s: <n>` plus a JSON line for scripts. Without a token it signs the same 300-byte-class
//! token the browser benchmark uses for the audit (key "bench-audit-key-not-in-any-list").

use std::time::Instant;

use jwt_core::{sign, token, HmacAlg};

fn main() {
    let mut args = std::env::args().skip(1);
    let token = args.next().unwrap_or_else(|| {
        sign(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"sub":"user-1234567890","name":"Benchmark User","iss":"https://auth.example.com/","aud":"api.example.com","iat":1700000000,"nbf":1700000000,"exp":1700003600,"jti":"c0ffee00-1234-4abc-8def-0123456789ab","scope":"read:items write:items","roles":["user","auditor"]}"#,
            b"bench-audit-key-not-in-any-list",
        )
        .expect("HS256 header")
    });
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2.0);

    let decoded = token::decode(&token);
    let message = decoded
        .signing_input()
        .expect("a well-formed JWS")
        .as_bytes()
        .to_vec();
    let tag = decoded.signature.clone().expect("a signature");
    let alg = HmacAlg::HS256;

    // Candidate secrets shaped like the generated list in the browser benchmark.
    let candidates: Vec<String> = (0..20_000)
        .map(|i| format!("candidate-secret-{i:05}"))
        .collect();

    // Warm up, then run whole passes over the list until `seconds` have passed.
    let mut found = 0usize;
    for c in candidates.iter().take(2_000) {
        found += usize::from(alg.verify(c.as_bytes(), &message, &tag));
    }
    let start = Instant::now();
    let mut trials = 0u64;
    let mut batches = Vec::new();
    while start.elapsed().as_secs_f64() < seconds {
        let t = Instant::now();
        for c in &candidates {
            found += usize::from(alg.verify(c.as_bytes(), &message, &tag));
        }
        trials += candidates.len() as u64;
        batches.push(candidates.len() as f64 / t.elapsed().as_secs_f64());
    }
    let elapsed = start.elapsed().as_secs_f64();
    batches.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = batches[batches.len() / 2];
    assert_eq!(found, 0, "no candidate should verify");
    println!(
        "HS256 verify, {} signed bytes: {trials} trials in {elapsed:.2} s; trials/s: {:.0} (median of {} passes: {median:.0})",
        message.len(),
        trials as f64 / elapsed,
        batches.len()
    );
    println!(
        "{{\"signedBytes\":{},\"trials\":{trials},\"seconds\":{elapsed:.3},\"trialsPerSecond\":{:.0},\"medianPassTrialsPerSecond\":{median:.0}}}",
        message.len(),
        trials as f64 / elapsed
    );
}

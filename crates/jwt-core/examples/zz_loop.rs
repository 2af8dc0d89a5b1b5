use jwt_core::{token, verify, Options, SecretInput};
use std::hint::black_box;
fn main() {
    let mut a = std::env::args().skip(1);
    let what = a.next().unwrap();
    let text = std::fs::read_to_string(a.next().unwrap()).unwrap();
    let n: usize = a.next().unwrap().parse().unwrap();
    let secret =
        SecretInput::utf8("bench-7f3c1e9a54d2b806c4e1a7f9d3b5e2c8-not-a-weak-secret".to_string());
    let mut options = Options::recommended(1_700_000_000);
    options.weak_secret_scan_limit = 0;
    for _ in 0..n {
        match what.as_str() {
            "signed" => _ = black_box(token::decode_signed(black_box(&text))),
            "verify" => {
                let d = token::decode_signed(black_box(&text));
                _ = black_box(verify::check(&d, Some(&secret)).verdict.code().to_string());
            }
            "decode" => _ = black_box(token::decode(black_box(&text))),
            "inspect" => {
                let r = jwt_core::inspect(black_box(&text), Some(&secret), &options);
                _ = black_box(jwt_core::report_json(&r));
            }
            _ => panic!(),
        }
    }
}

//! The sample token shown on first load and by the "Sample" button.

use jwt_core::sign;

/// The sample's secret: 32 random-looking bytes, so the sample raises no secret findings.
pub const SECRET: &str = "d9Ex7q2LmN4vB8sK1pW6zR3tY0uH5jGc";

/// A fresh HS256 sample issued at `now`, valid for 15 minutes.
pub fn token(now: i64) -> String {
    let header = r#"{"alg":"HS256","typ":"JWT"}"#;
    let payload = format!(
        r#"{{"sub":"user-8472","name":"Ada Example","iss":"https://auth.example.com","aud":"api://orders","scope":"orders:read","iat":{},"nbf":{},"exp":{}}}"#,
        now,
        now,
        now + 15 * 60
    );
    sign(header, &payload, SECRET.as_bytes()).unwrap_or_default()
}

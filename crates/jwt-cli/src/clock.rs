//! The system clock and the local time zone: read here, at the edge, never in the core.

use chrono::TimeZone as _;

/// Now, in Unix seconds.
pub fn now() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// An instant in local time with its offset at that instant (`2026-11-24 22:43:07 +01:00`).
///
/// The zone comes from `TZ` when it is set (a zone name such as `Europe/Paris`, or a POSIX rule
/// such as `CET-1`), otherwise from the system's `/etc/localtime`; without either it is UTC.
pub fn local(seconds: i64) -> Option<String> {
    chrono::Local
        .timestamp_opt(seconds, 0)
        .single()
        .map(|t| t.format("%Y-%m-%d %H:%M:%S %:z").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_shows_an_offset() {
        let text = local(0).unwrap();
        assert_eq!(text.len(), "1970-01-01 00:00:00 +00:00".len(), "{text}");
        assert!(text.contains(':'));
    }
}

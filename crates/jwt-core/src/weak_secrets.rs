//! A built-in list of secrets that appear in tutorials, framework defaults and debuggers.

/// The list itself: one secret per line, UTF-8, no comments and no empty lines.
const LIST: &str = include_str!("weak_secrets.txt");

/// Every built-in weak secret, in list order.
pub fn all() -> impl Iterator<Item = &'static str> {
    LIST.lines()
}

/// How many secrets the list holds.
pub fn count() -> usize {
    all().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn count_is_reasonable() {
        let n = count();
        assert!((250..=1000).contains(&n), "{n} secrets");
        assert_eq!(n, all().count());
    }

    #[test]
    fn no_duplicates() {
        let mut seen = HashSet::new();
        for secret in all() {
            assert!(seen.insert(secret), "duplicate secret {secret:?}");
        }
    }

    #[test]
    fn no_empty_or_whitespace_edged_lines() {
        for secret in all() {
            assert!(!secret.is_empty(), "empty line");
            assert_eq!(secret.trim(), secret, "whitespace around {secret:?}");
            assert!(!secret.contains('\r'), "carriage return in {secret:?}");
        }
    }

    #[test]
    fn file_is_plain_lines() {
        assert!(LIST.ends_with('\n'), "missing final newline");
        assert!(!LIST.ends_with("\n\n"), "trailing empty line");
        assert!(!LIST.starts_with('\u{feff}'), "byte order mark");
    }

    #[test]
    fn contains_well_known_secrets() {
        let secrets: HashSet<&str> = all().collect();
        for expected in [
            "secret",
            "your-256-bit-secret",
            "your-384-bit-secret",
            "your-512-bit-secret",
            "a-string-secret-at-least-256-bits-long",
            "password",
            "changeme",
            "change-me",
            "changeit",
            "jwt_secret",
            "JWT_SECRET",
            "jwtsecret",
            "supersecret",
            "super-secret",
            "shhhhh",
            "shhhhhhared-secret",
            "keyboard cat",
            "secretkey",
            "secret_key",
            "SECRET_KEY",
            "secret123",
            "mysecret",
            "my-secret",
            "my_secret_key",
            "s3cr3t",
            "123456",
            "qwerty",
            "test",
            "key",
            "default",
            "admin",
            "hello",
            "jwt",
            "token",
            "private",
            "your_jwt_secret",
            "your-secret-key",
        ] {
            assert!(secrets.contains(expected), "missing {expected:?}");
        }
    }
}

//! The sessions-versus-JWT decision helper: a few yes/no needs in, a recommendation with reasons out.

use serde::Serialize;

/// What the application needs, as answered by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Needs {
    /// Logging a user out (or banning them) must take effect at once.
    pub instant_revocation: bool,
    /// Several services or domains must accept the same credential.
    pub several_services: bool,
    /// Mobile apps or third-party clients call the API.
    pub mobile_or_third_party: bool,
    /// One server-rendered application serves the pages.
    pub server_rendered_single_app: bool,
    /// Per-session state changes often (cart, step of a flow, role switches).
    pub mutable_session_state: bool,
}

/// The recommended way to carry authentication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approach {
    /// An opaque session id in an HttpOnly cookie; state on the server.
    Sessions,
    /// Self-contained signed tokens, verified without a lookup.
    Jwt,
    /// A short-lived access JWT plus a server-side, revocable refresh token.
    Hybrid,
}

impl Approach {
    /// The stable code: `sessions`, `jwt`, `hybrid`.
    pub fn code(self) -> &'static str {
        match self {
            Approach::Sessions => "sessions",
            Approach::Jwt => "jwt",
            Approach::Hybrid => "hybrid",
        }
    }

    /// A heading for people.
    pub fn title(self) -> &'static str {
        match self {
            Approach::Sessions => "Server-side sessions",
            Approach::Jwt => "Short-lived JWTs",
            Approach::Hybrid => "Hybrid: short access JWT + revocable refresh token",
        }
    }
}

/// A recommendation and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// What to use.
    pub approach: Approach,
    /// One sentence per answer that drove the choice.
    pub reasons: Vec<&'static str>,
}

/// Recommends an approach for the given needs.
pub fn recommend(needs: &Needs) -> Recommendation {
    let distributed = needs.several_services || needs.mobile_or_third_party;
    let mut reasons = Vec::new();
    if needs.several_services {
        reasons.push("Several services or domains can check a signed token on their own, without sharing a session store.");
    }
    if needs.mobile_or_third_party {
        reasons.push(
            "Mobile and third-party clients handle bearer tokens more easily than browser cookies.",
        );
    }
    if needs.instant_revocation {
        reasons.push("Instant revocation needs state on the server: a session can be deleted, a JWT stays valid until it expires.");
    }
    if needs.mutable_session_state {
        reasons.push("State that changes during a session belongs on the server; a JWT is frozen when it is issued.");
    }
    if needs.server_rendered_single_app {
        reasons.push("A single server-rendered app already has a server and a cookie: a session id is the simplest fit.");
    }
    let approach = match (
        distributed,
        needs.instant_revocation || needs.mutable_session_state || needs.server_rendered_single_app,
    ) {
        (false, _) => {
            if reasons.is_empty() {
                reasons.push("With no need for stateless verification, sessions are simpler: tiny cookies, instant logout, no key management.");
            }
            Approach::Sessions
        }
        (true, false) => {
            reasons.push("Keep the tokens short-lived (minutes), since they cannot be revoked before they expire.");
            Approach::Jwt
        }
        (true, true) => {
            reasons.push("A short access JWT serves the services; the refresh token, checked on the server, is where logout and bans take effect.");
            Approach::Hybrid
        }
    };
    Recommendation { approach, reasons }
}

/// The length of a typical session id in bytes (256 random bits, hex-encoded would be 64).
pub const SESSION_ID_BYTES: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    fn approach(n: Needs) -> Approach {
        recommend(&n).approach
    }

    #[test]
    fn nothing_special_means_sessions() {
        let r = recommend(&Needs::default());
        assert_eq!(r.approach, Approach::Sessions);
        assert_eq!(r.reasons.len(), 1);
    }

    #[test]
    fn single_server_app_means_sessions() {
        assert_eq!(
            approach(Needs {
                server_rendered_single_app: true,
                instant_revocation: true,
                ..Needs::default()
            }),
            Approach::Sessions
        );
    }

    #[test]
    fn distributed_without_revocation_means_jwt() {
        assert_eq!(
            approach(Needs {
                several_services: true,
                ..Needs::default()
            }),
            Approach::Jwt
        );
        assert_eq!(
            approach(Needs {
                mobile_or_third_party: true,
                ..Needs::default()
            }),
            Approach::Jwt
        );
    }

    #[test]
    fn distributed_with_revocation_or_state_means_hybrid() {
        assert_eq!(
            approach(Needs {
                several_services: true,
                instant_revocation: true,
                ..Needs::default()
            }),
            Approach::Hybrid
        );
        assert_eq!(
            approach(Needs {
                mobile_or_third_party: true,
                mutable_session_state: true,
                ..Needs::default()
            }),
            Approach::Hybrid
        );
    }

    #[test]
    fn every_answer_gives_a_reason() {
        let all = Needs {
            instant_revocation: true,
            several_services: true,
            mobile_or_third_party: true,
            server_rendered_single_app: true,
            mutable_session_state: true,
        };
        assert_eq!(recommend(&all).reasons.len(), 6);
    }
}

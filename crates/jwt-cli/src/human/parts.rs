//! The header and payload as the token wrote them: the core's layout of the decoded text, with
//! member order and the spelling of every number and string kept, coloured by piece.

use jwt_core::json::{Document, PieceKind};
use jwt_core::token::{hex, Payload};

use super::out::{self, Out};

/// Writes a JSON document, coloured.
pub fn document(out: &mut Out, doc: &Document) {
    for piece in doc.pieces() {
        let style = match piece.kind {
            PieceKind::Key => out::KEY,
            PieceKind::String => out::STRING,
            PieceKind::Number => out::NUMBER,
            PieceKind::Literal => out::LITERAL,
            PieceKind::Punctuation | PieceKind::Space => anstyle::Style::new(),
        };
        out.styled(style, &piece.text);
    }
    out.newline();
}

/// Writes the header, or says it could not be decoded.
pub fn header(out: &mut Out, header: Option<&Document>) {
    out.styled(out::HEADING, "Header").newline();
    match header {
        Some(doc) => document(out, doc),
        None => {
            out.styled(out::DIM, "(not decoded: see the error above)")
                .newline();
        }
    }
}

/// Writes the payload in whatever form it has.
pub fn payload(out: &mut Out, payload: &Payload) {
    out.styled(out::HEADING, "Payload").newline();
    let remark = match payload {
        Payload::Json(doc) => {
            document(out, doc);
            return;
        }
        Payload::Text { text, .. } => {
            out.text(text).newline();
            match payload.text_note() {
                Some(note) => format!("(text: {note})"),
                None => "(text, not JSON)".to_string(),
            }
        }
        Payload::Binary { bytes } => {
            out.text(&hex(bytes)).newline();
            format!(
                "({} bytes that are not UTF-8 text, shown as hex)",
                bytes.len()
            )
        }
        Payload::Detached => {
            "(empty: the content is detached and travels separately, RFC 7515 Appendix F)".into()
        }
        Payload::Encrypted => {
            "(encrypted: this is a JWE, readable only with the recipient's key)".into()
        }
        Payload::Absent => "(not decoded: see the error above)".into(),
        Payload::Unread => "(not read: only the signature was checked)".into(),
    };
    out.styled(out::DIM, &remark).newline();
}

//! The date claims judged at the evaluation instant: UTC, local time, relative phrase and state.

use anstyle::Style;
use jwt_core::clock_text;
use jwt_core::timing::{TimeState, Timing};

use super::out::{self, Out};

/// Writes the timing section.
pub fn section(out: &mut Out, t: &Timing, local: &dyn Fn(i64) -> Option<String>) {
    out.styled(out::HEADING, "Timing").styled(
        out::DIM,
        &format!(
            " at {}, skew {} s",
            clock_text::rfc3339(t.now).unwrap_or_else(|| t.now.to_string()),
            t.skew
        ),
    );
    out.newline();
    if t.claims.is_empty() {
        out.text("  no date claims").newline();
    } else {
        table(out, t, local);
    }
    let (text, style) = summary(t);
    out.text("  ").styled(style, &text).newline();
}

fn table(out: &mut Out, t: &Timing, local: &dyn Fn(i64) -> Option<String>) {
    let rows: Vec<[String; 4]> = t
        .claims
        .iter()
        .map(|c| {
            let utc = c.utc.clone().unwrap_or_else(|| "-".into());
            let local = c.seconds.and_then(local).unwrap_or_else(|| "-".to_string());
            [c.name.clone(), c.state.label().to_string(), utc, local]
        })
        .collect();
    let titles = ["claim", "state", "UTC", "local"];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| out::width(&r[i], true))
                .chain([titles[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    out.pad(2);
    for (title, w) in titles.iter().zip(&widths) {
        out.styled(out::DIM, title).pad(w - title.len() + 2);
    }
    out.styled(out::DIM, "relative").newline();
    for (row, claim) in rows.iter().zip(&t.claims) {
        out.pad(2);
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let style = if i == 1 {
                state_style(claim.state)
            } else {
                Style::new()
            };
            out.styled(style, cell).pad(w - out::width(cell, true) + 2);
        }
        out.one_line(&claim.relative).newline();
        for note in &claim.notes {
            out.pad(4)
                .styled(out::DIM, "note: ")
                .one_line(&format!("{} {note}", claim.name))
                .newline();
        }
    }
}

fn state_style(state: TimeState) -> Style {
    match state {
        TimeState::Expired | TimeState::Invalid => out::BAD,
        TimeState::NotYetValid => out::WARN,
        TimeState::Active => out::GOOD,
        TimeState::Past | TimeState::Future => Style::new(),
    }
}

/// One line on the validity window, as the page's timing headline says it.
pub fn summary(t: &Timing) -> (String, Style) {
    let claim = |name: &str| t.claims.iter().find(|c| c.name == name);
    if let Some(nbf) = claim("nbf").filter(|c| c.state == TimeState::NotYetValid) {
        return (format!("Not valid yet: {}", nbf.relative), out::WARN);
    }
    match claim("exp") {
        Some(e) if e.state == TimeState::Expired => (format!("Expired: {}", e.relative), out::BAD),
        Some(e) if e.state == TimeState::Active => {
            let left = t.remaining.unwrap_or(0).max(0).unsigned_abs();
            (
                format!("Valid for another {}", clock_text::compact(left)),
                out::GOOD,
            )
        }
        Some(e) => (format!("Expiry unusable: {}", e.relative), out::BAD),
        None => (
            "No expiry: valid until the key changes".to_string(),
            out::WARN,
        ),
    }
}

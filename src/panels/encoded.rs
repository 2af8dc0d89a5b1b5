//! The cleaned token in three colours, with the broken character marked and the error explained.

use jwt_core::token::{Decoded, SegmentName};
use leptos::prelude::*;

use super::inspector;
use super::text::{reveal, TokenText};

/// A run of the token text with its segment and whether it is the error position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// CSS class: the segment code, or `dot`.
    pub class: &'static str,
    /// The text.
    pub text: String,
    /// True for the character an error points at.
    pub marked: bool,
    /// Bytes left out of the middle of `text` to keep huge tokens cheap to lay out.
    pub elided: usize,
}

/// Runs longer than this show only their ends.
pub const ELIDE_OVER: usize = 8 * 1024;
/// How much of each end of an elided run is shown.
const ELIDE_KEEP: usize = 1024;

/// Cuts the middle out of a long run, on character boundaries.
fn elide(run: &mut Run) {
    if run.marked || run.text.len() <= ELIDE_OVER {
        return;
    }
    let mut head = ELIDE_KEEP;
    while !run.text.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = run.text.len() - ELIDE_KEEP;
    while !run.text.is_char_boundary(tail) {
        tail += 1;
    }
    run.elided = tail - head;
    run.text = format!("{}{}", &run.text[..head], &run.text[tail..]);
}

/// Splits the cleaned token into coloured runs, marking the error offset.
pub fn runs(decoded: &Decoded) -> Vec<Run> {
    let token = &decoded.token;
    let mark = decoded.errors.first().and_then(|e| e.offset);
    let mut out = Vec::new();
    let mut push = |class: &'static str, start: usize, end: usize| {
        if start >= end {
            return;
        }
        match mark.filter(|&m| m >= start && m < end) {
            Some(m) => {
                let next = token[m..]
                    .chars()
                    .next()
                    .map_or(m + 1, |c| m + c.len_utf8());
                out.push(Run {
                    class,
                    text: token[start..m].to_string(),
                    marked: false,
                    elided: 0,
                });
                out.push(Run {
                    class,
                    text: token[m..next].to_string(),
                    marked: true,
                    elided: 0,
                });
                out.push(Run {
                    class,
                    text: token[next..end].to_string(),
                    marked: false,
                    elided: 0,
                });
            }
            None => out.push(Run {
                class,
                text: token[start..end].to_string(),
                marked: false,
                elided: 0,
            }),
        }
    };
    let mut pos = 0;
    for seg in &decoded.segments {
        if seg.start > pos {
            push("dot", pos, seg.start);
        }
        push(seg.name.code(), seg.start, seg.end);
        pos = seg.end;
    }
    push("rest", pos, token.len());
    out.retain(|r| !r.text.is_empty());
    out.iter_mut().for_each(elide);
    out
}

/// The encoded view and the structural error, if any.
#[component]
pub fn EncodedView() -> impl IntoView {
    let state = inspector();
    let error = move || state.decoded.with(|d| d.errors.first().cloned());
    let cleanups = move || state.decoded.with(|d| d.cleanups.clone());
    view! {
        <div class="card encoded-card">
            <div class="card-head">
                <h2 class="card-title">"Parts"</h2>
                <ul class="legend" aria-label="Colour legend">
                    <li class="header">"header"</li>
                    <li class="payload">"payload"</li>
                    <li class="signature">"signature"</li>
                </ul>
            </div>
            <p class="encoded" data-testid="encoded-token">
                {move || {
                    state
                        .decoded
                        .with(runs)
                        .into_iter()
                        .map(|r| {
                            if r.marked {
                                view! { <mark class=format!("seg {} bad", r.class)>{reveal(r.text)}</mark> }.into_any()
                            } else if r.elided > 0 {
                                let mut cut = ELIDE_KEEP.min(r.text.len());
                                while !r.text.is_char_boundary(cut) {
                                    cut -= 1;
                                }
                                let (head, tail) = r.text.split_at(cut);
                                view! {
                                    <span class=format!("seg {}", r.class)>
                                        {reveal(head.to_string())}
                                        <span class="elided">{format!(" … {} more characters … ", r.elided)}</span>
                                        {reveal(tail.to_string())}
                                    </span>
                                }.into_any()
                            } else {
                                view! { <span class=format!("seg {}", r.class)>{reveal(r.text)}</span> }.into_any()
                            }
                        })
                        .collect_view()
                }}
            </p>
            {move || {
                error()
                    .map(|e| {
                        view! {
                            <div
                                class="token-error"
                                role="alert"
                                data-testid="token-error"
                                data-kind=e.kind.code()
                                data-segment=e.segment.map(SegmentName::code).unwrap_or("")
                            >
                                <strong>"Cannot decode: "</strong>
                                <TokenText text=e.message />
                            </div>
                        }
                    })
            }}
            <Candidates />
            <ul class="cleanups" data-testid="cleanups">
                {move || {
                    cleanups()
                        .into_iter()
                        .map(|c| view! { <li data-cleanup=format!("{c:?}")>{c.message()}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The tokens found in what was pasted (a redirect URL, a token response, cookies, a cURL command),
/// to choose from; with one, where it was found.
#[component]
fn Candidates() -> impl IntoView {
    let state = inspector();
    move || {
        let (candidates, chosen) = state
            .decoded
            .with(|d| (d.candidates.clone(), d.chosen.unwrap_or(0)));
        match candidates.len() {
            0 => None,
            1 => Some(
                view! {
                    <p class="found-in" data-testid="token-found-in">
                        "Token found in the pasted text: " <TokenText text=candidates[0].label.clone() />
                    </p>
                }
                .into_any(),
            ),
            _ => Some(
                view! {
                    <div class="candidates" role="group" aria-label="Tokens found in the pasted text">
                        <p data-testid="candidate-summary"><TokenText text=jwt_core::input::summary(&candidates) /></p>
                        <ul>
                            {candidates.into_iter().enumerate().map(|(i, c)| {
                                let note = c.note();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="small candidate"
                                            data-testid="token-candidate"
                                            data-label=c.label.clone()
                                            aria-pressed=(i == chosen).to_string()
                                            disabled=!c.is_jwt()
                                            title=note.clone().unwrap_or_default()
                                            on:click=move |_| state.candidate.set(i)
                                        >
                                            <TokenText text=c.label.clone() />
                                        </button>
                                        {note.map(|n| view! { <span class="muted candidate-note">{n}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_are_elided_but_the_mark_is_kept() {
        let payload = "A".repeat(20_000);
        let token = format!("eyJhbGciOiJIUzI1NiJ9.{payload}*.sig");
        let r = runs(&jwt_core::token::decode(&token));
        let marked: Vec<_> = r.iter().filter(|r| r.marked).collect();
        assert_eq!(marked.len(), 1);
        assert_eq!(marked[0].text, "*");
        let long = r
            .iter()
            .find(|r| r.elided > 0)
            .expect("the payload run is elided");
        assert_eq!(long.text.len(), 2 * 1024);
        assert_eq!(long.elided, 20_000 - 2 * 1024);
    }
}

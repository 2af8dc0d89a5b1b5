//! Instants and durations as text: RFC 3339 in UTC, parsing of user-typed instants, and human durations.
//!
//! Written here rather than pulled from a date crate: the core needs only proleptic Gregorian
//! arithmetic on Unix seconds, and never reads a clock.

/// The earliest instant handled: 0001-01-01T00:00:00Z.
pub const MIN_INSTANT: i64 = -62_135_596_800;
/// The latest instant handled: 9999-12-31T23:59:59Z.
pub const MAX_INSTANT: i64 = 253_402_300_799;

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Formats Unix seconds as RFC 3339 in UTC (`2026-11-24T21:43:07Z`); `None` outside years 1–9999.
pub fn rfc3339(seconds: i64) -> Option<String> {
    rfc3339_exact(seconds, 0)
}

/// Writes `n` in decimal into `slot`, right-aligned and zero-padded (higher digits are dropped).
fn put_digits(slot: &mut [u8], mut n: u64) {
    for b in slot.iter_mut().rev() {
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// `n` in decimal, written into `digits` (room for every `u64`).
pub(crate) fn decimal(digits: &mut [u8; 20], n: u64) -> &str {
    put_digits(digits, n);
    let first = digits.iter().position(|&b| b != b'0').unwrap_or(19);
    std::str::from_utf8(&digits[first..]).unwrap_or_default()
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, n: u64) {
    out.push_str(decimal(&mut [0; 20], n));
}

/// An instant as the wall-clock time at a UTC offset, `offset_minutes` east of UTC:
/// `2026-12-02 00:44:17 (UTC+01:00)`. The page shows local time with it, given the browser's offset
/// for that instant, so it needs no locale data. `None` out of [`rfc3339`]'s range.
pub fn local_text(seconds: i64, offset_minutes: i32) -> Option<String> {
    let shifted = seconds.checked_add(i64::from(offset_minutes) * 60)?;
    let wall = rfc3339(shifted)?;
    let (sign, off) = if offset_minutes < 0 {
        ('-', offset_minutes.unsigned_abs())
    } else {
        ('+', offset_minutes.unsigned_abs())
    };
    Some(format!(
        "{} {} (UTC{sign}{:02}:{:02})",
        &wall[..10],
        &wall[11..19],
        off / 60,
        off % 60
    ))
}

/// [`rfc3339`] with a fraction of a second: `nanos` adds only the digits it needs
/// (`…T23:13:20.5Z`).
pub fn rfc3339_exact(seconds: i64, nanos: u32) -> Option<String> {
    if !(MIN_INSTANT..=MAX_INSTANT).contains(&seconds) {
        return None;
    }
    let secs = seconds.rem_euclid(86_400).unsigned_abs();
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    let fraction = if nanos < 1_000_000_000 { nanos } else { 0 };
    let mut text = *b"0000-00-00T00:00:00.000000000";
    let fields = [
        (y.unsigned_abs(), 0..4),
        (m.into(), 5..7),
        (d.into(), 8..10),
        (secs / 3600, 11..13),
        (secs / 60 % 60, 14..16),
        (secs % 60, 17..19),
        (fraction.into(), 20..29),
    ];
    for (n, at) in fields {
        put_digits(text.get_mut(at)?, n);
    }
    // Without a fraction the point goes; with one, only its trailing zeros.
    let end = match fraction {
        0 => 19,
        _ => text.len() - text.iter().rev().take_while(|&&b| b == b'0').count(),
    };
    let mut out = String::with_capacity(end + 1);
    out.push_str(std::str::from_utf8(text.get(..end)?).ok()?);
    out.push('Z');
    Some(out)
}

/// Why a typed instant could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstantError(pub String);

impl std::fmt::Display for InstantError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads an instant typed by a person: Unix seconds (`1700000000`) or RFC 3339
/// (`2026-11-24T21:43:07Z`, `2026-11-24 21:43:07+01:00`, fractional seconds ignored).
pub fn parse_instant(text: &str) -> Result<i64, InstantError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InstantError("no instant given".into()));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i64 = text
            .parse()
            .map_err(|_| InstantError(format!("{text} is too large to be a number of seconds")))?;
        if !(MIN_INSTANT..=MAX_INSTANT).contains(&seconds) {
            return Err(InstantError(format!(
                "{text} is outside the years 1 to 9999"
            )));
        }
        return Ok(seconds);
    }
    parse_rfc3339(text).ok_or_else(|| {
        InstantError(format!(
            "'{text}' is neither Unix seconds nor an RFC 3339 instant like 2026-11-24T21:43:07Z"
        ))
    })
}

fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(range)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut rest = &text[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let oh = rest[1..3].parse::<i64>().ok()?;
            let om = rest[4..6].parse::<i64>().ok()?;
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if year == 0
        || !(1..=12).contains(&month)
        || day == 0
        || day > month_days[month as usize - 1]
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    // A leap second (:60) is read as the following second.
    Some(
        days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)
            - offset,
    )
}

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const YEAR: u64 = 365 * DAY + DAY / 4;
const MONTH: u64 = YEAR / 12;
/// From this length on, durations are told in months and years, as people do.
const LONG: u64 = 28 * DAY;

/// Appends `n` and its unit, plural unless `n` is 1: "1 day", "3 days".
fn push_count(out: &mut String, n: u64, unit: &str) {
    push_number(out, n);
    out.push(' ');
    out.push_str(unit);
    if n != 1 {
        out.push('s');
    }
}

fn plural(n: u64, unit: &str) -> String {
    let mut out = String::new();
    push_count(&mut out, n, unit);
    out
}

/// A duration in its largest sensible unit, rounded down: "14 minutes", "3 days", "2 years".
pub fn humanize(seconds: u64) -> String {
    let mut out = String::new();
    push_humanized(&mut out, seconds);
    out
}

/// Appends [`humanize`]'s text.
pub(crate) fn push_humanized(out: &mut String, seconds: u64) {
    let (n, unit) = match seconds {
        s if s < MINUTE => (s, "second"),
        s if s < HOUR => (s / MINUTE, "minute"),
        s if s < 2 * DAY => (s / HOUR, "hour"),
        s if s < YEAR => (s / DAY, "day"),
        s => (s / YEAR, "year"),
    };
    push_count(out, n, unit);
}

/// Months and years for a long duration: "73 years", "1 year 2 months", "5 months", "1 month 3 d".
fn calendar(seconds: u64) -> String {
    let (years, months) = (seconds / YEAR, seconds % YEAR / MONTH);
    match (years, months) {
        (y, _) if y >= 2 => plural(y, "year"),
        (1, 0) => plural(1, "year"),
        (1, m) => format!("1 year {}", plural(m, "month")),
        (_, m) if m >= 2 => plural(m, "month"),
        // From four weeks to two months: "1 month", "1 month 12 d".
        _ => match seconds.saturating_sub(MONTH) / DAY {
            0 => plural(1, "month"),
            d => format!("1 month {d} d"),
        },
    }
}

/// A duration to the second in its two largest units: "13 min 20 s", "2 d 3 h", "45 s"; past four
/// weeks in months and years ("3 months", "73 years").
pub fn compact(seconds: u64) -> String {
    if seconds >= LONG {
        return calendar(seconds);
    }
    let units = [(DAY, "d"), (HOUR, "h"), (MINUTE, "min"), (1, "s")];
    let Some(first) = units.iter().position(|&(size, _)| seconds >= size) else {
        return "0 s".to_string();
    };
    let mut out = String::new();
    let mut rest = seconds;
    for (size, name) in units.into_iter().skip(first).take(2) {
        let n = rest / size;
        rest %= size;
        if n > 0 {
            if !out.is_empty() {
                out.push(' ');
            }
            push_number(&mut out, n);
            out.push(' ');
            out.push_str(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_text_shifts_the_wall_clock_and_names_the_offset() {
        // 2026-12-01T23:44:17Z
        let t = 1_796_168_657;
        assert_eq!(rfc3339(t).as_deref(), Some("2026-12-01T23:44:17Z"));
        assert_eq!(
            local_text(t, 0).as_deref(),
            Some("2026-12-01 23:44:17 (UTC+00:00)")
        );
        assert_eq!(
            local_text(t, 60).as_deref(),
            Some("2026-12-02 00:44:17 (UTC+01:00)")
        );
        assert_eq!(
            local_text(t, -570).as_deref(),
            Some("2026-12-01 14:14:17 (UTC-09:30)")
        );
        assert_eq!(
            local_text(t, 345).as_deref(),
            Some("2026-12-02 05:29:17 (UTC+05:45)")
        );
        assert_eq!(local_text(MAX_INSTANT, 60), None);
        assert_eq!(local_text(i64::MAX, 60), None);
    }

    #[test]
    fn rfc3339_known_instants() {
        assert_eq!(rfc3339(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_300_819_380).unwrap(), "2011-03-22T18:43:00Z");
        assert_eq!(rfc3339(951_782_400).unwrap(), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(-1).unwrap(), "1969-12-31T23:59:59Z");
        assert_eq!(rfc3339(MAX_INSTANT).unwrap(), "9999-12-31T23:59:59Z");
        assert_eq!(rfc3339(MIN_INSTANT).unwrap(), "0001-01-01T00:00:00Z");
        assert_eq!(rfc3339(MAX_INSTANT + 1), None);
        assert_eq!(rfc3339(i64::MIN), None);
    }

    #[test]
    fn parse_round_trips_every_day_across_leap_years() {
        let mut t = 946_684_800 - 3 * 365 * 86_400; // around 1997
        while t < 1_000_000_000 + 3 * 365 * 86_400 {
            let text = rfc3339(t + 3723).unwrap();
            assert_eq!(parse_instant(&text), Ok(t + 3723), "{text}");
            t += 86_400;
        }
    }

    #[test]
    fn parse_accepts_offsets_fractions_and_unix_seconds() {
        assert_eq!(
            parse_instant("2011-03-22T19:43:00+01:00"),
            Ok(1_300_819_380)
        );
        assert_eq!(parse_instant("2011-03-22 18:43:00.123z"), Ok(1_300_819_380));
        assert_eq!(parse_instant(" 1300819380 "), Ok(1_300_819_380));
        assert_eq!(parse_instant("-5"), Ok(-5));
    }

    #[test]
    fn parse_rejects_nonsense_with_a_reason() {
        for bad in [
            "",
            "tomorrow",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-01T00:00:00",
            "99999999999999999999",
            "2026-01-01T00:00:00+1:00",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
        assert!(parse_instant("tomorrow")
            .unwrap_err()
            .0
            .contains("RFC 3339"));
    }

    #[test]
    fn humanize_picks_the_largest_unit() {
        assert_eq!(humanize(0), "0 seconds");
        assert_eq!(humanize(1), "1 second");
        assert_eq!(humanize(14 * 60 + 59), "14 minutes");
        assert_eq!(humanize(90 * 60), "1 hour");
        assert_eq!(humanize(47 * 3600), "47 hours");
        assert_eq!(humanize(3 * 86_400 + 5), "3 days");
        assert_eq!(humanize(800 * 86_400), "2 years");
    }

    #[test]
    fn compact_shows_two_units() {
        assert_eq!(compact(0), "0 s");
        assert_eq!(compact(45), "45 s");
        assert_eq!(compact(800), "13 min 20 s");
        assert_eq!(compact(3600), "1 h");
        assert_eq!(compact(2 * 86_400 + 3 * 3600 + 59), "2 d 3 h");
        assert_eq!(compact(86_400 + 30), "1 d");
        assert_eq!(compact(27 * 86_400 + 5 * 3600), "27 d 5 h");
    }

    #[test]
    fn long_durations_use_months_and_years() {
        assert_eq!(compact(26_693 * 86_400 + 5 * 3600), "73 years");
        assert_eq!(compact(30 * 86_400), "1 month");
        assert_eq!(compact(35 * 86_400), "1 month 4 d");
        assert_eq!(compact(100 * 86_400), "3 months");
        assert_eq!(compact(YEAR), "1 year");
        assert_eq!(compact(YEAR + 70 * 86_400), "1 year 2 months");
        assert_eq!(compact(2 * YEAR + 300 * 86_400), "2 years");
    }

    #[test]
    fn fractions_keep_only_needed_digits() {
        assert_eq!(
            rfc3339_exact(1_700_003_600, 500_000_000).as_deref(),
            Some("2023-11-14T23:13:20.5Z")
        );
        assert_eq!(
            rfc3339_exact(1_700_003_600, 1_000).as_deref(),
            Some("2023-11-14T23:13:20.000001Z")
        );
        assert_eq!(
            rfc3339_exact(1_700_003_600, 0).as_deref(),
            Some("2023-11-14T23:13:20Z")
        );
    }
}

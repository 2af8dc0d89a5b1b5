//! Sets of ASCII bytes (the letters and digits and a few more), the check that every byte of a
//! text is in one, and the search for one byte: how a token's characters are checked and its
//! dots found before anything is decoded.
//!
//! Where WebAssembly's 128-bit vectors are enabled (the browser's size build), both take 16
//! bytes per step; elsewhere the check looks each byte up in a table and the search is the
//! standard library's.

/// ASCII letters and digits, and a few more bytes.
pub(crate) struct ByteSet {
    table: [bool; 256],
    /// The bytes besides letters and digits; at most [`ByteSet::MAX_OTHERS`]. (The vector
    /// check compares with them; the table holds them too.)
    #[cfg_attr(
        not(all(target_arch = "wasm32", target_feature = "simd128")),
        allow(dead_code)
    )]
    others: &'static [u8],
}

impl ByteSet {
    /// How many bytes besides letters and digits a set may hold.
    pub(crate) const MAX_OTHERS: usize = 6;

    /// The ASCII letters and digits, and `others`.
    pub(crate) const fn alphanumeric_and(others: &'static [u8]) -> Self {
        assert!(others.len() <= Self::MAX_OTHERS);
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        let mut i = 0;
        while i < others.len() {
            table[others[i] as usize] = true;
            i += 1;
        }
        ByteSet { table, others }
    }

    /// True when `b` is in the set.
    pub(crate) const fn contains(&self, b: u8) -> bool {
        self.table[b as usize]
    }

    /// True when every byte of `bytes` is in the set.
    pub(crate) fn contains_all(&self, bytes: &[u8]) -> bool {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let bytes = match simd::rest_after_blocks_in(self, bytes) {
            Some(rest) => rest,
            None => return false,
        };
        // 16 bytes at a time without a branch per byte, which lets the compiler pipeline the
        // table reads (a token's bytes are nearly always all in).
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            if !chunk.iter().fold(true, |ok, &b| ok & self.contains(b)) {
                return false;
            }
        }
        chunks.remainder().iter().all(|&b| self.contains(b))
    }
}

/// Where the first `needle` (an ASCII byte) is in `text`: with WebAssembly's vectors 16 bytes per
/// step, elsewhere the standard library's word-at-a-time search.
pub(crate) fn find_ascii(text: &str, needle: u8) -> Option<usize> {
    debug_assert!(needle.is_ascii());
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return simd::find(text.as_bytes(), needle);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    text.find(char::from(needle))
}

/// The base64url alphabet (RFC 4648 §5), without padding.
pub(crate) const BASE64URL: ByteSet = ByteSet::alphanumeric_and(b"-_");

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{
        u8x16_all_true, u8x16_bitmask, u8x16_eq, u8x16_lt, u8x16_splat, u8x16_sub, v128, v128_load,
        v128_or,
    };

    use super::ByteSet;

    /// Checks the whole 16-byte blocks of `bytes`: `None` when one of their bytes is out of
    /// `set`, else the bytes after the last whole block.
    ///
    /// Written without iterators or arrays of vectors: at opt-level "z" those stay calls and
    /// copies inside the loop.
    pub(super) fn rest_after_blocks_in<'a>(set: &ByteSet, bytes: &'a [u8]) -> Option<&'a [u8]> {
        // Unused places repeat a letter, which the letter range already admits.
        let other = |i: usize| u8x16_splat(set.others.get(i).copied().unwrap_or(b'a'));
        let (o0, o1, o2) = (other(0), other(1), other(2));
        let (o3, o4, o5) = (other(3), other(4), other(5));
        let mut at = 0;
        while bytes.len() - at >= 16 {
            // SAFETY: the 16 bytes from `at` are in `bytes`, and a WebAssembly load needs no
            // alignment.
            let v = unsafe { v128_load(bytes.as_ptr().add(at).cast::<v128>()) };
            // Setting bit 5 maps 'A'..='Z' onto 'a'..='z' and nothing else onto them.
            let lower = v128_or(v, u8x16_splat(0x20));
            let letter = u8x16_lt(u8x16_sub(lower, u8x16_splat(b'a')), u8x16_splat(26));
            let digit = u8x16_lt(u8x16_sub(v, u8x16_splat(b'0')), u8x16_splat(10));
            let others = v128_or(
                v128_or(u8x16_eq(v, o0), v128_or(u8x16_eq(v, o1), u8x16_eq(v, o2))),
                v128_or(u8x16_eq(v, o3), v128_or(u8x16_eq(v, o4), u8x16_eq(v, o5))),
            );
            if !u8x16_all_true(v128_or(v128_or(letter, digit), others)) {
                return None;
            }
            at += 16;
        }
        Some(&bytes[at..])
    }

    /// Where the first `needle` is in `bytes`.
    pub(super) fn find(bytes: &[u8], needle: u8) -> Option<usize> {
        let splat = u8x16_splat(needle);
        let mut at = 0;
        while bytes.len() - at >= 16 {
            // SAFETY: as in `rest_after_blocks_in`.
            let v = unsafe { v128_load(bytes.as_ptr().add(at).cast::<v128>()) };
            let found = u8x16_bitmask(u8x16_eq(v, splat));
            if found != 0 {
                return Some(at + found.trailing_zeros() as usize);
            }
            at += 16;
        }
        let rest = bytes[at..].iter().position(|&b| b == needle);
        rest.map(|p| at + p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: ByteSet = ByteSet::alphanumeric_and(b"-_=+/.");

    #[test]
    fn holds_letters_digits_and_the_others_only() {
        for b in 0..=255u8 {
            let expected = b.is_ascii_alphanumeric() || b"-_=+/.".contains(&b);
            assert_eq!(TOKEN.contains(b), expected, "byte {b:#04x}");
            assert_eq!(TOKEN.contains_all(&[b]), expected, "byte {b:#04x}");
            let expected = b.is_ascii_alphanumeric() || b"-_".contains(&b);
            assert_eq!(BASE64URL.contains(b), expected, "byte {b:#04x}");
        }
    }

    #[test]
    fn finds_the_first_of_a_byte_at_any_position() {
        for len in 0..72 {
            let text = "a".repeat(len);
            assert_eq!(find_ascii(&text, b'.'), None, "length {len}");
            for at in 0..len {
                let mut text = text.clone();
                text.replace_range(at..at + 1, ".");
                text.push('.');
                assert_eq!(find_ascii(&text, b'.'), Some(at), "length {len}");
            }
        }
    }

    #[test]
    fn sees_any_byte_out_at_any_position_of_any_length() {
        for len in 0..72 {
            let good: Vec<u8> = (0..len).map(|i| b"aZ09-_.+/="[i % 10]).collect();
            assert!(TOKEN.contains_all(&good), "all good, length {len}");
            for at in 0..len {
                for bad in [b' ', b'@', b'[', b'`', b'{', b'%', 0x80, 0xC1, 0xFF, 0] {
                    let mut text = good.clone();
                    text[at] = bad;
                    assert!(
                        !TOKEN.contains_all(&text),
                        "length {len}, {bad:#04x} at {at}"
                    );
                }
            }
        }
    }
}

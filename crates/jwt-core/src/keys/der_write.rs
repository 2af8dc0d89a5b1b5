//! A small DER writer: exactly what the exported key structures (SubjectPublicKeyInfo, PKCS#8,
//! PKCS#1, SEC 1) need. Every function returns one whole element, tag and length included, so
//! structures are built by nesting calls.

use super::der::tag;

/// One element: `tag`, the definite length in its shortest form, then `contents`.
pub fn tlv(tag: u8, contents: &[u8]) -> Vec<u8> {
    let len = contents.len();
    let mut out = Vec::with_capacity(contents.len() + 6);
    out.push(tag);
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let first = bytes
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(bytes.len() - 1);
        out.push(0x80 | (bytes.len() - first) as u8);
        out.extend_from_slice(&bytes[first..]);
    }
    out.extend_from_slice(contents);
    out
}

/// A SEQUENCE of already encoded elements.
pub fn sequence(elements: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &elements.concat())
}

/// A non-negative INTEGER from big-endian bytes: leading zeros dropped, one zero byte added when
/// the high bit is set (so that it is not read as negative). No bytes is the number zero.
pub fn unsigned_integer(bytes: &[u8]) -> Vec<u8> {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let digits = &bytes[first..];
    let mut contents = Vec::with_capacity(digits.len() + 1);
    if digits.first().is_none_or(|&b| b & 0x80 != 0) {
        contents.push(0);
    }
    contents.extend_from_slice(digits);
    tlv(tag::INTEGER, &contents)
}

/// A small INTEGER such as a version number.
pub fn small_integer(value: u8) -> Vec<u8> {
    unsigned_integer(&[value])
}

/// An OBJECT IDENTIFIER from its encoded contents.
pub fn oid(contents: &[u8]) -> Vec<u8> {
    tlv(tag::OID, contents)
}

/// NULL.
pub fn null() -> Vec<u8> {
    tlv(tag::NULL, &[])
}

/// An OCTET STRING.
pub fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, bytes)
}

/// A BIT STRING of whole bytes (no unused bits).
pub fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut contents = Vec::with_capacity(bytes.len() + 1);
    contents.push(0);
    contents.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &contents)
}

/// An explicit context-specific tag `[n]` around an encoded element (constructed).
pub fn explicit(n: u8, element: &[u8]) -> Vec<u8> {
    tlv(0xa0 | n, element)
}

#[cfg(test)]
mod tests {
    use super::super::der::{self, Reader};
    use super::*;

    #[test]
    fn lengths_are_shortest_form() {
        assert_eq!(tlv(0x04, &[]), [0x04, 0x00]);
        assert_eq!(tlv(0x04, &[7; 0x7f])[..2], [0x04, 0x7f]);
        assert_eq!(tlv(0x04, &[7; 0x80])[..3], [0x04, 0x81, 0x80]);
        assert_eq!(tlv(0x04, &[7; 0x1234])[..4], [0x04, 0x82, 0x12, 0x34]);
        // What is written reads back.
        let big = tlv(tag::SEQUENCE, &[0; 300]);
        assert_eq!(
            der::single(&big, tag::SEQUENCE, "x")
                .unwrap()
                .contents
                .len(),
            300
        );
    }

    #[test]
    fn integers_are_minimal_and_positive() {
        assert_eq!(unsigned_integer(&[]), [0x02, 0x01, 0x00]);
        assert_eq!(unsigned_integer(&[0, 0, 5]), [0x02, 0x01, 0x05]);
        assert_eq!(unsigned_integer(&[0x80]), [0x02, 0x02, 0x00, 0x80]);
        assert_eq!(small_integer(1), [0x02, 0x01, 0x01]);
        for bytes in [&[0x80u8, 1][..], &[1, 2, 3], &[0xff]] {
            let encoded = unsigned_integer(bytes);
            let mut r = Reader::new(&encoded);
            let read = r.read("n").unwrap().unsigned_integer("n").unwrap();
            assert_eq!(read, bytes);
        }
    }

    #[test]
    fn strings_and_tags() {
        assert_eq!(bit_string(&[1, 2]), [0x03, 0x03, 0x00, 1, 2]);
        assert_eq!(octet_string(&[9]), [0x04, 0x01, 9]);
        assert_eq!(null(), [0x05, 0x00]);
        assert_eq!(explicit(1, &null()), [0xa1, 0x02, 0x05, 0x00]);
        assert_eq!(
            sequence(&[&null(), &small_integer(0)]),
            [0x30, 0x05, 0x05, 0x00, 0x02, 0x01, 0x00]
        );
    }
}

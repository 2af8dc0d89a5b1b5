//! A small DER reader: exactly what public keys (SPKI, PKCS#1), X.509 certificates and the
//! recognition of private keys (PKCS#8, PKCS#1, SEC 1) need, with byte positions in errors.
//!
//! It reads definite-length, single-byte-tag TLVs and refuses everything DER forbids that matters
//! here (indefinite and non-minimal lengths, negative key integers). It does not validate what it
//! skips, such as certificate extensions.

/// Universal tags used by key formats.
pub mod tag {
    /// INTEGER.
    pub const INTEGER: u8 = 0x02;
    /// BIT STRING.
    pub const BIT_STRING: u8 = 0x03;
    /// OCTET STRING.
    pub const OCTET_STRING: u8 = 0x04;
    /// NULL.
    pub const NULL: u8 = 0x05;
    /// OBJECT IDENTIFIER.
    pub const OID: u8 = 0x06;
    /// UTF8String.
    pub const UTF8_STRING: u8 = 0x0c;
    /// PrintableString.
    pub const PRINTABLE_STRING: u8 = 0x13;
    /// TeletexString (T61String).
    pub const T61_STRING: u8 = 0x14;
    /// IA5String.
    pub const IA5_STRING: u8 = 0x16;
    /// UTCTime.
    pub const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime.
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// UniversalString (UTF-32BE).
    pub const UNIVERSAL_STRING: u8 = 0x1c;
    /// BMPString (UTF-16BE).
    pub const BMP_STRING: u8 = 0x1e;
    /// SEQUENCE (constructed).
    pub const SEQUENCE: u8 = 0x30;
    /// SET (constructed).
    pub const SET: u8 = 0x31;
}

/// Why DER could not be read, at which byte of the whole DER input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerError {
    /// Zero-based offset of the byte at fault.
    pub offset: usize,
    /// The reason in words.
    pub message: String,
}

impl DerError {
    fn at(offset: usize, message: impl Into<String>) -> Self {
        DerError {
            offset,
            message: message.into(),
        }
    }
}

/// One tag-length-value element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The tag byte.
    pub tag: u8,
    /// Offset of the tag byte in the whole input.
    pub offset: usize,
    /// Offset of the first content byte in the whole input.
    pub content_offset: usize,
    /// The contents.
    pub contents: &'a [u8],
    /// The whole element, tag and length included.
    pub raw: &'a [u8],
}

impl<'a> Tlv<'a> {
    /// A reader over the contents of this (constructed) element.
    pub fn reader(&self) -> Reader<'a> {
        Reader {
            data: self.contents,
            pos: 0,
            base: self.content_offset,
        }
    }

    /// Fails unless the tag is `expected`; `what` names the element for the message.
    pub fn expect(self, expected: u8, what: &str) -> Result<Self, DerError> {
        if self.tag == expected {
            Ok(self)
        } else {
            Err(DerError::at(
                self.offset,
                format!(
                    "expected {what} ({}), found {}",
                    tag_name(expected),
                    tag_name(self.tag)
                ),
            ))
        }
    }

    /// The contents of a non-negative INTEGER without leading zero bytes (at least one byte).
    pub fn unsigned_integer(&self, what: &str) -> Result<&'a [u8], DerError> {
        let bytes = self.expect(tag::INTEGER, what)?.contents;
        match bytes {
            [] => Err(DerError::at(
                self.offset,
                format!("{what} is an empty INTEGER"),
            )),
            [b, ..] if b & 0x80 != 0 => Err(DerError::at(
                self.content_offset,
                format!("{what} is negative"),
            )),
            [0, rest @ ..] if !rest.is_empty() => {
                if rest[0] & 0x80 == 0 {
                    return Err(DerError::at(
                        self.content_offset,
                        format!("{what} has a needless leading zero byte (not DER)"),
                    ));
                }
                Ok(rest)
            }
            _ => Ok(bytes),
        }
    }

    /// The bytes of a BIT STRING with no unused bits.
    pub fn bit_string_bytes(&self, what: &str) -> Result<&'a [u8], DerError> {
        let bytes = self.expect(tag::BIT_STRING, what)?.contents;
        match bytes {
            [] => Err(DerError::at(self.offset, format!("{what} is empty"))),
            [0, rest @ ..] => Ok(rest),
            [n, ..] => Err(DerError::at(
                self.content_offset,
                format!("{what} has {n} unused bits; a key is a whole number of bytes"),
            )),
        }
    }
}

/// Reads consecutive elements from a slice of DER.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over a whole DER input (offsets count from its start).
    pub fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            base: 0,
        }
    }

    /// True when every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// Offset of the next byte in the whole input.
    pub fn offset(&self) -> usize {
        self.base + self.pos
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Reads the next element; `what` names it for the message.
    pub fn read(&mut self, what: &str) -> Result<Tlv<'a>, DerError> {
        let start = self.pos;
        let offset = self.offset();
        let Some(&tag) = self.data.get(start) else {
            return Err(DerError::at(
                offset,
                format!("{what} is missing: the data ends here"),
            ));
        };
        if tag & 0x1f == 0x1f {
            return Err(DerError::at(
                offset,
                "multi-byte tags are not used by key formats",
            ));
        }
        let Some(&first) = self.data.get(start + 1) else {
            return Err(DerError::at(
                offset + 1,
                "the length is missing: the data ends here",
            ));
        };
        let (len, header) = match first {
            0x80 => {
                return Err(DerError::at(
                    offset + 1,
                    "indefinite length (BER) is not allowed in DER",
                ))
            }
            n if n < 0x80 => (usize::from(n), 2),
            n => {
                let count = usize::from(n & 0x7f);
                if count > 4 {
                    return Err(DerError::at(
                        offset + 1,
                        "the length does not fit in 4 bytes",
                    ));
                }
                let Some(bytes) = self.data.get(start + 2..start + 2 + count) else {
                    return Err(DerError::at(offset + 1, "the length runs past the end"));
                };
                let len = bytes
                    .iter()
                    .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
                if bytes[0] == 0 || len < 0x80 {
                    return Err(DerError::at(
                        offset + 1,
                        "the length is not in its shortest form (not DER)",
                    ));
                }
                (len, 2 + count)
            }
        };
        let content_start = start + header;
        let end = content_start
            .checked_add(len)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| {
                DerError::at(
                    offset + 1,
                    format!(
                        "length {len} runs past the end ({} bytes left)",
                        self.data.len() - content_start.min(self.data.len())
                    ),
                )
            })?;
        self.pos = end;
        Ok(Tlv {
            tag,
            offset,
            content_offset: self.base + content_start,
            contents: &self.data[content_start..end],
            raw: &self.data[start..end],
        })
    }

    /// Reads the next element and checks its tag.
    pub fn expect(&mut self, expected: u8, what: &str) -> Result<Tlv<'a>, DerError> {
        self.read(what)?.expect(expected, what)
    }

    /// Fails when bytes are left over after the last expected element.
    pub fn finish(&self, what: &str) -> Result<(), DerError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(DerError::at(
                self.offset(),
                format!(
                    "{} unexpected bytes after the end of {what}",
                    self.data.len() - self.pos
                ),
            ))
        }
    }
}

/// Reads a whole input that must be exactly one element with tag `expected`.
pub fn single<'a>(data: &'a [u8], expected: u8, what: &str) -> Result<Tlv<'a>, DerError> {
    let mut r = Reader::new(data);
    let tlv = r.expect(expected, what)?;
    r.finish(what)?;
    Ok(tlv)
}

/// A name for a tag, for messages.
pub fn tag_name(tag: u8) -> String {
    match tag {
        0x01 => "BOOLEAN".into(),
        tag::INTEGER => "INTEGER".into(),
        tag::BIT_STRING => "BIT STRING".into(),
        tag::OCTET_STRING => "OCTET STRING".into(),
        tag::NULL => "NULL".into(),
        tag::OID => "OBJECT IDENTIFIER".into(),
        tag::UTF8_STRING => "UTF8String".into(),
        tag::PRINTABLE_STRING => "PrintableString".into(),
        tag::IA5_STRING => "IA5String".into(),
        tag::UTC_TIME => "UTCTime".into(),
        tag::GENERALIZED_TIME => "GeneralizedTime".into(),
        tag::SEQUENCE => "SEQUENCE".into(),
        tag::SET => "SET".into(),
        t if t & 0xc0 == 0x80 => format!("context tag [{}]", t & 0x1f),
        t => format!("tag 0x{t:02x}"),
    }
}

/// Dotted text of an OBJECT IDENTIFIER's contents, e.g. `1.2.840.113549.1.1.1`.
pub fn oid_text(contents: &[u8]) -> String {
    let mut arcs: Vec<u128> = Vec::new();
    let mut value: u128 = 0;
    for &b in contents {
        value = (value << 7) | u128::from(b & 0x7f);
        if b & 0x80 == 0 {
            arcs.push(value);
            value = 0;
        }
        if value > u128::MAX >> 8 {
            return "(an over-long OID)".into();
        }
    }
    let Some(&first) = arcs.first() else {
        return "(an empty OID)".into();
    };
    let (a, b) = match first {
        0..=39 => (0, first),
        40..=79 => (1, first - 40),
        _ => (2, first - 80),
    };
    std::iter::once(a.to_string())
        .chain(std::iter::once(b.to_string()))
        .chain(arcs[1..].iter().map(u128::to_string))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_lengths() {
        let mut data = vec![0x30, 0x81, 0x80];
        data.extend(std::iter::repeat_n(0u8, 0x80));
        let t = single(&data, tag::SEQUENCE, "a sequence").unwrap();
        assert_eq!(t.contents.len(), 0x80);
        assert_eq!(t.content_offset, 3);
        let t = single(&[0x02, 0x01, 0x05], tag::INTEGER, "n").unwrap();
        assert_eq!(t.unsigned_integer("n").unwrap(), [5]);
    }

    #[test]
    fn errors_name_the_byte() {
        let e = single(&[0x30, 0x05, 0x02, 0x01], tag::SEQUENCE, "x").unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(e.message.contains("runs past the end"), "{}", e.message);
        let e = single(&[0x30, 0x80, 0, 0], tag::SEQUENCE, "x").unwrap_err();
        assert!(e.message.contains("indefinite"));
        let e = single(&[0x30, 0x81, 0x05, 0, 0, 0, 0, 0], tag::SEQUENCE, "x").unwrap_err();
        assert!(e.message.contains("shortest form"));
        let e = single(&[0x30, 0x00, 0x00], tag::SEQUENCE, "x").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(e.message.contains("unexpected bytes"));
        let e = single(&[0x02, 0x01, 0x05], tag::SEQUENCE, "the key").unwrap_err();
        assert_eq!(e.message, "expected the key (SEQUENCE), found INTEGER");
        assert!(single(&[], tag::SEQUENCE, "x")
            .unwrap_err()
            .message
            .contains("missing"));
    }

    #[test]
    fn integers_are_positive_and_minimal() {
        let int = |b: &[u8]| {
            let mut d = vec![0x02, b.len() as u8];
            d.extend_from_slice(b);
            single(&d, tag::INTEGER, "n")
                .unwrap()
                .unsigned_integer("n")
                .map(<[u8]>::to_vec)
        };
        assert_eq!(int(&[0x00, 0x80]).unwrap(), [0x80]);
        assert_eq!(int(&[0x00]).unwrap(), [0x00]);
        assert!(int(&[0x80]).unwrap_err().message.contains("negative"));
        assert!(int(&[0x00, 0x01])
            .unwrap_err()
            .message
            .contains("leading zero"));
        assert!(int(&[]).unwrap_err().message.contains("empty"));
    }

    #[test]
    fn oids_in_dotted_form() {
        assert_eq!(
            oid_text(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]),
            "1.2.840.113549.1.1.1"
        );
        assert_eq!(oid_text(&[0x2b, 0x65, 0x70]), "1.3.101.112");
        assert_eq!(oid_text(&[]), "(an empty OID)");
    }
}

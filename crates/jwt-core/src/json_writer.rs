//! A pretty JSON writer for the report and the verdicts: `serde_json`'s pretty layout (two-space
//! indent, `": "`, empty containers as `{}` and `[]`), byte for byte.
//!
//! The report is mostly long strings (the token, the payload as written and as laid out), and
//! the payload's are JSON, an escape every few bytes. At opt-level "z" every append and range
//! index is a call, so output goes through a stack buffer ([`Gather`]) a word or a byte at a
//! time without a branch on the byte, a long clean run is appended at once, and a document's
//! pretty text is laid out already escaped ([`DISPLAY_ESCAPED`]): natively the report text of a
//! 4 KB token takes 19 µs instead of 42 µs.
//! A test and the `inspect` fuzz target compare the output with `serde_json::to_string_pretty`.

use std::fmt;

use serde::ser::{self, Serialize};

/// A serializer's integer methods, each handing its number to `$write` (serde asks for one
/// method per integer type).
macro_rules! integer_methods {
    ($ok:ty => $write:path; $($method:ident: $t:ty),* $(,)?) => {
        $(fn $method(self, v: $t) -> Result<$ok, Error> {
            $write(self, v.into())
        })*
    };
}

/// `Compound`'s implementations of serde's array-like traits, one per `Trait::method`.
macro_rules! array_impls {
    ($($tr:ident::$method:ident),* $(,)?) => {
        $(impl ser::$tr for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close(b']');
                Ok(())
            }
        })*
    };
}

/// `value` as pretty JSON, laid out as `serde_json::to_string_pretty` lays it out.
pub fn to_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    to_pretty_sized(value, 1024)
}

/// [`to_pretty`] into an output of `capacity` bytes to start with.
pub(crate) fn to_pretty_sized<T: Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> Result<String, Error> {
    let mut writer = Writer {
        out: Gather::with_capacity(capacity),
        depth: 0,
        display_escaped: false,
    };
    value.serialize(&mut writer)?;
    into_text(writer.out.finish())
}

/// The name of a newtype struct whose value is written with `collect_str` by a `Display` that,
/// formatted with `{:#}`, writes its text already escaped as a JSON string's content: the
/// document's pretty text is then laid out and escaped in one pass. Other serializers see a
/// newtype struct, write its value, and so the plain text escaped.
pub(crate) const DISPLAY_ESCAPED: &str = "$jwt_core::DisplayEscaped";

/// `text` as a JSON string literal, quotes included (the escapes `serde_json` writes).
pub fn string_literal(text: &str) -> String {
    let mut out = Gather::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    into_text(out.finish()).unwrap_or_default()
}

/// The written bytes as text: they are whole `str`s and ASCII escapes, so always UTF-8.
fn into_text(out: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(out).map_err(|e| Error(e.to_string()))
}

/// Why a value could not be written: only map keys that are not strings, numbers or unit
/// variants, or a type's own serializer refusing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

/// Bytes a JSON string cannot hold as they are: controls, the quote and the backslash.
const fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// How many of the eight bytes of little-endian word `w` come before the first that needs an
/// escape.
///
/// `(w - k) & !w & HIGH` has its lowest set bit in the first byte below `k` (a borrow can only
/// mark bytes above it), so the lowest bit of the three tests is the first byte that is a
/// control, a quote or a backslash.
fn clean_prefix(w: u64) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, k: u8| w.wrapping_sub(LOW * u64::from(k)) & !w & HIGH;
    let marks = below(w, 0x20) | below(w ^ (LOW * 0x22), 1) | below(w ^ (LOW * 0x5c), 1);
    (marks.trailing_zeros() / 8) as usize
}

/// The index of the first byte of `bytes` that needs an escape, eight bytes at a time.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut start = 0;
    for word in words.by_ref() {
        let clean = clean_prefix(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        if clean < 8 {
            return Some(start + clean);
        }
        start += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| needs_escape(b))
        .map(|i| start + i)
}

/// How many bytes [`Gather`] holds before appending them.
const BUFFER: usize = 256;

/// Output gathered in a stack buffer and appended to a `Vec` a buffer at a time: text made of
/// many short pieces and escapes (a report holds JSON inside strings) then costs one append per
/// [`BUFFER`] bytes, not one or two per piece.
pub(crate) struct Gather {
    out: Vec<u8>,
    /// [`BUFFER`] bytes and room for a word stored at its last byte.
    buf: [u8; BUFFER + 8],
    len: usize,
}

impl Gather {
    /// An empty output with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Gather {
            out: Vec::with_capacity(capacity),
            buf: [0; BUFFER + 8],
            len: 0,
        }
    }

    /// Appends `bytes` as they are.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        if self.len + bytes.len() > BUFFER {
            self.flush();
            if bytes.len() > BUFFER {
                self.out.extend_from_slice(bytes);
                return;
            }
        }
        let Gather { buf, len, .. } = self;
        // A loop, not a copy call (a call costs more than a short piece); the mask tells the
        // compiler the index is in the buffer, as the room was made above.
        for &b in bytes {
            buf[*len & 0xff] = b;
            *len += 1;
        }
    }

    /// Appends two spaces per level of `depth`.
    pub(crate) fn indent(&mut self, depth: usize) {
        const SPACES: &[u8; 32] = &[b' '; 32];
        let mut width = 2 * depth;
        while width > 0 {
            let n = width.min(SPACES.len());
            self.push(&SPACES[..n]);
            width -= n;
        }
    }

    /// The bytes written.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.out
    }

    /// Appends `bytes` escaped as a JSON string's content (the escapes `serde_json` writes).
    ///
    /// A long clean start is appended at once. The rest goes through the buffer in a loop
    /// without calls (at opt-level "z" a range index is a call, a byte's is not): eight bytes
    /// stored at once, of which those before the first escape are kept, then one byte.
    pub(crate) fn push_escaped(&mut self, bytes: &[u8]) {
        /// Clean text at least this long is appended at once.
        const LONG: usize = 32;
        let mut i = 0;
        if bytes.len() >= LONG {
            let clean = first_escape(bytes).unwrap_or(bytes.len());
            if clean >= LONG {
                self.flush();
                self.out.extend_from_slice(&bytes[..clean]);
                i = clean;
            }
        }
        let Gather { out, buf, len } = self;
        let mut at = *len;
        while i < bytes.len() {
            // Room for a word and an escape.
            if at + 16 > BUFFER {
                out.extend_from_slice(&buf[..at]);
                at = 0;
            }
            if let Some(word) = load_word(bytes, i) {
                store_word(buf, at, word);
                let clean = clean_prefix(word);
                at += clean;
                i += clean;
                if clean == 8 {
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            // Without a branch on the byte (escapes in JSON text are too frequent and irregular
            // to predict): the byte, or a backslash and its escape letter.
            let short = ESCAPES[usize::from(b)];
            if short == b'u' {
                buf[at..at + 6].copy_from_slice(&hex_escape(b));
                at += 6;
                continue;
            }
            let escaped = u8::from(short != 0);
            buf[at] = b ^ ((b ^ b'\\') & escaped.wrapping_neg());
            buf[at + 1] = short;
            at += 1 + usize::from(escaped);
        }
        *len = at;
    }

    fn flush(&mut self) {
        self.out.extend_from_slice(&self.buf[..self.len]);
        self.len = 0;
    }
}

impl fmt::Write for Gather {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

/// For each byte, the letter of its escape after the backslash, `u` for `\u00XX`; 0 for bytes
/// written as they are.
const ESCAPES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// The `\u00XX` escape of a control byte.
fn hex_escape(b: u8) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
    [b'\\', b'u', b'0', b'0', hex[0], hex[1]]
}

/// The eight bytes of `bytes` from `i` as a little-endian word, if there are eight. Byte by
/// byte after one length check: the compiler makes it one load (a range index would be a call
/// at opt-level "z").
fn load_word(bytes: &[u8], i: usize) -> Option<u64> {
    if i + 8 > bytes.len() {
        return None;
    }
    Some(u64::from_le_bytes([
        bytes[i],
        bytes[i + 1],
        bytes[i + 2],
        bytes[i + 3],
        bytes[i + 4],
        bytes[i + 5],
        bytes[i + 6],
        bytes[i + 7],
    ]))
}

/// Stores `word` in `buf` at `at`, byte by byte at indices the compiler sees are in the buffer,
/// so that it makes them one store.
fn store_word(buf: &mut [u8; BUFFER + 8], at: usize, word: u64) {
    let at = at % BUFFER;
    let [b0, b1, b2, b3, b4, b5, b6, b7] = word.to_le_bytes();
    buf[at] = b0;
    buf[at + 1] = b1;
    buf[at + 2] = b2;
    buf[at + 3] = b3;
    buf[at + 4] = b4;
    buf[at + 5] = b5;
    buf[at + 6] = b6;
    buf[at + 7] = b7;
}

/// Appends `text` as a JSON string literal.
fn push_string(out: &mut Gather, text: &str) {
    out.push(b"\"");
    out.push_escaped(text.as_bytes());
    out.push(b"\"");
}

/// Appends `name` as a member name: its string literal and `: `.
fn push_name(out: &mut Gather, name: &str) {
    out.push(b"\"");
    out.push_escaped(name.as_bytes());
    out.push(b"\": ");
}

/// The output and the current nesting depth.
struct Writer {
    out: Gather,
    depth: usize,
    /// Set inside a [`DISPLAY_ESCAPED`] newtype: its `collect_str` writes its text as it is.
    display_escaped: bool,
}

impl Writer {
    /// Writes a signed integer as its decimal text.
    fn signed(&mut self, n: i64) -> Result<(), Error> {
        if n < 0 {
            self.out.push(b"-");
        }
        self.unsigned(n.unsigned_abs())
    }

    /// Writes an unsigned integer as its decimal text, without the formatting machinery.
    fn unsigned(&mut self, n: u64) -> Result<(), Error> {
        self.out
            .push(crate::clock_text::decimal(&mut [0; 20], n).as_bytes());
        Ok(())
    }

    /// Writes a 128-bit integer (the report holds none) as its decimal text.
    fn wide(&mut self, n: impl fmt::Display) -> Result<(), Error> {
        use fmt::Write;
        // Writing to a Gather cannot fail.
        let _ = write!(self.out, "{n}");
        Ok(())
    }

    /// Opens an array or object.
    fn open(&mut self, bracket: u8) -> Compound<'_> {
        self.out.push(&[bracket]);
        self.depth += 1;
        Compound {
            writer: self,
            first: true,
        }
    }

    /// The comma, line break and indent before a member or element.
    fn new_line(&mut self, first: bool) {
        self.break_after(!first);
    }

    /// A line break and the current depth's indent.
    fn line_break(&mut self) {
        self.break_after(false);
    }

    /// A comma if asked, a line break and the indent, appended as one piece up to
    /// [`Writer::SHALLOW`] levels deep (a report is mostly line breaks and short pieces).
    fn break_after(&mut self, comma: bool) {
        /// A comma, a line break and the indent of [`Writer::SHALLOW`] levels.
        const BREAK: &[u8; 2 + 2 * Writer::SHALLOW] = &{
            let mut text = [b' '; 2 + 2 * Writer::SHALLOW];
            text[0] = b',';
            text[1] = b'\n';
            text
        };
        let start = usize::from(!comma);
        if self.depth <= Self::SHALLOW {
            self.out.push(&BREAK[start..2 + 2 * self.depth]);
        } else {
            self.out.push(&BREAK[start..2]);
            self.out.indent(self.depth);
        }
    }

    /// How deep [`Writer::break_after`] indents in one piece.
    const SHALLOW: usize = 16;
}

/// An array or object being written.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.new_line(self.first);
        self.first = false;
        value.serialize(&mut *self.writer)
    }

    fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        self.writer.new_line(self.first);
        self.first = false;
        push_name(&mut self.writer.out, name);
        value.serialize(&mut *self.writer)
    }
}

/// A struct variant: `{ "Variant": { ... } }`, the outer object open around the inner one.
struct VariantCompound<'a>(Compound<'a>);

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = VariantCompound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = VariantCompound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(if v { b"true" } else { b"false" });
        Ok(())
    }
    integer_methods!(() => Writer::signed;
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64);
    integer_methods!(() => Writer::unsigned;
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.wide(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.wide(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        // The report holds no floating-point numbers; writing them as serde_json does would need
        // its shortest-digits algorithm, so they are refused rather than written differently.
        Err(Error("floating-point numbers are not written".to_string()))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_string(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(name)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.display_escaped = name == DISPLAY_ESCAPED;
        let written = value.serialize(&mut *self);
        self.display_escaped = false;
        written
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        if !std::mem::take(&mut self.display_escaped) {
            return self.serialize_str(&value.to_string());
        }
        use fmt::Write;
        self.out.push(b"\"");
        // Writing to a Gather cannot fail.
        let _ = write!(self.out, "{value:#}");
        self.out.push(b"\"");
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open(b'{');
        object.member(name, value)?;
        object.close(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<VariantCompound<'a>, Error> {
        self.variant_open(name, b'[')
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<VariantCompound<'a>, Error> {
        self.variant_open(name, b'{')
    }
}

impl<'a> Writer {
    /// Opens `{ "name": ` and then the inner container.
    fn variant_open(&'a mut self, name: &str, bracket: u8) -> Result<VariantCompound<'a>, Error> {
        self.out.push(b"{");
        self.depth += 1;
        self.new_line(true);
        push_string(&mut self.out, name);
        self.out.push(b": ");
        Ok(VariantCompound(self.open(bracket)))
    }
}

impl VariantCompound<'_> {
    fn close(self, bracket: u8) {
        let writer = self.0.close(bracket);
        // The outer object always holds its one member.
        writer.depth -= 1;
        writer.line_break();
        writer.out.push(b"}");
    }
}

impl<'a> Compound<'a> {
    /// Ends the container, handing the writer back.
    fn close(self, bracket: u8) -> &'a mut Writer {
        let Compound { writer, first } = self;
        writer.depth -= 1;
        if !first {
            writer.line_break();
        }
        writer.out.push(&[bracket]);
        writer
    }
}

// Sequences, tuples and tuple structs are all arrays.
array_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for VariantCompound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.writer.new_line(self.first);
        self.first = false;
        let name = key.serialize(KeyName)?;
        push_name(&mut self.writer.out, &name);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(name, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for VariantCompound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.member(name, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

/// Turns a map key into its name: strings and unit variants as they are, integers and booleans
/// as their text (as `serde_json` does); anything else is an error.
struct KeyName;

impl KeyName {
    /// An integer key's name: its decimal text.
    fn integer(self, n: i128) -> Result<String, Error> {
        Ok(n.to_string())
    }
    fn refuse() -> Error {
        Error("a map key must be a string, a number or a boolean".to_string())
    }
}

impl ser::Serializer for KeyName {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    integer_methods!(String => KeyName::integer;
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<String, Error> {
        Ok(name.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(Self::refuse())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Self::refuse())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Self::refuse())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Self::refuse())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Self::refuse())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Self::refuse())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(Self::refuse())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Self::refuse())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same_as_serde_json<T: Serialize>(value: &T) {
        let expected = serde_json::to_string_pretty(value).unwrap();
        assert_eq!(to_pretty(value).unwrap(), expected);
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Vec<u8>, b: Option<bool> },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind")]
    enum Tagged {
        One { x: u64 },
    }

    #[derive(Serialize)]
    struct Inner {
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        none: Option<u8>,
    }

    #[derive(Serialize)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        shapes: Vec<Shape>,
        tagged: Tagged,
        nested: Vec<Vec<Vec<u8>>>,
        numbers: (i8, i64, u64, i128, u128),
        text: String,
        ch: char,
        unit: (),
        keys: BTreeMap<u32, &'static str>,
    }

    #[test]
    fn lays_out_every_shape_as_serde_json_does() {
        let mut keys = BTreeMap::new();
        keys.insert(7, "seven");
        keys.insert(1, "one");
        same_as_serde_json(&Outer {
            inner: Inner {
                empty_list: vec![],
                empty_map: BTreeMap::new(),
                none: None,
            },
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(9),
                Shape::Tuple(-3, "t".into()),
                Shape::Struct {
                    a: vec![],
                    b: Some(true),
                },
                Shape::Struct {
                    a: vec![1, 2],
                    b: None,
                },
            ],
            tagged: Tagged::One { x: 1 },
            nested: vec![vec![], vec![vec![], vec![0]]],
            numbers: (i8::MIN, i64::MIN, u64::MAX, i128::MIN, u128::MAX),
            text: "quote \" backslash \\ controls \u{0}\u{1f}\u{8}\u{c}\n\r\t del \u{7f} é 🙂"
                .into(),
            ch: '"',
            unit: (),
            keys,
        });
        same_as_serde_json(&Vec::<u8>::new());
        same_as_serde_json(&"top-level string");
        same_as_serde_json(&Shape::Struct { a: vec![], b: None });
    }

    #[test]
    fn indents_every_depth_as_serde_json_does() {
        // Around the depth up to which a line break and its indent are one piece, and past it.
        for depth in [0, 1, 15, 16, 17, 40] {
            // No numbers: with `arbitrary_precision` serde_json serializes them as a private map.
            let mut value = serde_json::json!({"leaf": [true, {"k": "v"}], "after": null});
            for level in 0..depth {
                value = if level % 2 == 0 {
                    serde_json::json!([value, level.to_string()])
                } else {
                    serde_json::json!({"inner": value, "level": level.to_string()})
                };
            }
            same_as_serde_json(&value);
        }
    }

    #[test]
    fn writes_integers_as_serde_json_does() {
        let signed = [0, 1, -1, 10, -10, 100, 1_700_000_000, i64::MAX, i64::MIN];
        let unsigned = [0, 9, 10, 1_000_000_007, u64::from(u32::MAX), u64::MAX];
        same_as_serde_json(&(signed, unsigned, -7i8, 65_535u16, i32::MIN, usize::MAX));
    }

    #[test]
    fn escapes_at_every_position_of_a_chunk() {
        // A byte that needs an escape before, inside and after the 16-byte chunks, with clean
        // non-ASCII text around it.
        for len in 0..40 {
            for at in 0..len {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut text: Vec<char> = "aé🙂b".chars().cycle().take(len).collect();
                    text[at] = special;
                    let text: String = text.into_iter().collect();
                    assert_eq!(
                        string_literal(&text),
                        serde_json::to_string(&text).unwrap(),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn escape_dense_text_is_written_as_serde_json_writes_it() {
        // JSON text inside a string: a quote every few bytes, runs of every length from 0 to 40
        // (between escapes, and across the eight-byte scan), with multi-byte characters.
        let mut text = String::new();
        for run in 0..40 {
            text.push_str(&"aé🙂".repeat(run / 3));
            text.push_str(&"x".repeat(run % 3));
            text.push(['"', '\\', '\n', '\u{7}'][run % 4]);
        }
        let pretty = "{\n  \"a\": \"é\\\"🙂\",\n  \"b\": [1, \"\\\\x\"]\n}";
        for sample in [text.as_str(), pretty] {
            assert_eq!(
                string_literal(sample),
                serde_json::to_string(sample).unwrap()
            );
        }
    }

    #[test]
    fn refuses_floats_and_compound_keys() {
        assert!(to_pretty(&1.5f64).is_err());
        let mut map = BTreeMap::new();
        map.insert(vec![1u8], 1u8);
        assert!(to_pretty(&map).is_err());
    }
}

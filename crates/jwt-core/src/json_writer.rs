//! A pretty JSON writer for the report and the verdicts: `serde_json`'s pretty layout (two-space
//! indent, `": "`, empty containers as `{}` and `[]`), byte for byte, with strings escaped in bulk.
//!
//! The report is mostly long strings (the token, the payload as written and as laid out), and
//! `serde_json` looks at them one byte at a time and writes every run between escapes through
//! `io::Write`. Here a string is checked eight bytes at a time and each clean run is copied at
//! once: natively the report text of a 4 KB token takes 30 µs instead of 40 µs.
//! A test and the `inspect` fuzz target compare the output with `serde_json::to_string_pretty`.

use std::fmt;

use serde::ser::{self, Serialize};

/// A serializer's integer methods, each handing its number to `$write` (serde asks for one
/// method per integer type).
macro_rules! integer_methods {
    ($ok:ty => $write:path; $($method:ident: $t:ty),* $(,)?) => {
        $(fn $method(self, v: $t) -> Result<$ok, Error> {
            $write(self, v)
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
                self.close(']');
                Ok(())
            }
        })*
    };
}

/// `value` as pretty JSON, laid out as `serde_json::to_string_pretty` lays it out.
pub fn to_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut writer = Writer {
        out: String::with_capacity(1024),
        depth: 0,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// `text` as a JSON string literal, quotes included (the escapes `serde_json` writes).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
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

/// The index of the first byte of `bytes` that needs an escape, eight bytes at a time.
///
/// In each little-endian word, `(w - k) & !w & HIGH` has its lowest set bit in the first byte
/// below `k` (a borrow can only mark bytes above it), so the lowest bit of the three tests is
/// the first byte that is a control, a quote or a backslash.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, k: u8| w.wrapping_sub(LOW * u64::from(k)) & !w & HIGH;
    let mut words = bytes.chunks_exact(8);
    let mut start = 0;
    for word in words.by_ref() {
        let mut b = [0; 8];
        b.copy_from_slice(word);
        let w = u64::from_le_bytes(b);
        let marks = below(w, 0x20) | below(w ^ (LOW * 0x22), 1) | below(w ^ (LOW * 0x5c), 1);
        if marks != 0 {
            return Some(start + (marks.trailing_zeros() / 8) as usize);
        }
        start += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| needs_escape(b))
        .map(|i| start + i)
}

/// Appends `text` as a JSON string literal.
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    while let Some(i) = first_escape(rest.as_bytes()) {
        // `i` is at an ASCII byte, so both halves are whole characters.
        out.push_str(&rest[..i]);
        push_escape(out, rest.as_bytes()[i]);
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// Appends the escape of one byte that [`needs_escape`].
fn push_escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x08 => "\\b",
        0x0c => "\\f",
        _ => {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
            return;
        }
    };
    out.push_str(short);
}

/// The output and the current nesting depth.
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    /// Writes an integer as its decimal text.
    fn number(&mut self, n: impl fmt::Display) -> Result<(), Error> {
        use fmt::Write;
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{n}");
        Ok(())
    }

    /// Opens an array or object.
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        self.depth += 1;
        Compound {
            writer: self,
            first: true,
        }
    }

    /// The line break and indent before a member or element.
    fn new_line(&mut self, first: bool) {
        self.out.push_str(if first { "\n" } else { ",\n" });
        self.indent();
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
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
        push_string(&mut self.writer.out, name);
        self.writer.out.push_str(": ");
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
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integer_methods!(() => Writer::number;
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128);
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
        self.out.push_str("null");
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
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open('{');
        object.member(name, value)?;
        object.close('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
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
        self.variant_open(name, '[')
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<VariantCompound<'a>, Error> {
        self.variant_open(name, '{')
    }
}

impl<'a> Writer {
    /// Opens `{ "name": ` and then the inner container.
    fn variant_open(&'a mut self, name: &str, bracket: char) -> Result<VariantCompound<'a>, Error> {
        self.out.push('{');
        self.depth += 1;
        self.new_line(true);
        push_string(&mut self.out, name);
        self.out.push_str(": ");
        Ok(VariantCompound(self.open(bracket)))
    }
}

impl VariantCompound<'_> {
    fn close(self, bracket: char) {
        let writer = self.0.close(bracket);
        // The outer object always holds its one member.
        writer.depth -= 1;
        writer.out.push('\n');
        writer.indent();
        writer.out.push('}');
    }
}

impl<'a> Compound<'a> {
    /// Ends the container, handing the writer back.
    fn close(self, bracket: char) -> &'a mut Writer {
        let Compound { writer, first } = self;
        writer.depth -= 1;
        if !first {
            writer.out.push('\n');
            writer.indent();
        }
        writer.out.push(bracket);
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
        self.close(']');
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
        push_string(&mut self.writer.out, &name);
        self.writer.out.push_str(": ");
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}');
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
        self.close('}');
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
        self.close('}');
        Ok(())
    }
}

/// Turns a map key into its name: strings and unit variants as they are, integers and booleans
/// as their text (as `serde_json` does); anything else is an error.
struct KeyName;

impl KeyName {
    /// An integer key's name: its decimal text.
    fn integer(self, n: impl fmt::Display) -> Result<String, Error> {
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

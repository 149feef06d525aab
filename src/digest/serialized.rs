//! A value written as bytes that tell apart every value serde can show:
//! each value is preceded by a tag saying what it is, texts and bytes by
//! their length, and lists, maps and structs are closed by a tag of their
//! own. Two values are written alike only if serde shows them alike, so a
//! digest of the bytes stands for the value (a template's context, say).
//! Unlike JSON, nothing is escaped and a float is written whole (a `NaN`
//! is not `null`).

use serde::ser::{self, Serialize};

/// Writes `value` at the end of `out`; `None` if it cannot be serialized.
pub fn write(value: &(impl Serialize + ?Sized), out: &mut Vec<u8>) -> Option<()> {
    value.serialize(&mut Writer(out)).ok()
}

struct Writer<'a>(&'a mut Vec<u8>);

/// Why a value could not be written: a `Serialize` that failed.
#[derive(Debug)]
struct Failed;

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not serializable")
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Failed
    }
}

/// What a value is.
#[repr(u8)]
enum Tag {
    Bool = 1,
    Int,
    Uint,
    Float,
    Char,
    Str,
    Bytes,
    None,
    Some,
    Unit,
    UnitStruct,
    UnitVariant,
    NewtypeStruct,
    NewtypeVariant,
    Seq,
    Tuple,
    TupleStruct,
    TupleVariant,
    Map,
    Struct,
    StructVariant,
    /// The end of a list, map or struct.
    End,
}

impl Writer<'_> {
    fn tag(&mut self, tag: Tag) {
        self.0.push(tag as u8);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn variant(&mut self, tag: Tag, name: &str, index: u32, variant: &str) {
        self.tag(tag);
        self.bytes(name.as_bytes());
        self.0.extend_from_slice(&index.to_le_bytes());
        self.bytes(variant.as_bytes());
    }
}

type Done = Result<(), Failed>;

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = Failed;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.tag(Tag::Bool);
        self.0.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i128(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i128(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i128(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.serialize_i128(v.into())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.tag(Tag::Int);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u128(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u128(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u128(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.serialize_u128(v.into())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.tag(Tag::Uint);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.tag(Tag::Float);
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.tag(Tag::Char);
        self.0.extend_from_slice(&u32::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.tag(Tag::Str);
        self.bytes(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.tag(Tag::Bytes);
        self.bytes(v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(Tag::None);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.tag(Tag::Some);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(Tag::Unit);
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Done {
        self.tag(Tag::UnitStruct);
        self.bytes(name.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(self, name: &'static str, index: u32, variant: &'static str) -> Done {
        self.variant(Tag::UnitVariant, name, index, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Done {
        self.tag(Tag::NewtypeStruct);
        self.bytes(name.as_bytes());
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.variant(Tag::NewtypeVariant, name, index, variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Failed> {
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::Tuple);
        Ok(self)
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::TupleStruct);
        self.bytes(name.as_bytes());
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        self.variant(Tag::TupleVariant, name, index, variant);
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Failed> {
        self.tag(Tag::Map);
        Ok(self)
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::Struct);
        self.bytes(name.as_bytes());
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        self.variant(Tag::StructVariant, name, index, variant);
        Ok(self)
    }
}

/// The parts of a list, tuple, map or struct, each written in turn; the
/// end written when they are all.
macro_rules! compound {
    ($trait:ident, $method:ident $(, $key:ident)?) => {
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = Failed;
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: &'static str,)? value: &T) -> Done {
                $(ser::Serializer::serialize_str(&mut **self, $key)?;)?
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeStruct, serialize_field, key);
compound!(SerializeStructVariant, serialize_field, key);

impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = Failed;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(value: &impl Serialize) -> Vec<u8> {
        let mut out = Vec::new();
        write(value, &mut out).unwrap();
        out
    }

    #[test]
    fn values_a_template_shows_apart_are_written_apart() {
        use serde_json::json;
        let apart = [
            json!(true),
            json!(1),
            json!(1.0),
            json!(-1),
            json!("1"),
            json!(null),
            json!([]),
            json!({}),
            json!([1]),
            json!([[1]]),
            json!([[], 1]),
            json!([[1], []]),
            json!({"a": 1}),
            json!({"a": "1"}),
            json!({"a1": []}),
            json!(["a", "1"]),
            json!(["a1"]),
            json!(["a\"", "b"]),
        ];
        for (i, a) in apart.iter().enumerate() {
            for b in &apart[i + 1..] {
                assert_ne!(bytes(a), bytes(b), "{a} and {b}");
            }
        }
        assert_ne!(bytes(&Some(f64::NAN)), bytes(&None::<f64>));
        assert_eq!(
            bytes(&json!({"a": [1, "x"]})),
            bytes(&json!({"a": [1, "x"]}))
        );
    }
}

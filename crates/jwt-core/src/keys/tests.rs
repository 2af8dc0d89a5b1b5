//! Unit tests of the key reader.

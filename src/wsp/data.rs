//! The octets of a part or a body: borrowed from the decoded input, owned,
//! or a shared [`Bytes`] buffer that encoding hands on without copying.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

use bytes::Bytes;

/// Part or body octets.
///
/// ```
/// use bytes::Bytes;
/// use mms_pdu::wsp::Data;
/// let shared: Data<'static> = Bytes::from_static(b"jpeg").into();
/// let borrowed: Data<'_> = (&b"jpeg"[..]).into();
/// assert_eq!(shared, borrowed);
/// assert_eq!(&shared[..2], b"jp");
/// ```
#[derive(Clone)]
pub enum Data<'a> {
    /// Borrowed from the decoded input.
    Borrowed(&'a [u8]),
    /// Owned.
    Owned(Vec<u8>),
    /// A shared buffer: cloning and vectored encoding do not copy it.
    Shared(Bytes),
}

impl<'a> Data<'a> {
    /// A copy that owns its octets (a shared buffer stays shared).
    pub fn into_owned(self) -> Data<'static> {
        match self {
            Data::Borrowed(b) => Data::Owned(b.to_vec()),
            Data::Owned(v) => Data::Owned(v),
            Data::Shared(b) => Data::Shared(b),
        }
    }
    /// The octets as [`Bytes`]: a shared buffer without copying, others copied.
    pub fn to_bytes(&self) -> Bytes {
        match self {
            Data::Shared(b) => b.clone(),
            other => Bytes::copy_from_slice(other),
        }
    }
    /// Shares borrowed octets that lie inside `buf` as slices of it.
    pub fn share_from(self, buf: &Bytes) -> Data<'static> {
        match self {
            Data::Borrowed(b) if crate::offset_of(buf, b).is_some() => {
                Data::Shared(buf.slice_ref(b))
            }
            other => other.into_owned(),
        }
    }
}

impl Default for Data<'_> {
    fn default() -> Self {
        Data::Borrowed(&[])
    }
}

impl Deref for Data<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Data::Borrowed(b) => b,
            Data::Owned(v) => v,
            Data::Shared(b) => b,
        }
    }
}

impl AsRef<[u8]> for Data<'_> {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl PartialEq for Data<'_> {
    fn eq(&self, other: &Self) -> bool {
        self[..] == other[..]
    }
}

impl Eq for Data<'_> {}

impl Hash for Data<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self[..].hash(h)
    }
}

impl fmt::Debug for Data<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 16;
        write!(f, "Data({} octets", self.len())?;
        if !self.is_empty() {
            write!(f, ": {:02x?}", &self[..self.len().min(SHOWN)])?;
            if self.len() > SHOWN {
                f.write_str("…")?;
            }
        }
        f.write_str(")")
    }
}

impl<'a> From<&'a [u8]> for Data<'a> {
    fn from(b: &'a [u8]) -> Self {
        Data::Borrowed(b)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Data<'a> {
    fn from(b: &'a [u8; N]) -> Self {
        Data::Borrowed(b)
    }
}

impl From<Vec<u8>> for Data<'_> {
    fn from(v: Vec<u8>) -> Self {
        Data::Owned(v)
    }
}

impl From<Bytes> for Data<'_> {
    fn from(b: Bytes) -> Self {
        Data::Shared(b)
    }
}

impl<'a> From<Cow<'a, [u8]>> for Data<'a> {
    fn from(c: Cow<'a, [u8]>) -> Self {
        match c {
            Cow::Borrowed(b) => Data::Borrowed(b),
            Cow::Owned(v) => Data::Owned(v),
        }
    }
}

impl<'a> From<&'a str> for Data<'a> {
    fn from(s: &'a str) -> Self {
        Data::Borrowed(s.as_bytes())
    }
}

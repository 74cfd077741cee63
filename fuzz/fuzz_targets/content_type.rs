//! The WSP value rules one by one: `ContentType::decode`, the
//! encoded-string-value and every other public `wsp::parse_*` rule, each
//! checked to re-encode (where the crate has an encoder) to octets that
//! parse to the same value; decoded text goes through `charset::decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::wsp::{self, charset, Charset, ContentType};
use mms_pdu_fuzz::check_error;

fn content_type(data: &[u8]) {
    let ct = match ContentType::decode(data) {
        Ok(ct) => ct,
        Err(e) => return check_error(&e, data),
    };
    assert!(ct.params().len() <= mms_pdu::Limits::DEFAULT.max_parameters);
    let _ = (ct.media().name(), ct.media().is_multipart(), ct.charset());
    for p in ct.params() {
        let _ = (p.name.name(), p.value.to_text());
    }
    ct.validate().expect("a decoded content type is valid");
    let bytes = ct.to_vec();
    assert_eq!(bytes.len(), ct.encoded_len());
    let back = ContentType::decode(&bytes).expect("a re-encoded content type decodes");
    assert_eq!(back, ct, "{bytes:02x?}");
    assert_eq!(back.to_vec(), bytes);
    if let Some(m) = ct.to_mime() {
        let from = ContentType::from_mime(&m);
        from.validate()
            .expect("a content type from a Mime is valid");
        ContentType::decode(&from.to_vec()).expect("a content type from a Mime decodes");
    }
}

fn encoded_string(data: &[u8]) {
    let s = match wsp::parse_encoded_string_value(data) {
        Ok((s, _)) => s,
        Err(e) => return check_error(&e, data),
    };
    let _ = (s.to_string_lossy(), s.as_str(), format!("{s:?}"));
    let _ = charset::decode(s.charset(), s.as_bytes());
    if let Ok(d) = s.decode_text() {
        // Whatever was read encodes back untagged or as utf-8 (a NUL
        // cannot be written untagged; the charset form is then needed).
        if !d.text.contains('\0') {
            wsp::encoded_string(&d.text, None).expect("utf-8 holds any text");
        }
    }
    s.validate()
        .expect("a decoded encoded-string-value is valid");
    let mut out = Vec::new();
    s.encode(&mut out);
    assert_eq!(out.len(), s.encoded_len());
    let (back, rest) = wsp::parse_encoded_string_value(&out).expect("re-encoded, it parses");
    assert!(rest.is_empty());
    assert_eq!(back, s, "{out:02x?}");
}

fn integers(data: &[u8]) {
    if let Ok((v, _)) = wsp::parse_uintvar(data) {
        let mut out = Vec::new();
        wsp::put_uintvar(v, &mut out);
        assert_eq!(out.len(), wsp::uintvar_len(v));
        assert_eq!(wsp::parse_uintvar(&out).unwrap().0, v);
    }
    if let Ok((v, _)) = wsp::parse_short_integer(data) {
        assert!(v < 0x80);
    }
    if let Ok((v, _)) = wsp::parse_long_integer(data) {
        let mut out = Vec::new();
        wsp::put_long_integer(v, &mut out);
        assert_eq!(out.len(), wsp::long_integer_len(v));
        assert_eq!(wsp::parse_long_integer(&out).unwrap().0, v);
    }
    if let Ok((v, _)) = wsp::parse_integer_value(data) {
        let mut out = Vec::new();
        wsp::put_integer_value(v, &mut out);
        assert_eq!(out.len(), wsp::integer_value_len(v));
        assert_eq!(wsp::parse_integer_value(&out).unwrap().0, v);
    }
    let _ = wsp::parse_date_value(data);
    let _ = wsp::parse_delta_seconds_value(data);
    if let Ok((region, rest)) = wsp::parse_value_length(data) {
        assert!(region.len() + rest.len() < data.len());
        let len = u32::try_from(region.len()).expect("a region of the input fits 32 bits");
        let mut out = Vec::new();
        wsp::put_value_length(len, &mut out);
        assert_eq!(out.len(), wsp::value_length_len(len));
        out.extend_from_slice(region);
        assert_eq!(wsp::parse_value_length(&out).unwrap().0, region);
    }
    if let Ok((cs, _)) = wsp::parse_charset(data) {
        let _ = (cs.name(), format!("{cs:?} {cs}"));
        let mut out = Vec::new();
        cs.encode(&mut out);
        assert_eq!(out.len(), cs.encoded_len());
        assert_eq!(wsp::parse_charset(&out).unwrap().0, cs);
    }
}

fn texts(data: &[u8]) {
    if let Ok((t, _)) = wsp::parse_text_string(data) {
        assert!(!t.as_bytes().contains(&0));
        let mut out = Vec::new();
        t.put_text_string(&mut out);
        assert_eq!(out.len(), t.text_string_len());
        assert_eq!(wsp::parse_text_string(&out).unwrap(), (t, &[][..]));
    }
    if let Ok((t, _)) = wsp::parse_token_text(data) {
        assert!(!t.as_bytes().contains(&0));
    }
    if let Ok((t, _)) = wsp::parse_quoted_string(data) {
        let mut out = Vec::new();
        t.put_quoted_string(&mut out);
        assert_eq!(wsp::parse_quoted_string(&out).unwrap(), (t, &[][..]));
    }
    let _ = wsp::parse_extension_media(data);
    if let Ok((v, _)) = wsp::parse_text_value(data) {
        let mut out = Vec::new();
        v.encode(&mut out);
        assert_eq!(out.len(), v.encoded_len());
        assert_eq!(wsp::parse_text_value(&out).unwrap(), (v, &[][..]));
    }
}

/// The octets read in a charset picked by the first two octets, so that
/// the encoding_rs tables see arbitrary input.
fn any_charset(data: &[u8]) {
    let [a, b, text @ ..] = data else { return };
    let cs = Charset(u32::from(u16::from_be_bytes([*a, *b]) % 2100));
    if let Ok(d) = charset::decode(Some(cs), text) {
        let _ = charset::encode(&d.text, cs);
    }
    let _ = charset::decode(None, text);
}

fuzz_target!(|data: &[u8]| {
    content_type(data);
    encoded_string(data);
    integers(data);
    texts(data);
    any_charset(data);
});

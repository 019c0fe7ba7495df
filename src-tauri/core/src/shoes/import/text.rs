//! The text of an XML run file as UTF-8, whichever Unicode encoding its byte-order mark names.

use std::borrow::Cow;

/// `bytes` as UTF-8 without a byte-order mark: UTF-16 (little or big endian, named by its
/// mark) is converted; `None` if UTF-16 holds an unpaired surrogate.
pub fn utf8(bytes: &[u8]) -> Option<Cow<'_, [u8]>> {
    let utf16 = |big: bool| -> Option<Cow<'_, [u8]>> {
        let units = bytes[2..].chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let text: Result<String, _> = char::decode_utf16(units).collect();
        text.ok().map(|t| Cow::Owned(declared_utf8(t).into_bytes()))
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => Some(Cow::Borrowed(rest)),
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => Some(Cow::Borrowed(bytes)),
    }
}

/// The text with its XML declaration's encoding named as the UTF-8 it now is.
fn declared_utf8(text: String) -> String {
    let Some(end) = text.starts_with("<?xml").then(|| text.find("?>")).flatten() else {
        return text;
    };
    let declaration = text[..end].replace("UTF-16", "UTF-8").replace("utf-16", "utf-8");
    declaration + &text[end..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_name_the_encoding() {
        assert_eq!(utf8(b"\xEF\xBB\xBF<a/>").unwrap().as_ref(), b"<a/>");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "<?xml encoding=\"UTF-16\"?><é/>"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(utf8(&le).unwrap().as_ref(), "<?xml encoding=\"UTF-8\"?><é/>".as_bytes());
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("<b/>".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(utf8(&be).unwrap().as_ref(), b"<b/>");
        assert!(utf8(&[0xFF, 0xFE, 0x00, 0xD8]).is_none(), "an unpaired surrogate");
        assert_eq!(utf8(b"<c/>").unwrap().as_ref(), b"<c/>");
    }
}

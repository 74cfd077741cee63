//! Assigned-number tables of WAP-230 (WSP) used by both the decoder and the encoder.
//!
//! Every table is sorted by its numeric code and holds each code at most once,
//! so a lookup by code may use a binary search. Names are not unique in
//! [`WELL_KNOWN_HEADERS`] (several headers were re-assigned a new code in a
//! later encoding version); an encoder looking a code up by name has to pick
//! the code that suits the encoding version in use (see that table's notes).
//! Header names, media types and charset names are all case-insensitive on
//! the wire side, so name lookups should compare without regard to case.
//!
//! Where these values were checked: Wireshark `epan/dissectors/packet-wsp.c`
//! and `epan/iana_charsets.c`, AOSP `WspTypeDecoder.java` and
//! `PduContentTypes.java`, Firefox OS `WspPduHelper.jsm`; the details are in
//! the notes on each table.

/// One list of assigned numbers, written once: the `(code, name, …)` table
/// that decoder, encoder and dump read, and the named constants of the
/// code's type for the rows that carry `const NAME =`. `Type => Ctor`
/// makes each constant `Ctor(code)` of type `Type` (a newtype);
/// `Owner => u8` makes it a plain `u8` associated with `Owner`.
macro_rules! named_codes {
    (
        $(#[$td:meta])*
        $vis:vis const $table:ident: $tt:ty = $owner:ty => u8 {
            $( $( $(#[$d:meta])* const $konst:ident = )? ($code:literal, $name:literal $(, $extra:literal)*), )*
        }
    ) => {
        $(#[$td])*
        $vis const $table: $tt = &[$(($code, $name $(, $extra)*)),*];
        impl $owner {
            $($( $(#[$d])* pub const $konst: u8 = $code; )?)*
        }
    };
    (
        $(#[$td:meta])*
        $vis:vis const $table:ident: $tt:ty = $ty:ty => $ctor:path {
            $( $( $(#[$d:meta])* const $konst:ident = )? ($code:literal, $name:literal $(, $extra:literal)*), )*
        }
    ) => {
        $(#[$td])*
        $vis const $table: $tt = &[$(($code, $name $(, $extra)*)),*];
        impl $ty {
            $($( $(#[$d])* pub const $konst: $ty = $ctor($code); )?)*
        }
    };
}
pub(crate) use named_codes;

use super::Charset;

/// WAP-230 Appendix A Table 40 + the WINA registry additions: well-known media (content type) codes.
///
/// Codes up to 0x7F travel as a Short-integer; the registry's extension codes
/// (0x0201 and up) need the Integer-value (Long-integer) form.
///
/// * 0x00–0x4D: as Wireshark's `vals_content_types`, except 0x0A and 0x16.
///   Those carry the WINA registry names `text/vnd.wap.wta-event` and
///   `application/vnd.wap.wta-eventc`, as AOSP and Firefox OS have them;
///   WAP-230's own Table 40 (as transcribed by Wireshark and by a Pascal WAP
///   library) names the same codes `text/vnd.wap.channel` and
///   `application/vnd.wap.channelc`, so an encoder may want to accept those
///   two names as aliases. 0x0E is `multipart/byteranges` as in WAP-230 and
///   Wireshark (the registry page carries the typo `multipart/byterantes`,
///   which AOSP and Firefox OS copied).
/// * 0x4E–0x54: WINA additions, present in AOSP `WspTypeDecoder` and Firefox
///   OS `WspPduHelper` (AOSP's MMS `PduContentTypes` stops at 0x52).
/// * 0x55–0x58 and 0x5A: WINA additions found in Firefox OS only (plus an
///   independent Elixir WSP codec for 0x55–0x58); 0x59 is not assigned in any
///   source seen. Few peers know codes above 0x52, so an encoder is better off
///   sending those media types as text.
/// * 0x0201–0x020C, 0x0300, 0x0301: third-party registrations as listed by
///   Wireshark (0x0201 spelled `cacheop`, as in the registry, AOSP and IANA;
///   Wireshark has `cachop`).
/// * 0x0302–0x031B: further third-party registrations from AOSP
///   `WspTypeDecoder` (0x0319 is registered with the vendor tree misspelled
///   `vnc.`; kept as registered).
pub(crate) const WELL_KNOWN_MEDIA: &[(u16, &str)] = &[
    (0x00, "*/*"),
    (0x01, "text/*"),
    (0x02, "text/html"),
    (0x03, "text/plain"),
    (0x04, "text/x-hdml"),
    (0x05, "text/x-ttml"),
    (0x06, "text/x-vCalendar"),
    (0x07, "text/x-vCard"),
    (0x08, "text/vnd.wap.wml"),
    (0x09, "text/vnd.wap.wmlscript"),
    (0x0A, "text/vnd.wap.wta-event"),
    (0x0B, "multipart/*"),
    (0x0C, "multipart/mixed"),
    (0x0D, "multipart/form-data"),
    (0x0E, "multipart/byteranges"),
    (0x0F, "multipart/alternative"),
    (0x10, "application/*"),
    (0x11, "application/java-vm"),
    (0x12, "application/x-www-form-urlencoded"),
    (0x13, "application/x-hdmlc"),
    (0x14, "application/vnd.wap.wmlc"),
    (0x15, "application/vnd.wap.wmlscriptc"),
    (0x16, "application/vnd.wap.wta-eventc"),
    (0x17, "application/vnd.wap.uaprof"),
    (0x18, "application/vnd.wap.wtls-ca-certificate"),
    (0x19, "application/vnd.wap.wtls-user-certificate"),
    (0x1A, "application/x-x509-ca-cert"),
    (0x1B, "application/x-x509-user-cert"),
    (0x1C, "image/*"),
    (0x1D, "image/gif"),
    (0x1E, "image/jpeg"),
    (0x1F, "image/tiff"),
    (0x20, "image/png"),
    (0x21, "image/vnd.wap.wbmp"),
    (0x22, "application/vnd.wap.multipart.*"),
    (0x23, "application/vnd.wap.multipart.mixed"),
    (0x24, "application/vnd.wap.multipart.form-data"),
    (0x25, "application/vnd.wap.multipart.byteranges"),
    (0x26, "application/vnd.wap.multipart.alternative"),
    (0x27, "application/xml"),
    (0x28, "text/xml"),
    (0x29, "application/vnd.wap.wbxml"),
    (0x2A, "application/x-x968-cross-cert"),
    (0x2B, "application/x-x968-ca-cert"),
    (0x2C, "application/x-x968-user-cert"),
    (0x2D, "text/vnd.wap.si"),
    (0x2E, "application/vnd.wap.sic"),
    (0x2F, "text/vnd.wap.sl"),
    (0x30, "application/vnd.wap.slc"),
    (0x31, "text/vnd.wap.co"),
    (0x32, "application/vnd.wap.coc"),
    (0x33, "application/vnd.wap.multipart.related"),
    (0x34, "application/vnd.wap.sia"),
    (0x35, "text/vnd.wap.connectivity-xml"),
    (0x36, "application/vnd.wap.connectivity-wbxml"),
    (0x37, "application/pkcs7-mime"),
    (0x38, "application/vnd.wap.hashed-certificate"),
    (0x39, "application/vnd.wap.signed-certificate"),
    (0x3A, "application/vnd.wap.cert-response"),
    (0x3B, "application/xhtml+xml"),
    (0x3C, "application/wml+xml"),
    (0x3D, "text/css"),
    (0x3E, "application/vnd.wap.mms-message"),
    (0x3F, "application/vnd.wap.rollover-certificate"),
    (0x40, "application/vnd.wap.locc+wbxml"),
    (0x41, "application/vnd.wap.loc+xml"),
    (0x42, "application/vnd.syncml.dm+wbxml"),
    (0x43, "application/vnd.syncml.dm+xml"),
    (0x44, "application/vnd.syncml.notification"),
    (0x45, "application/vnd.wap.xhtml+xml"),
    (0x46, "application/vnd.wv.csp.cir"),
    (0x47, "application/vnd.oma.dd+xml"),
    (0x48, "application/vnd.oma.drm.message"),
    (0x49, "application/vnd.oma.drm.content"),
    (0x4A, "application/vnd.oma.drm.rights+xml"),
    (0x4B, "application/vnd.oma.drm.rights+wbxml"),
    (0x4C, "application/vnd.wv.csp+xml"),
    (0x4D, "application/vnd.wv.csp+wbxml"),
    (0x4E, "application/vnd.syncml.ds.notification"),
    (0x4F, "audio/*"),
    (0x50, "video/*"),
    (0x51, "application/vnd.oma.dd2+xml"),
    (0x52, "application/mikey"),
    (0x53, "application/vnd.oma.dcd"),
    (0x54, "application/vnd.oma.dcdc"),
    (0x55, "text/x-vMessage"),
    (0x56, "application/vnd.omads-email+wbxml"),
    (0x57, "text/x-vBookmark"),
    (0x58, "application/vnd.syncml.dm.notification"),
    (0x5A, "application/octet-stream"),
    (0x0201, "application/vnd.uplanet.cacheop-wbxml"),
    (0x0202, "application/vnd.uplanet.signal"),
    (0x0203, "application/vnd.uplanet.alert-wbxml"),
    (0x0204, "application/vnd.uplanet.list-wbxml"),
    (0x0205, "application/vnd.uplanet.listcmd-wbxml"),
    (0x0206, "application/vnd.uplanet.channel-wbxml"),
    (0x0207, "application/vnd.uplanet.provisioning-status-uri"),
    (0x0208, "x-wap.multipart/vnd.uplanet.header-set"),
    (0x0209, "application/vnd.uplanet.bearer-choice-wbxml"),
    (0x020A, "application/vnd.phonecom.mmc-wbxml"),
    (0x020B, "application/vnd.nokia.syncset+wbxml"),
    (0x020C, "image/x-up-wpng"),
    (0x0300, "application/iota.mmc-wbxml"),
    (0x0301, "application/iota.mmc-xml"),
    (0x0302, "application/vnd.syncml+xml"),
    (0x0303, "application/vnd.syncml+wbxml"),
    (0x0304, "text/vnd.wap.emn+xml"),
    (0x0305, "text/calendar"),
    (0x0306, "application/vnd.omads-email+xml"),
    (0x0307, "application/vnd.omads-file+xml"),
    (0x0308, "application/vnd.omads-folder+xml"),
    (0x0309, "text/directory;profile=vCard"),
    (0x030A, "application/vnd.wap.emn+wbxml"),
    (0x030B, "application/vnd.nokia.ipdc-purchase-response"),
    (0x030C, "application/vnd.motorola.screen3+xml"),
    (0x030D, "application/vnd.motorola.screen3+gzip"),
    (0x030E, "application/vnd.cmcc.setting+wbxml"),
    (0x030F, "application/vnd.cmcc.bombing+wbxml"),
    (0x0310, "application/vnd.docomo.pf"),
    (0x0311, "application/vnd.docomo.ub"),
    (0x0312, "application/vnd.omaloc-supl-init"),
    (0x0313, "application/vnd.oma.group-usage-list+xml"),
    (0x0314, "application/oma-directory+xml"),
    (0x0315, "application/vnd.docomo.pf2"),
    (0x0316, "application/vnd.oma.drm.roap-trigger+wbxml"),
    (0x0317, "application/vnd.sbm.mid2"),
    (0x0318, "application/vnd.wmf.bootstrap"),
    (0x0319, "application/vnc.cmcc.dcd+xml"),
    (0x031A, "application/vnd.sbm.cid"),
    (0x031B, "application/vnd.oma.bcast.provisioningtrigger"),
];

/// WAP-230 Appendix A Table 39: well-known header field names (WSP 1.1–1.4 + WINA: 0x00 Accept … 0x4A X-Wap-Loc-Delivery).
///
/// Checked against Wireshark's `vals_field_names` (0x00–0x4A), MediaTek's
/// `MtkWspTypeDecoder` table and a Pascal transcription of Table 39
/// (0x00–0x47), which all agree. The encoding version that first
/// assigned each code is given in the comments. Four headers were given a new
/// code in a later encoding version and the old one deprecated; their names
/// appear twice:
///
/// | header              | old code (version) | new code (version) |
/// |---------------------|--------------------|--------------------|
/// | Accept-Charset      | 0x01 (1.1)         | 0x3B (1.3)         |
/// | Accept-Encoding     | 0x02 (1.1)         | 0x3C (1.3)         |
/// | Cache-Control       | 0x08 (1.1), 0x3D (1.3) | 0x47 (1.4)     |
/// | Content-Range       | 0x10 (1.1)         | 0x3E (1.3)         |
/// | Content-Disposition | 0x2E (1.1)         | 0x45 (1.4)         |
/// | Profile-Warning     | 0x37 (1.2)         | 0x44 (1.4)         |
/// | Expect              | 0x38 (1.3)         | 0x48 (1.5)         |
///
/// A decoder accepts every code; an encoder must not use a code newer than
/// the encoding version it may assume for the peer, so a name-based lookup
/// cannot simply take the first or the last match.
pub(crate) const WELL_KNOWN_HEADERS: &[(u8, &str)] = &[
    // Encoding version 1.1
    (0x00, "Accept"),
    (0x01, "Accept-Charset"),
    (0x02, "Accept-Encoding"),
    (0x03, "Accept-Language"),
    (0x04, "Accept-Ranges"),
    (0x05, "Age"),
    (0x06, "Allow"),
    (0x07, "Authorization"),
    (0x08, "Cache-Control"),
    (0x09, "Connection"),
    (0x0A, "Content-Base"),
    (0x0B, "Content-Encoding"),
    (0x0C, "Content-Language"),
    (0x0D, "Content-Length"),
    (0x0E, "Content-Location"),
    (0x0F, "Content-MD5"),
    (0x10, "Content-Range"),
    (0x11, "Content-Type"),
    (0x12, "Date"),
    (0x13, "ETag"),
    (0x14, "Expires"),
    (0x15, "From"),
    (0x16, "Host"),
    (0x17, "If-Modified-Since"),
    (0x18, "If-Match"),
    (0x19, "If-None-Match"),
    (0x1A, "If-Range"),
    (0x1B, "If-Unmodified-Since"),
    (0x1C, "Location"),
    (0x1D, "Last-Modified"),
    (0x1E, "Max-Forwards"),
    (0x1F, "Pragma"),
    (0x20, "Proxy-Authenticate"),
    (0x21, "Proxy-Authorization"),
    (0x22, "Public"),
    (0x23, "Range"),
    (0x24, "Referer"),
    (0x25, "Retry-After"),
    (0x26, "Server"),
    (0x27, "Transfer-Encoding"),
    (0x28, "Upgrade"),
    (0x29, "User-Agent"),
    (0x2A, "Vary"),
    (0x2B, "Via"),
    (0x2C, "Warning"),
    (0x2D, "WWW-Authenticate"),
    (0x2E, "Content-Disposition"),
    // Encoding version 1.2
    (0x2F, "X-Wap-Application-Id"),
    (0x30, "X-Wap-Content-URI"),
    (0x31, "X-Wap-Initiator-URI"),
    (0x32, "Accept-Application"),
    (0x33, "Bearer-Indication"),
    (0x34, "Push-Flag"),
    (0x35, "Profile"),
    (0x36, "Profile-Diff"),
    (0x37, "Profile-Warning"),
    // Encoding version 1.3
    (0x38, "Expect"),
    (0x39, "TE"),
    (0x3A, "Trailer"),
    (0x3B, "Accept-Charset"),
    (0x3C, "Accept-Encoding"),
    (0x3D, "Cache-Control"),
    (0x3E, "Content-Range"),
    (0x3F, "X-Wap-Tod"),
    (0x40, "Content-ID"),
    (0x41, "Set-Cookie"),
    (0x42, "Cookie"),
    (0x43, "Encoding-Version"),
    // Encoding version 1.4
    (0x44, "Profile-Warning"),
    (0x45, "Content-Disposition"),
    (0x46, "X-Wap-Security"),
    (0x47, "Cache-Control"),
    // Encoding version 1.5 (WINA registry)
    (0x48, "Expect"),
    (0x49, "X-Wap-Loc-Invocation"),
    (0x4A, "X-Wap-Loc-Delivery"),
];

named_codes! {
    /// IANA character sets (MIBenum, lower-case preferred MIME name) known to WSP peers.
    ///
    /// This is every entry of Wireshark's `mibenum_vals_character_sets`
    /// (`epan/iana_charsets.c`, built from the IANA registry of 2012-10-04)
    /// except MIBenum 0 (`*`, the WSP Any-charset, handled in code), with the
    /// names lower-cased. Wireshark's list already uses the IANA preferred MIME
    /// name where the registry gives one (for example `iso-8859-1` rather than
    /// `ISO_8859-1:1987`, `euc-jp` for MIBenum 18); other entries carry the
    /// registry's primary name. Cross-checked for the common sets against AOSP
    /// `CharacterSets.java` and Firefox OS `WspPduHelper.jsm`.
    pub(crate) const CHARSETS: &[(u32, &str)] = Charset => Charset {
        /// us-ascii.
        const US_ASCII = (3, "us-ascii"),
        /// iso-8859-1.
        const ISO_8859_1 = (4, "iso-8859-1"),
        (5, "iso-8859-2"),
        (6, "iso-8859-3"),
        (7, "iso-8859-4"),
        (8, "iso-8859-5"),
        (9, "iso-8859-6"),
        (10, "iso-8859-7"),
        (11, "iso-8859-8"),
        (12, "iso-8859-9"),
        (13, "iso-8859-10"),
        (14, "iso_6937-2-add"),
        (15, "jis_x0201"),
        (16, "jis_encoding"),
        /// shift_jis.
        const SHIFT_JIS = (17, "shift_jis"),
        (18, "euc-jp"),
        (19, "extended_unix_code_fixed_width_for_japanese"),
        (20, "bs_4730"),
        (21, "sen_850200_c"),
        (22, "it"),
        (23, "es"),
        (24, "din_66003"),
        (25, "ns_4551-1"),
        (26, "nf_z_62-010"),
        (27, "iso-10646-utf-1"),
        (28, "iso_646.basic:1983"),
        (29, "invariant"),
        (30, "iso_646.irv:1983"),
        (31, "nats-sefi"),
        (32, "nats-sefi-add"),
        (33, "nats-dano"),
        (34, "nats-dano-add"),
        (35, "sen_850200_b"),
        (36, "ks_c_5601-1987"),
        (37, "iso-2022-kr"),
        /// euc-kr.
        const EUC_KR = (38, "euc-kr"),
        /// iso-2022-jp.
        const ISO_2022_JP = (39, "iso-2022-jp"),
        (40, "iso-2022-jp-2"),
        (41, "jis_c6220-1969-jp"),
        (42, "jis_c6220-1969-ro"),
        (43, "pt"),
        (44, "greek7-old"),
        (45, "latin-greek"),
        (46, "nf_z_62-010_(1973)"),
        (47, "latin-greek-1"),
        (48, "iso_5427"),
        (49, "jis_c6226-1978"),
        (50, "bs_viewdata"),
        (51, "inis"),
        (52, "inis-8"),
        (53, "inis-cyrillic"),
        (54, "iso_5427:1981"),
        (55, "iso_5428:1980"),
        (56, "gb_1988-80"),
        (57, "gb_2312-80"),
        (58, "ns_4551-2"),
        (59, "videotex-suppl"),
        (60, "pt2"),
        (61, "es2"),
        (62, "msz_7795.3"),
        (63, "jis_c6226-1983"),
        (64, "greek7"),
        (65, "asmo_449"),
        (66, "iso-ir-90"),
        (67, "jis_c6229-1984-a"),
        (68, "jis_c6229-1984-b"),
        (69, "jis_c6229-1984-b-add"),
        (70, "jis_c6229-1984-hand"),
        (71, "jis_c6229-1984-hand-add"),
        (72, "jis_c6229-1984-kana"),
        (73, "iso_2033-1983"),
        (74, "ansi_x3.110-1983"),
        (75, "t.61-7bit"),
        (76, "t.61-8bit"),
        (77, "ecma-cyrillic"),
        (78, "csa_z243.4-1985-1"),
        (79, "csa_z243.4-1985-2"),
        (80, "csa_z243.4-1985-gr"),
        (81, "iso-8859-6-e"),
        (82, "iso-8859-6-i"),
        (83, "t.101-g2"),
        (84, "iso-8859-8-e"),
        (85, "iso-8859-8-i"),
        (86, "csn_369103"),
        (87, "jus_i.b1.002"),
        (88, "iec_p27-1"),
        (89, "jus_i.b1.003-serb"),
        (90, "jus_i.b1.003-mac"),
        (91, "greek-ccitt"),
        (92, "nc_nc00-10:81"),
        (93, "iso_6937-2-25"),
        (94, "gost_19768-74"),
        (95, "iso_8859-supp"),
        (96, "iso_10367-box"),
        (97, "latin-lap"),
        (98, "jis_x0212-1990"),
        (99, "ds_2089"),
        (100, "us-dk"),
        (101, "dk-us"),
        (102, "ksc5636"),
        (103, "unicode-1-1-utf-7"),
        (104, "iso-2022-cn"),
        (105, "iso-2022-cn-ext"),
        /// utf-8.
        const UTF_8 = (106, "utf-8"),
        (109, "iso-8859-13"),
        (110, "iso-8859-14"),
        (111, "iso-8859-15"),
        (112, "iso-8859-16"),
        (113, "gbk"),
        (114, "gb18030"),
        (115, "osd_ebcdic_df04_15"),
        (116, "osd_ebcdic_df03_irv"),
        (117, "osd_ebcdic_df04_1"),
        (118, "iso-11548-1"),
        (119, "kz-1048"),
        /// iso-10646-ucs-2 (big-endian UCS-2).
        const UCS_2 = (1000, "iso-10646-ucs-2"),
        (1001, "iso-10646-ucs-4"),
        (1002, "iso-10646-ucs-basic"),
        (1003, "iso-10646-unicode-latin1"),
        (1004, "iso-10646-j-1"),
        (1005, "iso-unicode-ibm-1261"),
        (1006, "iso-unicode-ibm-1268"),
        (1007, "iso-unicode-ibm-1276"),
        (1008, "iso-unicode-ibm-1264"),
        (1009, "iso-unicode-ibm-1265"),
        (1010, "unicode-1-1"),
        (1011, "scsu"),
        (1012, "utf-7"),
        (1013, "utf-16be"),
        (1014, "utf-16le"),
        /// utf-16.
        const UTF_16 = (1015, "utf-16"),
        (1016, "cesu-8"),
        (1017, "utf-32"),
        (1018, "utf-32be"),
        (1019, "utf-32le"),
        (1020, "bocu-1"),
        (2000, "iso-8859-1-windows-3.0-latin-1"),
        (2001, "iso-8859-1-windows-3.1-latin-1"),
        (2002, "iso-8859-2-windows-latin-2"),
        (2003, "iso-8859-9-windows-latin-5"),
        (2004, "hp-roman8"),
        (2005, "adobe-standard-encoding"),
        (2006, "ventura-us"),
        (2007, "ventura-international"),
        (2008, "dec-mcs"),
        (2009, "ibm850"),
        (2010, "ibm852"),
        (2011, "ibm437"),
        (2012, "pc8-danish-norwegian"),
        (2013, "ibm862"),
        (2014, "pc8-turkish"),
        (2015, "ibm-symbols"),
        (2016, "ibm-thai"),
        (2017, "hp-legal"),
        (2018, "hp-pi-font"),
        (2019, "hp-math8"),
        (2020, "adobe-symbol-encoding"),
        (2021, "hp-desktop"),
        (2022, "ventura-math"),
        (2023, "microsoft-publishing"),
        (2024, "windows-31j"),
        /// gb2312.
        const GB2312 = (2025, "gb2312"),
        /// big5.
        const BIG5 = (2026, "big5"),
        (2027, "macintosh"),
        (2028, "ibm037"),
        (2029, "ibm038"),
        (2030, "ibm273"),
        (2031, "ibm274"),
        (2032, "ibm275"),
        (2033, "ibm277"),
        (2034, "ibm278"),
        (2035, "ibm280"),
        (2036, "ibm281"),
        (2037, "ibm284"),
        (2038, "ibm285"),
        (2039, "ibm290"),
        (2040, "ibm297"),
        (2041, "ibm420"),
        (2042, "ibm423"),
        (2043, "ibm424"),
        (2044, "ibm500"),
        (2045, "ibm851"),
        (2046, "ibm855"),
        (2047, "ibm857"),
        (2048, "ibm860"),
        (2049, "ibm861"),
        (2050, "ibm863"),
        (2051, "ibm864"),
        (2052, "ibm865"),
        (2053, "ibm868"),
        (2054, "ibm869"),
        (2055, "ibm870"),
        (2056, "ibm871"),
        (2057, "ibm880"),
        (2058, "ibm891"),
        (2059, "ibm903"),
        (2060, "ibm904"),
        (2061, "ibm905"),
        (2062, "ibm918"),
        (2063, "ibm1026"),
        (2064, "ebcdic-at-de"),
        (2065, "ebcdic-at-de-a"),
        (2066, "ebcdic-ca-fr"),
        (2067, "ebcdic-dk-no"),
        (2068, "ebcdic-dk-no-a"),
        (2069, "ebcdic-fi-se"),
        (2070, "ebcdic-fi-se-a"),
        (2071, "ebcdic-fr"),
        (2072, "ebcdic-it"),
        (2073, "ebcdic-pt"),
        (2074, "ebcdic-es"),
        (2075, "ebcdic-es-a"),
        (2076, "ebcdic-es-s"),
        (2077, "ebcdic-uk"),
        (2078, "ebcdic-us"),
        (2079, "unknown-8bit"),
        (2080, "mnemonic"),
        (2081, "mnem"),
        (2082, "viscii"),
        (2083, "viqr"),
        (2084, "koi8-r"),
        (2085, "hz-gb-2312"),
        (2086, "ibm866"),
        (2087, "ibm775"),
        (2088, "koi8-u"),
        (2089, "ibm00858"),
        (2090, "ibm00924"),
        (2091, "ibm01140"),
        (2092, "ibm01141"),
        (2093, "ibm01142"),
        (2094, "ibm01143"),
        (2095, "ibm01144"),
        (2096, "ibm01145"),
        (2097, "ibm01146"),
        (2098, "ibm01147"),
        (2099, "ibm01148"),
        (2100, "ibm01149"),
        (2101, "big5-hkscs"),
        (2102, "ibm1047"),
        (2103, "ptcp154"),
        (2104, "amiga-1251"),
        (2105, "koi7-switched"),
        (2106, "brf"),
        (2107, "tscii"),
        (2108, "cp51932"),
        (2109, "windows-874"),
        (2250, "windows-1250"),
        (2251, "windows-1251"),
        (2252, "windows-1252"),
        (2253, "windows-1253"),
        (2254, "windows-1254"),
        (2255, "windows-1255"),
        (2256, "windows-1256"),
        (2257, "windows-1257"),
        (2258, "windows-1258"),
        (2259, "tis-620"),
        (2260, "cp50220"),
    }
}

/// WSP PDU types (WAP-230 Table 34).
///
/// Names as in the table (and Wireshark's `wsp_vals_pdu_type`). Not listed
/// here, because they are ranges rather than single assignments: 0x50–0x5F
/// (extended methods sent in the Get PDU format) and 0x70–0x7F (extended
/// methods sent in the Post PDU format). 0x80 (Data Fragment PDU, for large
/// data transfer) is in WAP-230 Table 34 but not in Wireshark's list; it was
/// checked against two independent WSP stacks (one Erlang, one Pascal) that
/// transcribe Table 34.
pub(crate) const PDU_TYPES: &[(u8, &str)] = &[
    (0x01, "Connect"),
    (0x02, "ConnectReply"),
    (0x03, "Redirect"),
    (0x04, "Reply"),
    (0x05, "Disconnect"),
    (0x06, "Push"),
    (0x07, "ConfirmedPush"),
    (0x08, "Suspend"),
    (0x09, "Resume"),
    (0x40, "Get"),
    (0x41, "Options"),
    (0x42, "Head"),
    (0x43, "Delete"),
    (0x44, "Trace"),
    (0x60, "Post"),
    (0x61, "Put"),
    (0x80, "DataFragment"),
];

/// Push application ids (WINA X-Wap-Application-Id registry).
///
/// 0x00–0x0A and the third-party block 0x8000–0x9003: as Wireshark's
/// `vals_wap_application_ids` (same values in MediaTek's
/// `MtkWspTypeDecoder`). 0x10–0x15: OMA registrations from the registry as
/// copied into `MtkWspTypeDecoder` (0x10 also confirmed by vendor SUPL code
/// accepting application id "16" as `x-oma-application:ulp.ua`); 0x15 is
/// spelled with a colon before `ua` exactly as registered. The registry's
/// many later vendor codes (0x9004 and up) are left out.
pub(crate) const PUSH_APP_IDS: &[(u32, &str)] = &[
    (0x00, "x-wap-application:*"),
    (0x01, "x-wap-application:push.sia"),
    (0x02, "x-wap-application:wml.ua"),
    (0x03, "x-wap-application:wta.ua"),
    (0x04, "x-wap-application:mms.ua"),
    (0x05, "x-wap-application:push.syncml"),
    (0x06, "x-wap-application:loc.ua"),
    (0x07, "x-wap-application:syncml.dm"),
    (0x08, "x-wap-application:drm.ua"),
    (0x09, "x-wap-application:emn.ua"),
    (0x0A, "x-wap-application:wv.ua"),
    (0x10, "x-oma-application:ulp.ua"),
    (0x11, "x-oma-application:dlota.ua"),
    (0x12, "x-oma-application:java-ams"),
    (0x13, "x-oma-application:bcast.ua"),
    (0x14, "x-oma-application:dpe.ua"),
    (0x15, "x-oma-application:cpm:ua"),
    (0x8000, "x-wap-microsoft:localcontent.ua"),
    (0x8001, "x-wap-microsoft:IMclient.ua"),
    (0x8002, "x-wap-docomo:imode.mail.ua"),
    (0x8003, "x-wap-docomo:imode.mr.ua"),
    (0x8004, "x-wap-docomo:imode.mf.ua"),
    (0x8005, "x-motorola:location.ua"),
    (0x8006, "x-motorola:now.ua"),
    (0x8007, "x-motorola:otaprov.ua"),
    (0x8008, "x-motorola:browser.ua"),
    (0x8009, "x-motorola:splash.ua"),
    (0x800B, "x-wap-nai:mvsw.command"),
    (0x8010, "x-wap-openwave:iota.ua"),
    (0x9000, "x-wap-docomo:imode.mail2.ua"),
    (0x9001, "x-oma-nec:otaprov.ua"),
    (0x9002, "x-oma-nokia:call.ua"),
    (0x9003, "x-oma-coremobility:sqa.ua"),
];

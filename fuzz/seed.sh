#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from tests/corpus (fuzz/corpus is git-ignored,
# so it is rebuilt here): MMS PDUs for the PDU targets, WAP pushes for the
# push target, pushes and a few user-data headers for the SMS target, and a
# handful of hand-written WSP values for the content_type target. Existing
# corpus entries (what earlier runs found) are kept.
set -euo pipefail
cd "$(dirname "$0")/.."

src=tests/corpus
dst=fuzz/corpus
manifest=$src/MANIFEST.tsv

pdu_targets=(decode decode_strict roundtrip_canonical multipart differential)
mkdir -p "${pdu_targets[@]/#/$dst/}" "$dst/push" "$dst/sms" "$dst/content_type" "$dst/smil" "$dst/serde" "$dst/render" "$dst/encode"
# encode reads structured values (the arbitrary crate) from any octets: it
# starts from an empty corpus.

n=0
# MANIFEST.tsv: file, source_repo, original_path, commit, license, kind, ...
while IFS=$'\t' read -r file _ _ _ _ kind _; do
    [ "$file" = file ] && continue
    [ -f "$src/$file" ] || { echo "seed.sh: $src/$file is listed but missing" >&2; exit 1; }
    name=${file//\//_}
    case $kind in
        mms-pdu | hex-extracted)
            for t in "${pdu_targets[@]}" render; do cp "$src/$file" "$dst/$t/$name"; done
            # serde: an even first octet selects the binary side.
            { printf '\0'; cat "$src/$file"; } > "$dst/serde/$name" ;;
        wap-push)
            cp "$src/$file" "$dst/push/$name"
            cp "$src/$file" "$dst/sms/$name"
            cp "$src/$file" "$dst/render/$name" ;;
        *) echo "seed.sh: unknown kind '$kind' for $file" >&2; exit 1 ;;
    esac
    n=$((n + 1))
done < "$manifest"

# Hand-written seeds: a file per printf format.
seed() { printf "$2" > "$dst/$1/seed-$3"; }

# Content types, encoded-string-values, integers, texts (WAP-230 §8.4.2).
seed content_type '\xbe' ct-constrained
seed content_type 'image/webp\0' ct-extension
seed content_type '\x03\x83\x81\xea' ct-charset
seed content_type '\x1b\xb3\x89application/smil\0\x8a<smil>\0' ct-related
seed content_type '\x0e\x83\x97"a b\0x-foo\0\x87' ct-wsp14
seed content_type '\x1f\x05\x02\x02\x01\x81\xea' ct-long-media
seed content_type '\x08\x83\x81utf-8\0' ct-charset-text
seed content_type '\x07\xeacaf\xc3\xa9\0' esv-utf8
seed content_type '\x06\x02\x03\xe8\x00\x41\x00' esv-ucs2
seed content_type '\x06\x84\x7f\xe9t\xe9\0' esv-quote
seed content_type 'Pin-Ups\0' esv-plain
seed content_type '\x8f\xff\xff\xff\x7f' uintvar-max
seed content_type '\x04\x45\x5a\xce\x65' long-integer
seed content_type '\x1f\x81\x00' value-length-quoted
seed content_type '"<smil>\0' quoted-string
seed content_type '\x00\x6a\xe6\x97\xa5\xe6\x9c\xac' charset-106
seed content_type '\x03\xe8\x00H\x00i' charset-1000

# SMS user data: ports and both concatenation elements.
seed sms '\x0b\x05\x04\x0b\x84\x23\xf0\x00\x03\x2a\x02\x01\xaa' udh-ports-concat8
seed sms '\x06\x08\x04\x12\x34\x03\x03\xbb' udh-concat16
seed sms '\x06\x05\x04\x0b\x84\x23\xf0\x01\x06\x03\xbe\xaf\x84\x8c\x82' udh-push

# SMIL presentations: the MMS profile, the quirks handsets send, an entity bomb.
seed smil '<smil><head><layout><root-layout width="176" height="208"/><region id="Image" top="0" left="0" width="100%%" height="80%%" fit="meet"/><region id="Text" top="80%%" left="0" width="100%%" height="20%%"/></layout></head><body><par dur="5000ms"><img src="cid:a.jpg" region="Image"/><text src="t.txt" region="Text"/></par><par dur="5s"><audio src="s.amr" begin="0s" end="3s"/></par></body></smil>' smil-profile
seed smil '\xef\xbb\xbf<?xml version="1.0"?><smil xmlns="http://www.w3.org/2001/SMIL20/Language"><body><par dur="00:00:05"><video src="v.3gp" region="Video"/></par></body></smil>' smil-quirks
seed smil '<!DOCTYPE s [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><smil><body><par><text src="&b;"/></par></body></smil>' smil-entities

# serde, the JSON side (an odd first octet): a PDU and a message as the
# feature writes them.
seed serde '\001{"headers":[{"Field":{"code":"X-Mms-Message-Type","value":{"Token":"m-notifyresp-ind"},"raw":"83"}},{"Field":{"code":"X-Mms-Transaction-Id","value":{"Text":"T1"}}},{"Field":{"code":"X-Mms-MMS-Version","value":{"Version":"1.2"}}},{"Field":{"code":"X-Mms-Status","value":{"Token":"Retrieved"}}}]}' json-pdu
seed serde '\001{"headers":[{"Field":{"code":"Subject","value":{"EncodedString":{"charset":"utf-8","text":"caf\xc3\xa9"}}}},{"Application":{"name":"X-Foo","value":{"hex":"ff"}}}],"trailing":"00"}' json-pdu-2

echo "seeded $n corpus files into $dst/"


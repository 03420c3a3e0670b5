#!/usr/bin/env bash
# Makes Bantin's demo media from nothing but espeak-ng and ffmpeg: two Vietnamese audio bulletins, the stand-in
# provincial station's programme, a 10 s 1280x720 video and a 1280x720 infographic. No third-party content.
# Usage: ops/make-demo-media.sh [output-dir]   (default: media/demo)
# Running it again rewrites the same files; ffmpeg runs with -bitexact so the bytes stay stable.
set -euo pipefail

out="${1:-media/demo}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in espeak-ng ffmpeg ffprobe; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

ff() { ffmpeg -nostdin -hide_banner -v error -y "$@"; }
bitexact=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# A font with Vietnamese glyphs for drawtext; without one the pictures carry no text.
font="$(fc-match -f '%{file}' 'DejaVu Sans:bold' 2>/dev/null || true)"
if [[ -z "$font" || ! -f "$font" ]] || ! grep -qw drawtext <<<"$(ffmpeg -hide_banner -filters 2>/dev/null)"; then
    echo "note: no drawtext or no DejaVu font; video and infographic will have no text" >&2
    font=""
fi

# text <file> <size> <color> <y> <content>: a centred drawtext filter reading its text from a file,
# so commas, colons and quotes need no escaping.
text() {
    printf '%s' "$5" > "$work/$1"
    echo "drawtext=fontfile=$font:textfile=$work/$1:fontsize=$2:fontcolor=$3:x=(w-text_w)/2:y=$4"
}

# bulletin <name> <text>: espeak-ng voice vi → loudness-normalised mono 48 kHz MP3
bulletin() {
    espeak-ng -v vi -s 150 -w "$work/$1.wav" "$2"
    ff -i "$work/$1.wav" -af "loudnorm=I=-16:TP=-1.5:LRA=11" -ac 1 -ar 48000 \
        -c:a libmp3lame -b:a 64k "${bitexact[@]}" "$out/$1.mp3"
}

bulletin ban-tin-sang-nq57 \
    "Bản tin sáng. Tuyên truyền Nghị quyết 57 về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia."
bulletin ban-tin-binh-dan-hoc-vu-so \
    "Bình dân học vụ số. Mời bà con đến nhà văn hóa thôn để được hướng dẫn sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt."
# the stand-in provincial station the demo relays: ops/demo.sh loops it, live, into the station's own Icecast2
bulletin dai-tinh-mo-phong \
    "Đây là Đài Phát thanh và Truyền hình tỉnh, chương trình mô phỏng. Các cụm loa của xã đang tiếp sóng đài tỉnh theo lịch."

video_filter="drawbox=x=0:y=600:w=1280:h=120:color=0xC8102E@1:t=fill"
picture_filter="drawbox=x=0:y=0:w=1280:h=110:color=0xC8102E@1:t=fill"
if [[ -n "$font" ]]; then
    video_filter+=",$(text v1 64 white 200 'Nghị quyết 57-NQ/TW')"
    video_filter+=",$(text v2 40 white 300 'Khoa học, công nghệ, đổi mới sáng tạo')"
    video_filter+=",$(text v3 40 white 360 'và chuyển đổi số quốc gia')"
    video_filter+=",drawtext=fontfile=$font:textfile=$work/v4:fontsize=36:fontcolor=white:y=640:x=w-mod(t*160\,w+text_w)"
    printf '%s' 'Bantin — nội dung minh họa, tạo tự động bằng ffmpeg' > "$work/v4"
    picture_filter+=",$(text p1 52 white 28 'Bình dân học vụ số')"
    picture_filter+=",$(text p2 40 0x1B2A49 190 '1. Cài VNeID và định danh mức 2')"
    picture_filter+=",$(text p3 40 0x1B2A49 280 '2. Nộp hồ sơ trên Cổng Dịch vụ công quốc gia')"
    picture_filter+=",$(text p4 40 0x1B2A49 370 '3. Thanh toán không dùng tiền mặt')"
    picture_filter+=",$(text p5 40 0x1B2A49 460 '4. Giữ an toàn: không chia sẻ mã OTP')"
    picture_filter+=",$(text p6 30 0xC8102E 620 'Hỏi cán bộ văn hóa xã để được hướng dẫn')"
fi

ff -f lavfi -i "color=c=0x1B2A49:s=1280x720:r=25:d=10" -f lavfi -i "sine=f=440:d=10:sample_rate=48000" \
    -vf "$video_filter" -af "volume=0.1" -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p -threads 1 \
    -c:a aac -b:a 48k -ac 1 -movflags +faststart "${bitexact[@]}" "$out/video-nq57-10s.mp4"

ff -f lavfi -i "color=c=0xF5F1E6:s=1280x720" -vf "$picture_filter" -frames:v 1 "${bitexact[@]}" \
    "$out/infographic-binh-dan-hoc-vu-so.png"

echo "made in $out:"
for f in "$out"/*.mp3 "$out"/*.mp4 "$out"/*.png; do
    info="$(ffprobe -v error -show_entries format=duration,format_name:stream=codec_name,width,height \
        -of compact=p=0:nk=1 "$f" | tr '\n' ' ')"
    printf '  %-40s %8s bytes  %s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$info"
done

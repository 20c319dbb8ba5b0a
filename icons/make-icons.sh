#!/bin/sh
# Renders icons/ferry.svg into the PNG sizes installers and the window need, plus .ico (Windows)
# and .icns (macOS) when the tools are there, and copies the window icons into the app's resources.
# Re-runnable: every output is overwritten. Needs rsvg-convert (librsvg2-bin) or ImageMagick;
# .ico needs ImageMagick, .icns needs png2icns (icnsutils).
# Used by: the installers (pom.xml, profile installer-*: ferry-256.png on Linux, the .desktop
# entry's icon; ferry.ico on Windows; ferry.icns on macOS) and the wizard's window (32, 64, 256).
set -eu
cd "$(dirname "$0")"
SIZES="16 32 48 64 128 256 512 1024"
RESOURCES=../src/main/resources/dev/ferry/ui

render() { # size
    if command -v rsvg-convert >/dev/null 2>&1; then
        rsvg-convert -w "$1" -h "$1" ferry.svg -o "ferry-$1.png"
    elif command -v magick >/dev/null 2>&1; then
        magick -background none -density 384 ferry.svg -resize "$1x$1" "ferry-$1.png"
    else
        convert -background none -density 384 ferry.svg -resize "$1x$1" "ferry-$1.png"
    fi
}

for size in $SIZES; do
    render "$size"
done
echo "PNG: $(for s in $SIZES; do printf 'ferry-%s.png ' "$s"; done)"

if command -v magick >/dev/null 2>&1; then IM=magick; elif [ -x /usr/bin/convert ]; then IM=/usr/bin/convert; else IM=; fi
if [ -n "$IM" ]; then
    "$IM" ferry-16.png ferry-32.png ferry-48.png ferry-64.png ferry-128.png ferry-256.png ferry.ico
    echo "ICO: ferry.ico"
else
    echo "ICO skipped: ImageMagick not found (apt-get install imagemagick)"
fi

if command -v png2icns >/dev/null 2>&1; then
    # png2icns takes only the sizes the icns format defines
    png2icns ferry.icns ferry-16.png ferry-32.png ferry-48.png ferry-128.png ferry-256.png ferry-512.png ferry-1024.png >/dev/null
    echo "ICNS: ferry.icns"
else
    echo "ICNS skipped: png2icns not found (apt-get install icnsutils)"
fi

mkdir -p "$RESOURCES"
for size in 32 64 256; do
    cp "ferry-$size.png" "$RESOURCES/ferry-$size.png"
done
echo "Window icons copied to $RESOURCES"

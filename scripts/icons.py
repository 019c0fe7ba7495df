#!/usr/bin/env python3
"""Renders every icon Backstride ships from its one source image, icons/icon.svg, with
rsvg-convert (Debian: librsvg2-bin; installed if missing):

- icons/*.png: the sizes tauri.conf.json lists (desktop bundles; icon.png also feeds the
  window icon and must be RGBA);
- icons/android/mipmap-*/: ic_launcher and ic_launcher_round (48-192 px) and the adaptive
  icon's ic_launcher_foreground (108 dp, the square inside its 72 dp safe zone);
  icons/android/drawable-*/ic_stat_backstride.png: the reminders' status-bar icon (src-tauri/
  mobile.rs names it), the mark alone in white;
- icons/ios/AppIcon-*.png: every size of Xcode's AppIcon set, opaque (the App Store refuses
  transparency) and square (iOS rounds the corners itself).

Copy icons/android/* into gen/android/app/src/main/res/ and icons/ios/* into
gen/apple/Assets.xcassets/AppIcon.appiconset/ after `cargo tauri android|ios init`.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
SOURCE = ICONS / "icon.svg"
DESKTOP = {"32x32.png": 32, "128x128.png": 128, "256x256.png": 256, "icon.png": 512}
ANDROID = {"mdpi": 48, "hdpi": 72, "xhdpi": 96, "xxhdpi": 144, "xxxhdpi": 192}
# The notification's status-bar icon: the mark alone, white on transparent, 24 dp.
STATUS_BAR = {density: size // 2 for density, size in ANDROID.items()}
# Xcode's AppIcon set: (points, scale, suffix) as `cargo tauri icon` names them.
IOS = [
    (20, 1, ""), (20, 2, ""), (20, 2, "-1"), (20, 3, ""),
    (29, 1, ""), (29, 2, ""), (29, 2, "-1"), (29, 3, ""),
    (40, 1, ""), (40, 2, ""), (40, 2, "-1"), (40, 3, ""),
    (60, 2, ""), (60, 3, ""), (76, 1, ""), (76, 2, ""), (83.5, 2, ""), (512, 2, ""),
]


def ensure_rsvg():
    if shutil.which("rsvg-convert"):
        return
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "librsvg2-bin"], check=True)


def render(svg, size, out, background=None):
    """Writes `svg` (text) as a `size`-pixel PNG at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    args = ["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(out)]
    if background:
        args += ["-b", background]
    subprocess.run(args, input=svg.encode(), check=True)
    print("wrote", out.relative_to(ROOT))


def variants(source):
    """The source as drawn; squared off for iOS; shrunk into the adaptive icon's safe zone;
    the mark alone in white."""
    square = re.sub(r'<rect id="background"[^>]*/>', '<rect id="background" width="1024" height="1024" fill="url(#sky)"/>', source)
    body = source.split(">", 1)[1].rsplit("</svg>", 1)[0]
    # 108 dp canvas, 72 dp safe zone: the drawing fills the middle two thirds.
    foreground = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-256 -256 1536 1536" width="1536" height="1536">{body}</svg>'
    mark = re.sub(r'<rect id="background"[^>]*/>', "", source).replace('fill="#faf7f0"', 'fill="#ffffff"')
    return source, square, foreground, mark


def main():
    ensure_rsvg()
    drawn, square, foreground, mark = variants(SOURCE.read_text())
    for name, size in DESKTOP.items():
        render(drawn, size, ICONS / name)
    for density, size in ANDROID.items():
        folder = ICONS / "android" / f"mipmap-{density}"
        render(drawn, size, folder / "ic_launcher.png")
        render(drawn, size, folder / "ic_launcher_round.png")
        render(foreground, size * 108 // 48, folder / "ic_launcher_foreground.png")
        render(mark, STATUS_BAR[density], ICONS / "android" / f"drawable-{density}" / "ic_stat_backstride.png")
    for points, scale, suffix in IOS:
        label = f"{points:g}x{points:g}@{scale}x{suffix}"
        render(square, round(points * scale), ICONS / "ios" / f"AppIcon-{label}.png", background="#107a6e")


if __name__ == "__main__":
    main()

#!/bin/bash
# Proves the README's Debian 13 recipe ("On a clinic PC: Debian 13 and cage"):
# builds a minimal Debian 13 (trixie) root with debootstrap, follows the
# recipe in it step by step with a wheel built from this checkout, then runs
# the unit's own command under cage's headless backend as the kiosk user and
# takes screenshots with grim: 1920x1080 landscape, and portrait through the
# unit's --rotate. Checks the units with systemd-analyze verify and measures
# the install size.
#
# Not part of the test suite. Needs root, debootstrap, python3 with venv and
# the network to the Debian mirror and PyPI; takes about 10 minutes.
#
#   sudo tests/deploy/debian13_cage.sh [--keep] [--out DIR] [--mirror URL]
#
# Everything it builds lives in one folder under /var/tmp, removed at the end
# unless --keep. The screenshots and the log go to --out (default
# ./debian13-cage-out).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
SUITE=trixie
KEEP=0
OUT=$PWD/debian13-cage-out
MIRROR=

while [ $# -gt 0 ]; do
    case $1 in
        --keep) KEEP=1 ;;
        --out) OUT=$2; shift ;;
        --mirror) MIRROR=$2; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "needs debootstrap: apt-get install debootstrap" >&2; exit 2; }

# The Debian mirror this machine's apt uses (the first one that is not the
# security archive), else Debian's own redirector.
if [ -z "$MIRROR" ]; then
    MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -oE '(https?)://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)
    MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi
MIRROR=${MIRROR%/}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
LOG=$OUT/debian13_cage.log
exec > >(tee "$LOG") 2>&1

WORK=$(mktemp -d /var/tmp/clinic-kiosk-debian13.XXXXXX)
ROOT=$WORK/root
CAGE_PID=
NOTIFY_PID=

step() { printf '\n== %s\n' "$*"; }
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

cleanup() {
    set +e
    [ -n "$CAGE_PID" ] && kill "$CAGE_PID" 2>/dev/null && wait "$CAGE_PID" 2>/dev/null
    [ -n "$NOTIFY_PID" ] && kill "$NOTIFY_PID" 2>/dev/null && wait "$NOTIFY_PID" 2>/dev/null
    for mount in dev/shm dev/pts dev sys proc; do
        mountpoint -q "$ROOT/$mount" && umount "$ROOT/$mount"
    done
    if grep -q " $ROOT/" /proc/self/mounts; then
        echo "still mounted under $ROOT; not removing $WORK" >&2
        return
    fi
    if [ "$KEEP" = 1 ]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

step "mirror $MIRROR, suite $SUITE, work folder $WORK"
if ! python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=30)' \
        "$MIRROR/dists/$SUITE/Release" 2>/dev/null; then
    echo "Debian 13 ($SUITE) is not on $MIRROR; give another with --mirror URL" >&2
    exit 1
fi

step "a wheel from the checkout $REPO"
python3 -m venv "$WORK/build"
"$WORK/build/bin/pip" wheel -q --no-deps -w "$WORK/dist" "$REPO"
WHEEL=$(ls "$WORK"/dist/clinic_kiosk-*.whl)
echo "$WHEEL"

step "debootstrap --variant=minbase $SUITE"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; exit 1; }
echo "minimal root: $(($(du -sxk "$ROOT" | cut -f1) / 1024)) MiB"

mount -t proc proc "$ROOT/proc"
mount -t sysfs sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount -t devpts devpts "$ROOT/dev/pts" -o newinstance,ptmxmode=0666
mount -t tmpfs tmpfs "$ROOT/dev/shm"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# A proxy that re-signs TLS has its CA here; on most machines there is none.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$ROOT/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
fi

# ---- The README recipe, step by step, as root on the clinic PC -------------

step "0. what every installed Debian 13 has and a minbase root lacks"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends systemd libpam-systemd ca-certificates \
    > "$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; exit 1; }
in_root update-ca-certificates > /dev/null
in_root apt-get clean
BASE_KIB=$(du -sxk "$ROOT" | cut -f1)

step "1. packages"
in_root apt-get install -y -qq --no-install-recommends \
    cage wlr-randr python3-venv \
    libdbus-1-3 libegl1 libfontconfig1 libxkbcommon0 \
    libwayland-client0 libwayland-cursor0 libwayland-egl1 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-shape0 \
    libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libpulse0 \
    >> "$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; exit 1; }
in_root apt-get clean
PACKAGES_KIB=$(( $(du -sxk "$ROOT" | cut -f1) - BASE_KIB ))
# Only for this script: the screenshots.
in_root apt-get install -y -qq --no-install-recommends grim >> "$WORK/apt.log" 2>&1
in_root dpkg-query -W cage wlr-randr grim python3 systemd libwlroots-0.18

step "2. the kiosk's own user"
in_root useradd --create-home --user-group --shell /usr/sbin/nologin --comment "Clinic kiosk" kiosk
in_root id kiosk

step "3. the kiosk in /opt/clinic-kiosk"
cp "$WHEEL" "$ROOT/tmp/"
in_root python3 -m venv /opt/clinic-kiosk
in_root /opt/clinic-kiosk/bin/pip install -q "/tmp/$(basename "$WHEEL")"
in_root /opt/clinic-kiosk/bin/clinic-kiosk --version

step "4. the content folder /srv/clinic-kiosk/content"
mkdir -p "$ROOT/srv/clinic-kiosk"
cp -r "$REPO/content" "$ROOT/srv/clinic-kiosk/content"
in_root /opt/clinic-kiosk/bin/clinic-kiosk check /srv/clinic-kiosk/content
echo "check: no errors"

step "5. the staff PIN, as the kiosk user"
echo 2468 | in_root runuser -u kiosk -- /opt/clinic-kiosk/bin/clinic-kiosk set-pin
ls -l "$ROOT/home/kiosk/.config/clinic-kiosk/staff-pin"

step "6. the unit, the PAM file, the desktop file; enable"
in_root sh -c '/opt/clinic-kiosk/bin/clinic-kiosk service --system --content /srv/clinic-kiosk/content \
    > /etc/systemd/system/clinic-kiosk.service'
in_root sh -c '/opt/clinic-kiosk/bin/clinic-kiosk service --pam > /etc/pam.d/clinic-kiosk'
in_root sh -c '/opt/clinic-kiosk/bin/clinic-kiosk service --desktop-file \
    > /usr/share/applications/clinic-kiosk.desktop'
in_root systemctl enable clinic-kiosk.service
in_root systemctl set-default graphical.target
in_root systemd-analyze verify /etc/systemd/system/clinic-kiosk.service
echo "systemd-analyze verify (system unit): clean"
in_root sh -c '/opt/clinic-kiosk/bin/clinic-kiosk service --system --rotate HEADLESS-1 \
    --content /srv/clinic-kiosk/content > /tmp/clinic-kiosk-portrait.service'
mkdir -p "$ROOT/tmp/portrait" && mv "$ROOT/tmp/clinic-kiosk-portrait.service" "$ROOT/tmp/portrait/clinic-kiosk.service"
in_root systemd-analyze verify /tmp/portrait/clinic-kiosk.service
echo "systemd-analyze verify (system unit with --rotate): clean"
mkdir -p "$ROOT/tmp/user-unit" "$ROOT/run/user/0"
in_root sh -c '/opt/clinic-kiosk/bin/clinic-kiosk service > /tmp/user-unit/clinic-kiosk.service'
in_root env XDG_RUNTIME_DIR=/run/user/0 systemd-analyze --user verify /tmp/user-unit/clinic-kiosk.service
echo "systemd-analyze --user verify (user unit): clean"

step "install size"
VENV_KIB=$(du -sxk "$ROOT/opt/clinic-kiosk" | cut -f1)
echo "Debian packages of step 1: $((PACKAGES_KIB / 1024)) MiB; /opt/clinic-kiosk: $((VENV_KIB / 1024)) MiB;" \
    "together $(((PACKAGES_KIB + VENV_KIB) / 1024)) MiB"

# ---- Run the unit's command under cage's headless backend -----------------

KIOSK_UID=$(in_root id -u kiosk)
RUNTIME=/run/user/$KIOSK_UID  # pam_systemd makes it on the real PC
mkdir -p "$ROOT$RUNTIME" && chmod 700 "$ROOT$RUNTIME" && chown "$KIOSK_UID:$KIOSK_UID" "$ROOT$RUNTIME"

# A stand-in for systemd's notify socket: what the kiosk tells the service manager.
NOTIFY=$ROOT/run/clinic-kiosk-notify
python3 - "$NOTIFY" "$OUT/notify.log" <<'EOF' &
import os, socket, sys
path, log = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
os.chmod(path, 0o777)
with open(log, "a", buffering=1) as out:
    while True:
        out.write(sock.recv(4096).decode(errors="replace").replace("\n", " ") + "\n")
EOF
NOTIFY_PID=$!

# ExecStart= of a unit, as words (our units quote like a shell).
exec_start() { in_root python3 -c 'import shlex, sys
line = next(l for l in open(sys.argv[1]) if l.startswith("ExecStart="))
print("\0".join(shlex.split(line[len("ExecStart="):])), end="")' "$1"; }

# Start cage with a unit's ExecStart, as the unit would: the kiosk user, the
# unit's Environment=, plus the headless backend (no screen or input here).
start_cage() {
    local unit=$1 name=$2
    local -a command
    mapfile -d '' command < <(exec_start "$unit")
    echo "ExecStart: ${command[*]}"
    chroot "$ROOT" runuser -u kiosk -- /usr/bin/env -i PATH=/usr/bin:/bin \
        HOME=/home/kiosk USER=kiosk LANG=C.UTF-8 XDG_RUNTIME_DIR="$RUNTIME" \
        QT_QPA_PLATFORM=wayland XDG_SESSION_TYPE=wayland \
        NOTIFY_SOCKET=/run/clinic-kiosk-notify WATCHDOG_USEC=30000000 \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
        "${command[@]}" > "$OUT/cage-$name.log" 2>&1 &
    CAGE_PID=$!
}

as_kiosk() { chroot "$ROOT" runuser -u kiosk -- /usr/bin/env -i PATH=/usr/bin:/bin \
    XDG_RUNTIME_DIR="$RUNTIME" WAYLAND_DISPLAY=wayland-0 "$@"; }

stop_cage() {
    kill "$CAGE_PID"
    local status=0
    wait "$CAGE_PID" || status=$?
    CAGE_PID=
    echo "cage stopped (status $status)"
}

# A full-screen kiosk: the screenshot is WxH and no corner shows cage's black.
check_screenshot() {
    in_root env QT_QPA_PLATFORM=offscreen /opt/clinic-kiosk/bin/python -c '
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
w, h = image.width(), image.height()
corners = [image.pixelColor(x, y).name() for x, y in ((2, 2), (w - 3, 2), (2, h - 3), (w - 3, h - 3))]
print(f"{sys.argv[1]}: {w}x{h}, corners {corners}")
assert (w, h) == (int(sys.argv[2]), int(sys.argv[3])), "wrong size"
assert "#000000" not in corners, "cage shows through: the kiosk is not full screen"
' "$@"
}

# Set the headless screen to 1920x1080, wait until the kiosk fills it, then
# take the screenshot NAME (WxH as the screen is turned).
screenshot() {
    local name=$1 width=$2 height=$3
    for _ in $(seq 30); do [ -S "$ROOT$RUNTIME/wayland-0" ] && break; sleep 1; done
    as_kiosk wlr-randr --output HEADLESS-1 --custom-mode 1920x1080
    for _ in $(seq 60); do
        kill -0 "$CAGE_PID" 2>/dev/null || { echo "cage stopped:"; cat "$OUT/cage-$name.log"; return 1; }
        if as_kiosk grim "/tmp/$name.png" && check_screenshot "/tmp/$name.png" "$width" "$height" \
                > /dev/null 2>&1; then
            sleep 5  # the first page settles, the welcome screen is up
            as_kiosk wlr-randr
            as_kiosk grim "/tmp/$name.png"
            check_screenshot "/tmp/$name.png" "$width" "$height"
            cp "$ROOT/tmp/$name.png" "$OUT/"
            return 0
        fi
        sleep 1
    done
    echo "the kiosk did not fill the screen within a minute"; cat "$OUT/cage-$name.log"; return 1
}

step "7. landscape: 1920x1080"
start_cage /etc/systemd/system/clinic-kiosk.service landscape-1920x1080
screenshot landscape-1920x1080 1920 1080
stop_cage

step "8. portrait: the unit made with --rotate HEADLESS-1, at 1920x1080"
start_cage /tmp/portrait/clinic-kiosk.service portrait-1080x1920
screenshot portrait-1080x1920 1080 1920
stop_cage

step "9. read aloud (the recipe's optional step): what the speech service connects to"
in_root apt-get install -y -qq --no-install-recommends \
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng strace >> "$WORK/apt.log" 2>&1
cat > "$ROOT/tmp/speech-connects.sh" <<'PROBE'
#!/bin/sh
# As the kiosk user: every connect() of speech-dispatcher and its modules
# while it says one word; it ends 5 s after its last client.
export HOME=/home/kiosk XDG_RUNTIME_DIR=/run/user/$(id -u) PATH=/usr/bin:/bin
rm -f /tmp/speech-trace*
timeout 60 strace -f -qq -e trace=connect -o /tmp/speech-trace \
    speech-dispatcher --run-single --timeout 5 > /dev/null 2>&1 &
sleep 1
timeout 20 spd-say -o espeak-ng "Hello" > /dev/null 2>&1
wait
grep -h -o 'sa_family=AF_INET6\?[^}]*}' /tmp/speech-trace* | sort | uniq -c
echo "local sockets: $(grep -h -o 'sun_path="[^"]*"' /tmp/speech-trace* | sort -u | tr '\n' ' ')"
PROBE
chmod +x "$ROOT/tmp/speech-connects.sh"
echo "Debian's speech-dispatcher as installed:"
in_root runuser -u kiosk -- /tmp/speech-connects.sh | tee "$WORK/speech-default.txt"
echo "with the README's two lines in /etc/speech-dispatcher/speechd.conf:"
printf 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n' \
    >> "$ROOT/etc/speech-dispatcher/speechd.conf"
in_root runuser -u kiosk -- /tmp/speech-connects.sh | tee "$WORK/speech-espeak-only.txt"
if grep -q AF_INET "$WORK/speech-espeak-only.txt"; then
    echo "the speech service still opens network sockets"
    exit 1
fi

step "what the kiosk told the service manager (\$NOTIFY_SOCKET)"
cat "$OUT/notify.log" 2>/dev/null || true
[ -s "$OUT/notify.log" ] || echo "(nothing: this build does not speak sd_notify yet)"

step "passed: screenshots in $OUT"
ls -l "$OUT"

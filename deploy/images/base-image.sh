#!/usr/bin/env bash
# The services' base image, made here rather than pulled (this machine reaches no container registry): a Java 17
# runtime cut by jlink from the build's own JDK, the shared libraries it links against (found with ldd), a user 185
# and a world-writable /tmp, packed as a docker-archive tarball (the format of `docker save`) that Jib reads as
# quarkus.jib.base-jvm-image=tar://... (the images profile of the root pom). Reproducible: fixed times and owners.
#   deploy/images/base-image.sh [OUT.tar]      (default: target/images/base-jre.tar under the repository root)
# Skips the work when OUT exists and is newer than this script; delete it to rebuild.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/target/images/base-jre.tar}"
if [ -f "$out" ] && [ "$out" -nt "$0" ]; then echo "base image: $out is up to date"; exit 0; fi

java_bin="$(readlink -f "$(command -v java)")"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$java_bin")")}"
[ -x "$jdk/bin/jlink" ] && [ -d "$jdk/jmods" ] || { echo "base image: $jdk has no jlink or jmods (install a full JDK 17)" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "base image: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

work="$(mktemp -d)"; [ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"; mkdir -p "$rootfs/opt" "$rootfs/etc" "$rootfs/tmp" "$rootfs/proc" "$rootfs/deployments"

# java.se (every java.* module) plus what Quarkus, Kafka, the PostgreSQL driver and the zh-CN locale need.
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.net \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$rootfs/opt/java" 2>/dev/null
# Some distributions link the CA store out of the JDK: put the real file in.
cacerts="$rootfs/opt/java/lib/security/cacerts"
if [ -L "$cacerts" ] || [ ! -s "$cacerts" ]; then rm -f "$cacerts"; cp -L "$jdk/lib/security/cacerts" "$cacerts"; fi

# Every shared library the runtime links against, at the path the dynamic loader looks for it.
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  xargs -0 ldd 2>/dev/null | grep -oE '(=> )?/[^ ]+ \(0x' | sed -E 's/^=> //; s/ \(0x$//' | sort -u |
  grep -v "^$work/" | while read -r lib; do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done

printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:jboss:/deployments:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"

# As root, run the image's java as its user 185 in a chroot with its own /proc (the loader finds libjli.so through
# $ORIGIN, which needs /proc/self/exe), as a container would.
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v chroot >/dev/null; then
  unshare -mpf --mount-proc="$rootfs/proc" chroot --userspec=185:185 "$rootfs" /opt/java/bin/java -version 2>&1 |
    head -1 | sed 's/^/base image: java in the image runs: /'
fi

img="$work/image"; mkdir -p "$img"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$img/layer.tar" .
diff_id="$(sha256sum "$img/layer.tar" | cut -d' ' -f1)"
mkdir -p "$img/$diff_id"; mv "$img/layer.tar" "$img/$diff_id/layer.tar"
cat > "$img/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","TZ=Asia/Shanghai"],"User":"185","WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink runtime and its shared libraries"}]}
JSON
config_id="$(sha256sum "$img/config.json" | cut -d' ' -f1)"
mv "$img/config.json" "$img/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["pipeline/base-jre:17"],"Layers":["%s/layer.tar"]}]\n' "$config_id" "$diff_id" > "$img/manifest.json"
mkdir -p "$(dirname "$out")"
# Entries named plainly (no "./"), as docker save writes them: Jib refuses an entry that resolves to the top.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$img" -cf "$out.part" \
  manifest.json "$config_id.json" "$diff_id/layer.tar"
mv "$out.part" "$out"
echo "base image: $out ($(du -h "$out" | cut -f1), $arch, layer sha256:$diff_id)"

#!/usr/bin/env bash
# Turns the docker-archive Jib writes (the format of `docker save` before Docker 25) into an OCI image layout tarball
# (image-spec 1.1: oci-layout, index.json, blobs/sha256/...) that keeps a Docker manifest.json beside it, as
# `docker save` has written since Docker 25. One file serves `docker load` (old and new), `podman load`, containerd's
# `ctr import`, and `skopeo copy oci-archive:...`. The layers are taken as they are (gzip, named by their digest);
# only the config, the image manifest and the index are written here. Reproducible: fixed times and owners.
#   deploy/images/oci-archive.sh DOCKER_ARCHIVE OUT.tar
set -euo pipefail
in="${1:?the docker-archive to convert}"; out="${2:?the OCI archive to write}"
command -v jq >/dev/null || { echo "oci-archive: needs jq" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
src="$work/src"; dst="$work/oci"; blobs="$dst/blobs/sha256"
mkdir -p "$src" "$blobs"
tar xf "$in" -C "$src"
[ "$(jq 'length' "$src/manifest.json")" = 1 ] || { echo "oci-archive: expected one image in $in" >&2; exit 1; }
image="$(jq -c '.[0]' "$src/manifest.json")"
name="$(jq -r '.RepoTags[0]' <<<"$image")"

digest() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }
# Puts a file into blobs/sha256 and prints its descriptor, {mediaType, digest, size}.
blob() {
  local file="$1" media="$2" d
  d="$(digest "$file")"
  cp "$file" "$blobs/$d"
  jq -nc --arg m "$media" --arg d "sha256:$d" --argjson s "$(size "$file")" '{mediaType: $m, digest: $d, size: $s}'
}

config="$(blob "$src/$(jq -r '.Config' <<<"$image")" application/vnd.oci.image.config.v1+json)"
layers="[]"
while read -r layer; do
  case "$layer" in
    *.tar.gz) media=application/vnd.oci.image.layer.v1.tar+gzip ;;
    *.tar) media=application/vnd.oci.image.layer.v1.tar ;;
    *) echo "oci-archive: unknown layer kind: $layer" >&2; exit 1 ;;
  esac
  layers="$(jq -c --argjson l "$(blob "$src/$layer" "$media")" '. + [$l]' <<<"$layers")"
done < <(jq -r '.Layers[]' <<<"$image")

jq -nc --argjson c "$config" --argjson l "$layers" \
  '{schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: $c, layers: $l}' > "$work/manifest"
manifest="$(blob "$work/manifest" application/vnd.oci.image.manifest.v1+json)"

# The reference: the tag alone in the OCI annotation (what skopeo and podman read), the whole name for containerd
# and Docker.
jq -nc --argjson m "$manifest" --arg name "$name" --arg tag "${name##*:}" \
  '{schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json",
    manifests: [$m + {annotations: {"org.opencontainers.image.ref.name": $tag, "io.containerd.image.name": $name}}]}' \
  > "$dst/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$dst/oci-layout"
jq -c --arg name "$name" \
  '[{Config: ("blobs/sha256/" + (.config.digest | ltrimstr("sha256:"))), RepoTags: [$name],
     Layers: [.layers[].digest | "blobs/sha256/" + ltrimstr("sha256:")]}]' "$work/manifest" > "$dst/manifest.json"

mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dst" -cf "$out.part" \
  oci-layout index.json manifest.json blobs
mv "$out.part" "$out"
echo "oci-archive: $out ($name, $(jq -r '.digest' <<<"$manifest"))"

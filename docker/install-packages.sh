#!/bin/sh
# The image's system packages: Node.js 20 (Debian trixie's), the speech engines, WordNet and a French-English
# dictionary (the memory's lexicons) and CA certificates. The Dockerfile runs it in its runtime stage, and
# `npm run addon:smoke` runs the same file in a debootstrapped Debian with chroot.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  ca-certificates \
  nodejs \
  espeak-ng \
  pocketsphinx \
  pocketsphinx-en-us \
  wordnet-base \
  dict-freedict-fra-eng
apt-get clean
rm -rf /var/lib/apt/lists/*
node --version

#!/bin/sh
# The ReSpeaker 2-mic HAT's three APA102 LEDs, from the satellite's hooks:
#   leds.sh listening | thinking | speaking | error | off
# They sit on SPI (enable it: `sudo raspi-config nonint do_spi 0`); the service user needs the
# spi group. LEDS_DEVICE overrides /dev/spidev0.0 (the tests write to a file).
set -eu
case "${1:-off}" in
  listening) red=0 green=0 blue=255 ;;
  thinking) red=255 green=140 blue=0 ;;
  speaking) red=0 green=200 blue=60 ;;
  error) red=255 green=0 blue=0 ;;
  off) red=0 green=0 blue=0 ;;
  *) echo "leds.sh: unknown state '$1'" >&2; exit 2 ;;
esac
byte() { printf "\\$(printf '%03o' "$1")"; }
{
  printf '\000\000\000\000' # start frame
  for _led in 1 2 3; do
    byte 231 # 0xE0 | brightness 7 of 31
    byte "$blue"
    byte "$green"
    byte "$red"
  done
  printf '\377\377\377\377' # end frame
} >"${LEDS_DEVICE:-/dev/spidev0.0}"

#!/bin/sh
# The ReSpeaker 2-mic HAT's button (GPIO 17) as a mute switch. Needs the gpiod package
# (`gpiomon`, libgpiod 1.6 on bookworm). Run it as its own service, or from /etc/rc.local.
#
# By default it toggles the HAT's capture switch: the codec hears nothing, the mute outlives a
# restart of the satellite, and a satellite run with `mic-mixer-control: Capture` (see
# satellite.yaml) follows it and reports it. `button.sh signal` mutes the service instead
# (SIGUSR1 mutes, SIGUSR2 unmutes), which the satellite reports too but forgets on restart.
set -eu
card=${RESPEAKER_MIXER:-hw:CARD=seeed2micvoicec}
muted=0
gpiomon --falling-edge gpiochip0 17 | while read -r _event; do
  if [ "${1:-mixer}" = mixer ]; then
    amixer -q -D "$card" sset Capture toggle
  elif [ "$muted" = 0 ]; then
    systemctl kill --signal=USR1 jarvis-satellite
    muted=1
  else
    systemctl kill --signal=USR2 jarvis-satellite
    muted=0
  fi
done

#!/bin/sh
# The ReSpeaker 2-mic HAT's button (GPIO 17) mutes and unmutes the satellite service, which
# answers SIGUSR1 (mute) and SIGUSR2 (unmute). Needs the gpiod package (`gpiomon`, libgpiod 1.6
# on bookworm). Run it as its own service, or from /etc/rc.local.
set -eu
muted=0
gpiomon --falling-edge gpiochip0 17 | while read -r _event; do
  if [ "$muted" = 0 ]; then
    systemctl kill --signal=USR1 jarvis-satellite
    muted=1
  else
    systemctl kill --signal=USR2 jarvis-satellite
    muted=0
  fi
done

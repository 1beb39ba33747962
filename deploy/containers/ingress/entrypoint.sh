#!/bin/bash
# nginx.conf names Docker's embedded DNS (127.0.0.11). Under podman the network's DNS server is elsewhere: it is
# whatever this container's /etc/resolv.conf names, so the config nginx runs is the mounted one with that address.
set -euo pipefail
nameserver=$(awk '/^nameserver/ { print $2; exit }' /etc/resolv.conf)
sed "s/resolver 127\.0\.0\.11/resolver ${nameserver:-127.0.0.11}/" /etc/nginx/nginx.conf > /run/nginx-effective.conf
exec nginx -c /run/nginx-effective.conf -g 'daemon off;'

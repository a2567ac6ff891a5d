# Sourced by the bench scripts: the service and the load generator each on a core of its own, so that
# a figure on a 2-core machine is not the two fighting over both. SERVICE_CPUS and LOAD_CPUS are taskset
# CPU lists (default 0 and 1); set both empty to run unpinned.
SERVICE_CPUS=${SERVICE_CPUS-0}
LOAD_CPUS=${LOAD_CPUS-1}
command -v taskset >/dev/null || { echo "taskset is needed: apt-get install -y util-linux"; exit 1; }

# pinned CPUS COMMAND...: runs COMMAND in place of the calling (sub)shell, on CPUS when they are given
pinned() {
  if [ -n "$1" ]; then exec taskset -c "$1" "${@:2}"; else exec "${@:2}"; fi
}

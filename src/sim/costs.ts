// Every number the model uses, with its source beside it. docs/model.md explains the same table for a
// teacher. Change a number here and MODEL_VERSION must change too, so saved results say which model
// scored them.
//
// Sources (see ../shared/domain.md):
//  [Felter] Felter, Ferreira, Rajamony, Rubio, "An Updated Performance Comparison of Virtual Machines and
//           Linux Containers", IBM Research RC25482 (2014) / ISPASS 2015. KVM there used virtio, i.e.
//           para-virtual drivers: random-I/O IOPS about half of native; network round trip about +30 µs
//           (+80 %); containers about equal to native, Docker NAT adding a little network latency.
//  [Firecracker] Agache et al., NSDI 2020, and Firecracker's SPECIFICATION.md: QEMU ~131 MB overhead per
//           VM; a microVM boots to /sbin/init in ≤ 125 ms with a minimal kernel.
//  [Images] Docker Hub image READMEs: alpine ≈ 5.6 MB, ubuntu ≈ 64 MB, debian ≈ 114 MB,
//           windowsservercore ≈ 10 GB, nanoserver ≈ 1 GB.
//  [VENOM]  CVE-2015-3456: an emulated floppy controller in QEMU let a guest escape (Xen and KVM hit).
//  [Seeds]  The two source articles: Type-2 translates guest I/O into host syscalls ("변환과정의
//           오버헤드"); containers send I/O straight to the host kernel; Type-1 has no general-purpose host.
//  [domain.md] ../shared/domain.md, the project's brief on what must be true (it corrects the seeds).
//  [Assumption] A teaching assumption: chosen for the right order of magnitude and the right ordering,
//           not measured. docs/model.md lists every one.

import type { Kernel, PacketKind } from './types';

/** Changes whenever a cost or rule below changes any result. */
export const MODEL_VERSION = 'kc-model-4';

/** One engine tick, in simulated milliseconds and microseconds. Time in the engine is integer ticks. */
export const TICK_MS = 10;
export const TICK_US = TICK_MS * 1000;

/** Index of each packet kind in per-kind arrays (same order as PACKET_KINDS). */
export const KIND_DISK = 0;
export const KIND_NET = 1;
export const KIND_SYSCALL = 2;
export const KIND_INDEX: Record<PacketKind, number> = { disk: KIND_DISK, net: KIND_NET, syscall: KIND_SYSCALL };


/**
 * The stations a packet can visit ("hops"), top to bottom. Depth orders them: every path visits stations
 * in increasing depth, which lets the engine move all packets of a tick in one pass.
 */
export const STATION_KINDS = [
  'container-engine',
  'guest-kernel',
  'vm-exit',
  'backend',
  'type2-process',
  'host-syscall',
  'host-kernel',
  'disk',
  'nic',
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const STATION_DEPTH: Record<StationKind, number> = {
  'container-engine': 0,
  'guest-kernel': 1,
  'vm-exit': 2,
  backend: 3,
  'type2-process': 3,
  'host-syscall': 4,
  'host-kernel': 5,
  disk: 6,
  nic: 6,
};
export const MAX_DEPTH = 6;

/**
 * A packet on the board stands for a bundle of this many requests of its kind, handled one after another
 * by each hop. A hop's time per packet is its per-request time × BUNDLE_REQUESTS, which makes a disk hop
 * last half a second of board time: long enough to watch a packet crawl through Type-2 and zip through
 * a container, and a classroom-sized stream of packets (a few per second per app) can load the machine.
 * Latencies are reported per request (a packet's time ÷ BUNDLE_REQUESTS), in µs, so they compare
 * directly with the published figures.
 */
export const BUNDLE_REQUESTS = 5000;

/**
 * Service time per request in µs, by kind [disk, net, syscall]: the time a request spends inside the hop
 * when nothing waits ahead of it. Unloaded path sums (µs):
 *   native disk 112, net 37, syscall 1.5 (syscalls stop at the first kernel, in every architecture);
 *   container disk 115, net 43 (overlay filesystem; bridge + NAT [Felter]);
 *   type1-para disk 142, net 67 (= native + 30 µs, +80 % [Felter]);
 *   type1-full disk 207, net 112 (device emulation: many trapped accesses per I/O [domain.md]);
 *   type2 (emulated) disk 284, net 154: the slowest, by the translation into host syscalls [Seeds].
 */
export const SERVICE_US = {
  /** A kernel's syscall entry and its block layer / TCP-IP stack. [Assumption], order of magnitude of a
   * Linux syscall (~1 µs) and per-request block/network stack costs (~10 µs). */
  kernel: [12, 12, 1.5],
  /** Container engine's data path: overlay filesystem for disk, bridge + NAT for network (Docker's
   * default NAT adds a little latency [Felter]; the µs are an [Assumption]); syscalls go straight to the
   * shared kernel. */
  containerEngine: [3, 6, 0],
  /** Leaving the VM: emulated devices trap on many register accesses; a para-virtual driver rings one
   * doorbell / hypercall per batch [domain.md]. */
  vmExit: { emulated: [35, 30, 0], para: [4, 4, 0] },
  /** Type-2 exits also switch out to a user-space process on the host. [Assumption] */
  type2VmExit: { emulated: [50, 45, 0], para: [8, 8, 0] },
  /** The VM's device backend on Type-1 (in the management domain, e.g. Xen's Dom0, or QEMU/vhost for
   * KVM): emulating a device vs. a para-virtual backend (blkback/netback, virtio). Para net:
   * 4 + 11 = +15 µs over native one way, half of Felter's +30 µs round trip [Felter] (kc-model-2 put the
   * whole round trip on the one-way path); the emulated µs are an [Assumption] ("slower still"). */
  backend: { emulated: [60, 45, 0], para: [26, 11, 0] },
  /** The Type-2 hypervisor's process emulating the VM's devices (VirtualBox, VMware Workstation).
   * [Assumption]: slower than Type-1's backend, the seeds' "Type-2 is slow for disk and network". */
  type2Process: { emulated: [90, 45, 0], para: [30, 30, 0] },
  /** Type-2 translation: a guest disk write becomes a write() to an image file on the host, a guest
   * packet a host socket send [Seeds, domain.md]. [Assumption] for the µs. */
  hostSyscall: [20, 15, 0],
  /** The hardware: an SSD random 4 KiB read ~100 µs, a NIC send ~25 µs. [Assumption], typical. */
  disk: [100, 0, 0],
  nic: [0, 25, 0],
} as const;

/**
 * How many requests a hop can serve at once (its servers). Throughput of a hop = servers ÷ service time.
 * A hop whose arrivals exceed it builds a queue that the board shows.
 *   disk: 8 outstanding requests → 80 000 req/s.
 *   One VM's para-virtual backend: one I/O thread, 26 µs → 38 000 req/s ≈ half the disk's random-I/O
 *   rate, as Felter et al. measured for KVM with virtio ("every I/O passes through QEMU").
 *   Emulated backend: 60 µs → 17 000 req/s ≈ 0.2 of native ("emulated devices are slower still").
 *   Type-2 process: 90 µs → 11 000 req/s ≈ 0.14 of native, the slowest.
 */
export const SERVERS = {
  // [Assumption] for every count; the ratio backend ÷ disk follows [Felter] as explained above.
  /** Per core of the machine (host kernel, container engine) or per vCPU (guest kernel, VM exits). */
  perCore: 1,
  backend: 1,
  type2Process: 1,
  /** The Type-2 hypervisor's host-side I/O threads, shared by its VMs. [Assumption] */
  hostSyscall: 2,
  disk: 8,
  nic: 4,
} as const;

/**
 * A packet that would wait longer than this in one hop's queue is dropped: the hop's queue is full.
 * [Assumption] 500 µs per request, i.e. 2.5 s of board time for a packet.
 */
export const MAX_QUEUE_WAIT_PER_REQUEST_US = 500;
export const MAX_QUEUE_WAIT_US = MAX_QUEUE_WAIT_PER_REQUEST_US * BUNDLE_REQUESTS;

/** vCPUs of a VM, for its guest kernel's capacity. [Assumption] a small 2-vCPU VM. */
export const VM_VCPUS = 2;

/** Memory, GiB. */
export const MEMORY_GIB = {
  /** A general-purpose host OS at idle. [Assumption] Linux server ~1 GiB; Windows Server ~2 GiB. */
  hostOs: { linux: 1, windows: 2 } as Record<Kernel, number>,
  /** Type-1 hypervisor plus its minimal management domain (e.g. Xen Dom0). [Assumption] */
  type1Hypervisor: 1,
  /** Type-2 hypervisor application on the host. [Assumption] */
  type2Hypervisor: 0.25,
  /** A guest OS inside a VM. [Assumption] as for host OSes. */
  guestOs: { linux: 1, windows: 2 } as Record<Kernel, number>,
  /** Per-VM monitor overhead: QEMU ~131 MB [Firecracker]. */
  vmMonitor: 0.128,
  /** Container engine daemons (dockerd + containerd). [Assumption] ~100 MiB. */
  containerEngine: 0.1,
  /** Per container: runtime shim and namespaces. [Assumption] ~10 MiB. */
  containerOverhead: 10 / 1024,
} as const;

/** Default app working set and image sizes (contracts.md §1a). */
export const DEFAULT_APP_MEMORY_MIB = 256;
export const DEFAULT_IMAGE_MB: Record<Kernel, number> = { linux: 100, windows: 1000 };
export const DEFAULT_REGISTRY_MBPS = 200;

/** Time to get one new instance running once its image is on the machine, seconds. */
export const START_SECONDS = {
  /** A process starting on a running kernel. [Assumption] */
  process: 0.2,
  /** A container from a cached image (copy-on-write layers): well under a second. Windows containers
   * (process isolation) start slower. [Assumption] */
  container: { linux: 0.5, windows: 4 } as Record<Kernel, number>,
  /** A VM boots a whole guest OS: tens of seconds, Windows slower [domain.md]. The same on either
   * hypervisor type: both boot the same guest, with emulated firmware on Type-1 too (kc-model-2's ×1.5
   * for Type-2 had no source and was removed in kc-model-3). [Assumption] for the figures. */
  vmType1: { linux: 20, windows: 45 } as Record<Kernel, number>,
  vmType2: { linux: 20, windows: 45 } as Record<Kernel, number>,
} as const;

/**
 * The app's own CPU work per request, µs, when its level gives no `computeUs`: parsing, business logic,
 * building a reply. It runs natively in every architecture — with hardware assistance (VT-x / AMD-V) guest
 * code runs on the real CPU; Felter et al. measured CPU-bound work under KVM within a few per cent of
 * native (Linpack 284.2 against 290.8 GFLOPS once tuned) [Felter] — so it adds the same time to a
 * request everywhere. The user waits for compute + I/O; the speed score compares that, while the hop
 * view keeps showing the I/O alone. The figure itself is an [Assumption]: the order of a small web or
 * database request's CPU time (a few hundred µs), chosen so that compute and I/O weigh about alike.
 */
export const DEFAULT_COMPUTE_US = 200;

/**
 * Chance that a VM escape succeeds once the attacker holds its guest kernel. [Assumption], relative only:
 * emulated devices are a larger attack surface than para-virtual ones (VENOM [VENOM]); a Type-2
 * hypervisor is a user process on a full, general-purpose host OS, a larger surface than a Type-1
 * hypervisor with a minimal management domain [domain.md].
 */
export const VM_ESCAPE_CHANCE = {
  type2: { emulated: 0.6, para: 0.45 },
  type1: { emulated: 0.3, para: 0.1 },
} as const;

/** After an attack lands, it reaches one more exposed tenant every this many ms until quarantined.
 * [Assumption]: a pacing that makes quarantine meaningful, not a measured speed. */
export const ATTACK_SPREAD_MS = 1000;

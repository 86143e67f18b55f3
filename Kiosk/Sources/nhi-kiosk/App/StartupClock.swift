import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times for the start-up measurement (`--report-first-frame`, Benchmarks/kiosk-start.sh).
enum StartupClock {
    /// Wall-clock time now, in nanoseconds since the epoch (comparable with `date +%s%N`).
    static func realtimeNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Milliseconds since the kernel started this process (`/proc/self/stat` field 22,
    /// in clock ticks, against `CLOCK_BOOTTIME`); nil where /proc is unavailable.
    static func millisecondsSinceProcessStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may contain spaces) start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        var boot = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        let now = Double(boot.tv_sec) + Double(boot.tv_nsec) / 1e9
        return (now - ticks / hertz) * 1000
    }
}

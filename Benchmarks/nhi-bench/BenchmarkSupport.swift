/// Shared pieces of the benchmarks: a deterministic generator and a timer.

/// SplitMix64, the same generator as `Benchmarks/reference/*.py`, so both sides see the
/// same inputs and can compare checksums.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` `repeats` times and returns the fastest run in seconds (the least disturbed
/// by other processes on a shared machine).
func fastest(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<repeats {
        let elapsed = try clock.measure { try body() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    return best
}

/// Prevents the optimiser from discarding a computed value.
@inline(never)
func keep<T>(_ value: T) { withExtendedLifetime(value) {} }

import MallocCounter

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One way of processing a scenario's frames: ours or a baseline.
struct Contender {
    /// `ours`, `codable` (baseline a) or `serialization` (baseline b).
    var name: String
    /// Processes `count` frames, returns a checksum of the output (so nothing is optimised away).
    var run: (_ count: Int) async throws -> Int
}

/// A scenario: the same frames, processed by each contender.
struct Scenario {
    var name: String
    /// Bytes in and out of one frame (for the table).
    var bytesIn: Int
    var bytesOut: Int
    var contenders: [Contender]
    /// How many different frames a contender cycles through: every sample processes whole cycles,
    /// so samples of a mixed scenario weigh its frames alike.
    var cycle = 1

    /// `frames` rounded up to whole cycles.
    func wholeCycles(_ frames: Int) -> Int {
        (frames + cycle - 1) / cycle * cycle
    }
}

/// The measurement of one contender in one scenario.
struct Measurement {
    var framesPerSecond: Double
    /// Relative spread of the samples: (p75 - p25) / median of the time per frame.
    var spread: Double
    var mallocsPerFrame: Double
}

/// Timing rules: warm-up samples are discarded, then `samples` samples of about `sampleSeconds` of
/// CPU time each are taken, round-robin across the contenders of a scenario, and the median is reported.
struct Harness {
    var samples = 15
    var warmUpSamples = 3
    var sampleSeconds = 0.05
    var allocationFrames = 200

    /// Wall-clock seconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds used by this process. Samples are timed with it rather than the wall clock, so
    /// other processes on a busy machine do not count against whichever contender they interrupt
    /// (the work is single-threaded and never waits, so CPU time is the time it takes).
    static func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// How many frames make a sample of about `sampleSeconds`.
    func calibrate(_ contender: Contender) async throws -> Int {
        var count = 1
        while true {
            let start = Self.cpuNow()
            blackHole(try await contender.run(count))
            let elapsed = Self.cpuNow() - start
            if elapsed >= sampleSeconds / 4 || count >= 1 << 24 {
                return max(1, Int(Double(count) * sampleSeconds / max(elapsed, 1e-9)))
            }
            count *= 4
        }
    }

    func measure(_ scenario: Scenario) async throws -> [Measurement] {
        var counts: [Int] = []
        for contender in scenario.contenders { counts.append(scenario.wholeCycles(try await calibrate(contender))) }
        var secondsPerFrame = Array(repeating: [Double](), count: scenario.contenders.count)
        for round in 0..<(warmUpSamples + samples) {
            for (index, contender) in scenario.contenders.enumerated() {
                let start = Self.cpuNow()
                blackHole(try await contender.run(counts[index]))
                let elapsed = Self.cpuNow() - start
                if round >= warmUpSamples { secondsPerFrame[index].append(elapsed / Double(counts[index])) }
            }
        }
        var results: [Measurement] = []
        let frames = scenario.wholeCycles(allocationFrames)
        for (index, contender) in scenario.contenders.enumerated() {
            let sorted = secondsPerFrame[index].sorted()
            let median = percentile(sorted, 0.5)
            let spread = (percentile(sorted, 0.75) - percentile(sorted, 0.25)) / median
            _ = try await contender.run(frames)  // warm caches (lazy statics, buffers) first
            malloc_counter_start()
            blackHole(try await contender.run(frames))
            let mallocs = malloc_counter_stop()
            results.append(
                Measurement(
                    framesPerSecond: 1 / median, spread: spread,
                    mallocsPerFrame: Double(mallocs) / Double(frames)))
        }
        return results
    }

    private func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
